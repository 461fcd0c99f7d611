import type { KernelLayout } from "./problem_kernel.ts";
import rowsWgsl from "./linear_rows.wgsl" with { type: "text" };
import modelWgsl from "./linear_model.wgsl" with { type: "text" };

/**
 * The one-pass row machinery (`lr_block`, `lr_min_margin`) over a predictor
 * β that the composing kernel supplies (`row_weight`, `row_grad`): the nets
 * compute β from their layers.
 */
export const LINEAR_ROWS_CORE_WGSL: string = rowsWgsl;

/** The shared WGSL of linear models (β = the parameters); a kind's kernel is this followed by its row functions. */
export const LINEAR_ROWS_WGSL: string = `${rowsWgsl}\n${modelWgsl}`;

/**
 * The layout of linear_rows.wgsl for d columns at workgroup size wg: lanes
 * per row (each thread forms at most ~16 products of a row), rows per chunk,
 * and loop bounds that count every iteration of its loops, nested ones in
 * full (llvmpipe's cap counts all loops of an invocation together).
 */
export function linearRowsLayout(d: number, wg: number): KernelLayout {
  const lanes = Math.min(wg, 32, 2 ** Math.ceil(Math.log2(Math.max(1, Math.ceil(d / 16)))));
  const rowsPerChunk = wg / lanes;
  const cols = Math.min(d, wg), slices = Math.floor(wg / cols);
  const colLoops = Math.ceil(d / wg);
  const forms = 2 + Math.ceil(d / lanes) + Math.log2(lanes);
  const chunk = 2 + forms + colLoops * (2 + Math.ceil(rowsPerChunk / slices));
  return {
    constants: { D: d, LANES: lanes },
    workgroupBytes: 4 * (3 * wg + Math.max(wg, d)),
    rowsPerChunk,
    blockLoops(m: number): number {
      return 8 + 2 * colLoops + Math.ceil(m / rowsPerChunk) * chunk + colLoops * (2 + slices) + Math.log2(wg);
    },
    minMarginLoops(m: number): number {
      return 8 + Math.ceil(m / rowsPerChunk) * (1 + forms) + Math.log2(wg);
    },
  };
}
