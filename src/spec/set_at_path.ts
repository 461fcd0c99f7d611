/**
 * Returns a deep copy of a JSON value with one field replaced, addressed by a
 * path like `optimizer.lr` or `problem.data.x[0][1]`; missing objects on the
 * way are created.
 *
 * @param value A JSON value (not modified).
 * @param path Dotted keys with `[i]` array indices.
 * @param replacement The new value of that field.
 * @returns The modified copy.
 * @throws {SyntaxError} on a malformed path; {TypeError} when the path runs
 *   into a non-object; {RangeError} for an array index beyond the array's
 *   length (at most the length: append) or a path of more than 32 parts.
 *
 * @example Usage
 * ```ts
 * import { setAtPath } from "./set_at_path.ts";
 * import assert from "node:assert/strict";
 *
 * const spec = { optimizer: { kind: "gd", lr: 0.1 } };
 * assert.deepEqual(setAtPath(spec, "optimizer.lr", 1), { optimizer: { kind: "gd", lr: 1 } });
 * assert.equal(spec.optimizer.lr, 0.1);
 * assert.throws(() => setAtPath({ x: [1, 2] }, "x[10000000]", 3), RangeError);
 * ```
 */
export function setAtPath(value: unknown, path: string, replacement: unknown): unknown {
  const keys = parsePath(path);
  if (keys.length > MAX_PATH_KEYS) {
    throw new RangeError(
      `Cannot set ${path.slice(0, 60)}…: the path has ${keys.length} parts; at most ${MAX_PATH_KEYS}`,
    );
  }
  const root = structuredClone(value ?? {}) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = root;
  keys.forEach((key, i) => {
    if (typeof key === "number" && Array.isArray(node) && key > node.length) {
      // Setting x[N] of a shorter array would build N empty slots first (and one issue per slot).
      throw new RangeError(
        `Cannot set ${path}: index ${key} is beyond the end of ${
          keys.slice(0, i).join(".") || "the value"
        } (length ${node.length}); an index may be at most the length (to append)`,
      );
    }
    if (i === keys.length - 1) {
      node[key] = structuredClone(replacement);
      return;
    }
    const next = node[key];
    if (next === undefined || next === null) {
      node[key] = typeof keys[i + 1] === "number" ? [] : {};
    } else if (typeof next !== "object") {
      throw new TypeError(
        `Cannot set ${path}: ${keys.slice(0, i + 1).join(".")} is ${JSON.stringify(next)}, not an object`,
      );
    }
    node = node[key] as Record<string | number, unknown>;
  });
  return root;
}

/** The most parts a path may have (specs nest a few levels; deeper would only build deep garbage). */
const MAX_PATH_KEYS = 32;

function parsePath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  const re = /([A-Za-z_$][\w$-]*)|\[(\d+)\]|(\.)/gy;
  let expectKey = true;
  let m: RegExpExecArray | null;
  while (re.lastIndex < path.length && (m = re.exec(path)) !== null) {
    if (m[1] !== undefined) {
      if (!expectKey) break;
      keys.push(m[1]);
      expectKey = false;
    } else if (m[2] !== undefined) {
      if (expectKey && keys.length > 0) break;
      keys.push(Number(m[2]));
    } else {
      if (expectKey) break;
      expectKey = true;
    }
  }
  if (keys.length === 0 || re.lastIndex !== path.length || expectKey && keys.length > 0 && path.endsWith(".")) {
    throw new SyntaxError(`Cannot parse the field path "${path}"; write it like optimizer.lr or problem.data.x[0]`);
  }
  return keys;
}
