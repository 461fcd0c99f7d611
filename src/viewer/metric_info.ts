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

/** The part of a run spec's problem that decides units: its kind and loss. */
export interface MetricProblem {
  /** `problem.kind` of the spec. */
  readonly kind?: string;
  /** `problem.loss`, when the problem has one (default logistic). */
  readonly loss?: string;
}

const KNOWN: Record<string, MetricInfo> = {
  loss: { label: "loss L(w)", unit: "nats", scale: "log", help: "Training loss" },
  grad_norm: { label: "‖∇L(w)‖₂", unit: "nats per unit w", scale: "log", help: "Gradient norm" },
  norm: {
    label: "‖w‖₂",
    unit: "",
    scale: "linear",
    help: "L2 norm of the predictor: grows like ‖ŵ‖·ln t for GD (a straight line on the log step axis)",
  },
  norm_l1: { label: "‖w‖₁", unit: "", scale: "log", help: "L1 norm of the predictor" },
  norm_linf: { label: "‖w‖∞", unit: "", scale: "log", help: "L∞ norm of the predictor" },
  margin: {
    label: "min margin / ‖w‖",
    unit: "",
    scale: "linear",
    help: "Normalized minimum margin minᵢ yᵢ⟨w, xᵢ⟩/‖w‖ in the optimizer's norm (ℓ2 for GD)",
  },
  margin_l1: { label: "min margin / ‖w‖₁", unit: "", scale: "linear", help: "Minimum margin over the ℓ1 norm" },
  margin_l2: { label: "min margin / ‖w‖₂", unit: "", scale: "linear", help: "Minimum margin over the ℓ2 norm" },
  margin_linf: { label: "min margin / ‖w‖∞", unit: "", scale: "linear", help: "Minimum margin over the ℓ∞ norm" },
  cos_ref: { label: "cos(w, ŵ)", unit: "", scale: "linear", help: "Cosine to the reference (max-margin) solution" },
  angle_gap: {
    label: "1 − cos(w, ŵ)",
    unit: "",
    scale: "log",
    help: "Angle gap to the reference: O(1/log² t) for GD in general, faster when w̃ is parallel to ŵ (see the note)",
  },
  margin_gap: { label: "γ̂ − γ(w)", unit: "", scale: "log", help: "Gap to the max margin" },
  dist_ref: { label: "‖w/‖w‖ − ŵ/‖ŵ‖‖₂", unit: "", scale: "log", help: "Distance between directions" },
  rel_err_ref: {
    label: "‖w − ŵ‖₂ / ‖ŵ‖₂",
    unit: "",
    scale: "log",
    help: "Relative error to the reference solution (Frobenius norm for matrices)",
  },
  rel_err_truth: {
    label: "‖X − X*‖F / ‖X*‖F",
    unit: "",
    scale: "log",
    help: "Relative error to the matrix the measurements came from",
  },
  norm_nuclear: { label: "‖W‖∗", unit: "", scale: "log", help: "Nuclear norm of the predictor matrix" },
  nuclear_gap: {
    label: "‖X‖∗ − ‖X̄‖∗",
    unit: "",
    scale: "symlog",
    help: "Nuclear norm above that of the minimum nuclear norm solution X̄ (negative before it fits)",
  },
  margin_nuclear: {
    label: "min yᵢ⟨Aᵢ, X⟩ / ‖X‖∗",
    unit: "",
    scale: "linear",
    help: "Normalized nuclear margin of 1-bit sensing: rises toward the reference X̄'s, like 1/log t for GD",
  },
  margin_ratio: {
    label: "γ(X) / γ(X̄)",
    unit: "",
    scale: "linear",
    help: "Normalized nuclear margin as a fraction of the max-margin reference's (→ 1)",
  },
  rank_eff: { label: "effective rank", unit: "", scale: "linear", help: "exp of the entropy of σᵢ/Σⱼσⱼ" },
  norm_fro: { label: "‖W‖F", unit: "", scale: "log", help: "Frobenius norm of the predictor matrix" },
  margin_dft: {
    label: "min margin / ‖DFT(w)‖₁",
    unit: "",
    scale: "linear",
    help: "Minimum margin over the ℓ1 norm of the unitary DFT, which linear conv nets maximize",
  },
  norm_dft_l1: { label: "‖DFT(w)‖₁", unit: "", scale: "log", help: "ℓ1 norm of the unitary DFT of the predictor" },
  test_error: { label: "test error", unit: "fraction", scale: "linear", help: "0–1 error on the held-out set" },
  test_mse: { label: "test MSE", unit: "", scale: "log", help: "Mean squared error on the held-out set" },
  // Networks (mlp): errors, norms, margins of homogeneous nets.
  epoch: {
    label: "epochs completed",
    unit: "",
    scale: "linear",
    help: "Epochs completed (passes over the training set)",
  },
  train_error: { label: "train error", unit: "fraction", scale: "linear", help: "0–1 error on the training set" },
  test_loss: { label: "test loss", unit: "nats", scale: "log", help: "Loss on the held-out set" },
  path_norm: {
    label: "ℓ2 path norm",
    unit: "",
    scale: "log",
    help: "√(sum over input→output paths of the product of squared weights): Path-SGD's geometry",
  },
  margin_normalized: {
    label: "min margin / ‖θ‖₂^L",
    unit: "",
    scale: "linear",
    help: "Normalized margin of an L-layer net: nondecreasing for bias-free ReLU nets once the data are fit (Lyu & Li)",
  },
  margin_smoothed: {
    label: "smoothed margin",
    unit: "",
    scale: "linear",
    help: "Lyu & Li's smoothed margin ℓ⁻¹(L(θ))/‖θ‖₂^L, monotone under small-step GD",
  },
  grad_underflow: {
    label: "zero-gradient steps",
    unit: "steps",
    scale: "linear",
    help: "Steps whose float32 gradient underflowed to zero (WebGPU)",
  },
};

