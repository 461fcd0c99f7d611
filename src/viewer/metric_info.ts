/** How a metric is labelled and scaled in the viewer. */
export interface MetricInfo {
  /** Axis title. */
  readonly label: string;
  /** Unit, shown in parentheses ("" for dimensionless). */
  readonly unit: string;
  /** The default y scale. */
  readonly scale: "log" | "linear" | "symlog";
  /** One sentence for the chart's tooltip. */
  readonly help: string;
}

const KNOWN: Record<string, MetricInfo> = {
  loss: { label: "loss L(w)", unit: "nats", scale: "log", help: "Training loss" },
  grad_norm: { label: "‖∇L(w)‖₂", unit: "nats per unit w", scale: "log", help: "Gradient norm" },
  norm: { label: "‖w‖₂", unit: "", scale: "log", help: "L2 norm of the predictor: grows like log t" },
  norm_l1: { label: "‖w‖₁", unit: "", scale: "log", help: "L1 norm of the predictor" },
  norm_linf: { label: "‖w‖∞", unit: "", scale: "log", help: "L∞ norm of the predictor" },
  margin: { label: "min margin / ‖w‖₂", unit: "", scale: "linear", help: "Normalized minimum margin" },
  cos_ref: { label: "cos(w, ŵ)", unit: "", scale: "linear", help: "Cosine to the reference (max-margin) solution" },
  angle_gap: { label: "1 − cos(w, ŵ)", unit: "", scale: "log", help: "Angle gap to the reference: 1/log t for GD" },
  margin_gap: { label: "γ̂ − γ(w)", unit: "", scale: "log", help: "Gap to the max margin" },
  dist_ref: { label: "‖w/‖w‖ − ŵ/‖ŵ‖‖₂", unit: "", scale: "log", help: "Distance between directions" },
  norm_nuclear: { label: "‖W‖∗", unit: "", scale: "log", help: "Nuclear norm of the predictor matrix" },
  norm_fro: { label: "‖W‖F", unit: "", scale: "log", help: "Frobenius norm of the predictor matrix" },
};

/**
 * The label, unit and default y scale of a metric by its name; the spectrum's
 * `sv_0`, `sv_1`, … (largest first) are σ₁, σ₂, …; unknown names get their
 * name as label and a log scale.
 *
 * This module is browser compatible.
 *
 * @param name The metric's name in snapshot records.
 * @returns How to show it.
 *
 * @example Usage
 * ```ts
 * import { metricInfo } from "./metric_info.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(metricInfo("angle_gap").scale, "log");
 * assert.equal(metricInfo("sv_0").label, "σ₁");
 * ```
 */
export function metricInfo(name: string): MetricInfo {
  const known = KNOWN[name];
  if (known) return known;
  const sv = /^sv_(\d+)$/.exec(name);
  if (sv) {
    const i = String(Number(sv[1]) + 1); // sv_0 is the largest, σ₁
    const sub = [...i].map((d) => "₀₁₂₃₄₅₆₇₈₉"[Number(d)]).join("");
    return {
      label: `σ${sub}`,
      unit: "",
      scale: "log",
      help: `Singular value ${i} of the predictor matrix, largest first`,
    };
  }
  return { label: name, unit: "", scale: "log", help: name };
}
