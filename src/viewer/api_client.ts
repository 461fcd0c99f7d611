/// <reference lib="dom" />
import { hc, type InferResponseType } from "hono/client";
import type { AppType } from "../server/create_app.ts";
import type { SpecIssue } from "../spec/spec_error.ts";
import { FINAL_STATUSES, type RunStatus } from "../store/run_status.ts";
import type { SnapshotRecord } from "../store/snapshot_record.ts";

type Client = ReturnType<typeof hc<AppType>>;

/** A run as listed by `GET /api/runs` (the server's own type, through Hono's client). */
export type RunSummaryJson = InferResponseType<Client["api"]["runs"]["$get"], 200>["runs"][number];

/** `GET /api/runs/:id`. */
export type RunDetailJson = InferResponseType<Client["api"]["runs"][":id"]["$get"], 200>;

/** `GET /api/runs/:id/data`. */
export type PointsJson = InferResponseType<Client["api"]["runs"][":id"]["data"]["$get"], 200>;

/** A preset from `GET /api/presets`. */
export type PresetJson = InferResponseType<Client["api"]["presets"]["$get"], 200>["presets"][number];

/** A status event of a run's event stream. */
export interface StatusEventJson {
  /** Where the run stands. */
  status: RunStatus;
  /** Steps taken. */
  step: number;
  /** Why it ended, when it did not end `done`. */
  message?: string;
}

/** An API error: the server's message and issues. */
export class ApiRequestError extends Error {
  /** HTTP status. */
  readonly status: number;
  /** Field-level issues. */
  readonly issues: SpecIssue[];
  /** @param status HTTP status. @param message The server's message. @param issues Its issues. */
  constructor(status: number, message: string, issues: SpecIssue[]) {
    super(message);
    this.name = "ApiRequestError";
    this.status = status;
    this.issues = issues;
  }
}

/** Typed calls to the biasflow API, with the page's token when it has one. */
export interface ApiClient {
  /** Every run, newest first. */
  runs(): Promise<RunSummaryJson[]>;
  /** A run's spec, final record and reference. */
  run(id: string): Promise<RunDetailJson>;
  /** A run's points, or null when its problem has none. */
  points(id: string): Promise<PointsJson | null>;
  /** The presets. */
  presets(): Promise<PresetJson[]>;
  /** Starts a run; returns its id. */
  createRun(body: unknown): Promise<string>;
  /** Starts a sweep; returns the runs' ids. */
  createSweep(body: unknown): Promise<string[]>;
  /** Asks a run to stop. */
  stop(id: string): Promise<void>;
  /** URL of a run's export. */
  exportUrl(id: string, format: "csv" | "ndjson"): string;
  /** Opens a run's event stream; `onSnapshot`/`onStatus` get the parsed data. */
  events(
    id: string,
    on: { snapshot: (r: SnapshotRecord) => void; status: (s: StatusEventJson) => void },
  ): EventSource;
}

/**
 * The API client of the viewer, on Hono's typed client (`hc<AppType>`): the
 * response types are the server's own. The token, if any, comes from the
 * page's `?token=` and goes in an `Authorization` header (and in the query of
 * event streams and downloads, which cannot carry headers).
 *
 * This module is browser compatible.
 *
 * @param base The server's origin (default: the page's).
 * @param token The API token, if the server needs one.
 * @returns The client.
 *
 * @example Usage
 * ```ts ignore
 * const api = createApiClient(location.origin, new URLSearchParams(location.search).get("token"));
 * console.log(await api.runs());
 * ```
 */
export function createApiClient(base: string, token: string | null): ApiClient {
  const client = hc<AppType>(base, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  function url(path: string, query: Record<string, string> = {}): string {
    const u = new URL(path, base);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    if (token) u.searchParams.set("token", token);
    return u.toString();
  }
  /** The JSON of a successful response; an {@link ApiRequestError} with the server's message otherwise. */
  async function ok<T>(pending: Promise<{ ok: boolean; status: number; json(): Promise<T> }>): Promise<T> {
    const res = await pending;
    if (res.ok) return await res.json();
    const body = await res.json().catch(() => ({})) as { error?: string; issues?: SpecIssue[] };
    throw new ApiRequestError(res.status, body.error ?? `HTTP ${res.status}`, body.issues ?? []);
  }
  const json = (body: unknown) => ({
    init: { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } },
  });
  return {
    runs: async () => (await ok(client.api.runs.$get())).runs,
    run: (id) => ok(client.api.runs[":id"].$get({ param: { id } })) as Promise<RunDetailJson>,
    points: (id) =>
      (ok(client.api.runs[":id"].data.$get({ param: { id } })) as Promise<PointsJson>).catch((e) => {
        if (e instanceof ApiRequestError && e.status === 404) return null;
        throw e;
      }),
    presets: async () => (await ok(client.api.presets.$get())).presets,
    createRun: async (body) => (await ok(client.api.runs.$post(undefined, json(body)))).id,
    createSweep: async (body) => (await ok(client.api.sweeps.$post(undefined, json(body)))).ids,
    stop: async (id) => void await ok(client.api.runs[":id"].stop.$post({ param: { id } }, json({}))),
    exportUrl: (id, format) => url(`/api/runs/${encodeURIComponent(id)}/export`, { format }),
    events(id, on) {
      const source = new EventSource(url(`/api/runs/${encodeURIComponent(id)}/events`));
      source.addEventListener("snapshot", (e) => on.snapshot(JSON.parse((e as MessageEvent).data)));
      source.addEventListener("status", (e) => {
        const s = JSON.parse((e as MessageEvent).data) as StatusEventJson;
        on.status(s);
        if (FINAL_STATUSES.has(s.status)) source.close(); // the server ends the stream
      });
      return source;
    },
  };
}
