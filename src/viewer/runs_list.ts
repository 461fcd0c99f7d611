/// <reference lib="dom" />
import * as d3 from "d3";
import type { ApiClient, RunSummaryJson } from "./api_client.ts";
import { createNewRunForm } from "./new_run_form.ts";
import { deleteRun } from "./delete_run.ts";
import { formatNumber } from "./format_number.ts";
import { type RunRow, runRow } from "./run_row.ts";
import { type RunTableView, sortFilterRows } from "./sort_filter_rows.ts";

const startedFormat = d3.timeFormat("%b %d %H:%M:%S");

type Column = { key: RunTableView["sort"]; title: string; cell: (r: RunRow) => string; num?: boolean };

const COLUMNS: Column[] = [
  { key: "name", title: "run", cell: (r) => r.name },
  { key: "kind", title: "problem", cell: (r) => r.kind },
  { key: "optimizer", title: "optimizer", cell: (r) => r.optimizer },
  { key: "lr", title: "lr", cell: (r) => formatNumber(r.lr), num: true },
  { key: "steps", title: "steps", cell: (r) => formatNumber(r.steps), num: true },
  { key: "status", title: "status", cell: (r) => r.status },
  { key: "progress", title: "progress", cell: (r) => `${Math.round(r.progress * 100)}%`, num: true },
  { key: "started", title: "started", cell: (r) => startedFormat(new Date(r.started)) },
  { key: "loss", title: "loss", cell: (r) => formatNumber(r.loss), num: true },
  { key: "angle_gap", title: "1 − cos", cell: (r) => formatNumber(r.angle_gap), num: true },
  { key: "margin", title: "margin", cell: (r) => formatNumber(r.margin), num: true },
  { key: "norm", title: "‖w‖", cell: (r) => formatNumber(r.norm), num: true },
];

/**
 * The runs table: every run with its problem kind, optimizer, step size,
 * steps, status, progress, start time and key metrics, refreshed every
 * second; sortable by any column (click its header) and filtered by words or
 * `column=value`; sweep runs named by their swept value; stop, delete and
 * export per run; pick several to overlay them; and the new-run form.
 *
 * This module is browser compatible.
 *
 * @param api The API client.
 * @returns The list's element and a `destroy()` that stops refreshing.
 *
 * @example Usage
 * ```ts ignore
 * const list = await createRunsList(api);
 * document.body.append(list.node);
 * ```
 */
