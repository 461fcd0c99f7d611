import { lpNorm } from "../math/lp_norm.ts";
import type { ReferenceResult } from "./reference.ts";
import { minNormLeastSquares } from "./min_norm_least_squares.ts";
import { formatOrder } from "./_format_order.ts";
import { loadHighs } from "./_highs.ts";
import { LP_OPTIONS, lpTerms } from "./_lp_text.ts";
import { activeSetSolve } from "./_active_set_solve.ts";
import { minLpNewton } from "./_min_lp_newton.ts";
import { minLpPrimalNewton } from "./_min_lp_primal_newton.ts";

/** Largest n·d the LP is written out for. */
const MAX_ENTRIES = 2_000_000;

/**
 * The minimum-ℓp-norm interpolant argmin ‖w‖ₚ s.t. Xw = y. Mirror descent with
 * the potential ½‖w‖²_p started at 0 converges to it on least squares
 * (Gunasekar, Lee, Soudry & Srebro, ICML 2018); steepest descent w.r.t. ℓp
 * does not (its limit depends on the step size).
 *
 * p = 2 is X⁺y. p = 1 and p = ∞ are linear programs (HiGHS), polished on the
 * active set of the vertex found (the nonzero coordinates for ℓ1; the free
 * coordinates and the common bound t for ℓ∞). Other p minimize Σ|wⱼ|ᵖ/p (the
 * same minimizer) by damped Newton: for 1 < p < 2 on the smooth n-dimensional
 * dual (wⱼ = sign(θⱼ)|θⱼ|^{q−1}, θ = Xᵀλ, whose Hessian weights |θⱼ|^{q−2} are
 * bounded since q > 2), for p > 2 on the equality-constrained primal (Hessian
 * weights |wⱼ|^{p−2}, bounded), continued from p = 3 in steps of ×1.5. The ℓ1 and ℓ∞ minimizers need not be unique;
 * compare norms.
 *
 * @param x The examples, row-major n×d.
 * @param y The targets, length n.
 * @param p The order: ≥ 1 or `Infinity`.
 * @returns The interpolant (kind `min-l<p>-interpolant`), or the reason there is none.
 *
 * @example Usage
 * ```ts
 * import { minLpInterpolant } from "./min_lp_interpolant.ts";
 * import assert from "node:assert/strict";
 *
 * // One equation ⟨x, w⟩ = 1 with x = (1, 2): the ℓ1 minimizer is (0, 0.5).
 * const ref = await minLpInterpolant(new Float64Array([1, 2]), new Float64Array([1]), 1);
 * assert.ok(ref.predictor !== null && Math.abs(ref.predictor.data[1]! - 0.5) < 1e-12);
 * ```
 */
export async function minLpInterpolant(x: Float64Array, y: Float64Array, p: number): Promise<ReferenceResult> {
  if (!(p >= 1)) throw new RangeError(`Cannot find a minimum lp-norm interpolant: p must be at least 1 but was ${p}`);
  const kind = `min-l${p === Infinity ? "inf" : formatOrder(p)}-interpolant`;
  const n = y.length;
  if (n === 0 || x.length % n !== 0) {
    throw new RangeError(`Cannot find an interpolant: ${x.length} entries do not split into ${n} examples`);
  }
  const d = x.length / n;
  // Xw = y is solvable iff the least-squares solution interpolates.
  const ls = minNormLeastSquares(x, y);
  if (ls.predictor === null) return ls;
  const fit = residualNorm(x, y, ls.predictor.data);
  if (fit > 1e-9 * Math.max(lpNorm(y, 2), 1e-300)) {
    return {
      kind,
      predictor: null,
      error: `No w solves Xw = y (the least-squares residual is ${fit.toExponential(3)})`,
    };
  }
  if (p === 2) return { kind, predictor: ls.predictor };
  if (p !== 1 && p !== Infinity) {
    const w = p < 2 ? minLpNewton(x, y, d, p) : primalContinuation(x, Float64Array.from(ls.predictor.data), d, p);
    return w === null
      ? { kind, predictor: null, error: `Newton's method did not converge for p = ${formatOrder(p)}` }
      : { kind, predictor: { shape: [d], data: w } };
  }
  if (x.length > MAX_ENTRIES) {
    return { kind, predictor: null, error: `The data are too large for the LP (${n}×${d} > ${MAX_ENTRIES} entries)` };
  }
  const w = p === 1 ? await solveL1(x, y, d) : await solveLinf(x, y, d);
  return typeof w === "string" ? { kind, predictor: null, error: w } : { kind, predictor: { shape: [d], data: w } };
}

/** Primal Newton for p > 2 along p = 2·1.5ᵏ → p, each stage warm-started (large p alone stalls). */
function primalContinuation(x: Float64Array, start: Float64Array, d: number, p: number): Float64Array | null {
  let w: Float64Array | null = start;
  for (let stage = 3; w !== null; stage *= 1.5) {
    const pk = Math.min(p, stage);
    w = minLpPrimalNewton(x, w, d, pk);
    if (pk === p) return w;
  }
  return null;
}

