/// <reference lib="dom" />
import type { SnapshotRecord } from "../store/snapshot_record.ts";
import type { FinalRecord } from "../store/final_record.ts";
import type { SchemaIssue } from "./validate_json_schema.ts";

/** A run as listed by `GET /api/runs`. */
export interface RunSummaryJson {
  id: string;
  name: string;
  status: string;
  step: number;
  steps: number;
  started: string;
  metrics: Record<string, number | null>;
  sweep?: { path: string; value: unknown };
  message?: string;
}

/** `GET /api/runs/:id`. */
export interface RunDetailJson extends RunSummaryJson {
  spec: Record<string, unknown>;
  final: FinalRecord | null;
  reference: { kind: string; shape: number[]; data: number[]; margin?: number } | null;
}

/** `GET /api/runs/:id/data`. */
export interface PointsJson {
  kind: "points";
  n: number;
  d: number;
  x: number[][];
  y: number[];
}

/** A preset from `GET /api/presets`. */
export interface PresetJson {
  name: string;
  description: string;
  source: string;
  spec: Record<string, unknown>;
}

/** An API error: the server's message and issues. */
export class ApiRequestError extends Error {
  /** HTTP status. */
  readonly status: number;
  /** Field-level issues. */
  readonly issues: SchemaIssue[];
  /** @param status HTTP status. @param message The server's message. @param issues Its issues. */
  constructor(status: number, message: string, issues: SchemaIssue[]) {
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
  /** The JSON Schema of run specs. */
  schema(): Promise<Record<string, unknown>>;
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
    on: {
      snapshot: (r: SnapshotRecord) => void;
      status: (s: { status: string; step: number; message?: string }) => void;
    },
  ): EventSource;
}

/**
 * The API client of the viewer. The token, if any, comes from the page's
 * `?token=` and goes in an `Authorization` header (and in the query of event
 * streams, which cannot carry headers).
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
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  function url(path: string, query: Record<string, string> = {}): string {
    const u = new URL(path, base);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    if (token) u.searchParams.set("token", token);
    return u.toString();
  }
  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    const res = await fetch(new URL(path, base), { ...init, headers: { ...headers, ...init.headers } });
    const body = await res.json().catch(() => ({ error: `HTTP ${res.status}`, issues: [] }));
    if (!res.ok) throw new ApiRequestError(res.status, body.error ?? `HTTP ${res.status}`, body.issues ?? []);
    return body as T;
  }
  const post = (path: string, body: unknown) =>
    call<Record<string, unknown>>(path, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "Content-Type": "application/json" },
    });
  return {
    runs: async () => (await call<{ runs: RunSummaryJson[] }>("/api/runs")).runs,
    run: (id) => call<RunDetailJson>(`/api/runs/${encodeURIComponent(id)}`),
    points: (id) =>
      call<PointsJson>(`/api/runs/${encodeURIComponent(id)}/data`).catch((e) => {
        if (e instanceof ApiRequestError && e.status === 404) return null;
        throw e;
      }),
    presets: async () => (await call<{ presets: PresetJson[] }>("/api/presets")).presets,
    schema: () => call<Record<string, unknown>>("/api/schema"),
    createRun: async (body) => (await post("/api/runs", body)).id as string,
    createSweep: async (body) => (await post("/api/sweeps", body)).ids as string[],
    stop: async (id) => void await post(`/api/runs/${encodeURIComponent(id)}/stop`, {}),
    exportUrl: (id, format) => url(`/api/runs/${encodeURIComponent(id)}/export`, { format }),
    events(id, on) {
      const source = new EventSource(url(`/api/runs/${encodeURIComponent(id)}/events`));
      source.addEventListener("snapshot", (e) => on.snapshot(JSON.parse((e as MessageEvent).data)));
      source.addEventListener("status", (e) => {
        const s = JSON.parse((e as MessageEvent).data);
        on.status(s);
        if (!["queued", "running"].includes(s.status)) source.close(); // the server ends the stream
      });
      return source;
    },
  };
}
