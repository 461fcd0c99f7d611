import process from "node:process";
import { lastValueFrom, tap } from "rxjs";
import { createCpuEngine } from "../src/cpu/cpu_engine.ts";
import { analysisPipeline } from "../src/run/analysis_pipeline.ts";
import { solveReference } from "../src/run/solve_reference.ts";
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
  /** Median steps per wall-clock second of `engine.advance` alone. */
  readonly bareStepsPerSec: number;
  /** Median steps per wall-clock second of `train()` piped through the default analysis, to a subscriber. */
  readonly streamStepsPerSec: number;
  /** 1 − stream/bare, wall clock. */
  readonly overhead: number;
  /** 1 − stream/bare in steps per CPU second of this process (less disturbed by other programs). */
  readonly cpuOverhead: number;
  /** Snapshots per streamed run. */
  readonly snapshots: number;
}

/**
 * Measures what streaming costs: the same run through the bare CPU engine
 * (`advance` in chunks of 2¹⁶ steps, nothing read) and through `train()` with
 * the default recording (log-spaced plus a 1 s heartbeat) and the full
 * default operator pipeline, `repeats` times each, alternating which goes
 * first; by wall clock and by this process's CPU time.
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
export async function streamOverhead(workload: LogisticWorkload, steps: number, repeats = 5): Promise<OverheadResult> {
  const run = logisticRun(workload, "cpu", steps);
  const reference = await solveReference(run);
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const bare = { wall: [] as number[], cpu: [] as number[] };
  const stream = { wall: [] as number[], cpu: [] as number[] };
  let snapshots = 0;
  async function timed(into: { wall: number[]; cpu: number[] }, body: () => Promise<void>): Promise<void> {
    const w0 = performance.now(), c0 = cpu();
    await body();
    into.wall.push(steps / ((performance.now() - w0) / 1000));
    into.cpu.push(steps / (cpu() - c0));
  }
  const runBare = () =>
    timed(bare, async () => {
      const engine = createCpuEngine(run);
      while (engine.step < steps) await engine.advance(Math.min(65536, steps - engine.step));
      engine.dispose();
    });
  const runStream = () =>
    timed(stream, async () => {
      snapshots = 0;
      await lastValueFrom(train(run).pipe(analysisPipeline(run, reference), tap(() => snapshots++)));
    });
  await runBare(); // warm-up, not counted
  bare.wall.length = bare.cpu.length = 0;
  for (let r = 0; r < repeats; r++) {
    if (r % 2 === 0) {
      await runBare();
      await runStream();
    } else {
      await runStream();
      await runBare();
    }
  }
  const b = median(bare.wall), s = median(stream.wall);
  return {
    workload: workload.name,
    steps,
    bareStepsPerSec: b,
    streamStepsPerSec: s,
    overhead: 1 - s / b,
    cpuOverhead: 1 - median(stream.cpu) / median(bare.cpu),
    snapshots,
  };
}
