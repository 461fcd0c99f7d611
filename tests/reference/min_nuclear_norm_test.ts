import assert from "node:assert/strict";
import { EigenvalueDecomposition, Matrix, pseudoInverse, SingularValueDecomposition } from "ml-matrix";
import { nuclearNorm } from "../../src/math/nuclear_norm.ts";
import { sensingData } from "../../src/problems/shared/sensing_data.ts";
import { sensingOperator } from "../../src/math/sensing_operator.ts";
import { minNuclearNorm } from "../../src/reference/min_nuclear_norm.ts";
import { minNuclearNormDiagonal } from "../../src/reference/min_nuclear_norm_diagonal.ts";
import { createRng } from "../../src/random/rng.ts";
import { assertAllClose, assertClose } from "../_assert_close.ts";

const rng = createRng(31);
const randn = (k: number) => Float64Array.from({ length: k }, () => rng.normal());
const toMatrix = (x: Float64Array, n: number) =>
  new Matrix(Array.from({ length: n }, (_, i) => Array.from(x.subarray(i * n, i * n + n))));

Deno.test("minNuclearNorm() with one PSD measurement puts everything on the top eigenvector", () => {
  const n = 4, b = randn(n * n), a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = 0.5 * (b[i * n + j]! + b[j * n + i]!);
  const evd = new EigenvalueDecomposition(toMatrix(a, n), { assumeSymmetric: true });
  const top = evd.realEigenvalues.indexOf(Math.max(...evd.realEigenvalues));
  const v = evd.eigenvectorMatrix.getColumn(top), lambda = evd.realEigenvalues[top]!;
  const ref = minNuclearNorm(sensingOperator(n, { structure: "dense", a }, true), new Float64Array([2]));
  assert.ok(ref.predictor, ref.predictor === null ? ref.error : "");
  // argmin tr X s.t. ⟨A, X⟩ = 2, X ⪰ 0 is (2/λ_max)·vvᵀ
  assertAllClose(
    ref.predictor.data,
    Array.from({ length: n * n }, (_, k) => (2 / lambda) * v[Math.floor(k / n)]! * v[k % n]!),
    {
      atol: 1e-8,
    },
  );
  assert.equal(ref.kind, "min-trace-psd");
});

Deno.test("minNuclearNorm() with one general measurement is (y/σ_max)·u vᵀ", () => {
  const n = 3, a = randn(n * n);
  const svd = new SingularValueDecomposition(toMatrix(a, n));
  const u = svd.leftSingularVectors.getColumn(0), v = svd.rightSingularVectors.getColumn(0), s = svd.diagonal[0]!;
  const ref = minNuclearNorm(sensingOperator(n, { structure: "dense", a }, false), new Float64Array([-1.5]));
  assert.ok(ref.predictor);
  assert.equal(ref.kind, "min-nuclear-norm");
  assertAllClose(
    ref.predictor.data,
    Array.from({ length: n * n }, (_, k) => (-1.5 / s) * u[Math.floor(k / n)]! * v[k % n]!),
    {
      atol: 1e-8,
    },
  );
  assertClose(nuclearNorm(ref.predictor.data, n), 1.5 / s, { rtol: 1e-8 });
});

Deno.test("minNuclearNorm() recovers a matrix observed entirely", () => {
  const n = 5;
  const data = sensingData({ kind: "completion", m: 15, truthRank: 2, seed: 3, scale: 1 }, { n, symmetric: true });
  const ref = minNuclearNorm(data.operator, data.y);
  assert.ok(ref.predictor);
  assertAllClose(ref.predictor.data, data.truth!, { atol: 1e-9 });
});

