/**
 * Nacson et al. (AISTATS 2019), docs/experiments.md §2: normalized GD (η/L(w)) on
 * the exponential loss converges in direction like 1/t, GD like 1/log t.
 * On random separable data (the symmetric Figure 1 data converge faster still;
 * see soudry_fig1_test.ts).
 */
import assert from "node:assert/strict";
import { presetSpec } from "../../src/presets/presets.ts";
import { at, record } from "./_record.ts";

Deno.test("nacson-normalized-gd-gaussian: 10× closer than GD at t = 10⁴, distance falling like 1/t", async () => {
  const ngd = await record(presetSpec("nacson-normalized-gd-gaussian") as Record<string, unknown>);
  const gd = await record(presetSpec("nacson-gd-gaussian") as Record<string, unknown>);
  const dist = (m: typeof ngd, t: number) => at(m, t).metrics.dist_ref!;
  const ratio = dist(gd, 1e4) / dist(ngd, 1e4);
  assert.ok(ratio >= 10, `GD/NGD distance ratio at 10⁴: ${ratio}`);
  // Log-log slope over the last decade: −1 for a 1/t rate (GD's 1/log t gives ≈ −0.05).
  const slope = Math.log10(dist(ngd, 1e4) / dist(ngd, 1e3));
  assert.ok(slope > -1.2 && slope < -0.8, `normalized GD slope ${slope}`);
  const gdSlope = Math.log10(dist(gd, 1e4) / dist(gd, 1e3));
  assert.ok(gdSlope > -0.3, `GD slope ${gdSlope}`);
});
