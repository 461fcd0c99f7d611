import assert from "node:assert/strict";
import { nuclearNorm } from "../../../src/math/nuclear_norm.ts";
import { sensingData } from "../../../src/problems/shared/sensing_data.ts";
import type { MeasurementsSpec } from "../../../src/problems/shared/data_schema.ts";
import { assertAllClose, assertClose } from "../../_assert_close.ts";

const fixture = JSON.parse(Deno.readTextFileSync(new URL("../../fixtures/numpy_legacy.json", import.meta.url)));

Deno.test("sensingData() with rng numpy rebuilds Wu & Rebeschini's instance at np.random.seed(1)", () => {
  const wr = fixture.wu_rebeschini;
  const data = sensingData({ kind: "gaussian", m: wr.m, truthRank: wr.r, seed: 1, scale: 1, rng: "numpy" }, {
    n: wr.n,
    symmetric: true,
  });
  const n = wr.n;
  assertAllClose(data.truth!.subarray(0, 8), wr.truth_row0, { rtol: 1e-13 });
  const a0 = data.operator.matrix(0), last = data.operator.matrix(wr.m - 1);
  assert.deepEqual(Array.from(a0.subarray(n, n + 8)), wr.a0_row1);
  assert.deepEqual(Array.from(last.subarray(49 * n + n - 8, 50 * n)), wr.a_last_row49);
  assertAllClose(data.y.subarray(0, 8), wr.y_head, { rtol: 1e-11, atol: 1e-14 });
  assertAllClose(data.y.subarray(wr.m - 8), wr.y_tail, { rtol: 1e-11, atol: 1e-14 });
});

Deno.test("sensingData() scales the truth to the nuclear norm asked for", () => {
  for (const symmetric of [true, false]) {
    const common = { m: 6, truthRank: 2, seed: 4, scale: 2.5 };
    const specs: MeasurementsSpec[] = [
      { kind: "gaussian", ...common, rng: "biasflow" },
      { kind: "completion", ...common },
      { kind: "diagonal", ...common },
    ];
    for (const spec of specs) {
      const data = sensingData(spec, { n: 6, symmetric });
      assertClose(nuclearNorm(data.truth!, 6), 2.5, { rtol: 1e-12 }, `${spec.kind} symmetric=${symmetric}`);
      const y = new Float64Array(6);
      data.operator.measure(data.truth!, y);
      assert.deepEqual(y, data.y);
    }
  }
});

Deno.test("sensingData() draws a PSD rank-r truth for symmetric sensing and distinct completion entries", () => {
  const data = sensingData({ kind: "completion", m: 21, truthRank: 2, seed: 2, scale: 1 }, { n: 6, symmetric: true });
  const t = data.truth!;
  for (let j = 0; j < 6; j++) for (let k = 0; k < 6; k++) assertClose(t[j * 6 + k]!, t[k * 6 + j]!, { rtol: 1e-15 });
  let trace = 0;
  for (let j = 0; j < 6; j++) trace += t[j * 6 + j]!;
  assertClose(trace, 1, { rtol: 1e-12 }); // PSD: nuclear norm = trace
  const seen = new Set<number>();
  for (let i = 0; i < 21; i++) {
    const a = data.operator.matrix(i);
    const idx = a.findIndex((v) => v !== 0);
    assert.ok(!seen.has(idx), `entry ${idx} observed twice`);
    seen.add(idx);
  }
  assert.equal(seen.size, 21); // all of the upper triangle
});

Deno.test("sensingData() diagonal truth is sparse and nonnegative when symmetric", () => {
  const data = sensingData({ kind: "diagonal", m: 4, truthRank: 3, seed: 5, scale: 1 }, { n: 10, symmetric: true });
  const diag = Array.from({ length: 10 }, (_, j) => data.truth![j * 10 + j]!);
  assert.equal(diag.filter((v) => v !== 0).length, 3);
  assert.ok(diag.every((v) => v >= 0));
  assert.equal(data.operator.structure, "diagonal");
});

Deno.test("sensingData() keeps inline points, detecting diagonal sensing", () => {
  const dense = sensingData({ kind: "points", a: [[[1, 2], [2, 0]]], y: [3] }, { n: 2, symmetric: true });
  assert.equal(dense.operator.structure, "dense");
  assert.equal(dense.truth, null);
  const diag = sensingData({ kind: "points", a: [[[1, 0], [0, 2]]], y: [3], truth: [[1, 0], [0, 1]] }, {
    n: 2,
    symmetric: true,
  });
  assert.equal(diag.operator.structure, "diagonal");
  assert.deepEqual(Array.from(diag.truth!), [1, 0, 0, 1]);
});
