/// <reference lib="dom" />
import * as d3 from "d3";
import { setAtPath } from "../spec/set_at_path.ts";
import { parseSpec } from "../run/spec_parser.ts";
import { SpecError, type SpecIssue } from "../spec/spec_error.ts";
import type { ApiClient, ApiRequestError, PresetJson } from "./api_client.ts";
import { showPresetFields } from "./show_preset_fields.ts";
import { runSpecJsonSchema } from "../run/json_schema.ts";

/**
 * The "new run" form: a preset, overrides as field path = JSON value rows
 * (e.g. `optimizer.lr = 0.05`), and an optional sweep (a path and a list of
 * values). Every change is validated in the browser by the same zod
 * `parseSpec` the server validates with (refinements included: a negative
 * `optimizer.lr` is caught here, not after a round trip); the server's own
 * answer is shown too if it still refuses (e.g. its limits).
 * On success it navigates to the new run(s).
 *
 * This module is browser compatible.
 *
 * @param api The API client.
 * @returns The form element.
 *
 * @example Usage
 * ```ts ignore
 * document.body.append(await createNewRunForm(api));
 * ```
 */
export async function createNewRunForm(api: ApiClient): Promise<HTMLElement> {
  const presets = await api.presets();
  const form = d3.select(document.createElement("form")).attr("class", "new-run").attr("novalidate", "");
  form.append("h2").text("New run");
  const presetRow = form.append("label").text("preset ");
  const select = presetRow.append("select").attr("name", "preset");
  select.selectAll("option").data(presets).join("option").attr("value", (p) => p.name).text((p) => p.name);
  const about = form.append("p").attr("class", "about");
  const fields = showPresetFields(form.node()!, runSpecJsonSchema());
  form.append("h3").text("overrides");
  const rows = form.append("div").attr("class", "overrides");
  form.append("button").attr("type", "button").attr("class", "add").text("+ override").on("click", () => {
    addRow("", "");
    validate();
  });
  const sweep = form.append("fieldset").attr("class", "sweep");
  sweep.append("legend").text("sweep (optional)");
  const sweepPath = sweep.append("input").attr("name", "sweep-path").attr("placeholder", "optimizer.lr")
    .attr("aria-label", "swept field path");
  const sweepValues = sweep.append("input").attr("name", "sweep-values").attr("placeholder", "0.01, 0.1, 1")
    .attr("aria-label", "swept values, comma separated");
  const issuesBox = form.append("ul").attr("class", "issues").attr("aria-live", "polite");
  const submit = form.append("button").attr("type", "submit").attr("class", "primary").text("start");

  function addRow(path: string, value: string): void {
    const row = rows.append("div").attr("class", "override");
    row.append("input").attr("class", "path").attr("aria-label", "field path").attr("placeholder", "optimizer.lr")
      .attr("list", fields.listId).property("value", path);
    row.append("span").text(" = ");
    row.append("input").attr("class", "value").attr("aria-label", "value (JSON)").attr("placeholder", "0.05")
      .property("value", value);
    row.append("button").attr("type", "button").attr("aria-label", "remove").text("×").on("click", () => {
      row.remove();
      validate();
    });
  }

  function preset(): PresetJson {
    return presets.find((p) => p.name === select.property("value")) ?? presets[0]!;
  }

  function parseValue(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }

  function overrides(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    rows.selectAll<HTMLDivElement, unknown>(".override").each(function () {
      const path = (this.querySelector(".path") as HTMLInputElement).value.trim();
      const value = (this.querySelector(".value") as HTMLInputElement).value.trim();
      if (path !== "") out[path] = parseValue(value);
    });
    return out;
  }

  function sweepSpec(): { path: string; values: unknown[] } | null {
    const path = String(sweepPath.property("value")).trim();
    if (path === "") return null;
    const values = String(sweepValues.property("value")).split(",").map((v) => v.trim()).filter((v) => v !== "")
      .map(parseValue);
    return { path, values };
  }

  function validate(): boolean {
    const issues: SpecIssue[] = [];
    let spec: unknown = preset().spec;
    for (const [path, value] of Object.entries(overrides())) {
      try {
        spec = setAtPath(spec, path, value);
      } catch (e) {
        issues.push({ path, message: (e as Error).message });
      }
    }
    const sw = sweepSpec();
    const specs = sw ? sw.values.map((v) => setAtPathSafe(spec, sw.path, v, issues)) : [spec];
    if (sw && sw.values.length === 0) {
      issues.push({ path: "sweep", message: "Expected comma-separated values to sweep" });
    }
    for (const s of specs) if (s !== null) issues.push(...specIssues(s));
    show(issues.map((i) => `${i.path || "spec"}: ${i.message}`));
    submit.property("disabled", issues.length > 0);
    return issues.length === 0;
  }

  function show(lines: string[]): void {
    issuesBox.selectAll("li").data([...new Set(lines)]).join("li").text((d) => d);
  }

  // Overrides still showing the old preset's value (the prefilled steps) take the new preset's, so that
  // picking another preset does not silently run it with the old one's settings.
  let shown = preset();
  select.on("change", () => {
    const next = preset();
    rows.selectAll<HTMLDivElement, unknown>(".override").each(function () {
      const path = (this.querySelector(".path") as HTMLInputElement).value.trim();
      const input = this.querySelector(".value") as HTMLInputElement;
      const [was, now] = [valueAt(shown.spec, path), valueAt(next.spec, path)];
      if (was !== undefined && now !== undefined && input.value.trim() === JSON.stringify(was)) {
        input.value = JSON.stringify(now);
      }
    });
    shown = next;
    about.text(`${next.description} — ${next.source}`);
    fields.update(next.spec);
    validate();
  });
  form.on("input", () => validate());
  form.on("submit", async (event: SubmitEvent) => {
    event.preventDefault();
    if (!validate()) return;
    const body = { preset: preset().name, overrides: overrides() };
    const sw = sweepSpec();
    submit.property("disabled", true);
    try {
      const ids = sw ? await api.createSweep({ ...body, ...sw }) : [await api.createRun(body)];
      location.hash = `#/run/${ids.join(",")}`;
    } catch (e) {
      const err = e as ApiRequestError;
      show([err.message, ...(err.issues ?? []).map((i) => `${i.path || "spec"}: ${i.message}`)]);
      submit.property("disabled", false);
    }
  });
  addRow("steps", String(preset().spec.steps ?? ""));
  about.text(`${preset().description} — ${preset().source}`);
  fields.update(preset().spec);
  sweepPath.attr("list", fields.listId);
  validate();
  return form.node()!;
}

/** The issues zod's `parseSpec` finds in a spec (none when it is valid). */
function specIssues(spec: unknown): SpecIssue[] {
  try {
    parseSpec(spec);
    return [];
  } catch (e) {
    if (e instanceof SpecError) return [...e.issues];
    return [{ path: "", message: (e as Error).message }];
  }
}

function setAtPathSafe(spec: unknown, path: string, value: unknown, issues: SpecIssue[]): unknown {
  try {
    return setAtPath(spec, path, value);
  } catch (e) {
    issues.push({ path, message: (e as Error).message });
    return null;
  }
}

/** The value at a dotted field path of a spec (`optimizer.lr`), or undefined. */
function valueAt(spec: unknown, path: string): unknown {
  let at: unknown = spec;
  for (const key of path.split(".")) {
    if (typeof at !== "object" || at === null || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}
