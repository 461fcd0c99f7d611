/**
 * Figures for papers without a browser: a stored run's charts, with the
 * theory layer, as SVG (d3 on a server-side DOM) or PNG (resvg), and the
 * `deno task plot` command.
 *
 * @example Usage
 * ```ts ignore
 * import { readPlotRun, renderFigure, svgToPng } from "./mod.ts";
 * const svg = renderFigure(readPlotRun("runs", "soudry-fig1-20261207-101500-ab12"));
 * await Deno.writeFile("fig.png", await svgToPng(svg));
 * ```
 *
 * @module
 */
export * from "./plot_run.ts";
export * from "./render_figure.ts";
export * from "./svg_to_png.ts";
export * from "./plot_command.ts";
