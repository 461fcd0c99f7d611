import { lastValueFrom, tap } from "rxjs";
import { analyze } from "../src/run/analyze.ts";
import { train } from "../src/streams/train.ts";

/** RSS over a long streamed run. */
export interface MemoryResult {
  /** Steps streamed. */
  readonly steps: number;
  /** Snapshots the subscriber received. */
  readonly snapshots: number;
  /** Seconds it took. */
  readonly seconds: number;
  /** RSS (bytes) when a tenth of the steps were done: the baseline, after warm-up. */
  readonly baselineRss: number;
  /** Largest RSS after the baseline. */
  readonly maxRss: number;
  /** maxRss / baselineRss − 1. */
  readonly growth: number;
  /** RSS samples (bytes) with the step they were taken at. */
  readonly samples: { step: number; rss: number }[];
  /** growth ≤ 10%. */
  readonly flat: boolean;
}

/**
 * Streams a long run through `train()` and the default analysis with a live
 * subscriber, sampling the process's RSS every 50 ms; memory is flat when its
 * peak after the first tenth of the steps is within 10% of its value there.
 *
 * @param steps Steps to stream (default 10⁷).
 * @returns The samples and the verdict.
 *
 * @example Usage
 * ```ts
 * import { memoryCheck } from "./memory_check.ts";
 *
 * const r = await memoryCheck(20_000);
 * console.log(r.growth);
 * ```
 */
export async function memoryCheck(steps = 1e7): Promise<MemoryResult> {
  const spec = {
    problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
    optimizer: { kind: "gd", lr: 0.1 },
    steps,
  };
  const samples: { step: number; rss: number }[] = [];
  let step = 0, snapshots = 0;
  const timer = setInterval(() => samples.push({ step, rss: Deno.memoryUsage().rss }), 50);
  const t0 = performance.now();
  try {
    await lastValueFrom(
      train(spec).pipe(
        analyze(spec),
        tap((s) => {
          step = s.step;
          snapshots++;
        }),
      ),
    );
  } finally {
    clearInterval(timer);
  }
  samples.push({ step, rss: Deno.memoryUsage().rss });
  const after = samples.filter((s) => s.step >= steps / 10);
  const baselineRss = after[0]?.rss ?? samples[0]!.rss;
  const maxRss = Math.max(...after.map((s) => s.rss));
  const growth = maxRss / baselineRss - 1;
  return {
    steps,
    snapshots,
    seconds: (performance.now() - t0) / 1000,
    baselineRss,
    maxRss,
    growth,
    samples,
    flat: growth <= 0.1,
  };
}

if (import.meta.main) {
  // Run alone in its own process (as run_bench.ts does) so that nothing else is in the RSS.
  console.log(JSON.stringify(await memoryCheck(Number(Deno.args[0] ?? 1e7))));
}
