import { Matrix, pseudoInverse } from "ml-matrix";
import { lpNorm } from "../math/lp_norm.ts";
import type { ReferenceResult } from "./reference.ts";
import { loadHighs, lpExpression } from "./_highs.ts";
import { MAX_MARGIN_MAX_ENTRIES, maxMarginInput, notSeparable } from "./_max_margin_input.ts";

/** Largest n·d the exact solver takes (the QP is written out as text). */
export const MAX_MARGIN_L2_MAX_ENTRIES: number = MAX_MARGIN_MAX_ENTRIES;

/**
 * The L2 hard-margin SVM without bias: ŵ = argmin ½‖w‖² s.t. ⟨zₙ, w⟩ ≥ 1 for
 * all n, where zₙ = yₙxₙ. Gradient descent on separable data converges in
 * direction to ŵ (Soudry et al., 2018).
 *
 * HiGHS solves the QP; the answer is then made exact: with S the constraints
 * active at HiGHS's solution, the optimum is the minimum-norm solution of
 * Z_S w = 1, i.e. ŵ = Z_S⁺·1 (KKT: ŵ lies in the row space of Z_S), which is
 * kept when it is feasible and agrees with HiGHS.
 *
 * @param z The signed examples yₙxₙ, row-major n×d.
 * @param d The number of features.
 * @returns ŵ with its normalized margin 1/‖ŵ‖ and support set, or a reason
 *   when the data are not linearly separable (through the origin).
 *
 * @example Usage
 * ```ts
 * import { maxMarginL2 } from "./max_margin_l2.ts";
 * import assert from "node:assert/strict";
 *
 * const ref = await maxMarginL2(new Float64Array([0.5, 1.5, 1.5, 0.5, 3, 3.5]), 2);
 * assert.ok(ref.predictor !== null);
 * assert.ok(Math.abs(ref.predictor.data[0]! - 0.5) < 1e-12);
 * ```
 */
export async function maxMarginL2(z: Float64Array, d: number): Promise<ReferenceResult> {
  const kind = "max-margin-l2";
  const early = maxMarginInput(z, d, kind);
  if (early) return early;
  const n = z.length / d;
  const highs = await loadHighs();
  const vars = Array.from({ length: d }, (_, j) => `w${j}`);
  const lines = [
    "Minimize",
    ` obj: [ ${vars.map((v) => `${v}^2`).join(" + ")} ] / 2`,
    "Subject To",
    ...Array.from({ length: n }, (_, i) => ` c${i}: ${lpExpression(z, i * d, d)} >= 1`),
    "Bounds",
    ...vars.map((v) => ` ${v} free`),
    "End",
  ];
  const result = highs.solve(lines.join("\n"), {});
  if (result.Status === "Infeasible") return notSeparable(kind, "no w has yₙ⟨w, xₙ⟩ ≥ 1 for all n");
  if (result.Status !== "Optimal") {
    return { kind, predictor: null, error: `The QP solver stopped with status ${result.Status}` };
  }
  const wh = Float64Array.from(vars, (v) => result.Columns[v]?.Primal ?? 0);
  const exact = polish(z, d, wh);
  const w = exact ?? wh;
  const margins = rowDots(z, d, w);
  const support: number[] = [];
  margins.forEach((m, i) => {
    if (m <= 1 + 1e-9) support.push(i);
  });
  return { kind, predictor: { shape: [d], data: w }, margin: 1 / lpNorm(w, 2), support };
}

function rowDots(z: Float64Array, d: number, w: Float64Array): Float64Array {
  const n = z.length / d;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += z[i * d + j]! * w[j]!;
    out[i] = s;
  }
  return out;
}

/** ŵ = Z_S⁺·1 on the active set of HiGHS's solution, if it checks out. */
function polish(z: Float64Array, d: number, wh: Float64Array): Float64Array | null {
  const margins = rowDots(z, d, wh);
  const active: number[] = [];
  margins.forEach((m, i) => {
    if (m <= 1 + 1e-6) active.push(i);
  });
  if (active.length === 0) return null;
  const zs = new Matrix(active.map((i) => Array.from(z.subarray(i * d, i * d + d))));
  const w = Float64Array.from(pseudoInverse(zs).mmul(Matrix.ones(active.length, 1)).getColumn(0));
  const nh = lpNorm(wh, 2), nw = lpNorm(w, 2);
  const diff = lpNorm(w.map((v, j) => v - wh[j]!), 2);
  const feasible = rowDots(z, d, w).every((m) => m >= 1 - 1e-9);
  return feasible && diff <= 1e-5 * nh && nw <= nh * (1 + 1e-9) ? w : null;
}
