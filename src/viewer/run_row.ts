/** A run as the runs table shows it: one field per column. */
export interface RunRow {
  /** The run id. */
  readonly id: string;
  /** Display name: the spec's name, and for a sweep run the swept field and value (`soudry-fig1 · lr = 0.1`). */
  readonly name: string;
  /** `problem.kind` ("" until the spec is known). */
  readonly kind: string;
  /** `optimizer.kind`. */
  readonly optimizer: string;
  /** `optimizer.lr`, NaN when unknown. */
  readonly lr: number;
  /** Total steps of the run. */
  readonly steps: number;
  /** Status: running, done, … */
  readonly status: string;
  /** Fraction done, 0…1. */
  readonly progress: number;
  /** Start time (ISO 8601). */
  readonly started: string;
  /** Key metrics, NaN when absent. */
  readonly loss: number;
  readonly angle_gap: number;
  readonly margin: number;
  readonly norm: number;
  /** An external run's `config` (the user's own hyperparameters) as `key=value` pairs, "" for internal runs. */
  readonly config: string;
  /** Lower-case text the filter matches against. */
  readonly search: string;
}

/** The part of `GET /api/runs` that a row needs. */
export interface RunRowSummary {
  id: string;
  name: string;
  status: string;
  step: number;
  steps: number;
  started: string;
  metrics: Record<string, number | null>;
  sweep?: { path: string; value: unknown } | undefined;
  external?: { config: Record<string, unknown> } | undefined;
}

/**
 * The table row of a run from its summary and, once fetched, its spec. An
 * external run's `config` (logged by the user's own training loop) is shown
 * as `key=value` pairs, and its `optimizer` and `lr` entries, when given,
 * fill those columns.
 *
 * This module is browser compatible.
 *
 * @param run The run's summary.
 * @param spec Its validated spec, or undefined while not yet fetched.
 * @returns The row.
 *
 * @example Usage
 * ```ts
 * import { runRow } from "./run_row.ts";
 * import assert from "node:assert/strict";
 *
 * const row = runRow(
 *   { id: "a", name: "soudry-fig1", status: "done", step: 5, steps: 10, started: "2026-01-01T00:00:00Z", metrics: {},
 *     sweep: { path: "optimizer.lr", value: 0.1 } },
 *   { problem: { kind: "linear-classification" }, optimizer: { kind: "gd", lr: 0.1 } },
 * );
 * assert.equal(row.name, "soudry-fig1 · lr = 0.1");
 * assert.equal(row.progress, 0.5);
 *
 * const ext = runRow(
 *   { id: "b", name: "my-run", status: "running", step: 1, steps: 10, started: "2026-01-01T00:00:00Z", metrics: {},
 *     external: { config: { optimizer: "adam", lr: 0.001, batch: 64 } } },
 *   undefined,
 * );
 * assert.deepEqual([ext.optimizer, ext.lr, ext.config], ["adam", 0.001, "optimizer=adam · lr=0.001 · batch=64"]);
 * ```
 */
export function runRow(run: RunRowSummary, spec: Record<string, unknown> | undefined): RunRow {
  const problem = (spec?.problem ?? {}) as { kind?: string };
  const opt = (spec?.optimizer ?? {}) as { kind?: string; lr?: unknown };
  const swept = run.sweep ? ` · ${run.sweep.path.split(".").at(-1)} = ${JSON.stringify(run.sweep.value)}` : "";
  const metric = (k: string) => (typeof run.metrics[k] === "number" ? run.metrics[k]! : NaN);
  const config = run.external?.config ?? {};
  const lr = typeof config.lr === "number" ? config.lr : opt.lr;
  const row = {
    id: run.id,
    name: `${run.name}${swept}`,
    kind: problem.kind ?? "",
    optimizer: typeof config.optimizer === "string" ? config.optimizer : opt.kind ?? "",
    lr: typeof lr === "number" ? lr : NaN,
    steps: run.steps,
    status: run.status,
    progress: run.steps > 0 ? run.step / run.steps : 0,
    started: run.started,
    loss: metric("loss"),
    angle_gap: metric("angle_gap"),
    margin: metric("margin"),
    norm: metric("norm"),
  };
  const pairs = Object.entries(config).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  const text = pairs.join(" · ");
  return {
    ...row,
    config: text,
    search: [row.id, row.name, row.kind, row.optimizer, row.status, ...pairs].join(" ").toLowerCase(),
  };
}
