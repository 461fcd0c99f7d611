/// <reference lib="dom" />
import * as d3 from "d3";
import type { ApiClient, PointsJson, RunDetailJson } from "./api_client.ts";
import { runColors } from "./colors.ts";
import { createLineChart, type LineSeries } from "./line_chart.ts";
import { createMarginHeatmap } from "./margin_heatmap.ts";
import { marginHistogram } from "./margin_histogram.ts";
import { metricInfo, type MetricProblem } from "./metric_info.ts";
import { runSpectrum } from "./run_spectrum.ts";
import { createRunTrace, type RunTrace } from "./run_trace.ts";
import { createSeparatorChart } from "./separator_chart.ts";
import { createSweepChart } from "./sweep_chart.ts";
import { theoryLayer } from "./theory_layer.ts";
import { formatNumber } from "./format_number.ts";
import { addExportButtons } from "./add_export_buttons.ts";
import { referenceSpectrum } from "./reference_spectrum.ts";
import { parseViewState } from "./view_state.ts";
import { formatViewState } from "./format_view_state.ts";
import type { TheoryCurve } from "./line_chart.ts";

interface RunState {
  id: string;
  label: string;
  color: string;
  detail: RunDetailJson;
  trace: RunTrace;
  status: string;
  step: number;
  source: EventSource | null;
  header: d3.Selection<HTMLDivElement, unknown, null, undefined>;
  /** Recent (wall seconds, step) pairs of live records, for steps/s and the ETA. */
  samples: [number, number][];
  specOpen: boolean;
}

/**
 * The view of one run or several overlaid (a sweep, or runs picked in the
 * list): a header per run (status, progress, stop, export), the problem views
 * (2-D data with separators, margin histogram over time, singular value
 * spectrum for matrix problems), and one chart per metric, all sharing the
 * step axis (log by default) and its zoom. Events stream in over SSE; redraws
 * are coalesced to one per animation frame.
 *
 * This module is browser compatible.
 *
 * @param api The API client.
 * @param ids The runs to show.
 * @returns The view's element and a `destroy()` that closes its streams.
 *
 * @example Usage
 * ```ts ignore
 * const view = await createRunView(api, ["soudry-fig1-20261127-101500-ab12"]);
 * document.body.append(view.node);
 * ```
 */
