import type { Tensor } from "../../math/tensor.ts";
import type { OptimizerSpec } from "../../spec/optimizer_schema.ts";
import type { KernelLayout } from "../kernels/problem_kernel.ts";

/**
 * An update rule's part of a run's `Hyper` record (see `kernels/common.wgsl`):
 * the step size, momentum, and the rule's own variant and float32 constants.
 */
export interface GpuHyper {
  /** The step size (`h.lr`). */
  readonly lr: number;
  /** `h.momentum` (default 0). */
  readonly momentum?: number;
  /** `h.nesterov` (default false). */
  readonly nesterov?: boolean;
  /** `h.variant`: a per-run choice the rule's WGSL branches on (uniformly). */
  readonly variant?: number;
  /** `h.c0` … `h.c6`, as float32. */
  readonly constants?: readonly number[];
}

/** One run's state slots as read back (float32, `P` entries per slot). */
export interface GpuSlots {
  /** Parameters per run. */
  readonly params: number;
  /** Slot `s` of the rule (0 is the first of its own, `SLOT_OPT` in WGSL). */
  slot(s: number): Float32Array;
  /** The compensated value head − c of the rule's slots `s` (head) and `s + 1` (compensation), in float64. */
  compensated(s: number): Float64Array;
}

/** Initial values of some of the rule's slots for a run. */
export interface GpuSlotInit {
  /** The rule's slot (0 is its first). */
  readonly slot: number;
  /** Float64 values: a compensated pair (head at `slot`, compensation at `slot + 1`), or one slot rounded to float32. */
  readonly values: Float64Array;
  /** Whether `slot`, `slot + 1` are a compensated pair. */
  readonly compensated: boolean;
}

/**
 * An update rule on the WebGPU drivers: its WGSL (`opt_update`, see
 * `optimizers/update.wgsl`) and what the host needs to run it and to read its
 * state back under the names the CPU optimizer's `state()` gives it.
 */
export interface GpuOptimizer {
  /** The optimizer kinds (as in the spec) it runs. */
  readonly kinds: readonly string[];
  /**
   * The problem kinds it runs on, when not every kind (path-sgd calls the mlp
   * kernel's `ml_path_gamma`); omitted: all.
   */
  readonly problems?: readonly string[];
  /** Its WGSL: `fn opt_update(lid, run, h, step, aux) -> u32`. */
  readonly wgsl: string;
  /** State slots per parameter it needs (`OPT_SLOTS`). */
  readonly slots: number;
  /**
   * Whether a step counts only when the loss and gradient after it are
   * finite (the CPU's `guardedDescent`); the drivers then save and restore
   * the point and check each candidate.
   */
  readonly guarded: boolean;
  /**
   * The largest |∂ⱼL| its float32 arithmetic takes (default: any finite):
   * adaptive rules square the gradient, which overflows above 1.8·10¹⁹. A
   * larger entry ends the run as diverged, as a non-finite one does.
   */
  readonly gradientLimit?: number;
  /** A run's hyperparameters. */
  hyper(spec: OptimizerSpec): GpuHyper;
  /** Initial values of its slots from w₀ (all other slots start at 0). */
  init?(spec: OptimizerSpec, w0: Float64Array): readonly GpuSlotInit[];
  /** Its state, named and shaped as the CPU optimizer's `state()` gives it, after `step` steps. */
  read(spec: OptimizerSpec, slots: GpuSlots, step: number): Record<string, Tensor>;
  /**
   * An upper bound on the loop iterations of one `opt_update` call for P
   * parameters at workgroup size wg (all loops, nested ones in full, each
   * loop entry counting one more): llvmpipe stops a shader after 65,535.
   * `kernel`: the problem kernel's layout, for rules that call its helpers
   * (path-sgd: `helperLoops`).
   */
  updateLoops(params: number, wg: number, kernel?: KernelLayout): number;
}
