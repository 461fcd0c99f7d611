/** A field path a spec can set, with the value it has now (if any). */
export interface SpecFieldPath {
  /** Dotted path, e.g. `optimizer.lr`. */
  readonly path: string;
  /** The value in the given spec, or undefined when it is not set there (the schema's default applies). */
  readonly value: unknown;
}

type Schema = {
  properties?: Record<string, Schema>;
  oneOf?: Schema[];
  anyOf?: Schema[];
  const?: unknown;
  type?: string | string[];
};

/**
 * The field paths that a spec may set, from the JSON Schema of run specs:
 * every scalar or array field reachable from the root, following in each
 * union (`problem`, `optimizer`, `problem.data`, …) the branch whose `kind`
 * the spec has there (every branch when it has none), with the spec's current
 * value. The new-run form offers them as completions and shows the values.
 *
 * This module is browser compatible.
 *
 * @param schema The JSON Schema (`GET /api/schema`).
 * @param spec A spec (e.g. a preset's).
 * @returns The paths, in schema order.
 *
 * @example Usage
 * ```ts
 * import { specFieldPaths } from "./spec_field_paths.ts";
 * import assert from "node:assert/strict";
 *
 * const schema = { properties: {
 *   steps: { type: "integer" },
 *   optimizer: { oneOf: [
 *     { properties: { kind: { const: "gd" }, lr: { type: "number" }, momentum: { type: "number" } } },
 *     { properties: { kind: { const: "adam" }, lr: { type: "number" }, beta1: { type: "number" } } },
 *   ] },
 * } };
 * const paths = specFieldPaths(schema, { steps: 10, optimizer: { kind: "adam", lr: 0.1 } });
 * assert.deepEqual(paths.map((p) => p.path), ["steps", "optimizer.kind", "optimizer.lr", "optimizer.beta1"]);
 * assert.equal(paths[2]!.value, 0.1);
 * ```
 */
export function specFieldPaths(schema: unknown, spec: unknown): SpecFieldPath[] {
  const out = new Map<string, unknown>();
  const walk = (node: Schema, value: unknown, path: string): void => {
    const branches = node.oneOf ?? node.anyOf;
    if (branches) {
      const kind = (value as { kind?: unknown } | undefined)?.kind;
      const match = branches.filter((b) => b.properties?.kind?.const === kind);
      for (const b of match.length > 0 ? match : branches) walk(b, value, path);
      return;
    }
    if (node.properties) {
      for (const [key, child] of Object.entries(node.properties)) {
        const v = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
        walk(child, v, path === "" ? key : `${path}.${key}`);
      }
      return;
    }
    if (path !== "" && !out.has(path)) out.set(path, value);
  };
  walk(schema as Schema, spec, "");
  return [...out].map(([path, value]) => ({ path, value }));
}
