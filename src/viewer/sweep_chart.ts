/// <reference lib="dom" />
import * as d3 from "d3";

/** One run of a sweep: its swept value and its latest metrics. */
export interface SweepPoint {
  /** The swept value (numeric sweeps only). */
  value: number;
  /** The run's color (as in the other charts). */
  color: string;
  /** The run's latest value of each metric recorded so far. */
  metrics: ReadonlyMap<string, number>;
}

/** Default metric of a sweep chart: the first of these the runs have, else the first metric seen. */
const PREFERRED = ["test_error", "train_error", "margin", "loss"];

/**
 * The sweep chart: any metric's latest value against the swept value, one
 * point per run, joined in order of the value: the talk's slide 5 (test error
 * against the width) drawn live as a sweep's runs record. The x axis is
 * logarithmic (base 2 for a swept width, 10 otherwise) when every value is
 * positive and they span at least a factor of 4, else linear; the y axis is
 * linear. A selector picks the metric.
 *
 * This module is browser compatible.
 *
 * @param options `path`: the swept field, for the axis title.
 * @returns `{ node, update(points) }`.
 *
 * @example Usage
 * ```ts ignore
 * const chart = createSweepChart({ path: "problem.widths[0]" });
 * document.body.append(chart.node);
 * chart.update([{ value: 16, color: "#440154", metrics: new Map([["test_error", 0.11]]) }]);
 * ```
 */
export function createSweepChart(options: { path: string }): { node: HTMLElement; update(points: SweepPoint[]): void } {
  const W = 480, H = 260, m = { top: 12, right: 16, bottom: 42, left: 64 };
  const iw = W - m.left - m.right, ih = H - m.top - m.bottom;
  const widthSweep = /width/i.test(options.path);
  let metric: string | null = null;
  let last: SweepPoint[] = [];

  const root = document.createElement("figure");
  root.className = "chart sweep";
  const caption = d3.select(root).append("figcaption");
  caption.append("span").attr("class", "title").text(`sweep: latest value against ${options.path}`);
  const select = caption.append("select").attr("aria-label", "sweep chart metric")
    .on("change", () => {
      metric = select.property("value");
      draw();
    });
  const svg = d3.select(root).append("svg").attr("viewBox", `0 0 ${W} ${H}`).attr("role", "img")
    .attr("aria-label", `a metric against ${options.path}, one point per run`);
  const g = svg.append("g").attr("transform", `translate(${m.left},${m.top})`);
  const gx = g.append("g").attr("class", "axis x").attr("transform", `translate(0,${ih})`);
  const gy = g.append("g").attr("class", "axis y");
  g.append("text").attr("class", "axis-title").attr("x", iw / 2).attr("y", ih + 36).attr("text-anchor", "middle")
    .text(options.path);
  const yTitle = g.append("text").attr("class", "axis-title").attr("transform", `translate(-50,${ih / 2}) rotate(-90)`)
    .attr("text-anchor", "middle");
  const line = g.append("path").attr("fill", "none").attr("stroke", "currentColor").attr("stroke-opacity", 0.5);
  const dots = g.append("g").attr("class", "dots");
  const empty = g.append("text").attr("class", "empty").attr("x", iw / 2).attr("y", ih / 2)
    .attr("text-anchor", "middle").text("waiting for data…");

  function draw(): void {
    const names = [...new Set(last.flatMap((p) => [...p.metrics.keys()]))];
    select.selectAll("option").data(names, (d) => d as string).join("option").attr("value", (d) => d).text((d) => d);
    metric ??= PREFERRED.find((n) => names.includes(n)) ?? names[0] ?? null;
    if (metric !== null) select.property("value", metric);
    const name = metric;
    const pts = name === null ? [] : last.filter((p) => Number.isFinite(p.metrics.get(name)))
      .map((p) => ({ ...p, y: p.metrics.get(name)! })).sort((a, b) => a.value - b.value);
    empty.style("display", pts.length ? "none" : "inline");
    yTitle.text(name ?? "");
    if (pts.length === 0) return;
    const [lo, hi] = d3.extent(last, (p) => p.value) as [number, number];
    const x = lo > 0 && hi / lo >= 4
      ? d3.scaleLog().base(widthSweep ? 2 : 10).domain([lo / 1.3, hi * 1.3])
      : d3.scaleLinear().domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]).nice();
    const [ylo, yhi] = d3.extent(pts, (p) => p.y) as [number, number];
    const pad = ylo === yhi ? Math.abs(ylo) * 0.1 || 1 : (yhi - ylo) * 0.08;
    const y = d3.scaleLinear().domain([ylo - pad, yhi + pad]).range([ih, 0]).nice();
    x.range([0, iw]);
    gx.call(
      d3.axisBottom(x).ticks(6, widthSweep ? "d" : "~g") as unknown as (s: typeof gx) => void,
    );
    gy.call(d3.axisLeft(y).ticks(5, "~g") as unknown as (s: typeof gy) => void);
    line.attr("d", d3.line<(typeof pts)[number]>().x((p) => x(p.value)).y((p) => y(p.y))(pts));
    dots.selectAll("circle").data(pts, (p) => String((p as SweepPoint).value)).join("circle")
      .attr("r", 4).attr("cx", (p) => x(p.value)).attr("cy", (p) => y(p.y)).attr("fill", (p) => p.color)
      .selectAll("title").data((p) => [p]).join("title").text((p) => `${options.path} = ${p.value}: ${name} = ${p.y}`);
  }

  return {
    node: root,
    update(points: SweepPoint[]): void {
      last = points;
      draw();
    },
  };
}
