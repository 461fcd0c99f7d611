import { setAtPath } from "../spec/set_at_path.ts";
import { SpecError } from "../spec/spec_error.ts";

/**
 * Applies `--set path=value` arguments to a spec: the value is parsed as JSON
 * (`0.5`, `true`, `[1,2]`, `{"kind":"zeros"}`), else taken as a string
 * (`optimizer.kind=adam`). Later settings win.
 *
 * @param spec The spec as JSON (not modified).
 * @param settings The `path=value` strings, in order.
 * @returns The modified copy.
 * @throws {SpecError} naming `--set` and the argument when one has no `=` or a bad path.
 *
 * @example Usage
 * ```ts
 * import { applySetArgs } from "./apply_set_args.ts";
 * import assert from "node:assert/strict";
 *
 * const spec = { optimizer: { kind: "gd", lr: 0.1 }, steps: 10 };
 * assert.deepEqual(applySetArgs(spec, ["optimizer.lr=0.5", "optimizer.kind=adam"]), {
 *   optimizer: { kind: "adam", lr: 0.5 },
 *   steps: 10,
 * });
 * ```
 */
export function applySetArgs(spec: unknown, settings: readonly string[]): unknown {
  let out = spec;
  for (const setting of settings) {
    const eq = setting.indexOf("=");
    if (eq <= 0) {
      throw new SpecError([{
        path: "--set",
        message: "Expected --set path=value, like --set optimizer.lr=0.5",
        input: setting,
      }]);
    }
    const path = setting.slice(0, eq).trim();
    const raw = setting.slice(eq + 1);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    try {
      out = setAtPath(out, path, value);
    } catch (e) {
      throw new SpecError([{ path: "--set", message: (e as Error).message, input: setting }]);
    }
  }
  return out;
}
