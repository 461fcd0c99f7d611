import assert from "node:assert/strict";
import { theoryLayer } from "../../src/viewer/theory_layer.ts";
import { assertClose } from "../_assert_close.ts";

const classification = (optimizer: Record<string, unknown>, data: Record<string, unknown> = { kind: "points" }) => ({
  problem: { kind: "linear-classification", loss: "logistic", reduction: "sum", data },
  optimizer,
});
const ref = { kind: "max-margin-l2", shape: [2], data: [0.5, 0.5], margin: Math.SQRT2 };
const steps = [1, 10, 100, 1000, 2000, 5000, 10000];

Deno.test("theoryLayer() draws ‖ŵ‖·ln t + c on ‖w‖ with the offset fitted on the last decade only", () => {
  const hat = Math.SQRT1_2;
  // The early points are off the asymptote; the last decade (1000…10000) is ŵ·ln t + 0.3 exactly.
  const ys = steps.map((t) => hat * Math.log(t) + (t >= 1000 ? 0.3 : 2));
  const layer = theoryLayer("norm", { spec: classification({ kind: "gd", lr: 1 }), reference: ref, steps, ys });
  assert.equal(layer.lines.length, 1);
  const line = layer.lines[0]!;
  assert.equal(line.kind, "theorem");
  assertClose(line.f(1e8), hat * Math.log(1e8) + 0.3, { rtol: 1e-12 });
  assertClose(line.f(1e9) - line.f(1e8), hat * Math.LN10, { rtol: 1e-12 });
  assert.match(line.label, /‖ŵ‖ = 0\.7071/);
  assert.match(layer.note!, /per decade/);
  assert.ok(Number.isNaN(line.f(0)));
});

Deno.test("theoryLayer() gives ‖ŵ‖²/(η t) on the loss for plain GD only", () => {
  const spec = classification({ kind: "gd", lr: 0.25, momentum: 0 });
  const layer = theoryLayer("loss", { spec, reference: ref, steps, ys: steps.map(() => 1) });
  assertClose(layer.lines[0]!.f(100), 0.5 / (0.25 * 100), { rtol: 1e-15 });
  const momentum = theoryLayer("loss", {
    spec: classification({ kind: "gd", lr: 0.25, momentum: 0.9 }),
    reference: ref,
    steps,
    ys: steps,
  });
  assert.equal(momentum.lines.length, 0);
  const squared = { problem: { kind: "linear-classification", loss: "squared" }, optimizer: { kind: "gd", lr: 1 } };
  assert.equal(theoryLayer("loss", { spec: squared, reference: ref, steps, ys: steps }).lines.length, 0);
});

Deno.test("theoryLayer() puts γ̂ on the margin chart and nothing without a max-margin reference", () => {
  const spec = classification({ kind: "gd", lr: 1 });
  const layer = theoryLayer("margin", { spec, reference: ref, steps, ys: steps });
  assert.equal(layer.lines[0]!.f(123), Math.SQRT2);
  assert.match(layer.lines[0]!.label, /^γ̂ = 1\.414 /);
  assert.equal(theoryLayer("margin_l2", { spec, reference: ref, steps, ys: steps }).lines.length, 1);
  assert.equal(theoryLayer("margin_l1", { spec, reference: ref, steps, ys: steps }).lines.length, 0);
  assert.deepEqual(theoryLayer("margin", { spec, reference: null, steps, ys: steps }), { lines: [], note: null });
  const none = { kind: "none", shape: [], data: [] };
  assert.equal(theoryLayer("norm", { spec, reference: none, steps, ys: steps }).lines.length, 0);
});

Deno.test("theoryLayer() draws rate guides through the latest point, and measures the slope of the last decade", () => {
  const ys = steps.map((t) => 3 * t ** -0.65);
  const fig1 = classification({ kind: "gd", lr: 1 }, { kind: "dataset", name: "soudry-fig1" });
  const layer = theoryLayer("angle_gap", { spec: fig1, reference: ref, steps, ys });
  const guide = layer.lines[0]!;
  assert.equal(guide.kind, "guide");
  assert.match(guide.label, /∝ 1\/ln² t \(fitted guide/);
  assertClose(guide.f(10000), ys.at(-1)!, { rtol: 1e-12 });
  assertClose(guide.f(100) / guide.f(10000), Math.log(10000) ** 2 / Math.log(100) ** 2, { rtol: 1e-12 });
  assert.match(layer.note!, /O\(1\/ln² t\)/);
  assert.match(layer.note!, /log-log slope −0\.65 over the last decade/);
  assert.match(layer.note!, /on this data set the support vectors make w̃ parallel to ŵ/);

  const ngd = theoryLayer("dist_ref", {
    spec: classification({ kind: "normalized-gd", lr: 0.1 }),
    reference: ref,
    steps,
    ys: steps.map((t) => 2 / t),
  });
  assertClose(ngd.lines[0]!.f(50), 2 / 50, { rtol: 1e-12 });
  assert.match(ngd.note!, /Nacson et al\. \(2019\)/);
});

Deno.test("theoryLayer() draws ‖X̄‖∗ on the nuclear norm chart of a minimum nuclear norm reference", () => {
  const spec = { problem: { kind: "matrix-sensing" }, optimizer: { kind: "gd", lr: 0.1 } };
  const reference = { kind: "min-nuclear-norm", shape: [2, 2], data: [3, 0, 0, -2] };
  const layer = theoryLayer("norm_nuclear", { spec, reference, steps, ys: steps });
  assertClose(layer.lines[0]!.f(1), 5, { rtol: 1e-12 });
  assert.equal(theoryLayer("sv_0", { spec, reference, steps, ys: steps }).lines.length, 0);
});
