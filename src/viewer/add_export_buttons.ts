/// <reference lib="dom" />
import { downloadChart } from "./download_chart.ts";

/**
 * Adds SVG and PNG download buttons to a chart's caption (once).
 *
 * This module is browser compatible.
 *
 * @param figure The chart's `<figure>`.
 * @param name The file name without extension.
 *
 * @example Usage
 * ```ts ignore
 * addExportButtons(chart.node, "soudry-fig1-loss");
 * ```
 */
export function addExportButtons(figure: HTMLElement, name: string): void {
  const caption = figure.querySelector("figcaption");
  if (!caption || caption.querySelector(".export")) return;
  const span = document.createElement("span");
  span.className = "export";
  for (const format of ["svg", "png"] as const) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = `export-${format}`;
    b.textContent = format.toUpperCase();
    b.title = `download this chart as ${format.toUpperCase()}`;
    b.addEventListener("click", () => downloadChart(figure, format, name).catch((e) => alert((e as Error).message)));
    span.append(b);
  }
  caption.append(span);
}
