/// <reference lib="dom" />
import * as d3 from "d3";
import { bucketMinMax } from "./bucket_min_max.ts";
import { axisFormat } from "./axis_format.ts";
import { formatNumber } from "./format_number.ts";
import { symlogTicks } from "./symlog_ticks.ts";

/** One line of a chart: full-resolution columns; the chart buckets them to its width. */
export interface LineSeries {
  /** Stable identity across updates (the run id, or run id + index). */
  key: string;
  /** Name in the hover read-out. */
  label: string;
  /** CSS color. */
  color: string;
  /** x values (steps), ascending. */
  xs: ArrayLike<number>;
  /** y values; non-finite ones (and non-positive ones on a log axis) are skipped. */
  ys: ArrayLike<number>;
  /** SVG dash pattern, for references. */
  dash?: string;
}

/** A curve of the theory layer, sampled over the visible steps (see `theoryLayer`). */
export interface TheoryCurve {
  /** Stable identity. */
  key: string;
  /** Legend text. */
  label: string;
  /** `theorem` (dashed) or `guide` (dotted). */
  kind: "theorem" | "guide";
  /** CSS color ("" for the page's neutral theory color). */
  color: string;
  /** The curve. */
  f: (t: number) => number;
}

/** What a chart shows. */
export interface LineChartData {
  /** The lines. */
  series: LineSeries[];
  /** The theory layer (class `theory` in the DOM and in exported SVG); empty or absent hides it. */
  theory?: TheoryCurve[];
  /** What theory says here, shown under the chart with the layer. */
  note?: string | null;
  /** A colour bar under the chart, for lines coloured along a ramp (the spectrum's σ₁ … σₙ). */
  colorBar?: { colors: string[]; first: string; last: string; title: string } | null;
  /** The step axis: log (default) or linear. */
  xType: "log" | "linear";
  /** The zoomed step range, or null for everything. */
  xDomain: [number, number] | null;
}

/** Scale types of the value axis. */
export type YScaleType = "log" | "linear" | "symlog";

/** Options of {@link createLineChart}. */
export interface LineChartOptions {
  /** The quantity, e.g. `‖w‖₂`. */
  title: string;
  /** Its unit ("" for dimensionless). */
  unit: string;
  /** A sentence shown on hovering the title. */
  help?: string;
  /** The initial value axis scale (the chart has a selector for it). */
  yType: YScaleType;
  /** x axis title (default: step). */
  xLabel?: string;
  /** Width and height of the SVG in px (defaults 360 × 220). */
  width?: number;
  height?: number;
  /** Called when the user brushes a step range (null: double-click to reset). */
  onZoom?: (domain: [number, number] | null) => void;
  /** Called when the user picks another value axis scale. */
  onScale?: (type: YScaleType) => void;
}

/** A chart built once; `update` only moves what changed. */
export interface Chart<T> {
  /** The chart's element. */
  readonly node: HTMLElement;
  /** Redraws with new data. */
  update(data: T): void;
}

let uid = 0;

/**
 * A small-multiple line chart of one metric against the step: log or linear
 * step axis, log/linear/symlog value axis (a selector in its header), lines
 * bucketed by {@link bucketMinMax} to at most ~4 points per pixel column
 * (re-bucketed on every update and zoom), brush to zoom, double-click to
 * reset, and a hover read-out of every line's value at the nearest step. The
 * DOM is built once; updates set paths and axes only.
 *
 * This module is browser compatible.
 *
 * @param options Title, unit, initial y scale, size, zoom callback.
 * @returns `{ node, update(data) }`.
 *
 * @example Usage
 * ```ts ignore
 * const chart = createLineChart({ title: "loss", unit: "nats", yType: "log" });
 * document.body.append(chart.node);
 * chart.update({ series: [{ key: "a", label: "run a", color: "#0072B2", xs: [1, 10], ys: [1, 0.1] }], xType: "log", xDomain: null });
 * ```
 */
