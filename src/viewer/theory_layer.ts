import { formatNumber } from "./format_number.ts";
import { referenceSpectrum } from "./reference_spectrum.ts";
import type { TheoryReference } from "./theory_reference.ts";

export type { TheoryReference };

/** What the theory layer of a metric chart is computed from: one run. */
export interface TheoryContext {
  /** The run's spec (validated, defaults filled). */
  readonly spec: Record<string, unknown>;
  /** The reference solution, or null. */
  readonly reference: TheoryReference | null;
  /** Steps of the run's records, ascending. */
  readonly steps: ArrayLike<number>;
  /** The metric's values at those steps (NaN where missing). */
  readonly ys: ArrayLike<number>;
}

/** One curve of the theory layer. */
export interface TheoryLine {
  /** Stable identity within a chart (`log-growth`, `gamma-hat`, …). */
  readonly key: string;
  /** Legend text: what the line is, with its constants. */
  readonly label: string;
  /** The same without this run's numbers, for a legend shared by several runs. */
  readonly name: string;
  /** `theorem`: the curve a theorem gives (constants from the reference); `guide`: only a rate, drawn through the latest point. */
  readonly kind: "theorem" | "guide";
  /** The curve as a function of the step (NaN where undefined). */
  readonly f: (t: number) => number;
}

/** The theory layer of one metric chart: its lines, and a sentence that says what theory predicts there. */
export interface TheoryLayer {
  /** The curves (possibly none). */
  readonly lines: TheoryLine[];
  /** One or two sentences for under the chart, or null. */
  readonly note: string | null;
}

const NONE: TheoryLayer = { lines: [], note: null };

/**
 * The theory layer of a metric chart: where a theorem gives a curve, that
 * curve (constants from the reference solution); where it gives only a rate,
 * a guide with that rate through the run's latest point, labelled as such.
 *
 * - `norm` (GD, SGD, momentum on separable classification, ℓ2 max-margin
 *   reference): ‖ŵ‖·ln t + c, slope from the reference (Soudry et al. 2018,
 *   w(t) = ŵ ln t + w̃ + o(1)), c fitted on the last decade of records.
 * - `loss` (plain GD, logistic or exponential loss): ‖ŵ‖²/(η t) (from
 *   ŵ = Σₙ αₙxₙ with αₙ = η e^{−⟨xₙ, w̃⟩} and Σₙ αₙ = ‖ŵ‖²; the same for the
 *   sum and the mean reduction).
 * - `margin`, `margin_lp`: γ̂, the reference's normalized margin.
 * - `angle_gap`, `dist_ref`, `margin_gap`: the theorem's rates as guides —
 *   O(1/ln² t), O(1/ln t), O(1/ln t) for GD; ∝ 1/t² and 1/t for normalized GD
 *   (Nacson et al. 2019) — with a note on why data whose residual w̃ is
 *   parallel to ŵ (soudry-fig1) decays faster, and the measured slope.
 * - `norm_nuclear`: ‖X̄‖∗ of a minimum nuclear norm (or trace) reference.
 *
 * This module is browser compatible.
 *
 * @param metric The metric's name.
 * @param ctx The run: spec, reference and the metric's column.
 * @returns The lines and note (none when no theory applies).
 *
 * @example Usage
 * ```ts
 * import { theoryLayer } from "./theory_layer.ts";
 * import assert from "node:assert/strict";
 *
 * const spec = { problem: { kind: "linear-classification", loss: "logistic" }, optimizer: { kind: "gd", lr: 0.5 } };
 * const reference = { kind: "max-margin-l2", shape: [2], data: [0.5, 0.5], margin: Math.SQRT2 };
 * const steps = [10, 100, 1000];
 * const layer = theoryLayer("norm", { spec, reference, steps, ys: steps.map((t) => Math.SQRT1_2 * Math.log(t) + 1) });
 * assert.equal(layer.lines[0]!.kind, "theorem");
 * assert.ok(Math.abs(layer.lines[0]!.f(1e6) - (Math.SQRT1_2 * Math.log(1e6) + 1)) < 1e-12);
 * ```
 */
