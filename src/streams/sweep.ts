import { merge, Observable } from "rxjs";
import { compileRun, type CompileRunOptions, isCompiledRun } from "../run/compile_run.ts";
import type { CompiledRun } from "../run/compile_run.ts";
import { createEngines } from "../backend/create_engines.ts";
import { parseSpec } from "../run/spec_parser.ts";
import { setAtPath } from "../spec/set_at_path.ts";
import { createRunId } from "./create_run_id.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import { train, type TrainOptions } from "./train.ts";

/**
 * Compiles one run per value of a swept field, validating all of them before
 * any runs.
 *
 * @param spec The base run spec (JSON, or a compiled run whose spec is used).
 * @param path The field to vary, e.g. `optimizer.lr`.
 * @param values One value per run.
 * @param options Where relative data paths start.
 * @returns The compiled runs, in the order of `values`.
 * @throws {SpecError} naming the first value that makes a bad spec.
 *
 * @example Usage
 * ```ts
 * import { sweepRuns } from "./sweep.ts";
 * import assert from "node:assert/strict";
 *
 * const runs = sweepRuns({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   optimizer: { kind: "gd" },
 *   steps: 100,
 * }, "optimizer.lr", [0.01, 0.1]);
 * assert.equal(runs[1]!.spec.optimizer.lr, 0.1);
 * ```
 */
export function sweepRuns(
  spec: unknown,
  path: string,
  values: readonly unknown[],
  options: CompileRunOptions = {},
): CompiledRun[] {
  if (values.length === 0) throw new RangeError(`Cannot sweep ${path}: no values were given`);
  // Fill in defaults first, so that e.g. optimizer.lr can be swept on a spec that leaves the optimizer out.
  const base = isCompiledRun(spec) ? spec.spec : parseSpec(spec);
  return values.map((value) => compileRun(setAtPath(base, path, value), options));
}

/**
 * Trains one run per value of a field, concurrently, as one stream. Runs get
 * distinct ids (`<base>-<i>`) and each snapshot carries `sweep: { path, value }`.
 * Unless `options.engine` is given, the engines come from one
 * {@link createEngines} call, so on WebGPU the K runs step as K workgroups of
 * one dispatch while each still streams on its own.
 *
 * @param spec The base run spec.
 * @param path The field to vary, e.g. `optimizer.lr`.
 * @param values One value per run.
 * @param options As for {@link train}; `runId` is the base of the runs' ids.
 * @returns The merged snapshots of all runs; it errors if any spec is bad.
 *
 * @example Usage
 * ```ts
 * import { sweep } from "./sweep.ts";
 * import { filter, lastValueFrom, toArray } from "rxjs";
 * import assert from "node:assert/strict";
 *
 * const finals = await lastValueFrom(sweep({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   optimizer: { kind: "gd" },
 *   steps: 100,
 * }, "optimizer.lr", [0.01, 0.1]).pipe(filter((s) => s.status === "done"), toArray()));
 * assert.equal(new Set(finals.map((s) => s.run)).size, 2);
 * ```
 */
export function sweep(
  spec: unknown,
  path: string,
  values: readonly unknown[],
  options: TrainOptions = {},
): Observable<Snapshot> {
  return new Observable<Snapshot>((subscriber) => {
    const runs = sweepRuns(spec, path, values, options.baseDir === undefined ? {} : { baseDir: options.baseDir });
    const base = options.runId ?? createRunId(`${runs[0]!.spec.name ?? "sweep"}-${path}`);
    const engines = options.engine === undefined ? createEngines(runs) : null;
    engines?.catch(() => {});
    return merge(
      ...runs.map((run, i) =>
        train(run, {
          ...options,
          runId: `${base}-${i}`,
          sweep: { path, value: values[i] },
          ...(engines === null ? {} : { engine: () => engines.then((all) => all[i]!) }),
        })
      ),
    ).subscribe(subscriber);
  });
}