export async function createRunsList(api: ApiClient): Promise<{ node: HTMLElement; destroy(): void }> {
  const root = d3.select(document.createElement("section")).attr("class", "runs-list");
  const layout = root.append("div").attr("class", "list-layout");
  const left = layout.append("div").attr("class", "list");
  left.append("h2").text("Runs");
  const bar = left.append("div").attr("class", "table-bar");
  const compare = bar.append("button").attr("type", "button").attr("class", "compare").text("overlay selected")
    .property("disabled", true);
  const filter = bar.append("input").attr("type", "search").attr("class", "filter").attr("aria-label", "filter runs")
    .attr("placeholder", "filter: words or column=value (status=done, optimizer=adam)");
  const count = bar.append("span").attr("class", "count");
  const view: RunTableView = { sort: "started", dir: "desc", filter: "" };
  const table = left.append("table").attr("class", "run-table");
  const headRow = table.append("thead").append("tr");
  headRow.append("th");
  headRow.append("th").attr("class", "actions-head");
  headRow.selectAll("th.sortable").data(COLUMNS).join("th").attr("class", (c) => `sortable ${c.num ? "num" : ""}`)
    .attr("data-key", (c) => c.key).attr("tabindex", 0).text((c) => c.title)
    .on("click", (_, c) => {
      view.dir = view.sort === c.key && view.dir === "asc" ? "desc" : "asc";
      view.sort = c.key;
      draw();
    });
  const body = table.append("tbody");
  const empty = left.append("p").attr("class", "empty").text("No runs yet: start one with the form.");
  layout.node()!.append(await createNewRunForm(api));
  const selected = new Set<string>();
  const specs = new Map<string, Record<string, unknown>>();
  const asking = new Set<string>();
  let latest: RunSummaryJson[] = [];

  compare.on("click", () => {
    location.hash = `#/run/${[...selected].join(",")}`;
  });
  filter.on("input", () => {
    view.filter = filter.property("value");
    draw();
  });

  function draw(): void {
    const rows = sortFilterRows(latest.map((r) => runRow(r, specs.get(r.id))), view);
    const byId = new Map(latest.map((r) => [r.id, r]));
    empty.style("display", latest.length ? "none" : "block");
    count.text(
      rows.length === latest.length
        ? `${latest.length} run${latest.length === 1 ? "" : "s"}`
        : `${rows.length} of ${latest.length} runs`,
    );
    headRow.selectAll<HTMLTableCellElement, Column>("th.sortable")
      .attr("aria-sort", (c) => (c.key === view.sort ? (view.dir === "asc" ? "ascending" : "descending") : null));
    body.selectAll<HTMLTableRowElement, RunRow>("tr").data(rows, (r) => r.id)
      .join((enter) => {
        const tr = enter.append("tr");
        tr.append("td").append("input").attr("type", "checkbox").attr("aria-label", (r) => `select ${r.id}`)
          .on("change", function (_, r) {
            if ((this as HTMLInputElement).checked) selected.add(r.id);
            else selected.delete(r.id);
            compare.property("disabled", selected.size < 1);
          });
        const actions = tr.append("td").attr("class", "actions");
        actions.append("button").attr("type", "button").attr("class", "stop").text("stop")
          .on("click", (_, r) => api.stop(r.id).then(refresh).catch((e) => alert((e as Error).message)));
        actions.append("button").attr("type", "button").attr("class", "delete").text("delete")
          .on("click", (_, r) => {
            if (!confirm(`Delete run ${r.id} and its files?`)) return;
            deleteRun(r.id).then(() => (selected.delete(r.id), refresh())).catch((e) => alert((e as Error).message));
          });
        actions.append("a").attr("class", "csv").attr("download", "").text("CSV");
        actions.append("a").attr("class", "ndjson").attr("download", "").text("NDJSON");
        for (const c of COLUMNS) tr.append("td").attr("class", `col-${c.key}${c.num ? " num" : ""}`);
        return tr;
      })
      .order()
      .call((tr) => {
        tr.attr("data-id", (r) => r.id);
        for (const c of COLUMNS) {
          const td = tr.select<HTMLTableCellElement>(`td.col-${c.key}`);
          if (c.key === "name") {
            td.selectAll("a").data((r) => [r]).join("a").attr("href", (r) => `#/run/${r.id}`).text((r) => r.name);
            td.selectAll("div.id").data((r) => [r]).join("div").attr("class", "id").text((r) => r.id);
            // An external run's own hyperparameters (its `config`), under its id.
            td.selectAll("div.config").data((r) => (r.config ? [r] : [])).join("div").attr("class", "config id")
              .text((r) => r.config);
          } else if (c.key === "status") {
            td.selectAll("span").data((r) => [r]).join("span").attr("class", (r) => `badge ${r.status}`)
              .text((r) => r.status).attr("title", (r) => byId.get(r.id)?.message ?? null);
          } else if (c.key === "progress") {
            td.selectAll("progress").data((r) => [r]).join("progress").attr("max", 1).attr("value", (r) => r.progress)
              .attr("title", (r) => `${formatNumber(byId.get(r.id)?.step ?? 0)} / ${formatNumber(r.steps)} steps`);
          } else td.text(c.cell);
        }
        const live = (r: RunRow) => r.status === "running" || r.status === "queued";
        tr.select(".stop").style("display", (r) => (live(r) ? null : "none"));
        tr.select(".delete").style("display", (r) => (live(r) ? "none" : null));
        tr.select(".csv").attr("href", (r) => api.exportUrl(r.id, "csv"));
        tr.select(".ndjson").attr("href", (r) => api.exportUrl(r.id, "ndjson"));
      });
  }

  async function refresh(): Promise<void> {
    latest = await api.runs();
    draw();
    // Specs never change: fetch each run's once (for its problem, optimizer and step size), a few at a time.
    const missing = latest.filter((r) => !specs.has(r.id) && !asking.has(r.id)).slice(0, 8);
    for (const r of missing) asking.add(r.id);
    const got = await Promise.allSettled(missing.map((r) => api.run(r.id)));
    got.forEach((g, i) => {
      asking.delete(missing[i]!.id);
      if (g.status === "fulfilled") specs.set(g.value.id, g.value.spec);
    });
    if (missing.length) draw();
  }
  await refresh();
  const timer = setInterval(() => refresh().catch(() => {}), 1000);
  return {
    node: root.node()!,
    destroy() {
      clearInterval(timer);
    },
  };
}