export function createLineChart(options: LineChartOptions): Chart<LineChartData> {
  const W = options.width ?? 360, H = options.height ?? 220;
  const m = { top: 10, right: 14, bottom: 40, left: 70 };
  const iw = W - m.left - m.right, ih = H - m.top - m.bottom;
  const id = `clip-${++uid}`;
  const unit = options.unit ? ` (${options.unit})` : "";
  let yType: YScaleType = options.yType;
  let last: LineChartData | null = null;

  const root = document.createElement("figure");
  root.className = "chart";
  const caption = d3.select(root).append("figcaption");
  caption.append("span").attr("class", "title").attr("title", options.help ?? options.title).text(options.title + unit);
  const select = caption.append("select").attr("aria-label", `${options.title}: value axis scale`);
  select.selectAll("option").data(["log", "linear", "symlog"]).join("option").attr("value", (d) => d).text((d) => d);
  select.property("value", yType).on("change", () => {
    yType = select.property("value");
    options.onScale?.(yType);
    if (last) draw(last);
  });
  const svg = d3.select(root).append("svg").attr("viewBox", `0 0 ${W} ${H}`).attr("role", "img")
    .attr("aria-label", `${options.title}${unit} against ${options.xLabel ?? "step"}`);
  svg.append("clipPath").attr("id", id).append("rect").attr("width", iw).attr("height", ih);
  const g = svg.append("g").attr("transform", `translate(${m.left},${m.top})`);
  const gx = g.append("g").attr("class", "axis x").attr("transform", `translate(0,${ih})`);
  const gy = g.append("g").attr("class", "axis y");
  const xTitle = g.append("text").attr("class", "axis-title").attr("x", iw / 2).attr("y", ih + 34)
    .attr("text-anchor", "middle");
  g.append("text").attr("class", "axis-title").attr("transform", `translate(${-58},${ih / 2}) rotate(-90)`)
    .attr("text-anchor", "middle").text(options.title + unit);
  const lines = g.append("g").attr("clip-path", `url(#${id})`);
  const theoryG = g.append("g").attr("class", "theory").attr("clip-path", `url(#${id})`);
  const legendG = svg.append("g").attr("class", "theory theory-legend").attr("transform", `translate(${m.left},${H})`);
  const colorBarG = svg.append("g").attr("class", "color-bar");
  const empty = g.append("text").attr("class", "empty").attr("x", iw / 2).attr("y", ih / 2)
    .attr("text-anchor", "middle").text("waiting for data…");
  const rule = g.append("line").attr("class", "rule").attr("y1", 0).attr("y2", ih).style("display", "none");
  const dots = g.append("g").attr("class", "dots");
  const brush = d3.brushX().extent([[0, 0], [iw, ih]]).on("end", (e: d3.D3BrushEvent<unknown>) => {
    if (!e.selection || !last) return;
    const [a, b] = (e.selection as [number, number]).map((px) => x.invert(px));
    brushG.call(brush.move, null);
    if (b! > a!) options.onZoom?.([a!, b!]);
  });
  const brushG = g.append("g").attr("class", "brush").call(brush);
  brushG.on("dblclick", () => options.onZoom?.(null));
  const readout = d3.select(root).append("div").attr("class", "readout").style("display", "none");
  const noteP = d3.select(root).append("p").attr("class", "theory note").style("display", "none");

  let x: d3.ScaleContinuousNumeric<number, number> = d3.scaleLog();
  let y: d3.ScaleContinuousNumeric<number, number> = d3.scaleLog();

  // The pointer's position while it hovers a chart (null otherwise): the read-out is redrawn from it after every
  // update, so that it stays on the lines when they move (live records, zoom, scale changes).
  let hoverPx: number | null = null;

  function showReadout(): void {
    if (!last || hoverPx === null) return;
    const mx = hoverPx;
    const xv = x.invert(mx);
    const rows: { label: string; color: string; step: number; value: number }[] = [];
    for (const s of last.series) {
      const i = nearest(s.xs, xv);
      if (i < 0) continue;
      rows.push({ label: s.label, color: s.color, step: s.xs[i]!, value: s.ys[i]! });
    }
    if (rows.length === 0) return;
    rule.style("display", null).attr("x1", mx).attr("x2", mx);
    dots.selectAll("circle").data(rows.filter((r) => Number.isFinite(y(r.value))))
      .join("circle").attr("r", 3).attr("fill", (r) => r.color)
      .attr("cx", (r) => x(r.step)).attr("cy", (r) => y(r.value));
    const fmt = d3.format(".5~g");
    readout.style("display", null)
      .style("left", `${Math.min(((m.left + mx) / W) * 100, 62)}%`)
      .html(
        `<b>step ${fmt(rows[0]!.step)}</b>` +
          rows.map((r) =>
            `<div><span class="swatch" style="background:${r.color}"></span>${escapeHtml(r.label)}: ${
              formatNumber(r.value)
            }</div>`
          ).join(""),
      );
  }

  brushG.on("mousemove", (event: MouseEvent) => {
    hoverPx = d3.pointer(event, g.node())[0];
    showReadout();
  });
  brushG.on("mouseleave", () => {
    hoverPx = null;
    rule.style("display", "none");
    dots.selectAll("circle").remove();
    readout.style("display", "none");
  });

  function draw(data: LineChartData): void {
    last = data;
    const logX = data.xType === "log", logY = yType === "log";
    const okX = (v: number) => Number.isFinite(v) && (!logX || v > 0);
    let x0 = Infinity, x1 = -Infinity;
    for (const s of data.series) {
      for (let i = 0; i < s.xs.length; i++) {
        const v = s.xs[i]!;
        if (okX(v) && Number.isFinite(s.ys[i]!)) (x0 = Math.min(x0, v), x1 = Math.max(x1, v));
      }
    }
    const [d0, d1] = data.xDomain ?? [x0, x1];
    const has = Number.isFinite(d0) && Number.isFinite(d1);
    x = (logX ? d3.scaleLog() : d3.scaleLinear()).domain(
      has ? (d0 === d1 ? [d0 / 2 || 0, d1 * 2 || 1] : [d0, d1]) : [1, 10],
    )
      .range([0, iw]);
    xTitle.text(`${options.xLabel ?? "step"} (iterations, ${data.xType} scale)`);
    const kept = data.series.map((s) => {
      const ys = logY ? Array.from(s.ys, (v) => (v > 0 ? v : NaN)) : s.ys;
      const xs = logX ? Array.from(s.xs, (v) => (v > 0 ? v : NaN)) : s.xs;
      return { s, xs, ys, idx: bucketMinMax(xs, ys, x, iw) };
    });
    let y0 = Infinity, y1 = -Infinity, tiny = Infinity, symConstant = 1;
    for (const { xs, ys, idx } of kept) {
      for (const i of idx) {
        const px = x(xs[i]!);
        if (px < 0 || px > iw) continue;
        const v = ys[i]!;
        (y0 = Math.min(y0, v), y1 = Math.max(y1, v));
        if (v !== 0) tiny = Math.min(tiny, Math.abs(v));
      }
    }
    for (const c of data.theory ?? []) {
      const v = x1 > 0 || !logX ? c.f(Math.min(x1, x.domain()[1]!)) : NaN;
      if (Number.isFinite(v) && (!logY || v > 0)) (y0 = Math.min(y0, v), y1 = Math.max(y1, v));
    }
    const hasY = Number.isFinite(y0);
    empty.style("display", hasY ? "none" : "inline");
    if (!hasY) (y0 = logY ? 0.1 : 0, y1 = 1);
    if (y0 === y1) {
      (y0 = logY ? y0 / 2 : y0 - Math.abs(y0 || 1) * 0.1, y1 = logY ? y1 * 2 : y1 + Math.abs(y1 || 1) * 0.1);
    }
    y = yType === "log"
      ? d3.scaleLog().domain([y0, y1]).nice()
      : yType === "symlog"
      ? d3.scaleSymlog().constant(symConstant = Number.isFinite(tiny) ? tiny : 1).domain([y0, y1])
      : d3.scaleLinear().domain([y0, y1]).nice();
    y.range([ih, 0]);
    gx.call(d3.axisBottom(x).ticks(logX ? 6 : 5).tickFormat(axisFormat(x, logX)));
    const yAxis = d3.axisLeft(y).ticks(5).tickFormat(axisFormat(y, yType === "log"));
    if (yType === "symlog") {
      const [a, b] = y.domain() as [number, number];
      yAxis.tickValues(symlogTicks([a, b], symConstant)).tickFormat((v) => formatNumber(Number(v)));
    }
    gy.call(yAxis);
    const path = (xs: ArrayLike<number>, ys: ArrayLike<number>, idx: number[]) =>
      d3.line<number>().x((i) => x(xs[i]!)).y((i) => y(ys[i]!))(idx) ?? "";
    lines.selectAll<SVGPathElement, (typeof kept)[number]>("path").data(kept, (k) => k.s.key)
      .join("path").attr("class", "line").attr("fill", "none").attr("stroke", (k) => k.s.color)
      .attr("stroke-dasharray", (k) => k.s.dash ?? null).attr("stroke-width", 1.8)
      .attr("d", (k) => path(k.xs, k.ys, k.idx)).attr("data-points", (k) => k.idx.length);
    drawTheory(data.theory ?? [], data.note ?? null, logX, data.colorBar ?? null);
    showReadout();
  }

  function drawTheory(
    curves: TheoryCurve[],
    note: string | null,
    logX: boolean,
    bar: LineChartData["colorBar"] | null,
  ): void {
    const [a, b] = x.domain() as [number, number];
    const ts = d3.range(161).map((i) => (logX ? a * (b / a) ** (i / 160) : a + ((b - a) * i) / 160));
    const yOk = (v: number) => Number.isFinite(v) && (yType !== "log" || v > 0);
    theoryG.selectAll<SVGPathElement, TheoryCurve>("path").data(curves, (c) => c.key)
      .join("path").attr("class", (c) => `theory line-theory ${c.kind}`).attr("fill", "none")
      .attr("stroke", (c) => c.color || "#444444").attr("stroke-width", 1.4)
      .attr("data-neutral", (c) => (c.color ? null : ""))
      .attr("stroke-dasharray", (c) => (c.kind === "theorem" ? "6 4" : "2 3"))
      .attr(
        "d",
        (c) =>
          d3.line<number>().defined((t) => yOk(c.f(t))).x((t) => x(t)).y((t) =>
            y(Math.max(-1e300, Math.min(1e300, c.f(t))))
          )(ts) ?? "",
      );
    // The legend sits under the x axis title, one row per distinct label; the SVG grows to hold it.
    const rows = [...new Map(curves.map((c) => [c.label, c])).values()];
    const row = legendG.selectAll<SVGGElement, TheoryCurve>("g.entry").data(rows, (c) => c.label)
      .join((enter) => {
        const e = enter.append("g").attr("class", "theory entry");
        e.append("line").attr("x1", 0).attr("x2", 22).attr("y1", -4).attr("y2", -4).attr("stroke-width", 1.4);
        e.append("text").attr("x", 28).attr("class", "legend-text");
        return e;
      })
      .attr("transform", (_, i) => `translate(${-m.left + 8},${14 + i * 14})`);
    row.select("line").attr("stroke", (c) => c.color || "#444444").attr("data-neutral", (c) => (c.color ? null : ""))
      .attr("stroke-dasharray", (c) => (c.kind === "theorem" ? "6 4" : "2 3"));
    row.select("text").text((c) => c.label);
    let extra = rows.length ? rows.length * 14 + 6 : 0;
    // The colour bar: one cell per line, labelled at both ends, under the legend.
    colorBarG.selectAll("*").remove();
    if (bar && bar.colors.length > 0) {
      colorBarG.attr("transform", `translate(${m.left},${H + extra + 4})`);
      const cw = Math.min(14, (iw - 90) / bar.colors.length);
      colorBarG.append("text").attr("class", "legend-text").attr("x", -m.left + 8).attr("y", 9).text(bar.title);
      colorBarG.selectAll("rect").data(bar.colors).join("rect").attr("x", (_, i) => 40 + i * cw).attr("y", 0)
        .attr("width", cw).attr("height", 10).attr("fill", (c) => c);
      colorBarG.append("text").attr("class", "legend-text").attr("x", 36).attr("y", 9).attr("text-anchor", "end")
        .text(bar.first);
      colorBarG.append("text").attr("class", "legend-text").attr("x", 44 + bar.colors.length * cw).attr("y", 9)
        .text(bar.last);
      extra += 20;
    }
    svg.attr("viewBox", `0 0 ${W} ${H + extra}`);
    noteP.style("display", note ? "block" : "none").text(note ?? "");
  }

  return { node: root, update: draw };
}

/** Index of the x closest to `v` in an ascending column (-1 when empty). */
function nearest(xs: ArrayLike<number>, v: number): number {
  if (xs.length === 0) return -1;
  let lo = 0, hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < v) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[lo]! - v) <= Math.abs(xs[hi]! - v) ? lo : hi;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
