import { parseArgs } from "node:util";
import { lastValueFrom, tap } from "rxjs";
import { compileRun } from "../run/compile_run.ts";
import { createEngine } from "../backend/create_engine.ts";
import { analysisPipeline } from "../run/analysis_pipeline.ts";
import { solveReference } from "../run/solve_reference.ts";
import { presets } from "../presets/presets.ts";
import { setAtPath } from "../spec/set_at_path.ts";
import { SpecError } from "../spec/spec_error.ts";
import { createRunStore } from "../store/run_store.ts";
import { toFinalRecord } from "../store/final_record.ts";
import { toSnapshotRecord } from "../store/snapshot_record.ts";
import { writeNpy } from "../store/write_npy.ts";
import { join } from "node:path";
import type { RunStatus } from "../store/run_status.ts";
import { createRunId } from "../streams/create_run_id.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import { train } from "../streams/train.ts";
import { applySetArgs } from "./apply_set_args.ts";
import { type CliIo, denoIo } from "./cli_io.ts";
import { didYouMean } from "./did_you_mean.ts";
import { fieldHint } from "./field_hint.ts";
import { formatFinalTable } from "./format_final_table.ts";
import { formatPresetList } from "./format_preset_list.ts";
import { loadSpecArg } from "./load_spec_arg.ts";
import { createProgressBar } from "./progress_bar.ts";
import { runSweep } from "./run_sweep.ts";

/** Exit codes of `biasflow run`. */
export const EXIT = { ok: 0, error: 1, badInput: 2, diverged: 3, stopped: 130 } as const;

const USAGE = `Usage: deno task run <spec.json | preset> [options]
       deno task run --list

Trains one run, stores it under <out>/<id>/ and prints its final metrics.
A preset is a named experiment: --list prints every preset with what it shows and its source.

Options:
  --list             print the presets (name, description, source), one per line, and exit
  --set PATH=VALUE   set one field of the spec (repeatable); VALUE is JSON, else a string:
                     --set optimizer.lr=0.5 --set optimizer.kind=adam --set record.perDecade=40
  --steps N          override the spec's number of steps (same as --set steps=N)
  --backend B        auto | cpu | webgpu (overrides the spec)
  --json             NDJSON on stdout: one "snapshot" object per record, then a "final" object
  --out DIR          run store directory (default: runs)
  --quiet            no progress bar and no warnings
  -h, --help         this help

Exit codes: 0 done, 2 bad input, 3 diverged, 130 stopped (Ctrl-C), 1 other errors.
`;

