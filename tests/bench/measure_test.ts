import assert from "node:assert/strict";
import type { Impl } from "../../bench/impls/impl.ts";
import { measure, median, sameIteratesFailures } from "../../bench/measure.ts";
import { workloads } from "../../bench/workloads/workload.ts";

Deno.test("median() takes the middle value, or the mean of the two middle values", () => {
  assert.equal(median([5]), 5);
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});

/** A fake implementation whose k steps take k·secondsPerStep (reported, not slept) and whose parameters are given. */
function fake(id: string, secondsPerStep: number, params: number[], skip: string | null = null): Impl {
  return {
    id,
    label: id,
    bits: 64,
    skip: () => Promise.resolve(skip),
    setup: () =>
      Promise.resolve({
        run: (k: number) => Promise.resolve(k * secondsPerStep),
        params: () => Promise.resolve(Float64Array.from(params)),
        dispose() {},
      }),
  };
}

Deno.test("measure() reports medians, ratios, deviations from NumPy's iterates, the gate and skip reasons", async () => {
  const w = workloads("n=16 ")[0]!;
  const results = await measure(
    w,
    [
      fake("fast", 1e-6, [1, 2]),
      fake("base", 4e-6, [1, 2.002]),
      fake("numpy", 2e-6, [1, 2]),
      fake("short", 2e-6, [1]),
      fake("gone", 1e-6, [0], "not here"),
    ],
    "base",
    { warmupSeconds: 0.01, roundSeconds: 0.001, rounds: 3 },
  );
  const [fast, base, numpy, short, gone] = results;
  assert.equal(fast!.stepsPerSec, 1e6);
  assert.equal(base!.stepsPerSec, 2.5e5);
  assert.equal(fast!.ratio, 4);
  assert.equal(base!.ratio, 1);
  assert.equal(fast!.reference, "numpy", "NumPy is the reference, not the first implementation");
  assert.equal(fast!.deviation, 0);
  assert.equal(fast!.sameIterates, true);
  assert.ok(Math.abs(base!.deviation! - 0.001) < 1e-12);
  assert.equal(base!.sameIterates, false, "1e-3 is beyond the float64 tolerance");
  assert.equal(numpy!.deviation, undefined, "the reference is not compared with itself");
  assert.equal(short!.deviation, Infinity, "a length mismatch is a failure, not NaN");
  assert.equal(short!.sameIterates, false);
  assert.deepEqual(gone, { id: "gone", skipped: "not here" });
  assert.equal(fast!.samples!.length, 3);
  assert.equal(fast!.multiplyAddsPerStep, 2 * 16 * 2);
  const failures = sameIteratesFailures([{ name: w.name, results }]);
  assert.equal(failures.length, 2);
  assert.match(failures[0]!, /^base on logistic n=16 d=2: iterates differ from numpy's by 1\.0e-3 \(tolerance 1e-10\)/);
});
