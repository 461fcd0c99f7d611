import { makeShaderDataDefinitions } from "webgpu-utils";
import common from "./kernels/common.wgsl" with { type: "text" };

/** A WGSL struct's size and its fields' offsets, in 4-byte words (every field of these structs is 4 bytes). */
export type StructWords<F extends string> = { readonly words: number } & { readonly [K in F]: number };

/** The host's view of the structs of common.wgsl that it fills or reads by index. */
export interface StructLayouts {
  /** `RunInfo`: one run's status, read back at every advance. */
  readonly info: StructWords<"step" | "frozen" | "underflow" | "pending" | "loss" | "gmax" | "gssq" | "aux">;
  /** `Hyper`: one run's hyperparameters. */
  readonly hyper: StructWords<
    "lr" | "momentum" | "nesterov" | "batch" | "spe" | "e0" | "s0" | "row_base" | "variant" | "c0" | "c6"
  >;
  /** `Ctl`: a dispatch's uniform. */
  readonly ctl: StructWords<"steps" | "report" | "zero">;
}

let cached: StructLayouts | undefined;

/**
 * The layouts of common.wgsl's `RunInfo`, `Hyper` and `Ctl`, derived from
 * the WGSL itself (webgpu-utils' reflection, on first use) so that a field
 * added or moved there moves the host's indices with it.
 *
 * @returns Sizes and field offsets in words.
 * @throws {Error} naming the struct or field the WGSL lacks.
 */
export function structLayouts(): StructLayouts {
  if (cached) return cached;
  const defs = makeShaderDataDefinitions(common);
  const words = <F extends string>(struct: string, fields: readonly F[]): StructWords<F> => {
    const def = defs.structs[struct];
    if (!def) throw new Error(`common.wgsl has no struct ${struct}`);
    const out: Record<string, number> = { words: def.size / 4 };
    for (const f of fields) {
      const field = def.fields[f];
      if (!field) throw new Error(`common.wgsl's ${struct} has no field ${f}`);
      out[f] = field.offset / 4;
    }
    return out as StructWords<F>;
  };
  cached = {
    info: words("RunInfo", ["step", "frozen", "underflow", "pending", "loss", "gmax", "gssq", "aux"]),
    hyper: words("Hyper", [
      "lr",
      "momentum",
      "nesterov",
      "batch",
      "spe",
      "e0",
      "s0",
      "row_base",
      "variant",
      "c0",
      "c6",
    ]),
    ctl: words("Ctl", ["steps", "report", "zero"]),
  };
  return cached;
}
