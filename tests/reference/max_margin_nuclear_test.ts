import assert from "node:assert/strict";
import { problemOfKind } from "../../src/problems/problem_of_kind.ts";
import { EigenvalueDecomposition, Matrix, pseudoInverse, SingularValueDecomposition } from "ml-matrix";
import { compileRun } from "../../src/run/compile_run.ts";
import type { MatrixSensing } from "../../src/problems/matrix_sensing/matrix_sensing.ts";
import { sensingOperator } from "../../src/math/sensing_operator.ts";
import { type MarginReference, maxMarginNuclear } from "../../src/reference/max_margin_nuclear.ts";
import { assertAllClose, assertClose } from "../_assert_close.ts";

function onebit(kind: "gaussian" | "completion", symmetric: boolean, m: number, seed: number): MatrixSensing {
  const run = compileRun({
    problem: {
      kind: "matrix-sensing",
      n: 5,
      symmetric,
      loss: "logistic",
      measurements: { kind, m, truthRank: 1, seed },
    },
    steps: 1,
  });
  return problemOfKind(run.problem, "matrix-sensing");
}

/**
 * An independent dual certificate from the KKT conditions alone (not the solver's multipliers): with X̄ = UΣVᵀ
 * (rank r), solve M(λ)·V = U (and M(λ)ᵀ·U = V; for PSD X̄ = VΛVᵀ, M(λ)·V = V) for λ on the active set by least
 * squares, M(λ) = Σλᵢyᵢ Aᵢ. Then λ ≥ 0, ‖M‖_op ≤ 1 (λ_max(M) ≤ 1) make λ dual feasible, and Σλᵢ = ‖X̄‖_* closes
 * the gap: X̄ is optimal.
 */
function certificate(p: MatrixSensing, x: Float64Array, support: readonly number[], psd: boolean) {
  const n = p.n, mat = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) mat.set(i, j, x[i * n + j]!);
  let left: Matrix, right: Matrix, values: number[];
  if (psd) {
    const evd = new EigenvalueDecomposition(mat, { assumeSymmetric: true });
    left = right = evd.eigenvectorMatrix;
    values = evd.realEigenvalues;
  } else {
    const svd = new SingularValueDecomposition(mat);
    left = svd.leftSingularVectors;
    right = svd.rightSingularVectors;
    values = svd.diagonal;
  }
  const top = Math.max(...values.map(Math.abs));
  const keep = values.flatMap((v, k) => (v > 1e-4 * top ? [k] : []));
  const yA = support.map((i) =>
    new Matrix([...Array(n)].map((_, a) => [...p.operator.matrix(i).subarray(a * n, a * n + n)])).mul(p.y[i]!)
  );
  const rows: number[][] = [], rhs: number[] = [];
  for (const k of keep) {
    const u = left.getColumnVector(k), v = right.getColumnVector(k);
    const mv = yA.map((a) => a.mmul(v)), mu = yA.map((a) => a.transpose().mmul(u));
    for (let a = 0; a < n; a++) {
      rows.push(mv.map((col) => col.get(a, 0)));
      rhs.push(u.get(a, 0));
      if (!psd) {
        rows.push(mu.map((col) => col.get(a, 0)));
        rhs.push(v.get(a, 0));
      }
    }
  }
  const lambda = pseudoInverse(new Matrix(rows)).mmul(Matrix.columnVector(rhs)).getColumn(0);
  const residual = new Matrix(rows).mmul(Matrix.columnVector(lambda)).getColumn(0);
  const m = yA.reduce((acc, a, q) => acc.add(a.clone().mul(lambda[q]!)), Matrix.zeros(n, n));
  const dualNorm = psd
    ? Math.max(...new EigenvalueDecomposition(m.add(m.transpose()).mul(0.5), { assumeSymmetric: true }).realEigenvalues)
    : Math.max(...new SingularValueDecomposition(m).diagonal);
  const norm = keep.reduce((s, k) => s + values[k]!, 0);
  return { lambda, residual, rhs, dualNorm, sum: lambda.reduce((s, l) => s + l, 0), norm };
}

