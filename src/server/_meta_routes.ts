import { Hono } from "hono";
import { presets } from "../presets/presets.ts";
import { runSpecJsonSchema } from "../run/json_schema.ts";
import type { AppContext } from "./_app_context.ts";

/** `GET /api/presets`, `/api/schema` (for clients other than the viewer) and `/api/limits`. */
// deno-lint-ignore explicit-module-boundary-types -- the inferred route types are what hc<AppType> reads
export function metaRoutes(ctx: AppContext) {
  return new Hono()
    .get("/presets", (c) =>
      c.json({
        presets: Object.entries(presets()).map(([name, p]) => ({
          name,
          description: p.description,
          source: p.source,
          spec: p.spec as unknown as Record<string, unknown>, // JSON: the viewer reads it by field path
        })),
      }))
    .get("/schema", (c) => c.json(runSpecJsonSchema() as Record<string, unknown>))
    .get("/limits", (c) => c.json({ ...ctx.limits }));
}