export function theoryLayer(metric: string, ctx: TheoryContext): TheoryLayer {
  const problem = (ctx.spec.problem ?? {}) as { kind?: string; loss?: string; data?: { name?: string } };
  const opt = (ctx.spec.optimizer ?? {}) as { kind?: string; lr?: number; momentum?: number };
  const ref = ctx.reference;
  const fmt = formatNumber;

  if (
    /^norm_nuclear$/.test(metric) && ref && /^min-(nuclear-norm|trace-psd)/.test(ref.kind) && ref.shape.length === 2
  ) {
    const nuc = referenceSpectrum(ref)!.reduce((a, b) => a + b, 0);
    return {
      lines: [{
        key: "nuclear-ref",
        label: `‖X̄‖∗ = ${fmt(nuc)} (min nuclear norm solution)`,
        name: "‖X̄‖∗ (min nuclear norm solution)",
        kind: "theorem",
        f: () => nuc,
      }],
      note: null,
    };
  }

  const classification = problem.kind === "linear-classification";
  const maxMargin = ref !== null && /^max-margin-l/.test(ref.kind);
  if (!classification || !maxMargin) return NONE;
  const l2 = ref.kind === "max-margin-l2";
  const gdLike = opt.kind === "gd" || opt.kind === "sgd";
  const normalized = opt.kind === "normalized-gd";
  const hatNorm = Math.hypot(...Array.from(ref.data));

  if (
    (metric === "margin" || metric === `margin_${ref.kind.slice("max-margin-".length)}`) && ref.margin !== undefined
  ) {
    const g = ref.margin;
    return {
      lines: [{
        key: "gamma-hat",
        label: `γ̂ = ${fmt(g)} (max margin, reference)`,
        name: "γ̂ (max margin, reference)",
        kind: "theorem",
        f: () => g,
      }],
      note: null,
    };
  }

  if (metric === "norm" && l2 && gdLike) {
    const c = _fitOffset(ctx.steps, ctx.ys, (t) => hatNorm * Math.log(t));
    if (c === null) return NONE;
    return {
      lines: [{
        key: "log-growth",
        label: `‖ŵ‖·ln t + c (theorem), ‖ŵ‖ = ${fmt(hatNorm)}, c fitted`,
        name: "‖ŵ‖·ln t + c (theorem, c fitted on the last decade)",
        kind: "theorem",
        f: (t) => (t > 0 ? hatNorm * Math.log(t) + c : NaN),
      }],
      note:
        `Soudry et al. (2018): w(t) = ŵ·ln t + w̃ + o(1) (dashed: c fitted on the last decade), so ‖w‖ grows by ‖ŵ‖·ln 10 = ${
          fmt(hatNorm * Math.LN10)
        } per decade; straight on a log step axis with a linear value axis.`,
    };
  }

  if (metric === "loss" && l2 && opt.kind === "gd" && !(opt.momentum! > 0) && typeof opt.lr === "number") {
    const loss = problem.loss ?? "logistic";
    if (loss !== "logistic" && loss !== "exp") return NONE;
    const eta = opt.lr, a = hatNorm * hatNorm / eta;
    return {
      lines: [{
        key: "loss-rate",
        label: `‖ŵ‖²/(η t), η = ${fmt(eta)} (theorem)`,
        name: "‖ŵ‖²/(η t) (theorem)",
        kind: "theorem",
        f: (t) => a / t,
      }],
      note: "Soudry et al. (2018): L(w(t)) ≈ ‖ŵ‖²/(η t) for GD (ŵ = Σₙ αₙxₙ with Σₙ αₙ = ‖ŵ‖²).",
    };
  }

  const rates: Record<string, { gd: [string, (t: number) => number]; ngd: [string, (t: number) => number] }> = {
    angle_gap: { gd: ["1/ln² t", (t) => 1 / Math.log(t) ** 2], ngd: ["1/t²", (t) => 1 / (t * t)] },
    dist_ref: { gd: ["1/ln t", (t) => 1 / Math.log(t)], ngd: ["1/t", (t) => 1 / t] },
    margin_gap: { gd: ["1/ln t", (t) => 1 / Math.log(t)], ngd: ["1/t", (t) => 1 / t] },
  };
  const rate = rates[metric];
  if (!rate || !(gdLike || normalized)) return NONE;
  const [name, g] = normalized ? rate.ngd : rate.gd;
  const guide = _guideThroughLatest(ctx.steps, ctx.ys, g);
  if (guide === null) return NONE;
  const slope = _lastDecadeSlope(ctx.steps, ctx.ys);
  const measured = slope === null ? "" : ` Measured here: log-log slope ${fmt(slope)} over the last decade.`;
  const who = normalized ? "Nacson et al. (2019), normalized GD" : "Soudry et al. (2018), Theorem 3";
  let note = `${who}: ${
    metric === "angle_gap" ? "1 − cos(w, ŵ)" : metric === "dist_ref" ? "the distance" : "the margin gap"
  } = O(${name}) (dotted guide: that rate through the latest point).${measured}`;
  if (!normalized && metric !== "margin_gap") {
    const fig1 = problem.data?.name === "soudry-fig1";
    note += ` The ${name} term comes from the part of w̃ orthogonal to ŵ; ${
      fig1 ? "on this data set the support vectors make w̃ parallel to ŵ" : "where the residual w̃ is parallel to ŵ"
    }, so that term vanishes and the gap falls polynomially, faster than ${name}.`;
  }
  return {
    lines: [{
      key: "rate-guide",
      label: `∝ ${name} (fitted guide through the latest point)`,
      name: `∝ ${name} (fitted guide through the latest point)`,
      kind: "guide",
      f: guide,
    }],
    note,
  };
}