function residualNorm(x: Float64Array, y: Float64Array, w: ArrayLike<number>): number {
  const n = y.length, d = w.length, r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = -y[i]!;
    for (let j = 0; j < d; j++) s += x[i * d + j]! * w[j]!;
    r[i] = s;
  }
  return lpNorm(r, 2);
}

async function solveLp(lines: string[]): Promise<Record<string, number> | string> {
  const result = (await loadHighs()).solve(lines.join("\n"), LP_OPTIONS);
  if (result.Status !== "Optimal") return `The LP solver stopped with status ${result.Status}`;
  const out: Record<string, number> = {};
  for (const [name, col] of Object.entries(result.Columns)) out[name] = col.Primal;
  return out;
}

async function solveL1(x: Float64Array, y: Float64Array, d: number): Promise<Float64Array | string> {
  const n = y.length;
  const lines = ["Minimize", ` obj: ${Array.from({ length: d }, (_, j) => `u${j} + v${j}`).join(" + ")}`, "Subject To"];
  for (let i = 0; i < n; i++) {
    const neg = x.subarray(i * d, i * d + d).map((c) => -c);
    const terms = `${lpTerms(x, i * d, d, (j) => `u${j}`)} ${lpTerms(neg, 0, d, (j) => `v${j}`)}`.trim();
    lines.push(` c${i}: ${terms === "" ? "0 u0" : terms} = ${String(y[i]!)}`);
  }
  lines.push("End");
  const sol = await solveLp(lines);
  if (typeof sol === "string") return sol;
  const w = Float64Array.from({ length: d }, (_, j) => (sol[`u${j}`] ?? 0) - (sol[`v${j}`] ?? 0));
  // Polish on the support: the vertex solves X_J w_J = y exactly.
  const scale = lpNorm(w, Infinity);
  const support = [...w.keys()].filter((j) => Math.abs(w[j]!) > 1e-9 * scale);
  const polished = polish(
    Array.from({ length: n }, (_, i) => support.map((j) => x[i * d + j]!)),
    y,
    (u) => {
      const v = new Float64Array(d);
      support.forEach((j, k) => v[j] = u[k]!);
      return v;
    },
  );
  return polished && lpNorm(polished, 1) <= lpNorm(w, 1) * (1 + 1e-9) ? polished : w;
}

async function solveLinf(x: Float64Array, y: Float64Array, d: number): Promise<Float64Array | string> {
  const n = y.length;
  const lines = ["Minimize", " obj: t", "Subject To"];
  for (let i = 0; i < n; i++) {
    const terms = lpTerms(x, i * d, d, (j) => `w${j}`);
    lines.push(` c${i}: ${terms === "" ? "0 t" : terms} = ${String(y[i]!)}`);
  }
  for (let j = 0; j < d; j++) lines.push(` a${j}: w${j} - t <= 0`, ` b${j}: w${j} + t >= 0`);
  lines.push("Bounds", ...Array.from({ length: d }, (_, j) => ` w${j} free`), "End");
  const sol = await solveLp(lines);
  if (typeof sol === "string") return sol;
  const w = Float64Array.from({ length: d }, (_, j) => sol[`w${j}`] ?? 0);
  // Polish: coordinates at the bound are s_j·t; solve for t and the free ones.
  const t = lpNorm(w, Infinity);
  const bound = [...w.keys()].filter((j) => Math.abs(w[j]!) >= t * (1 - 1e-7));
  const free = [...w.keys()].filter((j) => Math.abs(w[j]!) < t * (1 - 1e-7));
  const polished = polish(
    Array.from({ length: n }, (_, i) => {
      let s = 0;
      for (const j of bound) s += x[i * d + j]! * Math.sign(w[j]!);
      return [...free.map((j) => x[i * d + j]!), s];
    }),
    y,
    (u) => {
      const v = new Float64Array(d), tt = u[free.length]!;
      free.forEach((j, k) => v[j] = u[k]!);
      for (const j of bound) v[j] = Math.sign(w[j]!) * tt;
      return v;
    },
  );
  return polished && lpNorm(polished, Infinity) <= t * (1 + 1e-9) ? polished : w;
}

/** Solves the active-set system A·u = y and keeps it when it interpolates to 1e-12 (relative). */
function polish(
  a: number[][],
  y: Float64Array,
  expand: (u: Float64Array) => Float64Array,
): Float64Array | null {
  if (a.length === 0 || a[0]!.length === 0) return null;
  const { u, residual } = activeSetSolve(a, y);
  const w = expand(u);
  return Number.isFinite(lpNorm(w, 2)) && residual <= 1e-12 * lpNorm(y, 2) ? w : null;
}
