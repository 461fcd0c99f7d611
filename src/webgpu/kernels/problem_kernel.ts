import type { Problem } from "../../problems/problem.ts";

/**
 * A problem kind's WGSL kernel and its host side: what the WebGPU drivers
 * (fused and multi-workgroup) need to step any optimizer on that kind.
 *
 * The WGSL implements `problem_block` and `problem_min_margin` (see
 * `src/webgpu/README.md` for the contract), reads its data from bindings 8,
 * 9, …, and may declare its own `override` constants and workgroup arrays.
 */
export interface ProblemKernel {
  /** The problem kind it serves, as in the spec. */
  readonly kind: string;
  /** Its WGSL source (imported from the `.wgsl` file beside the host). */
  readonly wgsl: string;
  /**
   * Whether `problem_min_margin` and the `shift` of `problem_block` are
   * meaningful, so normalized GD follows ∇log L without underflow (else the
   * drivers use shift 0, i.e. ∇L / L).
   */
  readonly logGradient: boolean;
  /** Binds the kernel to a compiled problem, or explains why it cannot. */
  bind(problem: Problem): BoundProblemKernel | string;
  /**
   * Why the kernel cannot run a problem of its kind (e.g. too large for
   * workgroup memory), found without building its data, or null. Asked by
   * `webGpuUnsupported`, so that `auto` runs such a problem on the CPU and
   * `webgpu` refuses it as a spec error. Omitted: every problem of the kind.
   */
  unsupported?(problem: Problem): string | null;
}

/** A {@link ProblemKernel} bound to one problem's data. */
export interface BoundProblemKernel {
  /** Parameters per run (the driver's `P`). */
  readonly params: number;
  /** Examples (the driver's `N`). */
  readonly rows: number;
  /** Whether L is the mean over the rows (else their sum). */
  readonly mean: boolean;
  /**
   * What besides the data must agree for runs to share a batch (e.g. the
   * loss); runs share a batch when kind, signature and data are equal.
   */
  readonly signature: string;
  /** Float32 data for bindings 8, 9, … */
  readonly data: readonly Float32Array<ArrayBuffer>[];
  /**
   * The kernel's constants and costs for a workgroup size, on a driver when
   * the kernel has a path-specific block (linear models: the register row
   * pass on `multi`); without `path`, the fused driver's.
   */
  layout(workgroupSize: number, path?: "fused" | "multi"): KernelLayout;
}

/** How a bound kernel runs at one workgroup size. */
export interface KernelLayout {
  /** Its `override` constants. */
  readonly constants: Readonly<Record<string, number>>;
  /** Bytes of workgroup memory it declares. */
  readonly workgroupBytes: number;
  /** Rows one pass of its row loop handles (the unit of blocks). */
  readonly rowsPerChunk: number;
  /**
   * An upper bound on the loop iterations one invocation runs in one
   * `problem_block` call over `m` rows (all loops, nested ones counted in
   * full): llvmpipe silently stops a shader after 65,535 in total.
   */
  blockLoops(m: number): number;
  /** The same bound for `problem_min_margin`. */
  minMarginLoops(m: number): number;
  /**
   * The same bound for the kernel's helper that an update rule calls once per
   * step (mlp: `ml_path_gamma`, which path-sgd calls); omitted: none.
   */
  readonly helperLoops?: number;
}
