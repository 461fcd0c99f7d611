/// <reference lib="dom" />
import * as d3 from "d3";
import type { PointsJson } from "./api_client.ts";
import type { Chart } from "./line_chart.ts";

/** What the separator view shows. */
export interface SeparatorData {
  /** The 2-D labelled points. */
  points: PointsJson;
  /** Per run, its current predictor w (null before the first record that carries it). */
  runs: { key: string; label: string; color: string; w: readonly number[] | null }[];
  /** The max-margin separator ŵ, when known. */
  reference: readonly number[] | null;
}

const POS = "#0072B2", NEG = "#D55E00";

/**
 * The data of a 2-D linear classification problem with each run's current
 * separator {x : ⟨w, x⟩ = 0} and the max-margin separator ŵ (dashed), its
 * margin band (dotted) and its support vectors (ringed). Labels are told
 * apart by shape as well as color. Built once; `update` moves the lines.
 *
 * This module is browser compatible.
 *
 * @param options Size in px (default 360).
 * @returns `{ node, update(data) }`.
 *
 * @example Usage
 * ```ts ignore
 * const view = createSeparatorChart();
 * view.update({ points, runs: [{ key: "a", label: "gd", color: "#0072B2", w: [1, 2] }], reference: [1, 1] });
 * ```
 */
export function createSeparatorChart(options: { size?: number } = {}): Chart<SeparatorData> {
  const S = options.size ?? 360;
  const m = { top: 10, right: 12, bottom: 40, left: 48 };
  const iw = S - m.left - m.right, ih = S - m.top - m.bottom;
  const root = document.createElement("figure");
  root.className = "chart problem";
  d3.select(root).append("figcaption").append("span").attr("class", "title")
    .text("data and separators ⟨w, x⟩ = 0");
  const svg = d3.select(root).append("svg").attr("viewBox", `0 0 ${S} ${S}`).attr("role", "img")
    .attr("aria-label", "The 2-D data, each run's separator and the max-margin separator");
  svg.append("clipPath").attr("id", "sep-clip").append("rect").attr("width", iw).attr("height", ih);
  const g = svg.append("g").attr("transform", `translate(${m.left},${m.top})`);
  const gx = g.append("g").attr("class", "axis").attr("transform", `translate(0,${ih})`);
  const gy = g.append("g").attr("class", "axis");
  g.append("text").attr("class", "axis-title").attr("x", iw / 2).attr("y", ih + 34).attr("text-anchor", "middle")
    .text("x₁ (feature units)");
  g.append("text").attr("class", "axis-title").attr("transform", `translate(-36,${ih / 2}) rotate(-90)`)
    .attr("text-anchor", "middle").text("x₂ (feature units)");
  const plot = g.append("g").attr("clip-path", "url(#sep-clip)");
  const band = plot.append("g");
  const runLines = plot.append("g");
  const refLine = plot.append("line").attr("class", "reference").attr("stroke", "#000").attr("stroke-width", 1.5)
    .attr("stroke-dasharray", "6 4");
  const dots = plot.append("g");
  const legend = d3.select(root).append("div").attr("class", "legend");
  let points: PointsJson | null = null;
  let x = d3.scaleLinear(), y = d3.scaleLinear();
  let R = 1;

  function line(sel: d3.Selection<SVGLineElement, unknown, null, undefined>, w: readonly number[], offset = 0): void {
    const n = Math.hypot(w[0]!, w[1]!);
    const ux = w[0]! / n, uy = w[1]! / n; // unit normal
    const cx = ux * offset, cy = uy * offset; // a point on the line
    sel.attr("x1", x(cx - uy * 3 * R)).attr("y1", y(cy + ux * 3 * R))
      .attr("x2", x(cx + uy * 3 * R)).attr("y2", y(cy - ux * 3 * R));
  }

  function setPoints(p: PointsJson): void {
    points = p;
    R = 1.15 * Math.max(1e-9, ...p.x.map((r) => Math.max(Math.abs(r[0]!), Math.abs(r[1]!))));
    x = d3.scaleLinear().domain([-R, R]).range([0, iw]);
    y = d3.scaleLinear().domain([-R, R]).range([ih, 0]);
    gx.call(d3.axisBottom(x).ticks(5));
    gy.call(d3.axisLeft(y).ticks(5));
    const sym = d3.symbol().size(46);
    dots.selectAll("path").data(p.x.map((r, i) => ({ r, label: p.y[i]! })))
      .join("path")
      .attr("transform", (d) => `translate(${x(d.r[0]!)},${y(d.r[1]!)})`)
      .attr("d", (d) => sym.type(d.label > 0 ? d3.symbolCircle : d3.symbolTriangle)())
      .attr("fill", (d) => (d.label > 0 ? POS : NEG)).attr("stroke", "#fff").attr("stroke-width", 0.8);
  }

  function update(data: SeparatorData): void {
    if (data.points !== points) setPoints(data.points);
    const p = data.points;
    const ref = data.reference;
    refLine.style("display", ref ? "inline" : "none");
    band.selectAll("*").remove();
    if (ref) {
      line(refLine, ref);
      const n = Math.hypot(ref[0]!, ref[1]!);
      const margins = p.x.map((r, i) => (p.y[i]! * (r[0]! * ref[0]! + r[1]! * ref[1]!)) / n);
      const gamma = Math.min(...margins);
      for (const off of [gamma, -gamma]) {
        band.append("line").attr("stroke", "#555").attr("stroke-dasharray", "1 3").attr("stroke-width", 1.2)
          .call((s) => line(s, ref, off));
      }
      band.selectAll("circle").data(p.x.filter((_, i) => margins[i]! <= gamma * (1 + 1e-6) + 1e-12))
        .join("circle").attr("cx", (r) => x(r[0]!)).attr("cy", (r) => y(r[1]!)).attr("r", 7)
        .attr("fill", "none").attr("stroke", "#000").attr("stroke-width", 1);
    }
    const runs = data.runs.filter((r) => r.w && Math.hypot(r.w[0]!, r.w[1]!) > 0);
    runLines.selectAll<SVGLineElement, (typeof runs)[number]>("line").data(runs, (r) => r.key).join("line")
      .attr("stroke", (r) => r.color).attr("stroke-width", 2)
      .each(function (r) {
        line(d3.select(this), r.w!);
      });
    const items = [
      { label: "y = +1", color: POS, glyph: "●" },
      { label: "y = −1", color: NEG, glyph: "▲" },
      ...(ref
        ? [{ label: "max-margin ŵ (margin band dotted, support vectors ringed)", color: "#000", glyph: "╌" }]
        : []),
      ...runs.map((r) => ({ label: `w of ${r.label}`, color: r.color, glyph: "━" })),
    ];
    legend.selectAll("span").data(items).join("span").attr("class", "item")
      .html((d) => `<b style="color:${d.color}">${d.glyph}</b> ${d.label.replace(/[<&]/g, "")}`);
  }

  return { node: root, update };
}
