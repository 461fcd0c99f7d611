import { Matrix, pseudoInverse } from "ml-matrix";
import type { ReferenceResult } from "./reference.ts";
import { loadHighs } from "./_highs.ts";

/**
 * The minimum nuclear norm solution when every sensing matrix is diagonal,
 * Aᵢ = diag(aᵢ) (commuting sensing): only diag X is measured and
 * ‖X‖_* ≥ Σⱼ|Xⱼⱼ| with equality for diagonal X, so the problem is the linear
 * program min 1ᵀx s.t. Ax = y, x ≥ 0 (PSD: min tr X over X ⪰ 0) or
 * min ‖x‖₁ s.t. Ax = y (general, with x = p − q, p, q ≥ 0), and X = diag(x).
 *
 * HiGHS solves the LP; the vertex it returns is then made exact: x on its
 * support S is recomputed as A_S⁺y and kept when it satisfies Ax = y and the
 * signs to 1e-12 and is no worse than HiGHS's.
 *
 * @param a The diagonals aᵢ, row-major m×n.
 * @param y The m measurements.
 * @param options `psd`: x ≥ 0 (default true).
 * @returns diag(x) as an n×n matrix, or why there is none (infeasible).
 *
 * @example Usage
 * ```ts
 * import { minNuclearNormDiagonal } from "./min_nuclear_norm_diagonal.ts";
 * import assert from "node:assert/strict";
 *
 * // x₀ + 2x₁ = 2, x ≥ 0: min x₀ + x₁ is x = (0, 1)
 * const ref = await minNuclearNormDiagonal(new Float64Array([1, 2]), new Float64Array([2]));
 * assert.deepEqual(Array.from(ref.predictor!.data), [0, 0, 0, 1]);
 * ```
 */
export async function minNuclearNormDiagonal(
  a: Float64Array,
  y: Float64Array,
  options: { psd?: boolean } = {},
): Promise<ReferenceResult> {
  const psd = options.psd ?? true;
  const kind = psd ? "min-trace-psd" : "min-nuclear-norm";
  const m = y.length;
  if (m === 0 || a.length % m !== 0 || a.length === 0) {
    throw new RangeError(`Cannot solve the diagonal LP: ${a.length} entries do not form ${m} rows`);
  }
  const n = a.length / m;
  const highs = await loadHighs();
  const term = (c: number, v: string): string => `${c < 0 ? "-" : "+"} ${String(Math.abs(c))} ${v}`;
  const rows: string[] = [];
  for (let i = 0; i < m; i++) {
    const parts: string[] = [];
    for (let j = 0; j < n; j++) {
      const c = a[i * n + j]!;
      if (c === 0) continue;
      parts.push(term(c, `p${j}`));
      if (!psd) parts.push(term(-c, `q${j}`));
    }
    rows.push(` c${i}: ${parts.length ? parts.join(" ") : "0 p0"} = ${String(y[i]!)}`);
  }
  const vars = Array.from({ length: n }, (_, j) => (psd ? [`p${j}`] : [`p${j}`, `q${j}`])).flat();
  const lp = ["Minimize", ` obj: ${vars.join(" + ")}`, "Subject To", ...rows, "End"].join("\n");
  const result = highs.solve(lp, { primal_feasibility_tolerance: 1e-10, dual_feasibility_tolerance: 1e-10 });
  if (result.Status === "Infeasible") {
    return { kind, predictor: null, error: `No ${psd ? "nonnegative " : ""}diagonal X satisfies the measurements` };
  }
  if (result.Status !== "Optimal") {
    return { kind, predictor: null, error: `The LP solver stopped with status ${result.Status}` };
  }
  const value = (v: string): number => result.Columns[v]?.Primal ?? 0;
  const lpX = Float64Array.from({ length: n }, (_, j) => value(`p${j}`) - (psd ? 0 : value(`q${j}`)));
  const x = polish(a, y, lpX, psd) ?? lpX;
  const out = new Float64Array(n * n);
  for (let j = 0; j < n; j++) out[j * n + j] = x[j]!;
  return { kind, predictor: { shape: [n, n], data: out } };
}

/** x_S = A_S⁺y on the support of the LP vertex, if it checks out exactly. */
function polish(a: Float64Array, y: Float64Array, x: Float64Array, psd: boolean): Float64Array | null {
  const m = y.length, n = x.length;
  const big = x.reduce((s, v) => Math.max(s, Math.abs(v)), 0);
  const support: number[] = [];
  x.forEach((v, j) => {
    if (Math.abs(v) > 1e-9 * big) support.push(j);
  });
  if (support.length === 0 || support.length > m) return null;
  const as = new Matrix(Array.from({ length: m }, (_, i) => support.map((j) => a[i * n + j]!)));
  const xs = pseudoInverse(as).mmul(Matrix.columnVector(Array.from(y))).getColumn(0);
  const exact = new Float64Array(n);
  support.forEach((j, t) => exact[j] = xs[t]!);
  const yNorm = y.reduce((s, v) => s + v * v, 0) ** 0.5;
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i * n + j]! * exact[j]!;
    if (Math.abs(s - y[i]!) > 1e-12 * Math.max(yNorm, 1e-300)) return null;
  }
  let before = 0, after = 0;
  for (let j = 0; j < n; j++) {
    if (psd && exact[j]! < 0) return null;
    if (!psd && exact[j]! * x[j]! < 0) return null;
    before += Math.abs(x[j]!);
    after += Math.abs(exact[j]!);
  }
  return after <= before * (1 + 1e-9) ? exact : null;
}
