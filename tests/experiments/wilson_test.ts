/**
 * Wilson, Roelofs, Stern, Srebro & Recht (NeurIPS 2017), docs/experiments.md §8:
 * on their least-squares construction AdaGrad, RMSProp and Adam from 0 reach
 * ¼·sign(Xᵀy), which predicts +1 on every new point (test error = the share of
 * negatives, ≈ 1 − p), while GD and SGD reach the minimum-norm solution, which
 * classifies new points perfectly.
 */
import assert from "node:assert/strict";
import { presetSpec } from "../../src/presets/presets.ts";
import { wilsonData } from "../../src/problems/shared/wilson_data.ts";
import { wilsonTestData } from "../../src/problems/shared/wilson_test_data.ts";
import { last, record } from "./_record.ts";

const spec = presetSpec("wilson-gd") as {
  problem: { data: { n: number; p: number; seed: number }; test: { n: number; p: number; seed: number } };
};
const train = wilsonData(spec.problem.data);
const test = wilsonTestData({ ...spec.problem.test, d: train.d });
const negatives = test.y.filter((v) => v === -1).length / test.n;

Deno.test("wilson-adagrad, -rmsprop, -adam: test error equals the share of negative test points", async () => {
  assert.ok(train.y.filter((v) => v === 1).length > train.n / 2, "the premise: more positives than negatives");
  assert.ok(Math.abs(negatives - 0.25) < 0.05, `share of negatives ${negatives} ≈ 1 − p`);
  for (const name of ["wilson-adagrad", "wilson-rmsprop", "wilson-adam"]) {
    const end = last(await record(presetSpec(name) as Record<string, unknown>));
    assert.equal(end.status, "done");
    assert.equal(end.metrics.test_error, negatives, `${name} predicts +1 everywhere`);
    // It sits at (AdaGrad, Adam) or oscillates near (RMSProp's constant step) ¼·sign(Xᵀy).
    assert.ok(end.metrics.rel_err_ref! < 1e-2, `${name}: distance to ¼·sign(Xᵀy) ${end.metrics.rel_err_ref}`);
  }
});

Deno.test("wilson-gd, -sgd: the minimum-norm solution has test error 0", async () => {
  for (const name of ["wilson-gd", "wilson-sgd"]) {
    const end = last(await record(presetSpec(name) as Record<string, unknown>));
    assert.equal(end.status, "done");
    assert.equal(end.metrics.test_error, 0, name);
    assert.ok(end.metrics.rel_err_ref! < 1e-8, `${name}: ${end.metrics.rel_err_ref}`);
  }
});