Deno.test("maxMarginNuclear() matches the closed form on two observed entries", () => {
  // X₀₀ ≥ 1, −X₁₁ ≥ 1: general X̄ = diag(1, −1) (‖X̄‖_* = 2); PSD: infeasible (X₁₁ ≥ 0)
  const op = sensingOperator(2, { structure: "entries", entries: new Uint32Array([0, 0, 1, 1]) }, false);
  const ref = maxMarginNuclear(op, new Float64Array([1, -1])) as MarginReference;
  assert.ok(ref.predictor);
  assertAllClose(ref.predictor.data, [1, 0, 0, -1], { atol: 1e-6 });
  assertClose(ref.margin, 0.5, { rtol: 1e-8 });
  assert.deepEqual(ref.support, [0, 1]);
});

Deno.test("maxMarginNuclear() solutions carry an independent KKT dual certificate (Gaussian and completion)", () => {
  // m ≤ 2n keeps the active set no larger than the KKT equations of a rank-1 X̄, so λ is unique.
  for (
    const [kind, symmetric, m] of [["gaussian", true, 8], ["gaussian", false, 8], ["completion", false, 8]] as const
  ) {
    for (const seed of [0, 1, 2]) {
      const p = onebit(kind, symmetric, m, seed), what = `${kind} ${symmetric ? "UUᵀ" : "UVᵀ"} seed ${seed}`;
      const out = maxMarginNuclear(p.operator, p.y);
      assert.ok(out.predictor, `${what}: ${out.predictor === null ? out.error : ""}`);
      const ref = out as MarginReference;
      assert.equal(ref.kind, symmetric ? "max-margin-trace-psd" : "max-margin-nuclear");
      assert.ok(ref.gap <= 1e-8, `${what}: gap ${ref.gap}`);
      const x = ref.predictor.data, margins = new Float64Array(p.y.length);
      p.operator.measure(x, margins);
      margins.forEach((v, i) => assert.ok(p.y[i]! * v >= 1 - 1e-9, `${what}: margin ${i} is ${p.y[i]! * v}`));
      const c = certificate(p, x, ref.support!, symmetric);
      assert.ok(c.lambda.every((l) => l >= -1e-5), `${what}: λ = ${c.lambda}`);
      assertAllClose(c.residual, c.rhs, { atol: 1e-4 }, `${what}: KKT equations`);
      assert.ok(c.dualNorm <= 1 + 1e-4, `${what}: dual norm ${c.dualNorm}`);
      assertClose(c.sum, c.norm, { rtol: 1e-4 }, `${what}: Σλ = ‖X̄‖_*`);
      assertClose(ref.margin, 1 / c.norm, { rtol: 1e-4 }, `${what}: margin`);
    }
  }
});

Deno.test("maxMarginNuclear() explains labels no matrix separates, and refuses labels that are not ±1", () => {
  const op = sensingOperator(2, { structure: "entries", entries: new Uint32Array([0, 0, 1, 1]) }, true);
  const psd = maxMarginNuclear(op, new Float64Array([1, -1]));
  assert.equal(psd.predictor, null);
  assert.match(psd.predictor === null ? psd.error : "", /not separable by a PSD matrix: the measurements 1 combine/);
  // The same entry twice with opposite labels: no X at all.
  const twice = sensingOperator(2, { structure: "entries", entries: new Uint32Array([0, 1, 0, 1]) }, false);
  const none = maxMarginNuclear(twice, new Float64Array([1, -1]));
  assert.match(none.predictor === null ? none.error : "", /labels are not separable: the measurements 0, 1 combine/);
  assert.throws(() => maxMarginNuclear(op, new Float64Array([1, 0.5])), RangeError);
});
