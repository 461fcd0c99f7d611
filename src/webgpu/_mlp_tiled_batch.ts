import type { CompiledRun } from "../run/compile_run.ts";
import { settleSteps } from "./_settle_steps.ts";
import type { Mlp } from "../problems/mlp/mlp.ts";
import type { LabeledData } from "../problems/shared/labeled_data.ts";
import type { GpuContext } from "./device.ts";
import type { GpuBatch, GpuRunRead } from "./_gpu_batch.ts";
import type { SetEvaluation } from "../engine/engine.ts";
import type { GpuSlots } from "./optimizers/gpu_optimizer.ts";
import { guard, scoped, throwIfFailed } from "./_guard.ts";
import { tiledPipelines } from "./_mlp_tiled_pipelines.ts";
import { createTiledData, createTiledRun, type TiledRun } from "./_mlp_tiled_run.ts";
import { TILED_WG } from "./_mlp_tiled_plan.ts";

/** Steps per submission, at most (each run's rows for them are uploaded before it; a large batch takes fewer). */
const STEPS_PER_SUBMIT = 64;

/**
 * K `mlp` runs on the tiled kernels, of any widths, depths, losses and of
 * gd, sgd or path-sgd: a width sweep advances together, every submission
 * holding a chunk of steps of every live run (run 0's step, run 1's step, …,
 * so that a GPU can overlap runs whose buffers are disjoint), each run with
 * its own parameters, state and minibatch stream (drawn on the host exactly as
 * the CPU engine's `epochBatches`). `read()` evaluates loss, full gradient,
 * 0–1 margins over the training set on the GPU with the same kernels.
 */
