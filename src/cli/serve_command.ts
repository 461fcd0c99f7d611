import { parseArgs } from "node:util";
import { presets, presetSpec } from "../presets/presets.ts";
import { DEFAULT_LIMITS, type ServerLimits } from "../server/server_limits.ts";
import { type RunningServer, startServer } from "../server/start_server.ts";
import { admitSpecForCli } from "./_admit_preset.ts";
import { applySetArgs } from "./apply_set_args.ts";
import { didYouMean } from "./did_you_mean.ts";
import { stopAllRuns } from "./stop_all_runs.ts";
import { type CliIo, denoIo } from "./cli_io.ts";
import { EXIT } from "./run_command.ts";

const USAGE = `Usage: deno task serve [options]

Serves the biasflow API and viewer; runs train in Workers and are stored under --runs.

Options:
  --port N            port (default 8000; 0 picks a free one)
  --host H            interface (default 127.0.0.1); any other needs a token
  --runs DIR          run store directory (default: runs)
  --token T           required on every API request (default: env BIASFLOW_TOKEN)
  --limit KEY=VALUE   override a limit (repeatable): ${Object.keys(DEFAULT_LIMITS).join(", ")}
  --allow-origin O    let web pages of origin O (e.g. http://localhost:5173) call the API without a token
                      (repeatable; other pages get 403)
  --no-viewer         serve the API only (skips bundling the viewer)
  --start PRESET      start a run of this preset once serving (deno task demo uses soudry-fig1);
                      deno task run --list prints the presets
  --steps N           with --start: the number of steps
  --set PATH=VALUE    with --start: set one field of the spec (repeatable; VALUE is JSON, else a string)
  -h, --help          this help
`;

/** Options of {@link serveCommand}. */
export interface ServeCommandOptions {
  /** Where output goes. */
  io?: CliIo;
  /** Aborting stops the server (the CLI wires Ctrl-C to it). */
  signal?: AbortSignal;
  /** Called once serving, with the server (tests use it). */
  onServing?: (server: RunningServer) => void;
}

/**
 * `deno task serve`: starts the server and prints its URL, then serves until
 * `signal` aborts. With `--start PRESET` it also starts a run and prints the
 * URL of its view (`deno task demo`). Bad options print one line and return 2.
 *
 * @param args The command-line arguments.
 * @param options Output, abort signal, and a hook called once serving.
 * @returns The exit code.
 *
 * @example Usage
 * ```ts
 * import { serveCommand } from "./serve_command.ts";
 * import assert from "node:assert/strict";
 *
 * let err = "";
 * const io = { stdout() {}, stderr: (s: string) => err += s, stderrIsTerminal: false };
 * assert.equal(await serveCommand(["--host", "0.0.0.0"], { io }), 2);
 * assert.match(err, /without a token/);
 * ```
 */
export async function serveCommand(args: string[], options: ServeCommandOptions = {}): Promise<number> {
  const io = options.io ?? denoIo();
  let values;
  try {
    values = parseArgs({
      args,
      options: {
        port: { type: "string", default: "8000" },
        host: { type: "string", default: "127.0.0.1" },
        runs: { type: "string", default: "runs" },
        token: { type: "string" },
        limit: { type: "string", multiple: true, default: [] },
        "allow-origin": { type: "string", multiple: true, default: [] },
        start: { type: "string" },
        steps: { type: "string" },
        set: { type: "string", multiple: true, default: [] },
        "no-viewer": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (e) {
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec((e as Error).message)?.[1];
    const names = [...USAGE.matchAll(/^\s+(--[a-z-]+)/gm)].map((m) => m[1]!);
    io.stderr(
      unknown === undefined
        ? `error: ${(e as Error).message.split("\n")[0]}; run with --help for usage\n`
        : `error: unknown option ${unknown}${didYouMean(unknown, names, "run with --help for usage")}\n`,
    );
    return EXIT.badInput;
  }
  if (values.help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  let server: RunningServer;
  try {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new RangeError(`Expected --port to be an integer from 0 to 65535 but found ${values.port}`);
    }
    const token = values.token ?? Deno.env.get("BIASFLOW_TOKEN");
    server = await startServer({
      port,
      hostname: values.host,
      runsDir: values.runs,
      limits: parseLimits(values.limit),
      viewer: !values["no-viewer"],
      allowOrigins: values["allow-origin"].map((o) => {
        if (!/^https?:\/\/[^/\s]+$/.test(o)) {
          throw new RangeError(`Expected --allow-origin to be an origin like http://localhost:5173 but found ${o}`);
        }
        return o;
      }),
      ...(token ? { token } : {}),
    });
  } catch (e) {
    if (e instanceof Deno.errors.AddrInUse) {
      io.stderr(
        `error: port ${values.port} on ${values.host} is in use: try --port 0 (any free port) or another --port\n`,
      );
      return EXIT.error;
    }
    io.stderr(`error: ${(e as Error).message}\n`);
    return e instanceof RangeError || e instanceof TypeError ? EXIT.badInput : EXIT.error;
  }
  io.stdout(`biasflow serving ${server.url} (runs in ${values.runs}/)\n`);
  if (values.start !== undefined) {
    try {
      if (!Object.hasOwn(presets(), values.start)) {
        throw new RangeError(
          `Unknown preset ${JSON.stringify(values.start)} for --start${
            didYouMean(values.start, Object.keys(presets()), "deno task run --list prints the presets")
          }`,
        );
      }
      const run = admitSpecForCli(applySetArgs(presetSpec(values.start), values.set), values.steps);
      const id = server.runner.start(run);
      io.stdout(`started ${values.start} as ${id}: open ${server.url}#/run/${id}\n`);
    } catch (e) {
      io.stderr(`error: ${(e as Error).message}\n`);
      await server.close();
      return EXIT.badInput;
    }
  }
  options.onServing?.(server);
  const signal = options.signal;
  if (signal) {
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      signal.addEventListener("abort", () => resolve(), { once: true });
    });
    const stopped = await stopAllRuns(server.runner);
    if (stopped > 0) io.stderr(`stopped ${stopped} run${stopped > 1 ? "s" : ""}\n`);
    await server.close();
  } else {
    await new Promise(() => {}); // serve until the process ends
  }
  return EXIT.ok;
}

function parseLimits(pairs: string[]): Partial<ServerLimits> {
  const out: Record<string, number> = {};
  for (const pair of pairs) {
    const [key, raw] = pair.split("=", 2);
    if (key === undefined || !(key in DEFAULT_LIMITS) || raw === undefined || !(Number(raw) > 0)) {
      throw new RangeError(
        `Expected --limit KEY=VALUE with KEY one of ${
          Object.keys(DEFAULT_LIMITS).join(", ")
        } and a positive VALUE but found ${pair}`,
      );
    }
    out[key] = Number(raw);
  }
  return out as Partial<ServerLimits>;
}
