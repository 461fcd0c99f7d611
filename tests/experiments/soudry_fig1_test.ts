/**
 * Soudry et al. (2018) on their Figure 1 data, and Nacson et al. (2019): the
 * predictions of docs/experiments.md §1–§2 that the spine must reproduce.
 */
import assert from "node:assert/strict";
import { filter, lastValueFrom, toArray } from "rxjs";
import { analyze } from "../../src/run/analyze.ts";
import { presetSpec } from "../../src/presets/presets.ts";
import { train } from "../../src/streams/train.ts";
import type { Snapshot } from "../../src/engine/snapshot.ts";
import { maxMarginL2 } from "../../src/reference/max_margin_l2.ts";
import { linearClassification } from "../../src/problems/linear_classification/linear_classification.ts";
import { soudryFig1 } from "../../src/problems/shared/soudry_fig1.ts";
import { lpNorm } from "../../src/math/lp_norm.ts";

async function decades(spec: Record<string, unknown>): Promise<Map<number, Snapshot>> {
  // The float64 CPU engine: `auto` would pick WebGPU (float32) on a machine with a GPU.
  const run = { ...spec, backend: "cpu", record: { perDecade: 1, everyMs: 0 } };
  const snaps = await lastValueFrom(train(run).pipe(analyze(run), filter((s) => s.trigger !== "heartbeat"), toArray()));
  return new Map(snaps.map((s) => [s.step, s]));
}

function at(m: Map<number, Snapshot>, t: number): Snapshot {
  const s = m.get(t);
  assert.ok(s, `a snapshot at step ${t}`);
  return s;
}

const fig1 = linearClassification(soudryFig1(), { loss: "logistic", reduction: "sum" });
const what = await maxMarginL2(fig1.z, 2);
const wHatNorm = lpNorm(what.predictor!.data, 2);

Deno.test("soudry-fig1: w(t) = ŵ·ln t + ρ(t) — norm growth per decade, t·L(t) and the angle gap", async () => {
  const spec = presetSpec("soudry-fig1") as Record<string, unknown>;
  const eta = (spec.optimizer as { lr: number }).lr;
  const m = await decades({ ...spec, steps: 1_000_000 });
  // (i) ‖w(10t)‖ − ‖w(t)‖ → ‖ŵ‖·ln 10, within 2% at t = 10⁵.
  const growth = at(m, 1e6).metrics.norm! - at(m, 1e5).metrics.norm!;
  const expectedGrowth = wHatNorm * Math.LN10;
  assert.ok(Math.abs(growth / expectedGrowth - 1) < 0.02, `growth ${growth} vs ${expectedGrowth}`);
  // (ii) t·L(w(t)) → ‖ŵ‖²/η, within 1% at t = 10⁶.
  const tl = 1e6 * at(m, 1e6).metrics.loss!;
  const expectedTl = wHatNorm ** 2 / eta;
  assert.ok(Math.abs(tl / expectedTl - 1) < 0.01, `t·L ${tl} vs ${expectedTl}`);
  // (iii) the angle gap decreases (after the first transient) and is below 1e-4 by t = 10⁵ …
  const gaps = [100, 1e3, 1e4, 1e5, 1e6].map((t) => at(m, t).metrics.angle_gap!);
  for (let k = 1; k < gaps.length; k++) assert.ok(gaps[k]! < gaps[k - 1]!, `angle gaps ${gaps}`);
  assert.ok(at(m, 1e5).metrics.angle_gap! < 1e-4);
  // … and under C/log² t with one constant C for every decade (rate 1/log² t).
  const c = gaps[0]! * Math.log(100) ** 2;
  [100, 1e3, 1e4, 1e5, 1e6].forEach((t, k) => assert.ok(gaps[k]! <= c * 1.0001 / Math.log(t) ** 2));
  // The margin gap closes from above.
  assert.ok(at(m, 1e6).metrics.margin_gap! > 0 && at(m, 1e6).metrics.margin_gap! < at(m, 1e3).metrics.margin_gap!);
});

Deno.test("soudry-fig1: the limit direction does not depend on step size or initialization", async () => {
  const base = presetSpec("soudry-fig1") as Record<string, unknown>;
  const variants = [
    { optimizer: { kind: "gd", lr: 0.01 } },
    { optimizer: { kind: "gd", lr: 0.05 }, init: { kind: "gaussian", scale: 1, seed: 3 } },
  ];
  for (const v of variants) {
    const m = await decades({ ...base, ...v, steps: 100_000 });
    const gaps = [1e3, 1e4, 1e5].map((t) => at(m, t).metrics.angle_gap!);
    assert.ok(gaps[0]! > gaps[1]! && gaps[1]! > gaps[2]! && gaps[2]! < 1e-5, `${JSON.stringify(v)}: ${gaps}`);
  }
});

Deno.test("soudry-fig1 variants: momentum, SGD and the exponential loss reach the same direction", async () => {
  for (const name of ["soudry-fig1-momentum", "soudry-fig1-sgd", "soudry-fig1-exp"]) {
    const m = await decades({ ...presetSpec(name) as Record<string, unknown>, steps: 100_000 });
    const gaps = [1e3, 1e4, 1e5].map((t) => at(m, t).metrics.angle_gap!);
    assert.ok(gaps[0]! > gaps[1]! && gaps[1]! > gaps[2]! && gaps[2]! < 1e-5, `${name}: ${gaps}`);
  }
});

Deno.test("nacson-normalized-gd: at t = 10⁴ its distance to ŵ/‖ŵ‖ is ≥ 10× smaller than GD's", async () => {
  const ngd = await decades({ ...presetSpec("nacson-normalized-gd") as Record<string, unknown>, steps: 10_000 });
  const gd = await decades({ ...presetSpec("soudry-fig1-exp") as Record<string, unknown>, steps: 10_000 });
  const ratio = at(gd, 1e4).metrics.dist_ref! / at(ngd, 1e4).metrics.dist_ref!;
  assert.ok(ratio >= 10, `GD/NGD distance ratio ${ratio}`);
});
