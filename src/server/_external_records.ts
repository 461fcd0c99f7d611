import type { SpecIssue } from "../spec/spec_error.ts";
import { apiError } from "./api_error.ts";
import type { ExternalRecord } from "./_external_protocol.ts";

/** What a record of an external run must match. */
export interface RecordShape {
  /** The problem's predictor shape. */
  predictorShape: readonly number[];
  /** The problem's number of parameters. */
  paramsSize: number;
  /** Largest step accepted. */
  maxSteps: number;
}

const FIELDS = new Set(["step", "wall", "trigger", "metrics", "predictor", "params"]);
const METRIC_NAME = /^[A-Za-z_][\w.-]{0,63}$/;
const MAX_METRICS = 64;

/**
 * Validates the body of `POST /api/runs/:id/records` (`{ records: [...] }`):
 * every field of every record, predictors of the problem's shape, finite
 * numbers, steps strictly increasing within the batch. Throws an
 * {@link ApiError} 400 whose issue names the first bad field, e.g.
 * `records[2].predictor.data[1]`.
 *
 * @param body The parsed JSON body.
 * @param shape What predictors must look like.
 * @param wallNow The wall time to give records without one.
 * @returns The records, in order.
 */
export function parseRecords(body: unknown, shape: RecordShape, wallNow: number): ExternalRecord[] {
  if (!isObject(body)) fail("", "Expected an object { records: [...] }", body);
  for (const key of Object.keys(body)) if (key !== "records") fail(key, `Unknown field ${key}`);
  const list = body.records;
  if (!Array.isArray(list)) fail("records", "Expected an array of records", list);
  if (list.length === 0) fail("records", "Expected at least one record", list);
  const out: ExternalRecord[] = [];
  list.forEach((raw: unknown, i: number) => {
    const at = `records[${i}]`;
    if (!isObject(raw)) fail(at, "Expected a record object", raw);
    for (const key of Object.keys(raw)) {
      if (!FIELDS.has(key)) fail(`${at}.${key}`, `Unknown field ${key}; expected ${[...FIELDS].join(", ")}`);
    }
    const step = raw.step;
    if (typeof step !== "number" || !Number.isInteger(step) || step < 0 || step > shape.maxSteps) {
      fail(`${at}.step`, `Expected a step: an integer from 0 to ${shape.maxSteps}`, step);
    }
    const previous = out.at(-1);
    if (previous && step <= previous.step) {
      fail(`${at}.step`, `Expected steps to increase (the record before has step ${previous.step})`, step);
    }
    let wall = wallNow;
    if (raw.wall !== undefined) {
      if (!finite(raw.wall) || raw.wall < 0) fail(`${at}.wall`, "Expected seconds: a finite number ≥ 0", raw.wall);
      wall = raw.wall;
    }
    let trigger: ExternalRecord["trigger"] = "schedule";
    if (raw.trigger !== undefined) {
      if (raw.trigger !== "schedule" && raw.trigger !== "heartbeat" && raw.trigger !== "end") {
        fail(`${at}.trigger`, 'Expected "schedule", "heartbeat" or "end"', raw.trigger);
      }
      trigger = raw.trigger;
    }
    const metrics: Record<string, number | null> = {};
    if (raw.metrics !== undefined) {
      if (!isObject(raw.metrics)) fail(`${at}.metrics`, "Expected an object of named numbers", raw.metrics);
      const entries = Object.entries(raw.metrics);
      if (entries.length > MAX_METRICS) {
        fail(`${at}.metrics`, `Expected at most ${MAX_METRICS} metrics`, entries.length);
      }
      for (const [name, value] of entries) {
        if (!METRIC_NAME.test(name)) {
          fail(`${at}.metrics`, "Expected metric names of letters, digits, _ . or - (at most 64)", name);
        }
        if (value !== null && !finite(value)) {
          fail(`${at}.metrics.${name}`, "Expected a finite number, or null for a non-finite value", value);
        }
        metrics[name] = value as number | null;
      }
    }
    const record: ExternalRecord = { step, wall, trigger, metrics };
    if (raw.predictor !== undefined && raw.params !== undefined) {
      fail(`${at}.params`, "Expected either predictor or params, not both");
    }
    if (raw.predictor !== undefined) {
      const p = raw.predictor;
      if (!isObject(p)) fail(`${at}.predictor`, "Expected { shape, data }", p);
      for (const key of Object.keys(p)) {
        if (key !== "shape" && key !== "data") fail(`${at}.predictor.${key}`, `Unknown field ${key}`);
      }
      const want = shape.predictorShape;
      if (
        !Array.isArray(p.shape) || p.shape.length !== want.length || p.shape.some((v: unknown, k) => v !== want[k])
      ) {
        fail(`${at}.predictor.shape`, `Expected the problem's predictor shape [${want.join(", ")}]`, p.shape);
      }
      record.predictor = {
        shape: [...want],
        data: numbers(p.data, want.reduce((a, b) => a * b, 1), `${at}.predictor.data`),
      };
    }
    if (raw.params !== undefined) record.params = numbers(raw.params, shape.paramsSize, `${at}.params`);
    out.push(record);
  });
  return out;
}

function numbers(value: unknown, length: number, path: string): number[] {
  if (!Array.isArray(value)) fail(path, `Expected an array of ${length} numbers`, value);
  if (value.length !== length) {
    fail(path, `Expected ${length} numbers (the problem's size) but found ${value.length}`, value.length);
  }
  for (let j = 0; j < value.length; j++) {
    if (!finite(value[j])) fail(`${path}[${j}]`, "Expected a finite number", value[j]);
  }
  return value as number[];
}

function finite(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(path: string, message: string, input?: unknown): never {
  const issue: SpecIssue = input === undefined ? { path, message } : { path, message, input: brief(input) };
  const seen = input === undefined ? "" : ` (saw ${JSON.stringify(brief(input))})`;
  throw apiError(400, `Invalid records${path === "" ? "" : ` at ${path}`}: ${message}${seen}`, [issue]);
}

function brief(input: unknown): unknown {
  if (Array.isArray(input)) return input.length > 8 ? `an array of ${input.length}` : input;
  if (typeof input === "object" && input !== null) return "an object";
  if (typeof input === "string" && input.length > 80) return `${input.slice(0, 80)}…`;
  return input ?? null;
}
