import { minMargin } from "../math/min_margin.ts";
import type { ReferenceResult } from "./reference.ts";
import { loadHighs } from "./_highs.ts";
import { LP_OPTIONS, lpTerms } from "./_lp_text.ts";
import { maxMarginInput, notSeparable } from "./_max_margin_input.ts";

/**
 * The ℓ1 or ℓ∞ hard-margin separator without bias, argmin ‖w‖ₚ s.t. ⟨zₙ, w⟩ ≥ 1,
 * as a linear program solved by HiGHS. ℓ1: w = u − v with u, v ≥ 0 and
 * objective Σ(u + v); ℓ∞: objective t with −t ≤ wⱼ ≤ t. The solution is then
 * rescaled by its smallest margin so that it is exactly feasible, and its
 * normalized margin minₙ⟨zₙ, w⟩/‖w‖ₚ is evaluated on the returned w.
 */
export async function maxMarginLp(z: Float64Array, d: number, p: 1 | typeof Infinity): Promise<ReferenceResult> {
  const kind = p === 1 ? "max-margin-l1" : "max-margin-linf";
  const early = maxMarginInput(z, d, kind);
  if (early) return early;
  const n = z.length / d;
  const lines: string[] = ["Minimize"];
  if (p === 1) {
    lines.push(` obj: ${Array.from({ length: d }, (_, j) => `u${j} + v${j}`).join(" + ")}`, "Subject To");
    const both = (j: number) => `u${j}`;
    for (let i = 0; i < n; i++) {
      const neg = z.subarray(i * d, i * d + d).map((c) => -c);
      lines.push(` c${i}: ${lpTerms(z, i * d, d, both)} ${lpTerms(neg, 0, d, (j) => `v${j}`)} >= 1`);
    }
  } else {
    lines.push(" obj: t", "Subject To");
    for (let i = 0; i < n; i++) lines.push(` c${i}: ${lpTerms(z, i * d, d, (j) => `w${j}`)} >= 1`);
    for (let j = 0; j < d; j++) lines.push(` a${j}: w${j} - t <= 0`, ` b${j}: w${j} + t >= 0`);
    lines.push("Bounds", ...Array.from({ length: d }, (_, j) => ` w${j} free`));
  }
  lines.push("End");
  const highs = await loadHighs();
  const result = highs.solve(lines.join("\n"), LP_OPTIONS);
  if (result.Status === "Infeasible") return notSeparable(kind, "no w has yₙ⟨w, xₙ⟩ ≥ 1 for all n");
  if (result.Status !== "Optimal") {
    return { kind, predictor: null, error: `The LP solver stopped with status ${result.Status}` };
  }
  const col = (name: string) => result.Columns[name]?.Primal ?? 0;
  const w = Float64Array.from({ length: d }, (_, j) => p === 1 ? col(`u${j}`) - col(`v${j}`) : col(`w${j}`));
  let smallest = Infinity;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += z[i * d + j]! * w[j]!;
    smallest = Math.min(smallest, s);
  }
  if (!(smallest > 0)) return { kind, predictor: null, error: "The LP solver returned a point that does not separate" };
  for (let j = 0; j < d; j++) w[j]! /= smallest;
  const support: number[] = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += z[i * d + j]! * w[j]!;
    if (s <= 1 + 1e-9) support.push(i);
  }
  return { kind, predictor: { shape: [d], data: w }, margin: minMargin(z, w, p), support };
}