const OPTIONS = {
  list: { type: "boolean", default: false },
  set: { type: "string", multiple: true, default: [] as string[] },
  steps: { type: "string" },
  backend: { type: "string" },
  json: { type: "boolean", default: false },
  out: { type: "string", default: "runs" },
  quiet: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

// One line naming the option and the value seen, for arguments that parseArgs
// rejects (its own messages span several lines and omit the value).
function badOption(args: string[]): string | null {
  const { tokens } = parseArgs({ args, allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
  for (const t of tokens) {
    if (t.kind !== "option") continue;
    const type = Object.hasOwn(OPTIONS, t.name) ? OPTIONS[t.name as keyof typeof OPTIONS].type : null;
    if (type === null) {
      const names = Object.keys(OPTIONS).map((o) => `--${o}`);
      const next = args[t.index + 1];
      const guess = t.value ??
        (next !== undefined && !next.startsWith("-") && !Object.hasOwn(presets(), next) ? next : undefined);
      const field = _fieldHint(t.name, guess, args);
      if (field) return `unknown option ${t.rawName}; did you mean ${field}?`;
      return `unknown option ${t.rawName}${
        didYouMean(t.rawName.startsWith("--") ? t.rawName : `--${t.name}`, names, `the options are ${names.join(", ")}`)
      }`;
    }
    if (type === "boolean" && t.value !== undefined) {
      return `option ${t.rawName} takes no value (saw ${JSON.stringify(t.value)})`;
    }
    if (type === "string" && t.value === undefined) return `option ${t.rawName} needs a value (saw nothing)`;
    if (type === "string" && !t.inlineValue && t.value!.startsWith("-")) {
      const hint = t.value!.startsWith("--") ? "" : `; write ${t.rawName}=${t.value} if that is the value`;
      return `option ${t.rawName} needs a value (saw ${JSON.stringify(t.value)})${hint}`;
    }
  }
  return null;
}

// `--lr 0.5` on a preset whose spec has optimizer.lr → "--set optimizer.lr=0.5".
function _fieldHint(name: string, value: string | undefined, args: string[]): string | null {
  const preset = args.find((a) => Object.hasOwn(presets(), a));
  if (preset === undefined || name.length < 2) return null;
  const paths: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (node === null || typeof node !== "object" || Array.isArray(node)) {
      paths.push(path);
      return;
    }
    for (const [k, v] of Object.entries(node)) walk(v, path === "" ? k : `${path}.${k}`);
  };
  walk(presets()[preset]!.spec, "");
  const hit = paths.find((p) => p.split(".").at(-1) === name);
  return hit === undefined ? null : `--set ${hit}=${value ?? "VALUE"}`;
}

/** Options of {@link runCommand}. */
export interface RunCommandOptions {
  /** Where output goes (default: the process's stdout and stderr). */
  io?: CliIo;
  /** Aborting stops the run (the CLI wires Ctrl-C to it). */
  signal?: AbortSignal;
}

/**
 * `deno task run`: validates a spec or preset, trains it with the default
 * analysis, stores it, and reports progress and the final metrics (or NDJSON
 * with `--json`). Bad input writes one line to stderr, creates nothing, and
 * returns 2; a diverged run returns 3.
 *
 * @param args The command-line arguments.
 * @param options Output streams and an abort signal.
 * @returns The exit code.
 *
 * @example Usage
 * ```ts
 * import { runCommand } from "./run_command.ts";
 * import assert from "node:assert/strict";
 *
 * let err = "";
 * const io = { stdout() {}, stderr: (s: string) => err += s, stderrIsTerminal: false };
 * assert.equal(await runCommand(["no-such-preset"], { io }), 2);
 * assert.match(err, /unknown preset or spec file "no-such-preset"/);
 * ```
 */
export async function runCommand(args: string[], options: RunCommandOptions = {}): Promise<number> {
  const io = options.io ?? denoIo();
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    io.stderr(`error: ${badOption(args) ?? (e as Error).message.split("\n")[0]}; run with --help for usage\n`);
    return EXIT.badInput;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (values.list) {
    io.stdout(formatPresetList(presets()));
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    const saw = positionals.length === 0 ? "nothing" : positionals.map((p) => JSON.stringify(p)).join(", ");
    io.stderr(
      `error: expected one spec file or preset name but got ${positionals.length} (saw ${saw}); run with --help for usage\n`,
    );
    return EXIT.badInput;
  }

  let run, reference, engine, setSpec: unknown;
  try {
    const arg = loadSpecArg(positionals[0]!);
    let spec = setSpec = applySetArgs(arg.spec, values.set);
    if (values.steps !== undefined) {
      const steps = Number(values.steps);
      // Decimal (1000000) or exponent (1e6) forms only: Number() would also take 0x10 or 0b11.
      if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(values.steps.trim()) || !Number.isFinite(steps)) {
        throw new SpecError([{ path: "--steps", message: "Expected a number of steps", input: values.steps }]);
      }
      spec = setAtPath(setAtPath(spec, "epochs", undefined), "steps", steps); // --steps replaces epochs
    }
    if (values.backend !== undefined) spec = setAtPath(spec, "backend", values.backend);
    const sweep = Object.hasOwn(presets(), positionals[0]!) ? presets()[positionals[0]!]!.sweep : undefined;
    if (sweep) {
      // A sweep preset (e.g. neyshabur-width): every value in turn, one progress line each, then a table.
      const finals = await runSweep(spec, sweep, {
        io,
        out: values.out,
        json: values.json,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return finals.some((f) => f.status === "diverged") ? EXIT.diverged : EXIT.ok;
    }
    run = compileRun(spec, arg.baseDir === undefined ? {} : { baseDir: arg.baseDir });
    const quiet = values.quiet;
    engine = await createEngine(run, { warn: (w) => quiet || io.stderr(`warning: ${w}\n`) });
  } catch (e) {
    const hint = e instanceof SpecError && setSpec !== undefined ? fieldHint(e, setSpec) : "";
    io.stderr(`error: ${(e as Error).message}${hint}\n`);
    return e instanceof SpecError || e instanceof RangeError ? EXIT.badInput : EXIT.error;
  }
  if (!values.quiet) { for (const w of run.warnings) io.stderr(`warning: ${w}\n`); }

  try {
    reference = await solveReference(run);
    const store = createRunStore(values.out);
    const id = createRunId(run.spec.name ?? run.spec.problem.kind);
    const writer = store.create(id, run.spec);
    const bar = values.quiet || values.json ? null : createProgressBar(io, run.spec.steps);
    const made = engine;
    let last: Snapshot;
    try {
      last = await lastValueFrom(
        train(run, { runId: id, engine: () => made, ...(options.signal ? { signal: options.signal } : {}) }).pipe(
          analysisPipeline(run, reference),
          tap((s) => {
            const record = toSnapshotRecord(s);
            writer.append(record);
            if (values.json) io.stdout(JSON.stringify(record) + "\n");
            bar?.update(s.step, s.wall);
          }),
        ),
      );
    } catch (e) {
      writer.close();
      throw e;
    }
    const final = toFinalRecord(last, reference);
    if (run.problem.kind === "mlp") writeNpy(join(writer.dir, "params.npy"), last.predictor); // flat θ, for NumPy/PyTorch
    writer.finish(final);
    bar?.clear();
    if (values.json) io.stdout(JSON.stringify(final) + "\n");
    else io.stdout(formatFinalTable(final, { dir: writer.dir }));
    if (last.status === "diverged") io.stderr(`error: the run diverged at step ${last.step}: ${last.message}\n`);
    return exitCode(last.status);
  } catch (e) {
    io.stderr(`error: ${(e as Error).message}\n`);
    return EXIT.error;
  }
}

/** The exit code of a run that ended with `status`. */
function exitCode(status: RunStatus): number {
  switch (status) {
    case "done":
    case "running":
      return EXIT.ok;
    case "diverged":
      return EXIT.diverged;
    case "stopped":
      return EXIT.stopped;
    default:
      return EXIT.error;
  }
}
