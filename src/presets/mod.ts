/**
 * Named experiments of the seed talk, ready to run (`deno task run <name>`).
 *
 * @example Usage
 * ```ts
 * import { presetSpec } from "./mod.ts";
 * const spec = presetSpec("soudry-fig1");
 * ```
 *
 * @module
 */
export * from "./presets.ts";
