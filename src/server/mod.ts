/**
 * The biasflow server: a Hono app with a JSON API and Server-Sent Events of
 * runs that train in Workers, plus the bundled D3 viewer.
 *
 * @example Usage
 * ```ts ignore
 * import { createApp, createRunner, loadViewerAssets } from "./mod.ts";
 * import { createRunStore } from "../store/mod.ts";
 *
 * const runner = createRunner({ store: createRunStore("runs") });
 * const app = createApp({ runner, viewer: await loadViewerAssets() });
 * Deno.serve({ hostname: "127.0.0.1", port: 8000 }, app.fetch);
 * ```
 *
 * @module
 */
export * from "./server_limits.ts";
export * from "./api_error.ts";
export * from "./create_runner.ts";
export * from "./create_app.ts";
export * from "./load_viewer_assets.ts";
export * from "./start_server.ts";
export * from "./is_loopback.ts";
