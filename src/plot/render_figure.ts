/// <reference lib="dom" />
import * as d3 from "d3";
import { parseHTML } from "linkedom";
import { axisFormat } from "../viewer/axis_format.ts";
import { bucketMinMax } from "../viewer/bucket_min_max.ts";
import { OKABE_ITO } from "../viewer/colors.ts";
import { metricInfo, type MetricProblem } from "../viewer/metric_info.ts";
import { theoryLayer } from "../viewer/theory_layer.ts";
import type { PlotRun } from "./plot_run.ts";

/** Options of {@link renderFigure}. */
export interface FigureOptions {
  /** The metrics to plot, one panel each (default: {@link defaultMetrics}). */
  metrics?: readonly string[];
  /** Width of the whole figure in px (default 360 per panel column, up to 2 columns). */
  width?: number;
  /** Height of the whole figure in px (default 250 per panel row plus its legend). */
  height?: number;
  /** Draw the theory layer (default true). */
  theory?: boolean;
}

/** The figure's font: DejaVu Sans is what `svgToPng` embeds, so the PNG matches the SVG. */
export const FIGURE_FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";

const THEORY_COLOR = "#444444";

/**
 * The key metrics of a run for a default figure: loss, ‖w‖, margin and
 * angle gap for classification; loss, nuclear norm, relative error and the
 * nuclear-norm gap for matrix problems; whichever of them the run recorded
 * (with at least one finite value), else its first four metrics.
 *
 * @param run The run.
 * @returns Up to four metric names.
 *
 * @example Usage
 * ```ts
 * import { defaultMetrics } from "./render_figure.ts";
 * import assert from "node:assert/strict";
 *
 * const metrics = new Map([["loss", [1]], ["norm", [2]], ["grad_norm", [3]]]);
 * const run = { id: "r", spec: {}, reference: null, steps: [1], metrics, status: "done" };
 * assert.deepEqual(defaultMetrics(run), ["loss", "norm"]);
 * ```
 */
export function defaultMetrics(run: PlotRun): string[] {
  const has = (m: string) => run.metrics.get(m)?.some((v) => Number.isFinite(v)) ?? false;
  const key = ["loss", "norm", "margin", "angle_gap", "norm_nuclear", "rel_err_ref", "nuclear_gap", "test_error"];
  const picked = key.filter(has).slice(0, 4);
  return picked.length > 0 ? picked : [...run.metrics.keys()].filter(has).slice(0, 4);
}

/**
 * Renders a run's charts as one SVG document, without a browser: d3 scales,
 * axes and lines on a server-side DOM (linkedom), one panel per metric, the
 * step on a log axis, each metric on the viewer's default value scale, lines
 * thinned per pixel column as in the viewer (`bucketMinMax`), and the theory
 * layer (class `theory`: theorem curves dashed, rate guides dotted, a legend
 * under each panel). Publication defaults: text as `<text>` elements in
 * DejaVu Sans, 11–13 px at the figure's size, Okabe–Ito colours.
 *
 * @param run The run (see `readPlotRun`).
 * @param options Metrics, size, theory layer.
 * @returns The SVG document's text.
 * @throws {RangeError} naming the metrics the run has when one asked for is not among them.
 *
 * @example Usage
 * ```ts
 * import { renderFigure } from "./render_figure.ts";
 * import assert from "node:assert/strict";
 *
 * const steps = [1, 10, 100, 1000];
 * const run = { id: "r", spec: {}, reference: null, steps, metrics: new Map([["loss", steps.map((t) => 1 / t)]]),
 *   status: "done" };
 * const svg = renderFigure(run);
 * assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
 * assert.match(svg, /<text[^>]*>loss L\(w\) \(nats\)<\/text>/);
 * ```
 */
