import type { Impl, Runner } from "./impls/impl.ts";
import { multiplyAddsPerStep, type Workload } from "./workloads/workload.ts";

/** How long to warm up and to measure. */
export interface MeasureOptions {
  /** Seconds of warm-up per implementation, which also calibrates the step count (default 0.5). */
  warmupSeconds?: number;
  /** Target seconds per measurement (default 0.3). */
  roundSeconds?: number;
  /** Measurements per implementation, interleaved (default 5). */
  rounds?: number;
  /** Steps after which parameters are compared to the independent reference's (default 3). */
  checkSteps?: number;
}

/**
 * The implementations whose iterates the others are checked against, in order of preference: NumPy (an
 * independent implementation, in another language), else the bench's own plain TypeScript loop (which shares no
 * code with biasflow).
 */
export const REFERENCE_IDS: readonly string[] = ["numpy", "plain-ts"];

/**
 * The largest relative difference from the reference's parameters allowed after `checkSteps` steps: float64
 * implementations differ only by the order of sums (≈ 1e-15 per step), float32 ones by float32 rounding.
 */
export const SAME_ITERATES_TOLERANCE: Readonly<Record<32 | 64, number>> = { 64: 1e-10, 32: 1e-4 };

/** One implementation's result on one workload. */
export interface ImplResult {
  /** {@link Impl.id}. */
  readonly id: string;
  /** Why it did not run, when it did not. */
  readonly skipped?: string;
  /** Median steps/s over the rounds. */
  readonly stepsPerSec?: number;
  /** Steps/s of each round. */
  readonly samples?: number[];
  /** Steps per round. */
  readonly stepsPerRound?: number;
  /** Median over rounds of (this / the baseline in the same round). */
  readonly ratio?: number;
  /** max |p − p_ref| / max |p_ref| after `checkSteps` steps from the same start (∞ when the shapes differ). */
  readonly deviation?: number;
  /** The id of the implementation the iterates were compared with. */
  readonly reference?: string;
  /** The tolerance `deviation` was held to ({@link SAME_ITERATES_TOLERANCE} of its float width). */
  readonly tolerance?: number;
  /** False when `deviation` exceeds `tolerance`: the row fails the bench. */
  readonly sameIterates?: boolean;
  /** This implementation's own multiply-adds per step. */
  readonly multiplyAddsPerStep?: number;
}

/**
 * The median of some numbers.
 *
 * @param xs Numbers (not empty).
 * @returns Their median.
 *
 * @example Usage
 * ```ts
 * import { median } from "./measure.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(median([3, 1, 2]), 2);
 * assert.equal(median([4, 1, 2, 3]), 2.5);
 * ```
 */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/**
 * Measures every implementation on one workload, in one process and one
 * period: each is set up and checked (its parameters after `checkSteps`
 * steps against NumPy's, an independent implementation, see
 * {@link REFERENCE_IDS}), warmed up while its
 * steps per round are calibrated, then measured `rounds` times, the order
 * rotating each round so that drifts in machine load hit all alike. Ratios
 * are taken within each round, then their median.
 *
 * @param workload The problem.
 * @param impls The implementations (column order).
 * @param baseline The id of the ratios' denominator.
 * @param options Warm-up and round lengths.
 * @param log Progress lines.
 * @returns One result per implementation.
 *
 * @example Usage
 * ```ts
 * import { measure } from "./measure.ts";
 * import { plainTs } from "./impls/plain_ts.ts";
 * import { workloads } from "./workloads/workload.ts";
 * import assert from "node:assert/strict";
 *
 * const [r] = await measure(workloads("d=2")[0]!, [plainTs()], "plain-ts", { warmupSeconds: 0.05, roundSeconds: 0.02, rounds: 3 });
 * assert.equal(r!.ratio, 1);
 * ```
 */
