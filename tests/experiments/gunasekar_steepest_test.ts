/**
 * Gunasekar, Lee, Soudry & Srebro (ICML 2018), docs/experiments.md §3: steepest
 * descent w.r.t. ℓp on separable data with the exponential loss converges in
 * direction to the ℓp max-margin separator; GD on softmax cross-entropy to the
 * multiclass SVM.
 */
import assert from "node:assert/strict";
import { presetSpec } from "../../src/presets/presets.ts";
import { compileRun } from "../../src/run/compile_run.ts";
import { solveReference } from "../../src/run/solve_reference.ts";
import type { Snapshot } from "../../src/engine/snapshot.ts";
import { at, last, record } from "./_record.ts";

const NORMS = ["l1", "l2", "linf"] as const;
const METRIC = { l1: "margin_l1", l2: "margin_l2", linf: "margin_linf" } as const;

Deno.test("gunasekar-steepest-*: each method's margin approaches its own norm's max margin and beats the others there", async () => {
  const runs = new Map<string, Map<number, Snapshot>>();
  const maxMargin = new Map<string, number>();
  for (const norm of NORMS) {
    const spec = presetSpec(`gunasekar-steepest-${norm}`) as Record<string, unknown>;
    runs.set(norm, await record(spec));
    const ref = await solveReference(compileRun(spec));
    assert.ok(ref.predictor !== null, norm);
    maxMargin.set(norm, ref.margin!);
  }
  const ratio = (method: string, norm: (typeof NORMS)[number], t?: number) => {
    const m = runs.get(method)!;
    return (t === undefined ? last(m) : at(m, t)).metrics[METRIC[norm]]! / maxMargin.get(norm)!;
  };
  for (const norm of NORMS) {
    const own = ratio(norm, norm);
    // Approaches the max margin: ≥ 0.9 after 3·10⁵ steps (the margin gap closes like 1/log t).
    assert.ok(own >= 0.9, `steepest ${norm}: ${norm} margin ratio ${own}`);
    assert.ok(own <= 1 + 1e-9, `no margin exceeds the maximum (${own})`);
    // Rises with time.
    const series = [1e3, 1e4, 1e5].map((t) => ratio(norm, norm, t)).concat(own);
    for (let k = 1; k < series.length; k++) assert.ok(series[k]! > series[k - 1]!, `${norm}: ${series}`);
    for (const other of NORMS) {
      if (other === norm) continue;
      // In its norm it beats the other methods …
      assert.ok(
        own > ratio(other, norm) + 0.1,
        `${norm} margin: steepest ${norm} ${own} vs steepest ${other} ${ratio(other, norm)}`,
      );
      // … and its own-norm ratio beats its ratios in the other norms.
      assert.ok(own > ratio(norm, other) + 0.1, `steepest ${norm}: ${own} vs its ${other} ratio ${ratio(norm, other)}`);
    }
    assert.equal(last(runs.get(norm)!).metrics.margin, last(runs.get(norm)!).metrics[METRIC[norm]]);
  }
});

Deno.test("steepest descent that overflows the exponential loss ends as diverged, with finite metrics", async () => {
  const spec = presetSpec("gunasekar-steepest-linf") as Record<string, unknown>;
  const m = await record({ ...spec, optimizer: { kind: "steepest", norm: "linf", lr: 0.01 }, steps: 1000 });
  const end = last(m);
  assert.equal(end.status, "diverged");
  assert.ok(end.step < 1000);
  for (const [name, value] of Object.entries(end.metrics)) assert.ok(Number.isFinite(value), `${name} = ${value}`);
});

Deno.test("soudry-multiclass: GD on softmax cross-entropy converges in direction to the multiclass SVM", async () => {
  const m = await record(presetSpec("soudry-multiclass") as Record<string, unknown>);
  const decades = [1e2, 1e3, 1e4, 1e5].map((t) => at(m, t).metrics);
  // The angle gap closes and the margin rises every decade (slowly: like 1/log t) …
  for (let k = 1; k < decades.length; k++) {
    assert.ok(decades[k]!.angle_gap! < decades[k - 1]!.angle_gap!, `angle gap, decade ${k}`);
    assert.ok(decades[k]!.margin! > decades[k - 1]!.margin!, `margin, decade ${k}`);
  }
  // … and stays below the SVM's: margin_gap > 0.
  const end = decades[3]!;
  assert.ok(end.margin_gap! > 0);
  assert.ok(end.cos_ref! > 0.99, `cos ${end.cos_ref}`);
  assert.ok(end.margin! / (end.margin! + end.margin_gap!) > 0.8, `margin ${end.margin}, gap ${end.margin_gap}`);
});