/** Mean of y − g(t) over the finite points of the last decade (t ≥ t_last/10), or null. */
function _fitOffset(steps: ArrayLike<number>, ys: ArrayLike<number>, g: (t: number) => number): number | null {
  const last = _latest(steps, ys);
  if (last < 0) return null;
  const tEnd = steps[last]!;
  let sum = 0, n = 0;
  for (let i = 0; i <= last; i++) {
    const t = steps[i]!, y = ys[i]!;
    if (t >= tEnd / 10 && t > 0 && Number.isFinite(y)) (sum += y - g(t), n++);
  }
  return n > 0 ? sum / n : null;
}

/** f(t) = y* g(t)/g(t*) through the latest finite point (t* > 1), or null. */
function _guideThroughLatest(
  steps: ArrayLike<number>,
  ys: ArrayLike<number>,
  g: (t: number) => number,
): ((t: number) => number) | null {
  const last = _latest(steps, ys);
  if (last < 0 || !(steps[last]! > 1) || !(ys[last]! > 0)) return null;
  const k = ys[last]! / g(steps[last]!);
  return (t) => (t > 1 ? k * g(t) : NaN);
}

/** Least-squares slope of ln y against ln t over the last decade (positive points only), or null. */
function _lastDecadeSlope(steps: ArrayLike<number>, ys: ArrayLike<number>): number | null {
  const last = _latest(steps, ys);
  if (last < 0) return null;
  const tEnd = steps[last]!;
  const xs: number[] = [], vs: number[] = [];
  for (let i = 0; i <= last; i++) {
    const t = steps[i]!, y = ys[i]!;
    if (t >= tEnd / 10 && t > 0 && y > 0 && Number.isFinite(y)) (xs.push(Math.log(t)), vs.push(Math.log(y)));
  }
  if (xs.length < 3 || xs.at(-1)! - xs[0]! < Math.LN10 * 0.99) return null;
  const mx = xs.reduce((a, b) => a + b) / xs.length, mv = vs.reduce((a, b) => a + b) / vs.length;
  let num = 0, den = 0;
  xs.forEach((x, i) => (num += (x - mx) * (vs[i]! - mv), den += (x - mx) ** 2));
  return num / den;
}

function _latest(steps: ArrayLike<number>, ys: ArrayLike<number>): number {
  for (let i = Math.min(steps.length, ys.length) - 1; i >= 0; i--) {
    if (Number.isFinite(ys[i]!) && steps[i]! > 0) return i;
  }
  return -1;
}
