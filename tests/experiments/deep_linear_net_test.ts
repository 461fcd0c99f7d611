/**
 * Deep linear networks, docs/experiments.md §6 (seed slides 22–23; Ji & Telgarsky,
 * ICLR 2019): whatever the depth, GD's end-to-end predictor converges in
 * direction to the L2 max-margin SVM.
 */
import assert from "node:assert/strict";
import { deepLinearNets } from "../../examples/deep_linear_nets.ts";

// Experiment 6: whatever the depth, β = (W_L⋯W₁)ᵀ converges in direction to the L2 max margin.
Deno.test("deepLinearNets() depths 2, 3, 4 converge in direction to the L2 max margin", async () => {
  const { byDepth, maxMargin } = await deepLinearNets({ depths: [2, 3, 4], steps: 1_000_000 });
  for (const [depth, points] of byDepth) {
    const late = points.filter((p) => p.step >= 100);
    assert.deepEqual(late.map((p) => p.step), [100, 1000, 10_000, 100_000, 1_000_000]);
    // The angle gap falls every decade, to a small fraction of where it stood at step 1000.
    for (let i = 1; i < late.length; i++) {
      assert.ok(late[i]!.angleGap < late[i - 1]!.angleGap, `L = ${depth}: gap rose at step ${late[i]!.step}`);
    }
    const last = late.at(-1)!, at1000 = late[1]!;
    assert.ok(last.angleGap < 1e-3, `L = ${depth}: angle gap ${last.angleGap} at 10⁶ steps`);
    assert.ok(last.angleGap < 0.4 * at1000.angleGap, `L = ${depth}: ${last.angleGap} vs ${at1000.angleGap} at 10³`);
    // …and the normalized margin approaches the max margin from below.
    assert.ok(
      last.margin <= maxMargin * (1 + 1e-9) && last.margin > 0.97 * maxMargin,
      `L = ${depth}: margin ${last.margin}`,
    );
  }
});
