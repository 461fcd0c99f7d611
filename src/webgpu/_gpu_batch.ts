import type { CompiledRun } from "../run/compile_run.ts";
import type { GpuContext } from "./device.ts";
import { type BatchPlan, planBatch } from "./_plan.ts";
import { batchPipelines, type EntryPoint } from "./_batch_pipelines.ts";
import { createBatchResources } from "./_batch_resources.ts";
import { createBatchStream } from "./_batch_stream.ts";
import { guard, scoped, throwIfFailed } from "./_guard.ts";
import { createStaging } from "./_staging.ts";
import { settleSteps } from "./_settle_steps.ts";
import { bindRuns, type BoundRuns } from "./_bind_runs.ts";
import { structLayouts } from "./_struct_layouts.ts";
import { pickReductions, reductionConstants, type Reductions, subgroupDirective } from "./_reductions.ts";
import type { ProblemKernel } from "./kernels/problem_kernel.ts";
import type { Tensor } from "../math/tensor.ts";
import type { SetEvaluation } from "../engine/engine.ts";
import type { GpuOptimizer, GpuSlots } from "./optimizers/gpu_optimizer.ts";
import type { MlpKernelChoice } from "./_mlp_route.ts";

/** Options of the WebGPU engines. */
export interface WebGpuEngineOptions {
  /** The device to run on (default: the process's shared one). Destroying it fails the runs. */
  gpu?: GpuContext;
  /** `fused` (one workgroup per run, many steps per dispatch), `multi` (many workgroups per step) or `auto`. */
  path?: "auto" | "fused" | "multi";
  /** At most this many steps per fused dispatch (1: one dispatch per step, for comparison). */
  stepsPerDispatch?: number;
  /** Fused path: threads per workgroup (power of two in [32, 256]; e.g. one NVIDIA subgroup, for comparison). */
  fusedWorkgroupSize?: number;
  /** Kernels by problem kind (default: the built-in ones). */
  kernels?: Readonly<Record<string, ProblemKernel>>;
  /** Update rules by optimizer kind (default: the built-in ones). */
  optimizers?: Readonly<Record<string, GpuOptimizer>>;
  /** `mlp` runs: the row kernel, the tiled kernels, or `auto` (by size, see `_mlp_route.ts`). */
  mlpKernel?: MlpKernelChoice;
  /** Override the device's reductions (default: `pickReductions` of the device; tests force the fallback). */
  reductions?: Reductions;
}

/** One run's state as read back. */
export interface GpuRunRead {
  readonly loss: number;
  readonly gradNorm: number;
  /** w = hi − c, the compensated parameters, in float64. */
  readonly params: Float64Array;
  /** The optimizer's state, named as the CPU optimizer's `state()` names it. */
  readonly state: Record<string, Tensor>;
  readonly underflow: number;
  /** Evaluations made on the GPU (the tiled mlp kernels: training and held-out sets). */
  readonly evaluations?: Readonly<Record<string, SetEvaluation>>;
}

/** K runs of one problem stepped together on the GPU (K workgroups, or K rows of workgroups). */
export interface GpuBatch {
  readonly size: number;
  /** How it runs: a row-kernel plan, or the tiled mlp path (`_mlp_tiled_batch.ts`). */
  readonly plan: Pick<BatchPlan, "wg" | "blocks" | "stepsPerDispatch"> & { readonly path: BatchPlan["path"] | "tiled" };
  /** Steps taken by run i. */
  stepOf(i: number): number;
  /** The step at which run i's gradient stopped being finite, or null. */
  divergedAt(i: number): number | null;
  /** Takes k steps for every live run. */
  advance(k: number): Promise<void>;
  /** Reads every run's state. */
  read(): Promise<GpuRunRead[]>;
  /** Stops stepping run i (its view was disposed). */
  retire(i: number): void;
  dispose(): void;
}

/** Dispatches encoded per submission. */
const DISPATCHES_PER_SUBMIT = 256;

