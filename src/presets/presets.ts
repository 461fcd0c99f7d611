import { PROBLEM_KINDS } from "../problems/problem_kinds.ts";
import type { Preset } from "../problems/shared/problem_kind.ts";
import type { RunSpecInput } from "../run/run_spec_schema.ts";

let cache: Readonly<Record<string, Preset>> | undefined;

/**
 * The presets that ship with biasflow, by name: every problem kind's, in
 * the registry's order. Built on the first call (some step sizes need
 * σ_max of their data), so that importing biasflow computes nothing.
 *
 * @returns The presets by name (the same object on every call: do not modify).
 *
 * @example Usage
 * ```ts
 * import { presets } from "./presets.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok("soudry-fig1" in presets());
 * ```
 */
export function presets(): Readonly<Record<string, Preset>> {
  return cache ??= Object.freeze(Object.assign({}, ...Object.values(PROBLEM_KINDS).map((kind) => kind.presets())));
}

/**
 * A copy of a preset's spec, safe to modify.
 *
 * @param name The preset's name.
 * @returns Its run spec.
 * @throws {RangeError} naming the known presets when `name` is not one.
 *
 * @example Usage
 * ```ts
 * import { presetSpec } from "./presets.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(presetSpec("soudry-fig1").steps, 1_000_000);
 * ```
 */
export function presetSpec(name: string): RunSpecInput {
  const all = presets();
  const preset = Object.hasOwn(all, name) ? all[name] : undefined;
  if (!preset) {
    throw new RangeError(`Unknown preset ${JSON.stringify(name)}; the presets are ${Object.keys(all).join(", ")}`);
  }
  return structuredClone(preset.spec) as RunSpecInput;
}
