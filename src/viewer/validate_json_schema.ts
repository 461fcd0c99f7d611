import { formatPath } from "../spec/format_path.ts";

/** One thing wrong with a value, by field path (as the server reports issues). */
export interface SchemaIssue {
  /** Dotted path, e.g. `optimizer.lr`. */
  path: string;
  /** What was expected. */
  message: string;
}

/** The JSON Schema keywords this validator understands (those zod emits for run specs). */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
  [key: string]: unknown;
};

/**
 * Validates a JSON value against a JSON Schema (draft 2020-12, the subset zod
 * emits: types, properties, required, additionalProperties, items, oneOf /
 * anyOf / allOf, const, enum, numeric and length bounds). For a `oneOf` of
 * objects told apart by a `kind` constant, the issues are those of the branch
 * the value's kind names, or an "Unknown kind" issue listing the kinds.
 *
 * This module is browser compatible.
 *
 * @param schema The schema (e.g. from `GET /api/schema`).
 * @param value The value to check.
 * @returns The issues; empty when the value is valid.
 *
 * @example Usage
 * ```ts
 * import { validateJsonSchema } from "./validate_json_schema.ts";
 * import assert from "node:assert/strict";
 *
 * const schema = { type: "object", properties: { steps: { type: "integer", minimum: 1 } }, required: ["steps"] };
 * assert.deepEqual(validateJsonSchema(schema, { steps: 0 }), [{ path: "steps", message: "Expected a number ≥ 1 (saw 0)" }]);
 * ```
 */
export function validateJsonSchema(schema: JsonSchema, value: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  check(schema, value, [], issues);
  return issues;
}

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function check(schema: JsonSchema, v: unknown, path: (string | number)[], out: SchemaIssue[]): void {
  const at = formatPath(path);
  const add = (message: string) => out.push({ path: at, message });
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const t = typeOf(v);
    if (!types.some((want) => want === t || (want === "number" && t === "integer"))) {
      add(`Expected ${types.join(" or ")} (saw ${show(v)})`);
      return;
    }
  }
  if ("const" in schema && JSON.stringify(schema.const) !== JSON.stringify(v)) {
    add(`Expected ${show(schema.const)} (saw ${show(v)})`);
  }
  if (schema.enum && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(v))) {
    add(`Expected one of ${schema.enum.map(show).join(", ")} (saw ${show(v)})`);
  }
  if (typeof v === "number") {
    if (schema.minimum !== undefined && v < schema.minimum) add(`Expected a number ≥ ${schema.minimum} (saw ${v})`);
    if (schema.maximum !== undefined && v > schema.maximum) add(`Expected a number ≤ ${schema.maximum} (saw ${v})`);
    if (schema.exclusiveMinimum !== undefined && v <= schema.exclusiveMinimum) {
      add(`Expected a number > ${schema.exclusiveMinimum} (saw ${v})`);
    }
    if (schema.exclusiveMaximum !== undefined && v >= schema.exclusiveMaximum) {
      add(`Expected a number < ${schema.exclusiveMaximum} (saw ${v})`);
    }
  }
  if (typeof v === "string") {
    if (schema.minLength !== undefined && v.length < schema.minLength) {
      add(`Expected at least ${schema.minLength} characters`);
    }
    if (schema.maxLength !== undefined && v.length > schema.maxLength) {
      add(`Expected at most ${schema.maxLength} characters`);
    }
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(v)) {
      add(`Expected to match ${schema.pattern}`);
    }
  }
  if (Array.isArray(v)) {
    if (schema.minItems !== undefined && v.length < schema.minItems) add(`Expected at least ${schema.minItems} items`);
    if (schema.maxItems !== undefined && v.length > schema.maxItems) add(`Expected at most ${schema.maxItems} items`);
    if (schema.items) v.forEach((item, i) => check(schema.items!, item, [...path, i], out));
  }
  if (typeOf(v) === "object") checkObject(schema, v as Record<string, unknown>, path, out);
  for (const sub of schema.allOf ?? []) check(sub, v, path, out);
  if (schema.anyOf && !schema.anyOf.some((sub) => validateJsonSchema(sub, v).length === 0)) {
    checkAlternatives(schema.anyOf, v, path, out);
  }
  if (schema.oneOf) {
    const valid = schema.oneOf.filter((sub) => validateJsonSchema(sub, v).length === 0).length;
    if (valid === 0) checkAlternatives(schema.oneOf, v, path, out);
    else if (valid > 1) add("Expected exactly one of the alternatives to match, but several do");
  }
}

function checkObject(
  schema: JsonSchema,
  v: Record<string, unknown>,
  path: (string | number)[],
  out: SchemaIssue[],
): void {
  const props = schema.properties ?? {};
  for (const key of schema.required ?? []) {
    if (!(key in v)) out.push({ path: formatPath([...path, key]), message: "Required" });
  }
  const unknown: string[] = [];
  for (const [key, item] of Object.entries(v)) {
    if (key in props) check(props[key]!, item, [...path, key], out);
    else if (schema.additionalProperties === false) unknown.push(key);
    else if (typeof schema.additionalProperties === "object") {
      check(schema.additionalProperties, item, [...path, key], out);
    }
  }
  if (unknown.length) {
    out.push({
      path: formatPath(path),
      message: `Unknown field${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}`,
    });
  }
}

function checkAlternatives(options: JsonSchema[], v: unknown, path: (string | number)[], out: SchemaIssue[]): void {
  const kinds = options.map((o) => o.properties?.kind?.const).filter((k) => k !== undefined);
  if (kinds.length === options.length && typeOf(v) === "object") {
    const kind = (v as Record<string, unknown>).kind;
    const branch = options.find((o) => o.properties!.kind!.const === kind);
    if (branch) {
      check(branch, v, path, out);
      return;
    }
    out.push({
      path: formatPath([...path, "kind"]),
      message: `Unknown kind; expected one of ${kinds.map(show).join(", ")} (saw ${show(kind)})`,
    });
    return;
  }
  out.push({
    path: formatPath(path),
    message: `Expected a value matching one of ${options.length} alternatives (saw ${show(v)})`,
  });
}
