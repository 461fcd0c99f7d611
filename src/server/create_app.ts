import { resolve } from "node:path";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { SpecError } from "../spec/spec_error.ts";
import type { RunStore } from "../store/run_store.ts";
import { apiError, apiErrorBody, capIssues } from "./api_error.ts";
import type { Runner } from "./create_runner.ts";
import { resolveLimits, type ServerLimits } from "./server_limits.ts";
import type { ViewerAssets } from "./load_viewer_assets.ts";
import type { AppContext } from "./_app_context.ts";
import { metaRoutes } from "./_meta_routes.ts";
import { runRoutes } from "./_run_routes.ts";
import { sweepRoutes } from "./_sweep_routes.ts";
import { hostAndOriginGuard, jsonContentTypeGuard, tokenGuard } from "./_request_guards.ts";

/** Options of {@link createApp}. */
export interface AppOptions {
  /** The run store that events and exports are read from (default: the runner's; another directory is an error). */
  store?: RunStore;
  /** Trains, queues and tracks the runs (its store holds them). */
  runner: Runner;
  /** Limits on requests (defaults: {@link DEFAULT_LIMITS}). */
  limits?: Partial<ServerLimits>;
  /**
   * When set, every `/api` request must carry it (`Authorization: Bearer …`, or `?token=` on event streams and
   * exports); without it, `Host` and `Origin` must be this machine's own.
   */
  token?: string;
  /** The bundled viewer, served at `/` (without it `/` answers 503). */
  viewer?: ViewerAssets;
  /** Period of heartbeat comments on idle event streams, in ms (default 15000). */
  heartbeatMs?: number;
  /**
   * The interface the server is bound to: without a token, requests must name
   * it or a loopback name in `Host` (403 otherwise: DNS rebinding).
   */
  hostname?: string;
  /** Web page origins allowed to call the API without a token (CORS too); others get 403. */
  allowOrigins?: readonly string[];
}

/**
 * The biasflow HTTP API and viewer as a Hono app: JSON endpoints under `/api`
 * (every input validated by zod, every error `{ error, issues }`), run events
 * as Server-Sent Events with resume from `Last-Event-ID`, and the viewer at
 * `/`. Serve it with `Deno.serve(app.fetch)`; test it with `app.request`; call
 * it with Hono's typed client, `hc<AppType>(url)`. More routes can be mounted
 * on it with `app.route("/api/…", routes)`: they pass the same guards (token,
 * or Host/Origin; JSON bodies; body limit) and errors are answered by the same
 * `onError` (`HTTPException` from {@link apiError}, `SpecError`: 400).
 *
 * @param options The store, runner, limits, token and viewer.
 * @returns The app.
 * @throws {TypeError} when `store` is not the directory the runner writes to.
 *
 * @example Usage
 * ```ts
 * import { createApp } from "./create_app.ts";
 * import { createRunner } from "./create_runner.ts";
 * import { createRunStore } from "../store/run_store.ts";
 * import assert from "node:assert/strict";
 *
 * const store = createRunStore(await Deno.makeTempDir());
 * const runner = createRunner({ store });
 * const app = createApp({ store, runner, limits: { maxSteps: 1e6 } });
 * const res = await app.request("/api/presets");
 * assert.equal(res.status, 200);
 * runner.close();
 * ```
 */
// deno-lint-ignore explicit-module-boundary-types -- the inferred route types are AppType, which hc<AppType> reads
export function createApp(options: AppOptions) {
  const { runner } = options;
  const store = options.store ?? runner.store;
  if (resolve(store.dir) !== resolve(runner.store.dir)) {
    throw new TypeError(
      `Expected store to be the runner's (${runner.store.dir}) but found a store of ${store.dir}: the app would read events the runner does not write`,
    );
  }
  const limits = resolveLimits(options.limits);
  const ctx: AppContext = { runner, limits, heartbeatMs: options.heartbeatMs ?? 15_000, sseClients: 0 };
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof HTTPException) return c.json(apiErrorBody(err), err.status);
    if (err instanceof SpecError) return c.json({ error: err.message, issues: capIssues(err.issues) }, 400);
    console.error(err);
    return c.json({ error: `Internal error: ${err.message}`, issues: [] }, 500);
  });
  app.notFound((c) => c.json({ error: `Not found: ${c.req.method} ${new URL(c.req.url).pathname}`, issues: [] }, 404));

  if (options.token === undefined) {
    app.use("*", hostAndOriginGuard(options.hostname, options.allowOrigins ?? []));
  } else {
    app.use("/api/*", tokenGuard(options.token));
  }
  if (options.allowOrigins?.length) {
    app.use(
      "/api/*",
      cors({ origin: [...options.allowOrigins], allowHeaders: ["Content-Type", "Authorization", "Last-Event-ID"] }),
    );
  }
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: limits.maxBodyBytes,
      onError: () => {
        throw apiError(413, `The request body is larger than this server's limit of ${limits.maxBodyBytes} bytes`);
      },
    }),
  );
  app.use("/api/*", jsonContentTypeGuard()); // after the body limit: it reads the (limited) body

  const routes = app
    .route("/api", metaRoutes(ctx))
    .route("/api/runs", runRoutes(ctx))
    .route("/api/sweeps", sweepRoutes(ctx));

  const viewer = options.viewer;
  function asset(body: string | undefined, type: string) {
    return (c: Context) =>
      body === undefined
        ? c.json({ error: "The viewer was not bundled for this server", issues: [] }, 503)
        : c.body(body, 200, { "Content-Type": type, "Cache-Control": "no-cache" });
  }
  app.get("/", asset(viewer?.html, "text/html; charset=utf-8"));
  app.get("/viewer.js", asset(viewer?.js, "text/javascript; charset=utf-8"));
  app.get("/viewer.css", asset(viewer?.css, "text/css; charset=utf-8"));

  return routes;
}

/** The app's routes and their JSON responses, for Hono's typed client: `hc<AppType>(url)`. */
export type AppType = ReturnType<typeof createApp>;