export async function measure(
  workload: Workload,
  impls: readonly Impl[],
  baseline: string,
  options: MeasureOptions = {},
  log: (line: string) => void = () => {},
): Promise<ImplResult[]> {
  const { warmupSeconds = 0.5, roundSeconds = 0.3, rounds = 5, checkSteps = 3 } = options;
  const live: { impl: Impl; runner: Runner; k: number; samples: number[]; params: Float64Array }[] = [];
  const skipped = new Map<string, string>();
  for (const impl of impls) {
    const reason = await impl.skip(workload);
    if (reason) {
      skipped.set(impl.id, reason);
      continue;
    }
    log(`  ${impl.label}: setup`);
    const runner = await impl.setup(workload);
    await runner.run(checkSteps);
    const params = await runner.params();
    // Warm-up, doubling k until a call takes a quarter of the warm-up.
    let k = 1, rate = 0, spent = 0;
    while (spent < warmupSeconds) {
      const s = await runner.run(k);
      spent += s;
      rate = k / Math.max(s, 1e-9);
      if (s < warmupSeconds / 4) k *= 2;
    }
    live.push({ impl, runner, k: Math.max(1, Math.round(rate * roundSeconds)), samples: [], params });
  }
  const reference = REFERENCE_IDS.map((id) => live.find((e) => e.impl.id === id)).find((e) => e !== undefined);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < live.length; i++) {
      const entry = live[(i + r) % live.length]!;
      entry.samples.push(entry.k / (await entry.runner.run(entry.k)));
    }
    log(`  round ${r + 1}/${rounds}`);
  }
  const base = live.find((e) => e.impl.id === baseline);
  const results: ImplResult[] = [];
  for (const impl of impls) {
    const entry = live.find((e) => e.impl === impl);
    if (!entry) {
      results.push({ id: impl.id, skipped: skipped.get(impl.id)! });
      continue;
    }
    await entry.runner.dispose();
    const ratio = base ? median(entry.samples.map((s, r) => s / base.samples[r]!)) : undefined;
    const check = reference && reference !== entry
      ? (() => {
        const deviation = maxDeviation(entry.params, reference.params);
        const tolerance = entry.impl.sameIteratesTolerance?.value ?? SAME_ITERATES_TOLERANCE[entry.impl.bits];
        return { deviation, reference: reference.impl.id, tolerance, sameIterates: deviation <= tolerance };
      })()
      : {};
    results.push({
      id: impl.id,
      stepsPerSec: median(entry.samples),
      samples: entry.samples,
      stepsPerRound: entry.k,
      ...(ratio === undefined ? {} : { ratio }),
      ...check,
      multiplyAddsPerStep: multiplyAddsPerStep(workload, { packed: impl.packedSensing }),
    });
  }
  return results;
}

/**
 * The rows whose iterates differ from the reference's beyond {@link SAME_ITERATES_TOLERANCE}, as messages.
 *
 * @param rows Each workload's results.
 * @returns One message per failing row (empty when all agree).
 *
 * @example Usage
 * ```ts
 * import { sameIteratesFailures } from "./measure.ts";
 * import assert from "node:assert/strict";
 *
 * const rows = [{ name: "w", results: [{ id: "a", deviation: 0.5, reference: "numpy", tolerance: 1e-10, sameIterates: false }] }];
 * assert.match(sameIteratesFailures(rows)[0]!, /a on w: iterates differ from numpy's by 5.0e-1/);
 * ```
 */
export function sameIteratesFailures(rows: readonly { name: string; results: readonly ImplResult[] }[]): string[] {
  return rows.flatMap((row) =>
    row.results.filter((r) => r.sameIterates === false).map((r) =>
      `${r.id} on ${row.name}: iterates differ from ${r.reference}'s by ${
        r.deviation!.toExponential(1)
      } (tolerance ${r.tolerance})`
    )
  );
}

/** max |p − ref| / max |ref|; ∞ when the two are not the same shape (never NaN, which reports would drop). */
function maxDeviation(p: Float64Array, ref: Float64Array): number {
  if (p.length !== ref.length) return Infinity;
  let num = 0, den = 0;
  for (let i = 0; i < p.length; i++) {
    num = Math.max(num, Math.abs(p[i]! - ref[i]!));
    den = Math.max(den, Math.abs(ref[i]!));
  }
  return den === 0 ? num : num / den;
}
