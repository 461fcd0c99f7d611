import { basename, dirname, extname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { type CliIo, denoIo } from "../cli/cli_io.ts";
import { didYouMean } from "../cli/did_you_mean.ts";
import { compileRun } from "../run/compile_run.ts";
import { solveReference } from "../run/solve_reference.ts";
import { tensorRecord } from "../store/snapshot_record.ts";
import { type PlotRun, readPlotRun } from "./plot_run.ts";
import { renderFigure } from "./render_figure.ts";
import { svgToPng } from "./svg_to_png.ts";

const USAGE = `Usage: deno task plot <run-id | run-dir> [options]

Renders a stored run's charts (theory layer included) to SVG or PNG, without a browser.

Options:
  --runs DIR       run store directory, for a run id (default: runs)
  --metric NAME    a metric to plot, one panel each (repeatable; default: the run's key charts)
  --out FILE       FILE.svg or FILE.png (default: <run-id>.svg in the current directory)
  --width PX       figure width (default 360 per column, 2 columns at most)
  --height PX      figure height (default 250 per row of panels, plus legends)
  --no-theory      leave out the theory layer
  -h, --help       this help
`;

const OPTIONS = {
  runs: { type: "string", default: "runs" },
  metric: { type: "string", multiple: true, default: [] as string[] },
  out: { type: "string" },
  width: { type: "string" },
  height: { type: "string" },
  "no-theory": { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/**
 * `deno task plot`: renders a stored run's charts to an SVG or PNG file
 * (see `renderFigure` and `svgToPng`). Bad input prints one line and returns
 * 2, writing nothing.
 *
 * @param args The command-line arguments.
 * @param options Output streams.
 * @returns The exit code.
 *
 * @example Usage
 * ```ts
 * import { plotCommand } from "./plot_command.ts";
 * import assert from "node:assert/strict";
 *
 * let err = "";
 * const io = { stdout() {}, stderr: (s: string) => err += s, stderrIsTerminal: false };
 * assert.equal(await plotCommand(["no-such-run", "--runs", await Deno.makeTempDir()], { io }), 2);
 * assert.match(err, /no run "no-such-run"/);
 * ```
 */
export async function plotCommand(args: string[], options: { io?: CliIo } = {}): Promise<number> {
  const io = options.io ?? denoIo();
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS }));
  } catch (e) {
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec((e as Error).message)?.[1];
    const names = Object.keys(OPTIONS).map((o) => `--${o}`);
    io.stderr(
      unknown === undefined
        ? `error: ${(e as Error).message.split("\n")[0]}; run with --help for usage\n`
        : `error: unknown option ${unknown}${didYouMean(unknown, names, "run with --help for usage")}\n`,
    );
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const fail = (msg: string) => (io.stderr(`error: ${msg}\n`), 2);
  if (positionals.length !== 1) {
    return fail(`expected one run id or run directory but got ${positionals.length}; run with --help for usage`);
  }
  const size = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 100 || n > 10000) {
      throw new RangeError(`--${name} must be 100 to 10000 px (saw ${v})`);
    }
    return n;
  };
  let width, height;
  try {
    width = size("width", values.width);
    height = size("height", values.height);
  } catch (e) {
    return fail((e as Error).message);
  }
  const arg = positionals[0]!;
  // A path to a run's folder (it has spec.json), else a run id under --runs.
  let dir = values.runs, id = arg;
  try {
    if (Deno.statSync(resolve(arg, "spec.json")).isFile) (dir = dirname(resolve(arg)), id = basename(resolve(arg)));
  } catch { /* not a run folder */ }
  let run: PlotRun;
  try {
    run = readPlotRun(dir, id);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) return fail(`cannot read run ${id} in ${dir}: ${(e as Error).message}`);
    let ids: string[] = [];
    try {
      ids = [...Deno.readDirSync(dir)].filter((d) => d.isDirectory).map((d) => d.name);
    } catch { /* no store */ }
    return fail(`no run ${JSON.stringify(id)} in ${dir}/${didYouMean(id, ids, `it has ${ids.length} runs`)}`);
  }
  // An unfinished run has no final record with its reference: solve it here, so its theory layer is drawn too.
  if (run.reference === null && !values["no-theory"] && run.status === "unfinished") {
    try {
      const ref = await solveReference(compileRun(run.spec));
      if (ref.predictor !== null) {
        run = {
          ...run,
          reference: {
            kind: ref.kind,
            ...tensorRecord(ref.predictor),
            ...(ref.margin === undefined ? {} : { margin: ref.margin }),
          },
        };
      }
    } catch { /* no reference: the figure has no theory layer */ }
  }
  const out = values.out ?? `${run.id}.svg`;
  const ext = extname(out).toLowerCase();
  if (ext !== ".svg" && ext !== ".png") return fail(`--out must end in .svg or .png (saw ${JSON.stringify(out)})`);
  let svg: string;
  try {
    svg = renderFigure(run, {
      metrics: values.metric,
      theory: !values["no-theory"],
      ...(width === undefined ? {} : { width }),
      ...(height === undefined ? {} : { height }),
    });
  } catch (e) {
    if (e instanceof RangeError) {
      const names = [...run.metrics.keys()];
      const bad = values.metric.find((m) => !run.metrics.has(m))!;
      return fail(
        `run ${run.id} has no metric ${JSON.stringify(bad)}${didYouMean(bad, names, `it has ${names.join(", ")}`)}`,
      );
    }
    throw e;
  }
  if (ext === ".svg") await Deno.writeTextFile(out, svg);
  else await Deno.writeFile(out, await svgToPng(svg));
  io.stdout(`wrote ${out}\n`);
  return 0;
}
