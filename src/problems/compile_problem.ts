import type { ProblemKindName } from "./problem_kinds.ts";
import { type KindTypes, PROBLEM_KINDS } from "./problem_kinds.ts";
import type { ProblemSpec } from "./problem_spec_schema.ts";
import type { CompileOptions } from "./shared/problem_kind.ts";

/**
 * Turns a validated problem spec into a {@link Problem}, loading its data, by
 * its kind's descriptor.
 *
 * @param spec The problem spec.
 * @param options Where relative data paths start.
 * @returns The problem.
 * @throws {SpecError} when the data cannot be loaded, a held-out set's width
 *   differs from the training data's, or a class label is out of range.
 *
 * @example Usage
 * ```ts
 * import { compileProblem } from "./compile_problem.ts";
 * import assert from "node:assert/strict";
 *
 * const p = compileProblem({
 *   kind: "linear-classification", loss: "logistic", reduction: "sum",
 *   data: { kind: "dataset", name: "soudry-fig1" },
 * });
 * assert.equal(p.size, 2);
 * ```
 */
export function compileProblem<S extends ProblemSpec>(
  spec: S,
  options: CompileOptions = {},
): KindTypes[S["kind"]]["problem"] {
  return compileKind(spec.kind, spec, options);
}

function compileKind<K extends ProblemKindName>(
  kind: K,
  spec: KindTypes[K]["spec"],
  options: CompileOptions,
): KindTypes[K]["problem"] {
  return PROBLEM_KINDS[kind].compile(spec, options);
}
