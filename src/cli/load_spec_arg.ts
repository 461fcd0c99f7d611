import { dirname } from "node:path";
import { presets, presetSpec } from "../presets/presets.ts";
import { SpecError } from "../spec/spec_error.ts";
import { didYouMean } from "./did_you_mean.ts";

/** A spec named on the command line, read but not yet validated. */
export interface SpecArg {
  /** The spec as JSON. */
  readonly spec: unknown;
  /** Directory of the spec file, against which its relative data paths resolve. */
  readonly baseDir?: string;
  /** `preset <name>` or the file path, for messages. */
  readonly source: string;
}

/**
 * Reads the spec that a command-line argument names: a preset name, or a path
 * to a JSON spec file.
 *
 * @param arg The argument.
 * @returns The spec and where it came from.
 * @throws {SpecError} when the file cannot be read or is not JSON, or the name is neither.
 *
 * @example Usage
 * ```ts
 * import { loadSpecArg } from "./load_spec_arg.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(loadSpecArg("soudry-fig1").source, "preset soudry-fig1");
 * ```
 */
export function loadSpecArg(arg: string): SpecArg {
  if (Object.hasOwn(presets(), arg)) return { spec: presetSpec(arg), source: `preset ${arg}` };
  let text: string;
  try {
    text = Deno.readTextFileSync(arg);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound && !arg.endsWith(".json")) {
      throw new SpecError([{
        path: "",
        message: `Unknown preset or spec file ${JSON.stringify(arg)}${
          didYouMean(arg, Object.keys(presets()), "deno task run --list prints the presets")
        }`,
      }]);
    }
    throw new SpecError([{ path: "", message: `Cannot read spec file ${arg}: ${(e as Error).message}` }]);
  }
  try {
    return { spec: JSON.parse(text), baseDir: dirname(arg), source: arg };
  } catch (e) {
    throw new SpecError([{ path: "", message: `Spec file ${arg} is not valid JSON: ${(e as Error).message}` }]);
  }
}