/** Compiles K runs of the same problem and optimizer kind into one GPU batch. */
export async function createGpuBatch(
  gpu: GpuContext,
  runs: readonly CompiledRun[],
  options: WebGpuEngineOptions,
): Promise<GpuBatch> {
  throwIfFailed(gpu);
  const { device } = gpu;
  const bound: BoundRuns = bindRuns(runs, options.kernels, options.optimizers);
  const k = runs.length, p = bound.kernel.params, n = bound.kernel.rows;
  const { info: I, hyper: H, ctl: C } = structLayouts(), INFO_WORDS = I.words, INFO_BYTES = 4 * I.words;
  const ctlWords = (steps: number, report: number) => {
    const words = new Uint32Array(C.words);
    words[C.steps] = steps;
    words[C.report] = report;
    return words;
  };
  const shifted = bound.normalized && bound.problemKernel.logGradient;
  const rule = bound.optimizer;
  // Parameters, compensation, gradient, the rule's slots, and a guarded rule's saved point.
  const slots = 3 + rule.slots + (rule.guarded ? 2 + rule.slots : 0);
  const saveLoops = (wg: number) => rule.guarded ? (Math.ceil(p / wg) + 1) * (3 + rule.slots) : 0;
  const plan = planBatch({
    bound: bound.kernel,
    rowsPerStep: bound.rowsPerStep,
    minMarginPass: shifted,
    maxWorkgroupBytes: device.limits.maxComputeWorkgroupStorageSize,
    maxBindingBytes: device.limits.maxStorageBufferBindingSize,
    runs: k,
    update: {
      slots,
      guarded: rule.guarded,
      loops: (params, wg) => rule.updateLoops(params, wg, bound.kernel.layout(wg)) + saveLoops(wg),
    },
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(options.stepsPerDispatch === undefined ? {} : { stepsPerDispatch: options.stepsPerDispatch }),
    ...(options.fusedWorkgroupSize === undefined ? {} : { fusedWorkgroupSize: options.fusedWorkgroupSize }),
  });
  const picked = options.reductions ?? pickReductions({
    features: device.features,
    subgroupMinSize: gpu.subgroupMinSize,
    subgroupMaxSize: gpu.subgroupMaxSize,
  });
  const reductions = picked.kind === "subgroup" && picked.directive === undefined
    ? { ...picked, directive: await guard(gpu, subgroupDirective(device)) }
    : picked;
  const constants = {
    ...reductionConstants(reductions),
    WG: plan.wg,
    P: p,
    N: n,
    MODE: bound.normalized ? 1 : 0,
    BATCHED: bound.batched ? 1 : 0,
    MEAN: bound.kernel.mean ? 1 : 0,
    SHIFTED: shifted ? 1 : 0,
    OPT_SLOTS: rule.slots,
    GUARDED: rule.guarded ? 1 : 0,
    SLOTS: slots,
    SP: slots * p,
    ...(rule.gradientLimit === undefined ? {} : { GRAD_MAX: rule.gradientLimit }),
    ...(plan.path === "multi" ? { B: plan.blocks } : {}),
    ...plan.kernel.constants,
  };
  const pipelines = await guard(
    gpu,
    batchPipelines(gpu, {
      kernel: bound.problemKernel,
      optimizer: rule,
      plan,
      dataCount: bound.kernel.data.length,
      constants,
      reductions,
    }),
  );

  const label = `biasflow ${bound.problemKernel.kind} ×${k}`;
  const streams = bound.batched
    ? runs.map((r) => {
      const o = r.spec.optimizer as { batch: number; seed: number };
      return createBatchStream(n, o.batch, o.seed);
    })
    : [];
  const rowsPerRun = bound.rowsPerRun;
  const res = await createBatchResources(gpu, label, {
    runs: k,
    params: p,
    slots,
    partials: plan.path === "multi" ? k * plan.blocks * (p + 2) * 4 : 16,
    rows: k * rowsPerRun * 4,
    data: bound.kernel.data.map((d) => d.byteLength),
  });
  const { state, info, hyper, rows, ctl, groups } = res;
  const stateBytes = k * slots * p * 4;
  const staging = createStaging(gpu, label, k * INFO_BYTES + stateBytes);
  device.queue.writeBuffer(state, 0, initialState(runs, p, slots, rule));
  device.queue.writeBuffer(hyper, 0, bound.hyper);
  bound.kernel.data.forEach((d, i) => device.queue.writeBuffer(res.data[i]!, 0, d));
  device.queue.writeBuffer(ctl[0]!, 0, ctlWords(plan.stepsPerDispatch, 0));
  device.queue.writeBuffer(ctl[2]!, 0, ctlWords(0, 1));
  // Multi-workgroup path: ctl[1] (0 steps) makes multi_update only check a guarded rule's last step of a submission.
  if (plan.path === "multi") device.queue.writeBuffer(ctl[1]!, 0, ctlWords(0, 0));

  let step = 0;
  const diverged: (number | null)[] = runs.map(() => null);
  const retired = runs.map(() => false);
  let disposed = false;
  const live = () => runs.map((_, i) => diverged[i] === null && !retired[i]);

  function dispatch(pass: GPUComputePassEncoder, entry: EntryPoint, group: GPUBindGroup, x: number, y = 1): void {
    pass.setPipeline(pipelines.get(entry)!);
    pass.setBindGroup(0, group);
    pass.dispatchWorkgroups(x, y);
  }

  // Uploads each live run's SGD rows for the next `steps` steps and its position.
  function uploadRows(steps: number): void {
    const h = new Uint32Array(bound.hyper.buffer.slice(0));
    const alive = live();
    streams.forEach((stream, i) => {
      if (!alive[i]) return;
      h[i * H.words + H.e0] = stream.epochStep;
      h[i * H.words + H.s0] = step >>> 0;
      device.queue.writeBuffer(rows, i * rowsPerRun * 4, stream.take(steps));
    });
    device.queue.writeBuffer(hyper, 0, h);
  }

  // Multi-workgroup path: the blocks' parts into block 0 (8 columns per workgroup; nothing to add for one block).
  function fold(pass: GPUComputePassEncoder, group: GPUBindGroup): void {
    if (plan.blocks > 1) dispatch(pass, "multi_fold", group, Math.ceil((p + 1) / 8), k);
  }

  function encodeSteps(encoder: GPUCommandEncoder, steps: number): void {
    const pass = encoder.beginComputePass({ label: `${label} ${steps} steps` });
    if (plan.path === "fused") {
      const full = Math.floor(steps / plan.stepsPerDispatch), rest = steps % plan.stepsPerDispatch;
      for (let d = 0; d < full; d++) dispatch(pass, "fused_steps", groups[0]!, k);
      if (rest > 0) dispatch(pass, "fused_steps", groups[1]!, k);
    } else {
      for (let s = 0; s < steps; s++) {
        if (shifted) dispatch(pass, "multi_min", groups[0]!, plan.blocks, k);
        dispatch(pass, "multi_partial", groups[0]!, plan.blocks, k);
        fold(pass, groups[0]!);
        dispatch(pass, "multi_update", groups[0]!, k);
      }
      if (rule.guarded) {
        dispatch(pass, "multi_partial", groups[0]!, plan.blocks, k);
        fold(pass, groups[0]!);
        dispatch(pass, "multi_update", groups[1]!, k);
      }
    }
    pass.end();
  }

  const perSubmit = Math.max(
    1,
    Math.min(
      plan.path === "fused" ? plan.stepsPerDispatch * DISPATCHES_PER_SUBMIT : Math.floor(DISPATCHES_PER_SUBMIT / 4) - 1,
      bound.batched ? Math.floor(rowsPerRun / bound.rowsPerStep) : Infinity,
    ),
  );

  async function advance(steps: number): Promise<void> {
    if (disposed) throw new Error("Cannot advance a disposed WebGPU engine");
    throwIfFailed(gpu);
    if (steps <= 0 || !live().some(Boolean)) return;
    const before = step;
    const checks: Promise<void>[] = [];
    let left = steps;
    const out = await guard(gpu, staging.acquire());
    while (left > 0) {
      const s = Math.min(left, perSubmit);
      left -= s;
      checks.push(scoped(gpu, `${label} steps`, () => {
        if (bound.batched) uploadRows(s);
        if (plan.path === "fused") {
          device.queue.writeBuffer(ctl[1]!, 0, ctlWords(s % plan.stepsPerDispatch, 0));
        }
        const encoder = device.createCommandEncoder({ label: `${label} steps` });
        encodeSteps(encoder, s);
        if (left === 0) encoder.copyBufferToBuffer(info, 0, out, 0, k * INFO_BYTES);
        device.queue.submit([encoder.finish()]);
      }));
      step += s;
    }
    const [bytes] = await Promise.all([staging.map(out, k * INFO_BYTES), guard(gpu, Promise.all(checks))]);
    const u32 = new Uint32Array(bytes);
    settleSteps(
      live(),
      before,
      steps,
      (i) => [u32[i * INFO_WORDS + I.step]!, u32[i * INFO_WORDS + I.frozen]!],
      diverged,
    );
  }

  async function read(): Promise<GpuRunRead[]> {
    if (disposed) throw new Error("Cannot read a disposed WebGPU engine");
    throwIfFailed(gpu);
    const out = await guard(gpu, staging.acquire());
    const check = scoped(gpu, `${label} report`, () => {
      const encoder = device.createCommandEncoder({ label: `${label} report` });
      const pass = encoder.beginComputePass({ label: `${label} report` });
      if (plan.path === "fused") {
        dispatch(pass, "fused_report", groups[2]!, k);
      } else {
        dispatch(pass, "multi_partial", groups[2]!, plan.blocks, k);
        fold(pass, groups[2]!);
        dispatch(pass, "multi_report", groups[2]!, k);
      }
      pass.end();
      encoder.copyBufferToBuffer(info, 0, out, 0, k * INFO_BYTES);
      encoder.copyBufferToBuffer(state, 0, out, k * INFO_BYTES, stateBytes);
      device.queue.submit([encoder.finish()]);
    });
    const [bytes] = await Promise.all([staging.map(out, k * INFO_BYTES + stateBytes), guard(gpu, check)]);
    const u32 = new Uint32Array(bytes, 0, k * INFO_WORDS), f32 = new Float32Array(bytes, 0, k * INFO_WORDS);
    const st = new Float32Array(bytes, k * INFO_BYTES, k * slots * p);
    return runs.map((run, i) => {
      const base = i * slots * p;
      const slot = (s: number) => st.subarray(base + s * p, base + (s + 1) * p);
      const params = new Float64Array(p);
      const hi = slot(0), c = slot(1);
      for (let j = 0; j < p; j++) params[j] = hi[j]! - c[j]!;
      const own: GpuSlots = {
        params: p,
        slot: (s) => slot(3 + s),
        compensated(s) {
          const head = slot(3 + s), comp = slot(4 + s), out = new Float64Array(p);
          for (let j = 0; j < p; j++) out[j] = head[j]! - comp[j]!;
          return out;
        },
      };
      const gmax = f32[i * INFO_WORDS + I.gmax]!, gssq = f32[i * INFO_WORDS + I.gssq]!;
      return {
        loss: f32[i * INFO_WORDS + I.loss]!,
        gradNorm: gmax === 0 ? 0 : gmax * Math.sqrt(gssq),
        params,
        state: rule.read(run.spec.optimizer, own, diverged[i] ?? step),
        underflow: u32[i * INFO_WORDS + I.underflow]!,
      };
    });
  }

  return {
    size: k,
    plan,
    stepOf: (i) => diverged[i] ?? step,
    divergedAt: (i) => diverged[i] ?? null,
    advance,
    read,
    retire(i: number): void {
      if (retired[i] || disposed) return;
      retired[i] = true;
      if (gpu.failure === null) device.queue.writeBuffer(info, i * INFO_BYTES + 4 * I.frozen, new Uint32Array([2]));
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      res.destroy();
      staging.destroy();
    },
  };
}

