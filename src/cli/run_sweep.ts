import { join } from "node:path";
import { lastValueFrom, tap } from "rxjs";
import { compileRun } from "../run/compile_run.ts";
import { createEngine } from "../backend/create_engine.ts";
import { analysisPipeline } from "../run/analysis_pipeline.ts";
import { solveReference } from "../run/solve_reference.ts";
import { setAtPath } from "../spec/set_at_path.ts";
import { parseSpec } from "../run/spec_parser.ts";
import { type FinalRecord, toFinalRecord } from "../store/final_record.ts";
import { createRunStore } from "../store/run_store.ts";
import { toSnapshotRecord } from "../store/snapshot_record.ts";
import { writeNpy } from "../store/write_npy.ts";
import { createRunId } from "../streams/create_run_id.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import { train } from "../streams/train.ts";
import type { CliIo } from "./cli_io.ts";
import { createProgressBar } from "./progress_bar.ts";

/** Options of {@link runSweep}. */
export interface RunSweepOptions {
  /** Where output goes. */
  io: CliIo;
  /** Run store directory. */
  out: string;
  /** NDJSON on stdout (every snapshot, then each run's final record) instead of progress lines and a table. */
  json: boolean;
  /** Aborting stops the current run and skips the rest. */
  signal?: AbortSignal;
  /** Directory against which relative data paths resolve. */
  baseDir?: string;
}

/** The metrics of the final table, where a run has them. */
const COLUMNS = ["epoch", "train_error", "test_error", "loss", "path_norm", "norm", "margin_normalized"];

/**
 * Runs a sweep preset from the CLI: every value of the swept field in turn
 * (one at a time, so each run has the machine's cores), each compiled,
 * trained with the default analysis and stored like a single run (plus
 * `params.npy` for networks), with one progress line per finished run on
 * stderr and, at the end, a table of value → final metrics on stdout. Every
 * spec is validated, and the first compiled, before anything is written;
 * each run's data is loaded just before it trains (one data set in memory).
 *
 * @param spec The base spec.
 * @param sweep The field path and its values.
 * @param options Output, store and abort signal.
 * @returns The final records, in the order of the values.
 *
 * @example Usage
 * ```ts
 * import { runSweep } from "./run_sweep.ts";
 * import assert from "node:assert/strict";
 *
 * const out = Deno.makeTempDirSync();
 * const io = { stdout() {}, stderr() {}, stderrIsTerminal: false };
 * const finals = await runSweep(
 *   { problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } }, steps: 10 },
 *   { path: "optimizer.lr", values: [0.1, 0.2] },
 *   { io, out, json: false },
 * );
 * assert.equal(finals.length, 2);
 * Deno.removeSync(out, { recursive: true });
 * ```
 */
export async function runSweep(
  spec: unknown,
  sweep: { readonly path: string; readonly values: readonly unknown[] },
  options: RunSweepOptions,
): Promise<FinalRecord[]> {
  const { io } = options;
  const compileOptions = options.baseDir === undefined ? {} : { baseDir: options.baseDir };
  // Validate every value before anything is written; compile (load data) one run at a time, to hold one data set.
  // Defaults first, so that e.g. optimizer.lr can be swept on a spec that leaves the optimizer out (as sweep() does).
  const defaults = parseSpec(spec);
  const specs = sweep.values.map((value) => setAtPath(defaults, sweep.path, value));
  const parsed = specs.map((s) => parseSpec(s));
  const first = compileRun(specs[0], compileOptions);
  const store = createRunStore(options.out);
  const base = createRunId(`${parsed[0]!.name ?? "sweep"}`);
  const finals: FinalRecord[] = [];
  const field = sweep.path.replace(/^.*\./, "").replace(/\[\d+\]$/, "");
  for (let i = 0; i < specs.length; i++) {
    if (options.signal?.aborted) break;
    const run = i === 0 ? first : compileRun(specs[i], compileOptions);
    const value = sweep.values[i];
    const engine = await createEngine(run, { warn: (w) => io.stderr(`warning: ${w}\n`) });
    const reference = await solveReference(run);
    const writer = store.create(`${base}-${i}`, run.spec);
    // On a terminal, the current run's progress bar (a wide net at full size trains for minutes).
    const bar = !options.json && io.stderrIsTerminal ? createProgressBar(io, run.spec.steps) : null;
    let last: Snapshot;
    try {
      last = await lastValueFrom(
        train(run, {
          runId: writer.id,
          engine: () => engine,
          sweep: { path: sweep.path, value },
          ...(options.signal ? { signal: options.signal } : {}),
        }).pipe(
          analysisPipeline(run, reference),
          tap((s) => {
            const record = toSnapshotRecord(s);
            writer.append(record);
            if (options.json) io.stdout(JSON.stringify(record) + "\n");
            bar?.update(s.step, s.wall);
          }),
        ),
      );
    } catch (e) {
      bar?.clear();
      writer.close();
      throw e;
    }
    bar?.clear();
    const final = toFinalRecord(last, reference);
    if (run.problem.kind === "mlp") writeNpy(join(writer.dir, "params.npy"), last.predictor);
    writer.finish(final);
    finals.push(final);
    if (options.json) io.stdout(JSON.stringify(final) + "\n");
    const shown = COLUMNS.filter((c) => final.metrics[c] !== undefined).slice(0, 4)
      .map((c) => `${c} ${format(final.metrics[c]!)}`).join("  ");
    const early = final.status === "done" && final.step < run.spec.steps ? " (stopped early by its stop rule)" : "";
    io.stderr(
      `${field} ${String(value)} (${i + 1}/${specs.length}): ${final.status}${early}, ` +
        `${final.step.toLocaleString("en-US")} steps in ${final.wall.toFixed(1)}s  ${shown}  → ${writer.dir}\n`,
    );
  }
  if (!options.json) io.stdout(formatSweepTable(field, sweep.values, finals));
  return finals;
}

/** The table of swept value → final metrics (the columns some run has) and each run's seconds. */
function formatSweepTable(field: string, values: readonly unknown[], finals: readonly FinalRecord[]): string {
  const cols = COLUMNS.filter((c) => finals.some((f) => f.metrics[c] !== undefined));
  const rows = finals.map((f, i) => [String(values[i]), ...cols.map((c) => format(f.metrics[c])), f.wall.toFixed(1)]);
  const head = [field, ...cols, "seconds"];
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const line = (cells: string[]) => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!)));
  return [line(head), widths.map((w) => "-".repeat(w)), ...rows.map(line)].map((r) => r.join("  ")).join("\n") + "\n";
}

function format(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return "n/a";
  const a = Math.abs(v);
  return v === 0 ? "0" : a >= 1e-3 && a < 1e6 ? String(Number(v.toPrecision(5))) : v.toExponential(4);
}