/**
 * The label, unit and default y scale of a metric by its name: every metric
 * the analysis writes has its own; the spectra's `sv_0`, `sv_1`, … (largest
 * first) are σ₁, σ₂, … and `dft_k` is |DFT(w)ₖ|; unknown names get their name
 * as label and a log scale. The loss is in nats for the logistic and softmax
 * losses, without a unit for the exponential and squared losses.
 *
 * This module is browser compatible.
 *
 * @param name The metric's name in snapshot records.
 * @param problem The run spec's problem (default: a logistic loss).
 * @returns How to show it.
 *
 * @example Usage
 * ```ts
 * import { metricInfo } from "./metric_info.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(metricInfo("angle_gap").scale, "log");
 * assert.equal(metricInfo("sv_0").label, "σ₁");
 * assert.equal(metricInfo("loss", { kind: "least-squares" }).unit, "");
 * ```
 */
export function metricInfo(name: string, problem: MetricProblem = {}): MetricInfo {
  const known = KNOWN[name];
  if (known) {
    if ((name === "loss" || name === "grad_norm" || name === "test_loss") && !inNats(problem)) {
      return { ...known, unit: "" };
    }
    return known;
  }
  const dft = /^dft_(\d+)$/.exec(name);
  if (dft) {
    return { label: `|DFT(w)${subscript(dft[1]!)}|`, unit: "", scale: "log", help: `Modulus of frequency ${dft[1]}` };
  }
  const layer = /^(norm|spectral)_layer_(\d+)$/.exec(name);
  if (layer) {
    const k = subscript(layer[2]!);
    return layer[1] === "norm"
      ? { label: `‖W${k}‖_F`, unit: "", scale: "log", help: `Frobenius norm of layer ${layer[2]}'s weights` }
      : { label: `σ_max(W${k})`, unit: "", scale: "log", help: `Spectral norm of layer ${layer[2]}'s weights` };
  }
  const sv = /^sv_(\d+)$/.exec(name);
  if (sv) {
    const i = String(Number(sv[1]) + 1); // sv_0 is the largest, σ₁
    return {
      label: `σ${subscript(i)}`,
      unit: "",
      scale: "log",
      help: `Singular value ${i} of the predictor matrix, largest first`,
    };
  }
  return { label: name, unit: "", scale: "log", help: name };
}

/** Whether a problem's loss is a log-likelihood (logistic, softmax cross-entropy), whose unit is the nat. */
function inNats(problem: MetricProblem): boolean {
  if (problem.kind === "least-squares" || problem.kind === "matrix-sensing") return false;
  return (problem.loss ?? "logistic") === "logistic";
}

function subscript(digits: string): string {
  return [...digits].map((d) => "₀₁₂₃₄₅₆₇₈₉"[Number(d)]).join("");
}
