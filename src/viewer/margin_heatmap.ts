/// <reference lib="dom" />
import * as d3 from "d3";
import { axisFormat } from "./axis_format.ts";
import type { Chart } from "./line_chart.ts";

/** What the margin view shows: one histogram of normalized margins per recorded step. */
export interface MarginHeatmapData {
  /** Steps of the histograms, ascending. */
  steps: readonly number[];
  /** Per step, counts per bin. */
  counts: readonly (readonly number[])[];
  /** Bin edges (counts[i].length + 1 of them), ascending. */
  edges: readonly number[];
  /** The max margin γ̂, drawn as a dashed line, when known. */
  maxMargin: number | null;
  /** Step axis type and zoom, shared with the metric charts. */
  xType: "log" | "linear";
  xDomain: [number, number] | null;
}

/**
 * Normalized margins yᵢ⟨w, xᵢ⟩/‖w‖ over time as a heat map: step across
 * (log by default), margin up, darker cells hold more points; a dashed line
 * marks the max margin γ̂ that the smallest margins approach. Cells are
 * painted on a canvas under SVG axes; built once, repainted on update.
 *
 * This module is browser compatible.
 *
 * @param options Size in px (defaults 360 × 220).
 * @returns `{ node, update(data) }`.
 *
 * @example Usage
 * ```ts ignore
 * const view = createMarginHeatmap();
 * view.update({ steps: [1, 10], counts: [[2, 0], [0, 2]], edges: [0, 1, 2], maxMargin: 1, xType: "log", xDomain: null });
 * ```
 */
export function createMarginHeatmap(options: { width?: number; height?: number } = {}): Chart<MarginHeatmapData> {
  const W = options.width ?? 360, H = options.height ?? 220;
  const m = { top: 10, right: 14, bottom: 40, left: 62 };
  const iw = W - m.left - m.right, ih = H - m.top - m.bottom;
  const root = document.createElement("figure");
  root.className = "chart problem";
  d3.select(root).append("figcaption").append("span").attr("class", "title")
    .text("normalized margins yᵢ⟨w, xᵢ⟩/‖w‖₂ over time");
  const stage = d3.select(root).append("div").attr("class", "stage");
  const canvas = stage.append("canvas").attr("width", iw * 2).attr("height", ih * 2)
    .style("left", `${(m.left / W) * 100}%`).style("top", `${(m.top / H) * 100}%`)
    .style("width", `${(iw / W) * 100}%`).style("height", `${(ih / H) * 100}%`);
  const svg = stage.append("svg").attr("viewBox", `0 0 ${W} ${H}`).attr("role", "img")
    .attr("aria-label", "Histogram of normalized margins against step");
  const g = svg.append("g").attr("transform", `translate(${m.left},${m.top})`);
  const gx = g.append("g").attr("class", "axis").attr("transform", `translate(0,${ih})`);
  const gy = g.append("g").attr("class", "axis");
  const xTitle = g.append("text").attr("class", "axis-title").attr("x", iw / 2).attr("y", ih + 34)
    .attr("text-anchor", "middle");
  g.append("text").attr("class", "axis-title").attr("transform", `translate(-48,${ih / 2}) rotate(-90)`)
    .attr("text-anchor", "middle").text("margin (feature units)");
  const gamma = g.append("line").attr("stroke", "#D55E00").attr("stroke-width", 1.5).attr("stroke-dasharray", "6 4")
    .attr("x1", 0).attr("x2", iw);
  const gammaLabel = g.append("text").attr("class", "annotation").attr("x", iw - 4).attr("text-anchor", "end")
    .attr("fill", "#D55E00");
  const empty = g.append("text").attr("class", "empty").attr("x", iw / 2).attr("y", ih / 2)
    .attr("text-anchor", "middle").text("waiting for predictors…");

  function update(data: MarginHeatmapData): void {
    const log = data.xType === "log";
    const idx = data.steps.map((_, i) => i).filter((i) => !log || data.steps[i]! > 0);
    empty.style("display", idx.length ? "none" : "inline");
    const s0 = data.steps[idx[0] ?? 0] ?? 1, s1 = data.steps[idx.at(-1) ?? 0] ?? 10;
    const domain = data.xDomain ?? [s0, s1 > s0 ? s1 : s0 * 10];
    const x = (log ? d3.scaleLog() : d3.scaleLinear()).domain(domain).range([0, iw]);
    // show only the bins that were ever occupied (the edges span every possible margin)
    let b0 = Infinity, b1 = -Infinity, peak = 1;
    for (const c of data.counts) {
      c.forEach((v, b) => {
        if (v > 0) (b0 = Math.min(b0, b), b1 = Math.max(b1, b), peak = Math.max(peak, v));
      });
    }
    if (data.maxMargin !== null) {
      const gb = data.edges.findIndex((e) => e > data.maxMargin!) - 1;
      if (gb >= 0) (b0 = Math.min(b0, gb), b1 = Math.max(b1, gb));
    }
    if (!Number.isFinite(b0)) (b0 = 0, b1 = data.edges.length - 2);
    const pad = Math.max(2, Math.round((b1 - b0) * 0.08));
    const lo = data.edges[Math.max(0, b0 - pad)] ?? 0,
      hi = data.edges[Math.min(data.edges.length - 1, b1 + 1 + pad)] ?? 1;
    const y = d3.scaleLinear().domain([lo, hi]).range([ih, 0]);
    gx.call(d3.axisBottom(x).ticks(6).tickFormat(axisFormat(x, log)));
    gy.call(d3.axisLeft(y).ticks(5));
    xTitle.text(`step (iterations, ${data.xType} scale)`);
    const ctx = (canvas.node() as HTMLCanvasElement).getContext("2d")!;
    ctx.setTransform(2, 0, 0, 2, 0, 0);
    ctx.clearRect(0, 0, iw, ih);
    for (let k = 0; k < idx.length; k++) {
      const i = idx[k]!;
      const xa = x(data.steps[i]!), xb = k + 1 < idx.length ? x(data.steps[idx[k + 1]!]!) : xa + 3;
      if (xb < 0 || xa > iw) continue;
      data.counts[i]!.forEach((c, b) => {
        if (c === 0) return;
        ctx.fillStyle = d3.interpolateBlues(0.3 + 0.7 * (c / peak));
        const ya = y(data.edges[b + 1]!), yb = y(data.edges[b]!);
        ctx.fillRect(Math.max(0, xa), ya, Math.max(1, Math.min(iw, xb) - Math.max(0, xa)), yb - ya);
      });
    }
    const show = data.maxMargin !== null && data.maxMargin >= lo && data.maxMargin <= hi;
    gamma.style("display", show ? "inline" : "none").attr("y1", y(data.maxMargin ?? 0)).attr(
      "y2",
      y(data.maxMargin ?? 0),
    );
    gammaLabel.style("display", show ? "inline" : "none").attr("y", y(data.maxMargin ?? 0) - 4)
      .text(`max margin γ̂ = ${d3.format(".4~g")(data.maxMargin ?? 0)}`);
  }

  return { node: root, update };
}
