import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { setAtPath } from "../spec/set_at_path.ts";
import { SpecError } from "../spec/spec_error.ts";
import { apiError, apiErrorBody } from "./api_error.ts";
import { admitRun, presetWithOverrides } from "./_admit_run.ts";
import { type AppContext, check, checkCapacity, jsonBody, storing } from "./_app_context.ts";
import { SweepRequestSchema } from "./_request_schemas.ts";

/**
 * `POST /api/sweeps`: one run per value of a field. The whole sweep is
 * validated, then stored, before any run starts: all or nothing.
 */
// deno-lint-ignore explicit-module-boundary-types -- the inferred route types are what hc<AppType> reads
export function sweepRoutes(ctx: AppContext) {
  const { runner, limits } = ctx;
  return new Hono().post("/", async (c) => {
    const req = check(SweepRequestSchema, await jsonBody(c));
    if (req.values.length > limits.maxSweepValues) {
      throw apiError(
        422,
        `The sweep has ${req.values.length} values; this server allows at most ${limits.maxSweepValues}`,
        [
          { path: "values", message: `Expected at most ${limits.maxSweepValues} values`, input: req.values.length },
        ],
      );
    }
    const base = req.preset !== undefined ? presetWithOverrides(req.preset, req.overrides) : req.spec;
    const runs = req.values.map((value, i) => {
      let spec: unknown;
      try {
        spec = setAtPath(base, req.path, value);
      } catch (e) {
        throw apiError(400, (e as Error).message, [{ path: "path", message: (e as Error).message, input: req.path }]);
      }
      try {
        return admitRun(spec, limits);
      } catch (e) {
        const prefix = `values[${i}] = ${JSON.stringify(value)}: `;
        if (e instanceof SpecError) throw apiError(400, prefix + e.message, e.issues);
        if (e instanceof HTTPException) {
          const body = apiErrorBody(e);
          throw apiError(e.status, prefix + body.error, body.issues);
        }
        throw e;
      }
    });
    checkCapacity(ctx, runs.length);
    const ids = storing(
      ctx,
      () => runner.startAll(runs.map((run, i) => ({ run, sweep: { path: req.path, value: req.values[i] } }))),
    );
    return c.json({ ids }, 201);
  });
}
