import type { Tensor } from "../math/tensor.ts";

/** A model's loss, 0–1 errors and smallest margin over a data set, as an engine evaluated it. */
export interface SetEvaluation {
  /** Σₙ ℓₙ (always the sum, whatever the reduction). */
  readonly lossSum: number;
  /** Examples whose margin is ≤ 0 (a tie counts as an error). */
  readonly errors: number;
  /** The smallest margin (cross-entropy: f_y − max_{c≠y} f_c; binary: y·f). */
  readonly minMargin: number;
  /** Number of examples. */
  readonly n: number;
}

/** What an engine reports at a recording point: copies, owned by the caller. */
export interface EngineState {
  /** Steps taken so far. */
  readonly step: number;
  /** L(params), in float64. */
  readonly loss: number;
  /** ‖∇L(params)‖₂, in float64. */
  readonly gradNorm: number;
  /** Named parameter tensors and optimizer state. */
  readonly params: Readonly<Record<string, Tensor>>;
  /** The end-to-end predictor the theorems are about. */
  readonly predictor: Tensor;
  /**
   * Reduced-precision engines (WebGPU, float32): the steps so far whose
   * gradient underflowed to exactly zero, so that the parameters did not
   * move where float64 would have (absent on the float64 CPU engine).
   */
  readonly gradUnderflow?: number;
  /**
   * Evaluations the engine made itself at this point (`train`, and `test` where the problem holds one out),
   * so that metrics need not evaluate the parameters again on the CPU: the WebGPU engine's tiled `mlp` kernels,
   * in float32 (absent elsewhere).
   */
  readonly evaluations?: Readonly<Record<string, SetEvaluation>>;
}

/** Where and why a run stopped being finite. */
export interface Divergence {
  /** The step at which the gradient or loss was first not finite (parameters are those of this step). */
  readonly step: number;
  /** A sentence for the user. */
  readonly message: string;
}

/**
 * Runs optimizer steps somewhere (float64 on the CPU, float32 on a GPU) and
 * reads state back only when asked. Engines know nothing of streams.
 */
export interface Engine {
  /** Which backend this engine runs on. */
  readonly backend: "cpu" | "webgpu";
  /** Steps taken so far. */
  readonly step: number;
  /** Set when a step's gradient was not finite; `advance` then does nothing. */
  readonly diverged: Divergence | null;
  /** Takes up to `k` steps (fewer only when the run diverges). */
  advance(k: number): Promise<void>;
  /** Reads the current state back. */
  read(): Promise<EngineState>;
  /** Frees resources; the engine is unusable afterwards. */
  dispose(): void;
}
