import assert from "node:assert/strict";
import { runPreset } from "./_run_preset.ts";

// experiments.md §11 at CI size: the lyu-li-homogeneous preset (bias-free ReLU net, logistic loss, full-batch GD,
// lr 2, MNIST 3 vs 5 at 7×7) on 40 examples and 8 hidden units, for 3·10⁴ steps, heartbeat off.
Deno.test("lyu-li-homogeneous: once the training error is 0, the normalized margin never decreases", async () => {
  const all = await runPreset("lyu-li-homogeneous", {
    "problem.data.n": 40,
    "problem.widths[0]": 8,
    "problem.test.n": 200,
    steps: 30_000,
  });
  assert.ok(all.every((s) => s.trigger !== "heartbeat"));
  const first = all.findIndex((s) => s.metrics.train_error === 0);
  assert.ok(first >= 0, "the training error reaches 0");
  const from = all[first]!.step, to = all.at(-1)!.step;
  assert.ok(to >= 1000 * from, `three decades of steps after the error reaches 0 (${from} → ${to})`);
  for (let i = first + 1; i < all.length; i++) {
    const [a, b] = [all[i - 1]!, all[i]!];
    assert.equal(b.metrics.train_error, 0);
    // Measured: no dip at all here; the theorem (gradient flow) allows none, a finite step ~1e-5 relative.
    assert.ok(
      b.metrics.margin_normalized! >= a.metrics.margin_normalized! * (1 - 1e-9),
      `margin_normalized fell from ${a.metrics.margin_normalized} (step ${a.step}) to ${b.metrics.margin_normalized} (step ${b.step})`,
    );
    assert.ok(b.metrics.margin_smoothed! >= a.metrics.margin_smoothed!, `margin_smoothed fell at step ${b.step}`);
    assert.ok(b.metrics.margin_smoothed! <= b.metrics.margin_normalized!, "the smoothed margin is a lower bound");
  }
  assert.ok(all.at(-1)!.metrics.margin_normalized! > 2 * all[first]!.metrics.margin_normalized!);
});
