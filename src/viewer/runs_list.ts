/// <reference lib="dom" />
import * as d3 from "d3";
import type { ApiClient, RunSummaryJson } from "./api_client.ts";
import { createNewRunForm } from "./new_run_form.ts";

const SHOWN_METRICS = ["loss", "angle_gap", "margin", "norm"];

/**
 * The runs list: every run with its status, progress, start time and last
 * metrics, refreshed every second; stop and export per run; pick several to
 * overlay them; and the new-run form.
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
  const compare = left.append("button").attr("type", "button").attr("class", "compare").text("overlay selected")
    .property("disabled", true);
  const table = left.append("table");
  table.append("thead").append("tr").selectAll("th")
    .data(["", "run", "status", "progress", "started", "last metrics", ""]).join("th").text((d) => d);
  const body = table.append("tbody");
  const empty = left.append("p").attr("class", "empty").text("No runs yet: start one with the form.");
  layout.node()!.append(await createNewRunForm(api));
  const selected = new Set<string>();
  const fmt = d3.format(".3~g");

  compare.on("click", () => {
    location.hash = `#/run/${[...selected].join(",")}`;
  });

  function render(runs: RunSummaryJson[]): void {
    empty.style("display", runs.length ? "none" : "block");
    body.selectAll<HTMLTableRowElement, RunSummaryJson>("tr").data(runs, (r) => r.id)
      .join((enter) => {
        const tr = enter.append("tr");
        tr.append("td").append("input").attr("type", "checkbox").attr("aria-label", (r) => `select ${r.id}`)
          .on("change", function (_, r) {
            if ((this as HTMLInputElement).checked) selected.add(r.id);
            else selected.delete(r.id);
            compare.property("disabled", selected.size < 1);
          });
        const name = tr.append("td").attr("class", "name");
        name.append("a").attr("href", (r) => `#/run/${r.id}`).text((r) => r.name);
        name.append("div").attr("class", "id").text((r) => r.id);
        tr.append("td").append("span").attr("class", "badge");
        const prog = tr.append("td").attr("class", "progress");
        prog.append("progress").attr("max", 1);
        prog.append("span");
        tr.append("td").attr("class", "started");
        tr.append("td").attr("class", "metrics");
        const actions = tr.append("td").attr("class", "actions");
        actions.append("button").attr("type", "button").attr("class", "stop").text("stop")
          .on("click", (_, r) => api.stop(r.id).then(refresh).catch((e) => alert((e as Error).message)));
        actions.append("a").attr("class", "csv").attr("download", "").text("CSV");
        actions.append("a").attr("class", "ndjson").attr("download", "").text("NDJSON");
        return tr;
      })
      .call((tr) => {
        tr.select(".badge").attr("class", (r) => `badge ${r.status}`).text((r) => r.status)
          .attr("title", (r) => r.message ?? null);
        tr.select("progress").attr("value", (r) => (r.steps ? r.step / r.steps : 0));
        tr.select(".progress span").text((r) => ` ${d3.format(".3~s")(r.step)} / ${d3.format(".3~s")(r.steps)}`);
        tr.select(".started").text((r) => new Date(r.started).toLocaleString());
        tr.select(".metrics").text((r) =>
          [
            ...(r.sweep ? [`${r.sweep.path} = ${JSON.stringify(r.sweep.value)}`] : []),
            ...SHOWN_METRICS.filter((k) => typeof r.metrics[k] === "number").map((k) => `${k} ${fmt(r.metrics[k]!)}`),
          ].join(" · ")
        );
        tr.select(".stop").style("display", (r) => (r.status === "running" || r.status === "queued" ? null : "none"));
        tr.select(".csv").attr("href", (r) => api.exportUrl(r.id, "csv"));
        tr.select(".ndjson").attr("href", (r) => api.exportUrl(r.id, "ndjson"));
      });
  }

  async function refresh(): Promise<void> {
    render(await api.runs());
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