Deno.test("minNuclearNorm() solutions carry a dual certificate (PSD, underdetermined Gaussian sensing)", () => {
  const n = 8, m = 12;
  const data = sensingData({ kind: "gaussian", m, truthRank: 3, seed: 7, scale: 1, rng: "biasflow" }, {
    n,
    symmetric: true,
  });
  const ref = minNuclearNorm(data.operator, data.y);
  assert.ok(ref.predictor);
  const x = ref.predictor.data;
  // Feasible.
  const ax = new Float64Array(m);
  data.operator.measure(x, ax);
  assertAllClose(ax, data.y, { atol: 1e-8 });
  // KKT: S = I − Σλᵢ Aᵢ ⪰ 0 with S·Q = 0 on the range Q of X, and yᵀλ = tr X.
  const evd = new EigenvalueDecomposition(toMatrix(x, n), { assumeSymmetric: true });
  const lam = evd.realEigenvalues, vecs = evd.eigenvectorMatrix;
  const range = lam.map((l, k) => [l, k] as const).filter(([l]) => l > 1e-7).map(([, k]) => vecs.getColumn(k));
  const mats = Array.from({ length: m }, (_, i) => data.operator.matrix(i));
  const rows: number[][] = [], rhs: number[] = [];
  for (const q of range) {
    for (let r = 0; r < n; r++) {
      rows.push(mats.map((a) => a.subarray(r * n, r * n + n).reduce((s, v, c) => s + v * q[c]!, 0)));
      rhs.push(q[r]!);
    }
  }
  const dual = pseudoInverse(new Matrix(rows)).mmul(Matrix.columnVector(rhs)).getColumn(0);
  const s = new Float64Array(n * n);
  for (let k = 0; k < n; k++) s[k * n + k] = 1;
  mats.forEach((a, i) => a.forEach((v, k) => s[k]! -= dual[i]! * v));
  const sq = new Matrix(rows).mmul(Matrix.columnVector(dual)).getColumn(0);
  assertAllClose(sq, rhs, { atol: 1e-6 });
  const sEig = new EigenvalueDecomposition(toMatrix(s, n), { assumeSymmetric: true }).realEigenvalues;
  assert.ok(Math.min(...sEig) > -1e-6, `S is not PSD: ${Math.min(...sEig)}`);
  let trace = 0;
  for (let k = 0; k < n; k++) trace += x[k * n + k]!;
  assertClose(dual.reduce((t, l, i) => t + l * data.y[i]!, 0), trace, { rtol: 1e-6 });
  assert.ok(range.length < n, "the solution should be low-rank");
});

Deno.test("minNuclearNorm() agrees with the exact LP on diagonal (commuting) sensing", async () => {
  for (const symmetric of [true, false]) {
    for (const m of [5, 12]) {
      const n = 16;
      const data = sensingData({ kind: "diagonal", m, truthRank: 3, seed: m, scale: 1 }, { n, symmetric });
      // ADMM sees the diagonal matrices as dense ones, so it cannot use their structure.
      const dense = new Float64Array(m * n * n);
      for (let i = 0; i < m; i++) dense.set(data.operator.matrix(i), i * n * n);
      const admm = minNuclearNorm(sensingOperator(n, { structure: "dense", a: dense }, symmetric), data.y);
      const diag = new Float64Array(m * n);
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) diag[i * n + j] = dense[i * n * n + j * n + j]!;
      const lp = await minNuclearNormDiagonal(diag, data.y, { psd: symmetric });
      assert.ok(admm.predictor && lp.predictor, `m = ${m}, symmetric = ${symmetric}`);
      assertClose(nuclearNorm(admm.predictor.data, n), nuclearNorm(lp.predictor.data, n), { rtol: 1e-8 });
      assertAllClose(admm.predictor.data, lp.predictor.data, { atol: 1e-6 }, `m = ${m}, symmetric = ${symmetric}`);
    }
  }
});

Deno.test("minNuclearNorm() handles dependent measurements when they are consistent", () => {
  // tr X = 1 twice (scaled) and X₀₀ = 0.2: min tr X over PSD is any split; the answer is feasible with trace 1.
  const op = sensingOperator(2, { structure: "diagonal", a: new Float64Array([1, 1, 2, 2, 1, 0]) }, true);
  const ref = minNuclearNorm(op, new Float64Array([1, 2, 0.2]));
  assert.ok(ref.predictor, ref.predictor === null ? ref.error : "");
  assertAllClose([ref.predictor.data[0]!, ref.predictor.data[3]!], [0.2, 0.8], { atol: 1e-8 });
  const inconsistent = minNuclearNorm(op, new Float64Array([1, 3, 0.2]));
  assert.equal(inconsistent.predictor, null);
  assert.match(inconsistent.predictor === null ? inconsistent.error : "", /inconsistent/);
});

Deno.test("minNuclearNorm() explains failures: no PSD solution, PSD with general sensing", () => {
  const trace = sensingOperator(2, { structure: "diagonal", a: new Float64Array([1, 1]) }, true);
  const infeasible = minNuclearNorm(trace, new Float64Array([-1]), { maxIter: 300 });
  assert.equal(infeasible.predictor, null);
  assert.match(infeasible.predictor === null ? infeasible.error : "", /did not converge.*no PSD solution/);
  assert.throws(
    () =>
      minNuclearNorm(
        sensingOperator(2, { structure: "dense", a: new Float64Array([0, 1, 0, 0]) }, false),
        new Float64Array([1]),
        { psd: true },
      ),
    RangeError,
  );
});
