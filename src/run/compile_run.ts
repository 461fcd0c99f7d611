import { parseSpec } from "./spec_parser.ts";
import type { RunSpec } from "./run_spec_schema.ts";
import { SpecError } from "../spec/spec_error.ts";
import { compileProblem } from "../problems/compile_problem.ts";
import type { Problem } from "../problems/problem.ts";
import { initParams } from "./init_params.ts";

/** A run spec made concrete: data loaded, problem built, initial parameters drawn. */
export interface CompiledRun {
  /** The validated spec, defaults filled in. */
  readonly spec: RunSpec;
  /** The objective. */
  readonly problem: Problem;
  /** The initial parameters (engines copy them). */
  readonly init: Float64Array;
  /** Things worth telling the user that do not stop the run. */
  readonly warnings: readonly string[];
}

/** Options of {@link compileRun}. */
export interface CompileRunOptions {
  /** Directory against which relative data paths resolve (e.g. the spec file's). */
  baseDir?: string;
}

/**
 * Validates a spec (if it is not already a {@link CompiledRun}) and compiles it.
 *
 * @param spec A run spec as JSON, or an already compiled run (returned as is).
 * @param options Where relative data paths start.
 * @returns The compiled run.
 * @throws {SpecError} on a bad spec or unreadable data.
 *
 * @example Usage
 * ```ts
 * import { compileRun } from "./compile_run.ts";
 * import assert from "node:assert/strict";
 *
 * const run = compileRun({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   optimizer: { kind: "gd", lr: 0.1 },
 *   steps: 1000,
 * });
 * assert.equal(run.problem.size, 2);
 * ```
 */
export function compileRun(spec: unknown, options: CompileRunOptions = {}): CompiledRun {
  if (isCompiledRun(spec)) return spec;
  const parsed = parseSpec(spec);
  const problem = compileProblem(parsed.problem, options);
  if (parsed.optimizer.kind === "sgd" && parsed.optimizer.batch > problem.examples) {
    const { batch } = parsed.optimizer;
    throw new SpecError([{
      path: "optimizer.batch",
      message: `Expected a batch of at most the ${problem.examples} examples of the problem`,
      input: batch,
    }]);
  }
  const init = initParams(parsed.init, problem.size, problem);
  return { spec: parsed, problem, init, warnings: stepSizeWarnings(parsed, problem) };
}

/**
 * Whether a value is a {@link CompiledRun} rather than a spec.
 *
 * @param value Anything.
 * @returns True for compiled runs.
 *
 * @example Usage
 * ```ts
 * import { isCompiledRun } from "./compile_run.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isCompiledRun({ steps: 3 }), false);
 * ```
 */
export function isCompiledRun(value: unknown): value is CompiledRun {
  return typeof value === "object" && value !== null && "problem" in value && "init" in value &&
    (value as { init: unknown }).init instanceof Float64Array;
}

function stepSizeWarnings(spec: RunSpec, problem: Problem): string[] {
  const opt = spec.optimizer;
  if (opt.kind !== "gd" || problem.size * problem.examples > 4e6) return [];
  const smooth = problem.smoothness();
  if (smooth === null || smooth === 0) return [];
  const bound = (2 / smooth) * (1 - opt.momentum);
  if (opt.lr <= bound) return [];
  return [
    `Step size ${opt.lr} exceeds the classical stability bound 2(1 - momentum)/L = ${bound.toPrecision(4)} ` +
    `(L = ${smooth.toPrecision(4)}); on separable logistic problems GD often converges anyway (Soudry et al. 2018)`,
  ];
}
