import { lastValueFrom, tap } from "rxjs";
import { createCpuEngine } from "../src/cpu/cpu_engine.ts";
import { analysisPipeline } from "../src/operators/analysis_pipeline.ts";
import { solveReference } from "../src/reference/solve_reference.ts";
import { train } from "../src/streams/train.ts";
import { logisticRun } from "./impls/_logistic_run.ts";
import { median } from "./measure.ts";
import type { LogisticWorkload } from "./workloads/workload.ts";

/** Throughput of a streamed run against the bare engine. */
export interface OverheadResult {
  /** Workload name. */
  readonly workload: string;
  /** Steps per run. */
  readonly steps: number;
  /** Median steps/s of `engine.advance` alone. */
  readonly bareStepsPerSec: number;
  /** Median steps/s of `train()` piped through the default analysis, to a subscriber. */
  readonly streamStepsPerSec: number;
  /** 1 − stream/bare. */
  readonly overhead: number;
  /** Snapshots per streamed run. */
  readonly snapshots: number;
}

/**
 * Measures what streaming costs: the same run through the bare CPU engine
 * (`advance` in chunks of 2¹⁶ steps, nothing read) and through `train()` with
 * the default recording (log-spaced plus a 1 s heartbeat) and the full
 * default operator pipeline, alternately `repeats` times.
 *
 * @param workload The logistic workload.
 * @param steps Steps per run.
 * @param repeats Runs of each (medians are reported).
 * @returns Both throughputs and the overhead.
 *
 * @example Usage
 * ```ts
 * import { streamOverhead } from "./stream_overhead.ts";
 * import { workloads } from "./workloads/workload.ts";
 * import type { LogisticWorkload } from "./workloads/workload.ts";
 *
 * const r = await streamOverhead(workloads("d=2")[0]! as LogisticWorkload, 10_000, 1);
 * console.log(r.overhead);
 * ```
 */
export async function streamOverhead(workload: LogisticWorkload, steps: number, repeats = 3): Promise<OverheadResult> {
  const run = logisticRun(workload, "cpu", steps);
  const reference = await solveReference(run);
  const bare: number[] = [], stream: number[] = [];
  let snapshots = 0;
  for (let r = 0; r < repeats; r++) {
    const engine = createCpuEngine(run);
    let t0 = performance.now();
    while (engine.step < steps) await engine.advance(Math.min(65536, steps - engine.step));
    bare.push(steps / ((performance.now() - t0) / 1000));
    engine.dispose();
    snapshots = 0;
    t0 = performance.now();
    await lastValueFrom(train(run).pipe(analysisPipeline(run, reference), tap(() => snapshots++)));
    stream.push(steps / ((performance.now() - t0) / 1000));
  }
  const b = median(bare), s = median(stream);
  return {
    workload: workload.name,
    steps,
    bareStepsPerSec: b,
    streamStepsPerSec: s,
    overhead: 1 - s / b,
    snapshots,
  };
}