// Per run: w rounded to float32, its compensation c = hi − w (so that hi − c
// is w to float32² precision), the rule's initial slots (compensated pairs
// split the same way), zeros elsewhere; a guarded rule's saved point is a copy.
function initialState(
  runs: readonly CompiledRun[],
  p: number,
  slots: number,
  rule: GpuOptimizer,
): Float32Array<ArrayBuffer> {
  const out = new Float32Array(runs.length * slots * p);
  runs.forEach((run, i) => {
    const base = i * slots * p;
    const split = (slot: number, values: ArrayLike<number>, compensated: boolean) => {
      for (let j = 0; j < p; j++) {
        const v = values[j]!, hi = Math.fround(v);
        out[base + slot * p + j] = hi;
        if (compensated) out[base + (slot + 1) * p + j] = hi - v;
      }
    };
    split(0, run.init, true);
    for (const init of rule.init?.(run.spec.optimizer, run.init) ?? []) {
      split(3 + init.slot, init.values, init.compensated);
    }
    if (rule.guarded) {
      const saved = [0, 1, ...Array.from({ length: rule.slots }, (_, s) => 3 + s)];
      saved.forEach((from, s) =>
        out.copyWithin(base + (3 + rule.slots + s) * p, base + from * p, base + (from + 1) * p)
      );
    }
  });
  return out;
}
