import type { Hono } from "hono";
import { createRunStore } from "../store/run_store.ts";
import { createApp } from "./create_app.ts";
import { isLoopback } from "./is_loopback.ts";
import { createRunner, type Runner } from "./create_runner.ts";
import { loadViewerAssets } from "./load_viewer_assets.ts";
import { resolveLimits, type ServerLimits } from "./server_limits.ts";

/** Options of {@link startServer}. */
export interface StartServerOptions {
  /** The run store directory (default `runs`). */
  runsDir?: string;
  /** Interface to bind (default `127.0.0.1`); any other than loopback needs a token. */
  hostname?: string;
  /** Port (default 8000; 0 picks a free one). */
  port?: number;
  /** Required on every API request when set. */
  token?: string;
  /** Limits (defaults: `DEFAULT_LIMITS`). */
  limits?: Partial<ServerLimits>;
  /** Heartbeat period of event streams, in ms. */
  heartbeatMs?: number;
  /** Serve the viewer (bundles it first; default true). */
  viewer?: boolean;
  /** Origins of web pages allowed to call the API without a token (e.g. `http://localhost:5173`). */
  allowOrigins?: string[];
}

/** A running server. */
export interface RunningServer {
  /** Its address, e.g. `http://127.0.0.1:8000/`. */
  readonly url: string;
  /** The app it serves. */
  readonly app: Hono;
  /** Its runner. */
  readonly runner: Runner;
  /** Stops serving and terminates the runs' Workers (unfinished runs stay `interrupted`). */
  close(): Promise<void>;
}

/**
 * Opens the run store, starts the runner (listing past runs), bundles the
 * viewer and serves the app with `Deno.serve`.
 *
 * @param options Where, which runs, limits and token.
 * @returns The running server.
 * @throws {RangeError} when binding to a non-loopback interface without a token.
 *
 * @example Usage
 * ```ts
 * import { startServer } from "./start_server.ts";
 * import assert from "node:assert/strict";
 *
 * const server = await startServer({ port: 0, runsDir: await Deno.makeTempDir(), viewer: false });
 * assert.equal((await fetch(new URL("api/runs", server.url))).status, 200);
 * await server.close();
 * ```
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const hostname = options.hostname ?? "127.0.0.1";
  if (!isLoopback(hostname) && !options.token) {
    throw new RangeError(
      `Refusing to bind ${hostname} without a token: anyone who can reach it could start runs; pass --token or set BIASFLOW_TOKEN`,
    );
  }
  const limits: ServerLimits = resolveLimits(options.limits);
  const runner = createRunner({
    store: createRunStore(options.runsDir ?? "runs"),
    maxConcurrentRuns: limits.maxConcurrentRuns,
  });
  const viewer = options.viewer === false ? undefined : await loadViewerAssets();
  const app = createApp({
    runner,
    limits,
    ...(options.token ? { token: options.token } : {}),
    ...(viewer ? { viewer } : {}),
    hostname,
    ...(options.allowOrigins ? { allowOrigins: options.allowOrigins } : {}),
    ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
  });
  const { promise: listening, resolve } = Promise.withResolvers<Deno.NetAddr>();
  const server = Deno.serve({ hostname, port: options.port ?? 8000, onListen: resolve }, app.fetch);
  const addr = await listening;
  const host = addr.hostname.includes(":") ? `[${addr.hostname}]` : addr.hostname;
  return {
    url: `http://${host}:${addr.port}/`,
    app,
    runner,
    async close() {
      runner.close();
      await server.shutdown();
    },
  };
}