export async function createTiledMlpBatch(gpu: GpuContext, runs: readonly CompiledRun[]): Promise<GpuBatch> {
  throwIfFailed(gpu);
  if (runs.length === 0) throw new RangeError("Cannot make a WebGPU batch of no runs");
  const { device } = gpu;
  const label = `biasflow mlp tiled ×${runs.length}`;
  const pipelines = await guard(gpu, tiledPipelines(gpu));
  const datasets = new Map<LabeledData, ReturnType<typeof createTiledData>>();
  const members: TiledRun[] = [];
  const build = scoped(gpu, `the buffers of ${label}`, () => {
    runs.forEach((run, i) => {
      if (run.problem.kind !== "mlp") throw new RangeError(`The tiled mlp kernels cannot run ${run.problem.kind}`);
      const upload = (data: LabeledData) => {
        let shared = datasets.get(data);
        if (shared === undefined) datasets.set(data, shared = createTiledData(device, data, `${label} data`));
        return shared;
      };
      const { data, test } = run.problem as Mlp;
      const testData = test === null || test.n === 0 ? null : upload(test);
      members.push(createTiledRun(device, pipelines, run, upload(data), `${label} run ${i}`, testData));
    });
  });
  try {
    await guard(gpu, build);
  } catch (e) {
    for (const m of members) m.destroy();
    for (const d of datasets.values()) d.destroy();
    throw e;
  }
  const k = runs.length;
  let step = 0;
  const diverged: (number | null)[] = runs.map(() => null);
  const retired = runs.map(() => false);
  let disposed = false;
  const live = () => runs.map((_, i) => diverged[i] === null && !retired[i]);

  async function readBack(fill: (encoder: GPUCommandEncoder, out: GPUBuffer) => void, bytes: number) {
    const out = device.createBuffer({
      label: `${label} readback`,
      size: Math.max(16, bytes),
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    try {
      await guard(
        gpu,
        scoped(gpu, `${label} readback`, () => {
          const encoder = device.createCommandEncoder({ label: `${label} readback` });
          fill(encoder, out);
          device.queue.submit([encoder.finish()]);
        }),
      );
      await guard(gpu, out.mapAsync(GPUMapMode.READ));
      return out.getMappedRange().slice(0);
    } finally {
      out.destroy();
    }
  }

  async function advance(steps: number): Promise<void> {
    if (disposed) throw new Error("Cannot advance a disposed WebGPU engine");
    throwIfFailed(gpu);
    const alive = live();
    if (steps <= 0 || !alive.some(Boolean)) return;
    const before = step;
    const checks: Promise<void>[] = [];
    const most = Math.min(STEPS_PER_SUBMIT, ...members.filter((_, i) => alive[i]).map((m) => m.maxUpload));
    for (let done = 0; done < steps;) {
      const s = Math.min(most, steps - done);
      const first = before + done;
      checks.push(scoped(gpu, `${label} steps`, () => {
        members.forEach((m, i) => alive[i] && m.upload(device.queue, s));
        const encoder = device.createCommandEncoder({ label: `${label} ${s} steps` });
        const pass = encoder.beginComputePass({ label: `${label} ${s} steps` });
        for (let t = 0; t < s; t++) {
          members.forEach((m, i) => alive[i] && m.encodeStep(pass, (first + t) & 1));
        }
        pass.end();
        device.queue.submit([encoder.finish()]);
      }));
      done += s;
    }
    step += steps;
    await guard(gpu, Promise.all(checks));
    const bytes = await readBack((encoder, out) => {
      members.forEach((m, i) => encoder.copyBufferToBuffer(m.st, 0, out, 32 * i, 32));
    }, 32 * k);
    const u32 = new Uint32Array(bytes);
    settleSteps(alive, before, steps, (i) => [u32[8 * i]!, u32[8 * i + 1]!], diverged);
  }

  async function read(): Promise<GpuRunRead[]> {
    if (disposed) throw new Error("Cannot read a disposed WebGPU engine");
    throwIfFailed(gpu);
    // Per run: status, hi, compensation, full gradient, the rule's slots, then (ℓ, margin) per row and held out.
    const layout = members.map((m, i) => {
      const net = runs[i]!.problem as Mlp, n = net.data.n, p = m.params;
      const nTest = m.testRows === null ? 0 : net.test!.n;
      return { p, n, nTest, bytes: 32 + 4 * p * (3 + m.rule.slots) + 8 * n + 8 * nTest };
    });
    const offsets: number[] = [];
    let total = 0;
    for (const l of layout) {
      offsets.push(total);
      total += Math.ceil(l.bytes / 256) * 256;
    }
    const bytes = await readBack((encoder, out) => {
      const pass = encoder.beginComputePass({ label: `${label} evaluation` });
      for (const m of members) m.encodeEval(pass);
      pass.end();
      members.forEach((m, i) => {
        const { p, n, nTest } = layout[i]!;
        let at = offsets[i]!;
        const copy = (b: GPUBuffer, size: number) => {
          encoder.copyBufferToBuffer(b, 0, out, at, size);
          at += size;
        };
        copy(m.st, 32);
        copy(m.hi, 4 * p);
        copy(m.comp, 4 * p);
        copy(m.grad, 4 * p);
        copy(m.opt, 4 * p * m.rule.slots);
        copy(m.perRow, 8 * n);
        if (m.testRows !== null) copy(m.testRows, 8 * nTest);
      });
    }, total);
    return members.map((m, i) => {
      const { p, n, nTest } = layout[i]!;
      const net = runs[i]!.problem as Mlp;
      let at = offsets[i]!;
      const take = (count: number) => {
        const v = new Float32Array(bytes, at, count);
        at += 4 * count;
        return v;
      };
      const st = new Uint32Array(bytes, at, 8);
      at += 32;
      const hi = take(p), comp = take(p), grad = take(p), opt = take(p * m.rule.slots);
      const rows = take(2 * n), testRows = nTest > 0 ? take(2 * nTest) : null;
      const params = new Float64Array(p);
      let ssq = 0;
      for (let j = 0; j < p; j++) {
        params[j] = hi[j]! - comp[j]!;
        ssq += grad[j]! * grad[j]!;
      }
      const train = evaluation(rows, n);
      const lossSum = train.lossSum;
      return {
        evaluations: testRows === null ? { train } : { train, test: evaluation(testRows, nTest) },
        loss: net.options.reduction === "mean" ? lossSum / n : lossSum,
        gradNorm: Math.sqrt(ssq),
        params,
        state: m.rule.read(runs[i]!.spec.optimizer, slotsOf(opt, p), diverged[i] ?? step),
        underflow: st[2]!,
      };
    });
  }

  return {
    size: k,
    plan: { path: "tiled", wg: TILED_WG, blocks: 1, stepsPerDispatch: 1 },
    stepOf: (i) => diverged[i] ?? step,
    divergedAt: (i) => diverged[i] ?? null,
    advance,
    read,
    retire(i: number): void {
      if (retired[i] || disposed) return;
      retired[i] = true;
      if (gpu.failure === null) device.queue.writeBuffer(members[i]!.st, 4, new Uint32Array([2]));
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      for (const m of members) m.destroy();
      for (const d of datasets.values()) d.destroy();
    },
  };
}

/** Σ ℓ (float64), the 0–1 errors (margin ≤ 0, a tie counts) and the smallest margin of per-row (ℓ, margin) pairs. */
function evaluation(rows: Float32Array, n: number): SetEvaluation {
  let lossSum = 0, errors = 0, minMargin = Infinity;
  for (let r = 0; r < n; r++) {
    lossSum += rows[2 * r]!;
    const m = rows[2 * r + 1]!;
    if (!(m > 0)) errors++;
    if (m < minMargin) minMargin = m;
  }
  return { lossSum, errors, minMargin, n };
}

/** The rule's slots as `GpuOptimizer.read` takes them (slot s of parameter j at s·p + j). */
function slotsOf(opt: Float32Array, p: number): GpuSlots {
  const slot = (s: number) => opt.subarray(s * p, (s + 1) * p);
  return {
    params: p,
    slot,
    compensated(s: number): Float64Array {
      const head = slot(s), c = slot(s + 1), out = new Float64Array(p);
      for (let j = 0; j < p; j++) out[j] = head[j]! - c[j]!;
      return out;
    },
  };
}