export function renderFigure(run: PlotRun, options: FigureOptions = {}): string {
  const metrics = options.metrics && options.metrics.length > 0 ? [...options.metrics] : defaultMetrics(run);
  for (const m of metrics) {
    if (!run.metrics.has(m)) {
      throw new RangeError(
        `Run ${run.id} has no metric ${JSON.stringify(m)}; it has ${[...run.metrics.keys()].join(", ")}`,
      );
    }
  }
  const showTheory = options.theory ?? true;
  const problem = (run.spec.problem ?? {}) as MetricProblem;
  const layers = metrics.map((m) =>
    showTheory
      ? theoryLayer(m, { spec: run.spec, reference: run.reference, steps: run.steps, ys: run.metrics.get(m)! })
      : { lines: [], note: null }
  );
  const cols = Math.min(2, Math.max(1, metrics.length));
  const rowsN = Math.ceil(metrics.length / cols);
  const legendRows = Math.max(0, ...layers.map((l) => l.lines.length));
  const W = options.width ?? 360 * cols;
  const panelW = W / cols;
  const H = options.height ?? rowsN * (250 + legendRows * 16);
  const panelH = H / rowsN;

  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const svgNode = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  const svg = d3.select(svgNode as unknown as SVGSVGElement)
    .attr("xmlns", "http://www.w3.org/2000/svg")
    .attr("width", W).attr("height", H).attr("viewBox", `0 0 ${W} ${H}`)
    .attr("font-family", FIGURE_FONT).attr("font-size", 11).attr("color", "#1b1b1f").attr("data-run", run.id);
  svg.append("rect").attr("class", "background").attr("width", W).attr("height", H).attr("fill", "#ffffff");

  metrics.forEach((name, k) => {
    const info = metricInfo(name, problem);
    const layer = layers[k]!;
    const m = { top: 26, right: 16, bottom: 44 + layer.lines.length * 16, left: 64 };
    const iw = panelW - m.left - m.right, ih = panelH - m.top - m.bottom;
    const px = (k % cols) * panelW, py = Math.floor(k / cols) * panelH;
    const panel = svg.append("g").attr("class", "panel").attr("data-metric", name)
      .attr("transform", `translate(${px},${py})`);
    const unit = info.unit ? ` (${info.unit})` : "";
    panel.append("text").attr("class", "title").attr("x", m.left).attr("y", 16).attr("font-size", 13)
      .attr("font-weight", "bold").attr("fill", "#1b1b1f").text(info.label + unit);
    const g = panel.append("g").attr("transform", `translate(${m.left},${m.top})`);

    const xs = run.steps, ysRaw = run.metrics.get(name)!;
    const logY = info.scale === "log";
    const okPoint = (i: number) => xs[i]! > 0 && Number.isFinite(ysRaw[i]!) && (!logY || ysRaw[i]! > 0);
    const idxAll = d3.range(xs.length).filter(okPoint);
    const x0 = idxAll.length ? xs[idxAll[0]!]! : 1, x1 = idxAll.length ? xs[idxAll.at(-1)!]! : 10;
    const x = d3.scaleLog().domain(x0 === x1 ? [x0 / 2, x1 * 2] : [x0, x1]).range([0, iw]);
    const ys = Array.from(ysRaw, (v, i) => (okPoint(i) ? v : NaN));
    const idx = bucketMinMax(xs, ys, x, iw);
    let [y0, y1] = d3.extent(idx.map((i) => ys[i]!).filter(Number.isFinite)) as [number?, number?];
    for (const line of layer.lines) {
      const v = line.f(x1);
      if (Number.isFinite(v) && (!logY || v > 0)) (y0 = Math.min(y0 ?? v, v), y1 = Math.max(y1 ?? v, v));
    }
    if (y0 === undefined || y1 === undefined) (y0 = logY ? 0.1 : 0, y1 = 1);
    if (y0 === y1) {
      (y0 = logY ? y0 / 2 : y0 - Math.abs(y0 || 1) * 0.1, y1 = logY ? y1 * 2 : y1 + Math.abs(y1 || 1) * 0.1);
    }
    const y = info.scale === "log"
      ? d3.scaleLog().domain([y0, y1]).nice()
      : info.scale === "symlog"
      ? d3.scaleSymlog().domain([y0, y1])
      : d3.scaleLinear().domain([y0, y1]).nice();
    y.range([ih, 0]);

    const axisX = g.append("g").attr("class", "axis x").attr("transform", `translate(0,${ih})`)
      .call(d3.axisBottom(x).ticks(6).tickFormat(axisFormat(x, true)));
    const axisY = g.append("g").attr("class", "axis y")
      .call(d3.axisLeft(y).ticks(5).tickFormat(axisFormat(y, logY)));
    for (const a of [axisX, axisY]) a.attr("font-family", null).attr("font-size", 10.5);
    g.append("text").attr("class", "axis-title").attr("x", iw / 2).attr("y", ih + 32).attr("text-anchor", "middle")
      .attr("fill", "#1b1b1f").text("step (iterations, log scale)");

    const clipId = `clip-${k}`;
    g.append("clipPath").attr("id", clipId).append("rect").attr("width", iw).attr("height", ih);
    g.append("path").attr("class", "line").attr("clip-path", `url(#${clipId})`).attr("fill", "none")
      .attr("stroke", OKABE_ITO[0]!).attr("stroke-width", 1.8).attr("data-points", idx.length)
      .attr("d", d3.line<number>().x((i) => x(xs[i]!)).y((i) => y(ys[i]!))(idx) ?? "");

    if (layer.lines.length > 0) {
      const [a, b] = x.domain() as [number, number];
      const ts = d3.range(161).map((i) => a * (b / a) ** (i / 160));
      const theory = g.append("g").attr("class", "theory").attr("clip-path", `url(#${clipId})`);
      const legend = g.append("g").attr("class", "theory legend").attr(
        "transform",
        `translate(${-m.left + 8},${ih + 50})`,
      );
      layer.lines.forEach((line, j) => {
        const dash = line.kind === "theorem" ? "6 4" : "2 3";
        const ok = (t: number) => Number.isFinite(line.f(t)) && (!logY || line.f(t) > 0);
        theory.append("path").attr("class", `theory ${line.kind}`).attr("data-key", line.key).attr("fill", "none")
          .attr("stroke", THEORY_COLOR).attr("stroke-width", 1.4).attr("stroke-dasharray", dash)
          .attr("d", d3.line<number>().defined(ok).x((t) => x(t)).y((t) => y(line.f(t)))(ts) ?? "");
        const row = legend.append("g").attr("class", "theory entry").attr("transform", `translate(0,${j * 16})`);
        row.append("line").attr("x1", 0).attr("x2", 24).attr("y1", -4).attr("y2", -4).attr("stroke", THEORY_COLOR)
          .attr("stroke-width", 1.4).attr("stroke-dasharray", dash);
        row.append("text").attr("x", 30).attr("fill", "#1b1b1f").attr("font-size", 10.5).text(line.label);
      });
    }
  });
  return svgNode.toString();
}
