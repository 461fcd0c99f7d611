import assert from "node:assert/strict";
import { type SensingOperator, sensingOperator } from "../../src/math/sensing_operator.ts";
import { createRng } from "../../src/random/rng.ts";
import { assertAllClose, assertClose } from "../_assert_close.ts";

const n = 5, m = 7;
const rng = createRng(11);
const randn = (k: number) => Float64Array.from({ length: k }, () => rng.normal());

function symmetricDense(): Float64Array {
  const a = randn(m * n * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) for (let k = 0; k < j; k++) a[i * n * n + j * n + k] = a[i * n * n + k * n + j]!;
  }
  return a;
}

/** ⟨A(X), c⟩ = ⟨X, A*(c)⟩, K = [⟨Aᵢ, Aⱼ⟩], and measure/adjoint agree with matrix(i). */
function checkOperator(op: SensingOperator, symmetricX: boolean): void {
  const x = randn(n * n);
  if (symmetricX) { for (let j = 0; j < n; j++) for (let k = 0; k < j; k++) x[j * n + k] = x[k * n + j]!; }
  const c = randn(op.m), ax = new Float64Array(op.m), atc = new Float64Array(n * n);
  op.measure(x, ax);
  op.adjoint(c, atc);
  const lhs = ax.reduce((s, v, i) => s + v * c[i]!, 0), rhs = x.reduce((s, v, k) => s + v * atc[k]!, 0);
  assertClose(lhs, rhs, { rtol: 1e-12 }, "adjointness");
  const mats = Array.from({ length: op.m }, (_, i) => op.matrix(i));
  mats.forEach((ai, i) =>
    assertClose(ax[i]!, ai.reduce((s, v, k) => s + v * x[k]!, 0), { rtol: 1e-12 }, `measure ${i}`)
  );
  const gram = op.gram();
  for (let i = 0; i < op.m; i++) {
    for (let j = 0; j < op.m; j++) {
      assertClose(gram[i * op.m + j]!, mats[i]!.reduce((s, v, k) => s + v * mats[j]![k]!, 0), {
        rtol: 1e-12,
        atol: 1e-14,
      });
    }
  }
  // A batch of rows measures those rows, and the adjoint sums those rows only.
  const rows = new Uint32Array([3, 0, 3]), out = new Float64Array(3), g = new Float64Array(n * n);
  op.measure(x, out, rows, 3);
  assertAllClose(out, [ax[3]!, ax[0]!, ax[3]!], { rtol: 1e-14 });
  op.adjoint(new Float64Array([1, 2, -1]), g, rows, 2);
  assertAllClose(g, mats[3]!.map((v, k) => v + 2 * mats[0]![k]!), { rtol: 1e-14, atol: 1e-15 });
}

Deno.test("sensingOperator() dense symmetric (packed) is self-consistent", () => {
  const op = sensingOperator(n, { structure: "dense", a: symmetricDense() }, true);
  assert.equal(op.structure, "dense");
  checkOperator(op, false);
  checkOperator(op, true);
});

Deno.test("sensingOperator() dense symmetric ignores the skew part of X", () => {
  const op = sensingOperator(n, { structure: "dense", a: symmetricDense() }, true);
  const x = randn(n * n), xt = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) xt[j * n + k] = x[k * n + j]!;
  const a = new Float64Array(m), b = new Float64Array(m);
  op.measure(x, a);
  op.measure(xt, b);
  assertAllClose(a, b, { rtol: 1e-13 });
});

Deno.test("sensingOperator() dense general, entries and diagonal are self-consistent", () => {
  checkOperator(sensingOperator(n, { structure: "dense", a: randn(m * n * n) }, false), false);
  const entries = new Uint32Array([0, 0, 1, 3, 4, 2, 2, 2, 0, 4, 3, 3, 4, 1]);
  checkOperator(sensingOperator(n, { structure: "entries", entries }, true), false);
  checkOperator(sensingOperator(n, { structure: "entries", entries }, false), false);
  checkOperator(sensingOperator(n, { structure: "diagonal", a: randn(m * n) }, true), false);
});

Deno.test("sensingOperator() symmetric entries measure X_jk of a symmetric X", () => {
  const op = sensingOperator(3, { structure: "entries", entries: new Uint32Array([0, 2, 1, 1]) }, true);
  const out = new Float64Array(2);
  op.measure(new Float64Array([1, 2, 3, 2, 5, 6, 3, 6, 9]), out);
  assert.deepEqual(Array.from(out), [3, 5]);
});
