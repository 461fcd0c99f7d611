/// <reference lib="dom" />
import { specFieldPaths } from "../spec/spec_field_paths.ts";

let uid = 0;

/**
 * The new-run form's view of a preset's fields: a folded table of every
 * field path the preset's spec may set (from the JSON Schema) with the
 * preset's value (or "default"), and a `<datalist>` of those paths that the
 * override and sweep path inputs use for completion.
 *
 * This module is browser compatible.
 *
 * @param form The form; the table goes after its `.about` paragraph, the datalist at its end.
 * @param schema The JSON Schema of run specs.
 * @returns The datalist's id, and `update(spec)` to show another preset's fields.
 *
 * @example Usage
 * ```ts ignore
 * const fields = showPresetFields(form, schema);
 * fields.update(preset.spec);
 * input.setAttribute("list", fields.listId);
 * ```
 */
export function showPresetFields(
  form: HTMLElement,
  schema: unknown,
): { listId: string; update(spec: unknown): void } {
  const listId = `spec-paths-${++uid}`;
  const list = document.createElement("datalist");
  list.id = listId;
  form.append(list);
  const details = document.createElement("details");
  details.className = "preset-fields";
  const summary = document.createElement("summary");
  const table = document.createElement("table");
  details.append(summary, table);
  (form.querySelector(".about") ?? form.firstChild)?.after(details);
  return {
    listId,
    update(spec) {
      const paths = specFieldPaths(schema, spec);
      list.replaceChildren(...paths.map(({ path, value }) => {
        const option = document.createElement("option");
        option.value = path;
        option.label = value === undefined ? "default" : JSON.stringify(value);
        return option;
      }));
      summary.textContent = `the preset's values (${
        paths.filter((p) => p.value !== undefined).length
      } set, ${paths.length} fields)`;
      table.replaceChildren(...paths.map(({ path, value }) => {
        const tr = document.createElement("tr");
        const a = document.createElement("td"), b = document.createElement("td");
        a.textContent = path;
        b.textContent = value === undefined ? "default" : JSON.stringify(value);
        if (value === undefined) b.className = "default";
        tr.append(a, b);
        return tr;
      }));
    },
  };
}
