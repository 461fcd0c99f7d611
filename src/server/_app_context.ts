import type { Context } from "hono";
import type { z } from "zod";
import { toSpecIssue } from "../run/spec_parser.ts";
import { apiError } from "./api_error.ts";
import type { Runner } from "./create_runner.ts";
import type { ServerLimits } from "./server_limits.ts";
import { RunIdSchema } from "./_request_schemas.ts";

/** What every route group of the app shares. */
export interface AppContext {
  /** Trains, queues and tracks the runs; its store holds them. */
  readonly runner: Runner;
  /** The limits in force. */
  readonly limits: ServerLimits;
  /** Period of heartbeat comments on event streams, in ms. */
  readonly heartbeatMs: number;
  /** Event streams open now. */
  sseClients: number;
}

/** Validates `input` with a zod schema; a 400 `{ error, issues }` naming each field otherwise. */
export function check<T extends z.ZodType>(schema: T, input: unknown, prefix = ""): z.output<T> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const i = toSpecIssue(issue);
    return { ...i, path: prefix === "" ? i.path : i.path === "" ? prefix : `${prefix}.${i.path}` };
  });
  const first = issues[0]!;
  throw apiError(400, `Invalid request${first.path === "" ? "" : ` at ${first.path}`}: ${first.message}`, issues);
}

/** The `:id` of a request, checked: 400 for a malformed id, 404 for an unknown run. */
export function knownRunId(ctx: AppContext, c: Context): string {
  const id = check(RunIdSchema, c.req.param("id"), "id");
  if (ctx.runner.summary(id) === null) throw apiError(404, `Unknown run ${JSON.stringify(id)}`);
  return id;
}

/** 429 unless the runner can take `count` more runs (running + queued). */
export function checkCapacity(ctx: AppContext, count: number): void {
  const { runner, limits } = ctx;
  const free = limits.maxConcurrentRuns - runner.running + limits.maxQueuedRuns - runner.queued;
  if (count > free) {
    throw apiError(
      429,
      `Too many runs: ${runner.running} running and ${runner.queued} queued; this server takes ${limits.maxConcurrentRuns} at once and queues ${limits.maxQueuedRuns} (asked for ${count} more)`,
    );
  }
}

/** How deep a request body's arrays and objects may nest (a spec nests a few levels; inline data three). */
export const MAX_JSON_DEPTH = 64;

/** The request's JSON body: 400 when it is empty, not JSON, or nested deeper than {@link MAX_JSON_DEPTH}. */
export async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") throw apiError(400, "The request body is empty; send JSON");
  const depth = jsonDepth(text, MAX_JSON_DEPTH);
  if (depth > MAX_JSON_DEPTH) {
    const message = `The request body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep`;
    throw apiError(400, message, [{ path: "", message }]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = `The request body is not valid JSON: ${(e as Error).message}`;
    throw apiError(400, message, [{ path: "", message }]);
  }
}

/** Whether a JSON value is an object (not an array or null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The nesting depth of JSON text, counted by brackets outside strings in one
 * pass without recursion; stops counting once it exceeds `stop`.
 */
export function jsonDepth(text: string, stop = Infinity): number {
  let depth = 0, max = 0, inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) {
      inString = true;
    } else if (ch === 91 || ch === 123) {
      if (++depth > max && (max = depth) > stop) return max;
    } else if (ch === 93 || ch === 125) {
      depth--;
    }
  }
  return max;
}

/**
 * Runs `create` (which stores runs); a failure to write the run store (a full
 * disk, a read-only directory) is a 503 naming the directory and the cause,
 * and the store has left nothing half-written.
 */
export function storing<T>(ctx: AppContext, create: () => T): T {
  try {
    return create();
  } catch (e) {
    throw apiError(
      503,
      `Cannot store the run in ${ctx.runner.store.dir}: ${(e as Error).message}; nothing was started`,
    );
  }
}
