/**
 * The server as a separate process on loopback, for fault and fuzz tests: it
 * can be killed with SIGKILL, its memory read from /proc, and its writes
 * confined by Deno's permissions to the runs directory (or to nothing).
 */
import { fileURLToPath } from "node:url";

/** A server process. */
export interface ServerProcess {
  /** Its base URL, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  /** Its process id. */
  readonly pid: number;
  /** Resident memory of the process now, in bytes (VmRSS), or NaN where /proc is missing. */
  rss(): number;
  /** Whether the process has exited. */
  readonly exited: boolean;
  /** What it wrote to stderr so far. */
  stderr(): string;
  /** Sends a signal and waits for the exit; returns the exit status. */
  kill(signal?: Deno.Signal): Promise<Deno.CommandStatus>;
}

/** Options of {@link spawnServer}. */
export interface SpawnOptions {
  /** The run store. */
  runsDir: string;
  /** Paths the process may write (default: the runs directory only; [] for none: a read-only store). */
  writable?: string[];
  /** `--limit KEY=VALUE` pairs. */
  limits?: Record<string, number>;
  /** How long to wait for it to listen, in ms (default 60 s: the first start type-checks). */
  timeoutMs?: number;
}

const SERVE = fileURLToPath(new URL("../../src/cli/serve.ts", import.meta.url));

/** Starts `src/cli/serve.ts --port 0 --no-viewer` and waits until it prints its URL. */
export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const writable = options.writable ?? [options.runsDir];
  const args = [
    "run",
    "--allow-read",
    "--allow-net=127.0.0.1",
    "--allow-env",
    "--allow-sys",
    writable.length > 0 ? `--allow-write=${writable.join(",")}` : "--deny-write",
    SERVE,
    "--port",
    "0",
    "--no-viewer",
    "--runs",
    options.runsDir,
    ...Object.entries(options.limits ?? {}).flatMap(([k, v]) => ["--limit", `${k}=${v}`]),
  ];
  const child = new Deno.Command(Deno.execPath(), {
    args,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).spawn();
  let stderr = "";
  let exited = false;
  const status = child.status.then((s) => {
    exited = true;
    return s;
  });
  (async () => {
    for await (const chunk of child.stderr.pipeThrough(new TextDecoderStream())) stderr += chunk;
  })();
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The server did not start in time: ${stderr}`)),
      options.timeoutMs ?? 60_000,
    );
    (async () => {
      let out = "";
      for await (const chunk of child.stdout.pipeThrough(new TextDecoderStream())) {
        out += chunk;
        const m = out.match(/serving (http:\/\/\S+\/)/);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      }
      clearTimeout(timer);
      reject(new Error(`The server exited before serving: ${stderr}`));
    })().catch(() => {});
  });
  return {
    url,
    pid: child.pid,
    get exited() {
      return exited;
    },
    rss() {
      try {
        const m = Deno.readTextFileSync(`/proc/${child.pid}/status`).match(/VmRSS:\s+(\d+) kB/);
        return m ? Number(m[1]) * 1024 : NaN;
      } catch {
        return NaN;
      }
    },
    stderr: () => stderr,
    async kill(signal: Deno.Signal = "SIGTERM") {
      if (!exited) child.kill(signal);
      return await status;
    },
  };
}