export async function createRunView(api: ApiClient, ids: string[]): Promise<{ node: HTMLElement; destroy(): void }> {
  const details = await Promise.all(ids.map((id) => api.run(id)));
  const colors = runColors(details.map((d) => d.sweep?.value));
  const root = d3.select(document.createElement("section")).attr("class", "run-view");
  const toolbar = root.append("div").attr("class", "toolbar");
  const headers = root.append("div").attr("class", "run-headers");
  const problem = root.append("div").attr("class", "grid problem-views");
  const grid = root.append("div").attr("class", "grid metrics");
  // σₖ of matrix runs get a chart each too, folded away: the spectrum chart above shows them all at once.
  const svFold = root.append("details").attr("class", "sv-multiples").style("display", "none");
  const svSummary = svFold.append("summary");
  const svGrid = svFold.append("div").attr("class", "grid metrics");
  // The view's state lives in the URL (#/run/<ids>?x=…&zoom=…&theory=…&y=…): a reload or a shared link shows the same.
  const initial = parseViewState(location.hash.split("?")[1] ?? "");
  let xType: "log" | "linear" = initial.x;
  let xDomain: [number, number] | null = initial.zoom;
  const yScales = { ...initial.y };
  function saveState(): void {
    const query = formatViewState({ x: xType, zoom: xDomain, theory: showTheory, y: yScales });
    const base = location.hash.split("?")[0]!;
    history.replaceState(null, "", `${location.pathname}${location.search}${base}${query ? `?${query}` : ""}`);
  }

  toolbar.append("a").attr("href", "#/").text("← all runs");
  const scaleButtons = toolbar.append("span").attr("class", "toggle").attr("role", "group")
    .attr("aria-label", "step axis scale");
  scaleButtons.append("span").text("step axis: ");
  for (const t of ["log", "linear"] as const) {
    scaleButtons.append("button").attr("type", "button").attr("data-scale", t).text(t)
      .on("click", () => {
        xType = t;
        xDomain = null;
        scaleButtons.selectAll("button").classed("active", function () {
          return (this as HTMLElement).dataset.scale === t;
        });
        saveState();
        schedule();
      }).classed("active", t === xType);
  }
  toolbar.append("button").attr("type", "button").text("reset zoom").on("click", () => zoom(null));
  let showTheory = initial.theory;
  const theoryButton = toolbar.append("button").attr("type", "button").attr("class", "theory-toggle")
    .attr("title", "theorem curves and rate guides on the charts (dashed)")
    .on("click", () => {
      showTheory = !showTheory;
      drawTheoryButton();
      saveState();
      schedule();
    });
  function drawTheoryButton(): void {
    theoryButton.attr("aria-pressed", String(showTheory)).text(`theory layer: ${showTheory ? "on" : "off"}`);
    root.classed("no-theory", !showTheory);
  }
  drawTheoryButton();
  toolbar.append("span").attr("class", "hint").text("drag on a chart to zoom the steps · double-click to reset");

  const runs: RunState[] = details.map((detail, i) => ({
    id: detail.id,
    label: detail.sweep
      ? `${detail.sweep.path} = ${JSON.stringify(detail.sweep.value)}`
      : `${detail.name} · ${detail.id.slice(-11)}`,
    color: colors[i]!,
    detail,
    trace: createRunTrace(),
    status: detail.status,
    step: detail.step,
    source: null,
    header: headers.append("div").attr("class", "run-header"),
    samples: [],
    specOpen: false,
  }));

  const first = runs[0]!;
  const points: PointsJson | null = hasPoints(first.detail.spec) ? await api.points(first.id) : null;
  const separator = points && points.d === 2 ? createSeparatorChart() : null;
  if (separator) (separator.node.dataset.view = "separator", problem.node()!.append(separator.node));
  const heatmap = points ? createMarginHeatmap() : null;
  if (heatmap) (heatmap.node.dataset.view = "margins", problem.node()!.append(heatmap.node));
  const R = points ? Math.max(...points.x.map((r) => Math.hypot(...r))) : 1;
  const edges = d3.range(241).map((k) => -R + (2 * R * k) / 240);
  const hist = { steps: [] as number[], counts: [] as number[][], done: 0 };
  let spectrum: ReturnType<typeof createLineChart> | null = null;
  // Runs of one numeric sweep: a chart of each run's latest metric against the swept value.
  const swept = runs.length > 1 &&
      runs.every((r) => r.detail.sweep?.path === first.detail.sweep?.path && typeof r.detail.sweep?.value === "number")
    ? createSweepChart({ path: first.detail.sweep!.path })
    : null;
  if (swept) problem.node()!.append(swept.node);
  const charts = new Map<string, ReturnType<typeof createLineChart>>();

  function zoom(domain: [number, number] | null): void {
    xDomain = domain;
    saveState();
    schedule();
  }

  function drawHeader(run: RunState): void {
    const h = run.header;
    h.selectAll("*").remove();
    h.append("span").attr("class", "swatch").style("background", run.color);
    h.append("strong").text(run.label);
    h.append("span").attr("class", `badge ${run.status}`).text(run.status);
    const steps = run.detail.steps;
    h.append("progress").attr("max", 1).attr("value", steps ? run.step / steps : 0)
      .attr("aria-label", `progress of ${run.label}`);
    h.append("span").attr("class", "steps").text(`step ${d3.format(",")(run.step)} / ${d3.format(",")(steps)}`);
    if (run.status === "running" || run.status === "queued") {
      h.append("button").attr("type", "button").attr("class", "stop").text("stop")
        .on("click", () => api.stop(run.id).catch((e) => alert((e as Error).message)));
    }
    h.append("a").attr("href", api.exportUrl(run.id, "csv")).attr("download", "").text("CSV");
    h.append("a").attr("href", api.exportUrl(run.id, "ndjson")).attr("download", "").text("NDJSON");
    h.append("span").attr("class", "rate");
    drawRate(run);
    if (run.detail.message || run.detail.final?.message) {
      h.append("span").attr("class", "message").text(run.detail.final?.message ?? run.detail.message ?? "");
    }
    const details = h.append("details").attr("class", "spec").property("open", run.specOpen)
      .on("toggle", function () {
        run.specOpen = (this as HTMLDetailsElement).open;
      });
    details.append("summary").text("spec");
    details.append("pre").text(JSON.stringify(run.detail.spec, null, 2));
  }

  /** Steps/s over the recent live records and the ETA, while the run computes. */
  function drawRate(run: RunState): void {
    const s = run.samples;
    const live = run.status === "running" && s.length >= 2 && s.at(-1)![0] > s[0]![0];
    const rate = live ? (s.at(-1)![1] - s[0]![1]) / (s.at(-1)![0] - s[0]![0]) : NaN;
    run.header.select(".rate").text(
      live && rate > 0
        ? `${formatNumber(rate)} steps/s · ETA ${formatDuration((run.detail.steps - run.step) / rate)}`
        : "",
    );
  }

  let frame = 0;
  function schedule(): void {
    if (frame === 0) frame = requestAnimationFrame(render);
  }

  function render(): void {
    frame = 0;
    for (const run of runs) {
      for (const name of run.trace.metrics.keys()) {
        if (charts.has(name)) continue;
        // Units per problem kind: overlaid runs of different problems (a squared and a logistic loss) get no unit
        // rather than the first run's.
        const infos = runs.map((r) => metricInfo(name, (r.detail.spec.problem ?? {}) as MetricProblem));
        const info = infos[0]!;
        const unit = infos.every((i) => i.unit === info.unit) ? info.unit : "units differ by run";
        const chart = createLineChart({
          title: info.label,
          unit,
          help: info.help,
          yType: yScales[name] ?? info.scale,
          onZoom: zoom,
          onScale: (t) => {
            yScales[name] = t;
            saveState();
          },
        });
        chart.node.dataset.metric = name;
        charts.set(name, chart);
        if (/^sv_\d+$/.test(name)) {
          svGrid.node()!.append(chart.node);
          const count = svGrid.node()!.childElementCount;
          svFold.style("display", null);
          svSummary.text(`σₖ one chart each (${count}): show or hide`);
        } else grid.node()!.append(chart.node);
      }
    }
    for (const [name, chart] of charts) {
      const { theory, note } = showTheory ? theoryFor(name) : { theory: [], note: null };
      chart.update({
        series: runs.map((r) => ({
          key: r.id,
          label: r.label,
          color: r.color,
          xs: r.trace.steps,
          ys: r.trace.metrics.get(name) ?? [],
        })),
        theory,
        note,
        xType,
        xDomain,
      });
    }
    const reference = (first.detail.reference?.data ?? null) as number[] | null;
    if (separator && points) {
      separator.update({
        points,
        reference,
        runs: runs.map((r) => ({
          key: r.id,
          label: r.label,
          color: r.color,
          w: r.trace.predictors.at(-1)?.predictor.data ?? null,
        })),
      });
    }
    if (heatmap && points) {
      const preds = first.trace.predictors;
      for (; hist.done < preds.length; hist.done++) {
        const p = preds[hist.done]!;
        if (p.predictor.shape.length !== 1 || p.predictor.shape[0] !== points.d) continue;
        const counts = marginHistogram(points.x, points.y, p.predictor.data, edges);
        if (counts) (hist.steps.push(p.step), hist.counts.push(counts));
      }
      heatmap.update({ ...hist, edges, maxMargin: first.detail.reference?.margin ?? null, xType, xDomain });
    }
    renderSpectrum();
    swept?.update(runs.map((r) => ({
      value: r.detail.sweep!.value as number,
      color: r.color,
      metrics: new Map([...r.trace.metrics].map(([name, ys]) => [name, ys.findLast(Number.isFinite) ?? NaN])),
    })));
    for (const fig of root.node()!.querySelectorAll<HTMLElement>("figure.chart")) {
      addExportButtons(fig, `${first.id}-${fig.dataset.metric ?? fig.dataset.view ?? "chart"}`);
    }
  }

  /** Each run's theory curves for a metric: neutral for one run, in the run's colour (and shared legend) for several. */
  function theoryFor(name: string): { theory: TheoryCurve[]; note: string | null } {
    const theory: TheoryCurve[] = [];
    let note: string | null = null;
    for (const r of runs) {
      const layer = theoryLayer(name, {
        spec: r.detail.spec,
        reference: r.detail.reference,
        steps: r.trace.steps,
        ys: r.trace.metrics.get(name) ?? [],
      });
      note ??= layer.note;
      for (const line of layer.lines) {
        theory.push({
          key: `${r.id}-${line.key}`,
          label: runs.length > 1 ? line.name : line.label,
          kind: line.kind,
          color: runs.length > 1 ? r.color : "",
          f: line.f,
        });
      }
    }
    return { theory, note };
  }

  function renderSpectrum(): void {
    const series: LineSeries[] = [];
    const theory: TheoryCurve[] = [];
    let n = 0;
    for (const run of runs) {
      const sv = runSpectrum(run.trace);
      if (sv === null) continue;
      n = Math.max(n, sv.values.length);
      // One run: σ₁ … σₙ along one sequential ramp (ordered, colour-blind safe) with a colour bar; several runs: the
      // run's colour, σ₁ solid and the others dashed.
      const ramp = (k: number) => d3.interpolateViridis(sv.values.length > 1 ? (0.85 * k) / (sv.values.length - 1) : 0);
      sv.values.forEach((ys, k) => {
        series.push({
          key: `${run.id}-${k}`,
          label: `${runs.length > 1 ? `${run.label} ` : ""}${metricInfo(`sv_${k}`).label}`,
          color: runs.length > 1 ? run.color : ramp(k),
          xs: sv.steps,
          ys,
          ...(runs.length > 1 && k > 0 ? { dash: "4 3" } : {}),
        });
      });
      // Theory layer: X̄'s spectrum (the reference the theorem predicts) as flat dashed lines beside the run's.
      if (!showTheory) continue;
      // A max-margin X̄ (1-bit sensing) is a direction: rescaled to the run's latest ‖X‖_* to compare in shape.
      const nuclear = run.trace.metrics.get("norm_nuclear")?.findLast(Number.isFinite) ?? NaN;
      (referenceSpectrum(run.detail.reference, nuclear) ?? []).forEach((value, k) => {
        theory.push({
          key: `${run.id}-ref-${k}`,
          label: run.detail.reference?.kind.startsWith("max-margin")
            ? "σₖ(X̄)·‖X‖_*/‖X̄‖_* of the max-margin direction (dashed, same colour as σₖ)"
            : "σₖ(X̄) of the reference solution (dashed, same colour as σₖ)",
          kind: "theorem",
          color: runs.length > 1 ? run.color : ramp(k),
          f: () => value,
        });
      });
    }
    if (series.length === 0) return;
    if (!spectrum) {
      spectrum = createLineChart({
        title: "singular values σᵢ(W)",
        unit: "",
        help: "Spectrum of the predictor matrix over time",
        yType: "log",
        width: 740,
        height: 260,
        onZoom: zoom,
      });
      spectrum.node.dataset.view = "spectrum";
      problem.node()!.append(spectrum.node);
    }
    const bar = runs.length === 1 && n > 1
      ? {
        colors: series.map((s) => s.color),
        first: "σ₁",
        last: metricInfo(`sv_${n - 1}`).label,
        title: "index",
      }
      : null;
    spectrum.update({ series, theory, colorBar: bar, xType, xDomain });
  }

  for (const run of runs) {
    drawHeader(run);
    run.source = api.events(run.id, {
      snapshot(record) {
        if (!run.trace.add(record)) return;
        const before = run.step;
        run.step = record.step;
        run.samples.push([record.wall, record.step]);
        while (run.samples.length > 2 && run.samples.at(-1)![0] - run.samples[1]![0] > 5) run.samples.shift();
        if (first === run && !first.detail.reference && before === 0) refreshDetail(run);
        if (run.status !== "running") (run.status = "running", drawHeader(run));
        else run.header.select("progress").attr("value", run.detail.steps ? run.step / run.detail.steps : 0);
        run.header.select(".steps").text(`step ${d3.format(",")(run.step)} / ${d3.format(",")(run.detail.steps)}`);
        drawRate(run);
        schedule();
      },
      status(s) {
        run.status = s.status;
        run.step = Math.max(run.step, s.step);
        if (!["queued", "running"].includes(s.status)) refreshDetail(run);
        drawHeader(run);
        schedule();
      },
    });
  }
  schedule();

  function refreshDetail(run: RunState): void {
    api.run(run.id).then((d) => {
      run.detail = d;
      drawHeader(run);
      schedule();
    }).catch(() => {});
  }

  return {
    node: root.node()!,
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      for (const run of runs) run.source?.close();
    },
  };
}

/** A duration in s as "42s", "3m 20s" or "2h 05m". */
function formatDuration(sec: number): string {
  if (!Number.isFinite(sec) || sec < 0) return "–";
  if (sec < 60) return `${Math.round(sec)}s`;
  if (sec < 3600) return `${Math.floor(sec / 60)}m ${String(Math.round(sec % 60)).padStart(2, "0")}s`;
  return `${Math.floor(sec / 3600)}h ${String(Math.floor((sec % 3600) / 60)).padStart(2, "0")}m`;
}

/** Whether the server can send a spec's points: linear classification on inline or generated data. */
function hasPoints(spec: Record<string, unknown>): boolean {
  const problem = spec.problem as { kind?: string; data?: { kind?: string } } | undefined;
  return problem?.kind === "linear-classification" && problem.data?.kind !== "csv";
}
