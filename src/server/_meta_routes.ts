import { Hono } from "hono";
import { PRESETS } from "../presets/presets.ts";
import { runSpecJsonSchema } from "../spec/json_schema.ts";
import type { AppContext } from "./_app_context.ts";

/** `GET /api/presets`, `/api/schema` (for clients other than the viewer) and `/api/limits`. */
// deno-lint-ignore explicit-module-boundary-types -- the inferred route types are what hc<AppType> reads
export function metaRoutes(ctx: AppContext) {
  return new Hono()
    .get("/presets", (c) =>
      c.json({
        presets: Object.entries(PRESETS).map(([name, p]) => ({
          name,
          description: p.description,
          source: p.source,
          spec: p.spec as Record<string, unknown>,
        })),
      }))
    .get("/schema", (c) => c.json(runSpecJsonSchema() as Record<string, unknown>))
    .get("/limits", (c) => c.json({ ...ctx.limits }));
}
