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

/** Columns one thread of the register row pass holds (`RP_MAX` in linear_rows.wgsl). */
export const ROW_PASS_COLUMNS = 8;

/**
 * The layout of linear_rows.wgsl for d columns at workgroup size wg: lanes
 * per row (each thread forms at most ~16 products of a row), rows per chunk,
 * and loop bounds that count every iteration of its loops, nested ones in
 * full (llvmpipe's cap counts all loops of an invocation together). With
 * `rowPass` (linear models on the multi-workgroup path) and d ≤ 8·wg, blocks
 * run the register row pass `lr_pass` instead: `RP_LANES` threads per row,
 * wg / `RP_LANES` rows per chunk. The bounds are those of the barrier-tree
 * reductions (`reduce_workgroup.wgsl`): the subgroup ones run only on adapters
 * with subgroups, which have no loop cap.
 */
export function linearRowsLayout(d: number, wg: number, rowPass = false): KernelLayout {
  const lanes = Math.min(wg, 32, 2 ** Math.ceil(Math.log2(Math.max(1, Math.ceil(d / 16)))));
  const rowsPerChunk = wg / lanes;
  const cols = Math.min(d, wg), slices = Math.floor(wg / cols);
  const colLoops = Math.ceil(d / wg);
  const forms = 2 + Math.ceil(d / lanes) + Math.log2(lanes);
  const chunk = 2 + forms + colLoops * (2 + Math.ceil(rowsPerChunk / slices));
  const log = Math.log2(wg);
  const minMarginLoops = (m: number) => 8 + Math.ceil(m / rowsPerChunk) * (1 + forms) + log;
  if (rowPass && d <= ROW_PASS_COLUMNS * wg) {
    const rpLanes = Math.min(wg, 2 ** Math.ceil(Math.log2(Math.max(1, Math.ceil(d / ROW_PASS_COLUMNS)))));
    const groups = wg / rpLanes, slots = ROW_PASS_COLUMNS + 1;
    return {
      constants: { D: d, LANES: lanes, RP_LANES: rpLanes, ROW_PASS: 1 },
      workgroupBytes: 4 * (3 * wg + Math.max(wg, d)),
      rowsPerChunk: groups,
      // Registers in, per chunk (loads, the lanes' sum, the sums), one strided sum per column slot, Σ loss.
      blockLoops: (m) =>
        16 + slots + Math.ceil(m / groups) * (2 + 2 * slots + Math.log2(rpLanes)) +
        slots * (2 + Math.log2(groups)) + log + 1,
      minMarginLoops,
    };
  }
  return {
    constants: { D: d, LANES: lanes },
    workgroupBytes: 4 * (3 * wg + Math.max(wg, d)),
    rowsPerChunk,
    blockLoops(m: number): number {
      return 8 + 2 * colLoops + Math.ceil(m / rowsPerChunk) * chunk + colLoops * (2 + slices) + log;
    },
    minMarginLoops,
  };
}
