import type { KernelLayout } from "./problem_kernel.ts";
import { LINEAR_ROWS_CORE_WGSL, linearRowsLayout } from "./_linear_rows.ts";
import marginWgsl from "./linear_classification.wgsl" with { type: "text" };

/** What a net kernel adds to the row pass over zₙ: its constants, workgroup memory and loops. */
export interface NetExtra {
  readonly constants: Readonly<Record<string, number>>;
  /** Bytes of the net's own workgroup arrays. */
  readonly workgroupBytes: number;
  /** Loop iterations of computing β (problem_min_margin and problem_block). */
  readonly predictorLoops: number;
  /** Loop iterations of mapping ∂L/∂β onto the layers (problem_block only). */
  readonly chainLoops: number;
}

/**
 * The WGSL of a net kernel: the row machinery over β, the margin losses of
 * linear classification (logistic, exp), then the net's own part (`row_weight`,
 * `row_grad`, the hooks).
 */
export function netWgsl(own: string): string {
  return `${LINEAR_ROWS_CORE_WGSL}\n${marginWgsl}\n${own}`;
}

/** The layout of a net kernel: the row pass over d columns plus the net's predictor and chain rule. */
export function netLayout(d: number, wg: number, loss: "logistic" | "exp", extra: NetExtra): KernelLayout {
  const rows = linearRowsLayout(d, wg);
  return {
    constants: { ...rows.constants, LOSS: loss === "logistic" ? 0 : 1, ...extra.constants },
    workgroupBytes: rows.workgroupBytes + extra.workgroupBytes,
    rowsPerChunk: rows.rowsPerChunk,
    blockLoops: (m) => rows.blockLoops(m) + extra.predictorLoops + extra.chainLoops,
    minMarginLoops: (m) => rows.minMarginLoops(m) + extra.predictorLoops,
  };
}

/** zₙ = yₙxₙ in float32, or why it cannot be indexed with 32 bits. */
export function marginRows(z: Float64Array, n: number, d: number): Float32Array<ArrayBuffer> | string {
  if (n * d >= 2 ** 32) return `The data has ${n}×${d} entries, more than a 32-bit index reaches`;
  return Float32Array.from(z);
}
