import type { CompiledRun } from "../run/compile_run.ts";
import type { Divergence, Engine, EngineState } from "../engine/engine.ts";
import type { GpuBatch, GpuRunRead } from "./_gpu_batch.ts";

/** How a WebGPU engine's batch runs (see `_plan.ts`). */
export interface WebGpuPlan {
  /**
   * `fused`: one workgroup per run, many steps per dispatch; `multi`: many workgroups per run and step;
   * `tiled`: `mlp` on tiled matrix products, several dispatches per step and layer.
   */
  readonly path: "fused" | "multi" | "tiled";
  /** Threads per workgroup. */
  readonly workgroupSize: number;
  /** Workgroups per run and step (multi; 1 when fused). */
  readonly blocks: number;
  /** Steps per dispatch (fused; 1 when multi). */
  readonly stepsPerDispatch: number;
  /** Runs in the batch. */
  readonly batchSize: number;
}

/** A WebGPU engine: the {@link Engine} contract, and how its batch runs. */
export interface WebGpuEngine extends Engine {
  /** Always `webgpu`. */
  readonly backend: "webgpu";
  /** Path, workgroup size, blocks, steps per dispatch and batch size. */
  readonly plan: WebGpuPlan;
}

interface Pending {
  target: number;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Hands out one {@link Engine} per run of a batch. The runs move in lockstep:
 * the batch advances (one dispatch for all runs) as far as every live view
 * has asked, so each view still advances, reads and ends on its own schedule.
 * Reads at the same step share one readback.
 */
export function lockstepEngines(batch: GpuBatch, runs: readonly CompiledRun[]): WebGpuEngine[] {
  const pending = new Map<number, Pending>();
  const active = new Set(runs.map((_, i) => i));
  let busy: Promise<unknown> = Promise.resolve();
  let running = false;

  // Batch operations run one at a time, in the order asked.
  function exclusive<T>(op: () => Promise<T>): Promise<T> {
    const result = busy.then(op);
    busy = result.catch(() => {});
    return result;
  }

  let failure: unknown = null;
  let version = 0;
  let cached: { version: number; reads: Promise<GpuRunRead[]> } | null = null;

  function settle(): void {
    for (const [i, p] of pending) {
      if (failure !== null) p.reject(failure);
      else if (batch.divergedAt(i) !== null || batch.stepOf(i) >= p.target || !active.has(i)) p.resolve();
      else continue;
      pending.delete(i);
    }
  }

  function pump(): void {
    settle();
    if (running || failure !== null) return;
    const live = [...active].filter((i) => batch.divergedAt(i) === null);
    if (live.length === 0 || live.some((i) => !pending.has(i))) return;
    const to = Math.min(...live.map((i) => pending.get(i)!.target));
    const from = batch.stepOf(live[0]!);
    running = true;
    exclusive(() => batch.advance(to - from)).then(
      () => {
        version++;
      },
      (e) => {
        failure = e;
      },
    ).finally(() => {
      running = false;
      pump();
    });
  }

  function readAll(): Promise<GpuRunRead[]> {
    return exclusive(() => {
      if (failure !== null) return Promise.reject(failure);
      if (cached === null || cached.version !== version) cached = { version, reads: batch.read() };
      return cached.reads;
    });
  }

  const plan: WebGpuPlan = {
    path: batch.plan.path,
    workgroupSize: batch.plan.wg,
    blocks: batch.plan.blocks,
    stepsPerDispatch: batch.plan.stepsPerDispatch,
    batchSize: batch.size,
  };
  return runs.map((run, i): WebGpuEngine => {
    let disposed = false;
    return {
      backend: "webgpu",
      plan,
      get step() {
        return batch.stepOf(i);
      },
      get diverged(): Divergence | null {
        const at = batch.divergedAt(i);
        return at === null ? null : {
          step: at,
          message: `The float32 loss or gradient is not finite at step ${at} (overflow); try a smaller step size`,
        };
      },
      advance(k: number): Promise<void> {
        if (disposed) return Promise.reject(new Error("Cannot advance a disposed engine"));
        if (failure !== null) return Promise.reject(failure);
        if (!(k > 0) || batch.divergedAt(i) !== null) return Promise.resolve();
        return new Promise<void>((resolve, reject) => {
          pending.set(i, { target: batch.stepOf(i) + k, resolve, reject });
          pump();
        });
      },
      async read(): Promise<EngineState> {
        if (disposed) throw new Error("Cannot read a disposed engine");
        const r = (await readAll())[i]!;
        const { problem } = run;
        return {
          step: batch.stepOf(i),
          loss: r.loss,
          gradNorm: r.gradNorm,
          params: { ...problem.params(r.params), ...r.state },
          predictor: problem.predictor(r.params),
          gradUnderflow: r.underflow,
          ...(r.evaluations === undefined ? {} : { evaluations: r.evaluations }),
        };
      },
      dispose(): void {
        if (disposed) return;
        disposed = true;
        active.delete(i);
        batch.retire(i);
        if (active.size === 0) {
          busy.finally(() => batch.dispose());
        } else {
          pump();
        }
      },
    };
  });
}
