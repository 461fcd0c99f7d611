import type { CompiledRun } from "../run/compile_run.ts";
import type { Mlp } from "../problems/mlp/mlp.ts";
import type { LabeledData } from "../problems/shared/labeled_data.ts";
import type { TiledPipelines } from "./_mlp_tiled_pipelines.ts";
import { GEMM_TILE, planTiledMlp, TILED_WG, type TiledMlpPlan } from "./_mlp_tiled_plan.ts";
import { type BatchStream, createBatchStream } from "./_batch_stream.ts";
import { GPU_OPTIMIZERS } from "./optimizers/gpu_optimizers.ts";
import type { GpuOptimizer } from "./optimizers/gpu_optimizer.ts";

/** The data buffers of one training set, shared by every run on it (a sweep uploads MNIST once). */
export interface TiledData {
  readonly x: GPUBuffer;
  readonly labels: GPUBuffer;
  /** Row indices 0 … n − 1 (full-batch steps and the evaluation pass). */
  readonly identity: GPUBuffer;
}

/** One run of the tiled path: its buffers and its step's and evaluation's dispatches, encoded in order. */
export interface TiledRun {
  readonly params: number;
  readonly plan: TiledMlpPlan;
  /** Parameters (float32 hi), compensation, gradient, per-row (ℓ, margin), status words. */
  readonly hi: GPUBuffer;
  readonly comp: GPUBuffer;
  readonly grad: GPUBuffer;
  /** The update rule's slots (`rule.slots` × parameters), as the row kernel's `state` slots after `SLOT_OPT`. */
  readonly opt: GPUBuffer;
  /** The update rule (its `read` names the state as the CPU optimizer's `state()`). */
  readonly rule: GpuOptimizer;
  readonly perRow: GPUBuffer;
  /** The held-out set's (ℓ, margin) per row after `encodeEval` (null: no test set). */
  readonly testRows: GPUBuffer | null;
  readonly st: GPUBuffer;
  /** The most steps one `upload` takes. */
  readonly maxUpload: number;
  /** Writes the rows and (offset, count) of the next `steps` steps; call before encoding them. */
  upload(queue: GPUQueue, steps: number): void;
  /** Encodes one step (parity: the step number's lowest bit). */
  encodeStep(pass: GPUComputePassEncoder, parity: number): void;
  /**
   * Encodes the evaluation passes: every training row's (ℓ, margin) and the full gradient into `grad`, then the
   * forward pass over the held-out set into `testRows`.
   */
  encodeEval(pass: GPUComputePassEncoder): void;
  destroy(): void;
}

/** Rules of mlp_update.wgsl by optimizer kind (path-sgd: momentum on the γ-scaled gradient). */
const RULE_CODES: Readonly<Record<string, number>> = { gd: 0, sgd: 0, "path-sgd": 0, adam: 2, adagrad: 3, rmsprop: 4 };
/** Most steps of a full-batch run per upload (its rows are the identity; only the steps' words grow). */
const MAX_UPLOAD_STEPS = 256;
/** The largest float32: no gradient limit. */
const F32_MAX = 3.4028234663852886e38;
// Flags of mlp_gemm.wgsl.
const F_M_ROWS = 1, F_K_ROWS = 2, F_BIAS = 4, F_RELU = 8, F_MASK = 16, F_BIASCOL = 32, F_ACC = 64, F_SQUARE = 128;
/** Bytes between uniform records (WebGPU's default `minUniformBufferOffsetAlignment`). */
const ALIGN = 256;

interface Operand {
  readonly buffer: GPUBuffer;
  readonly offset: number;
  /** Stride of the operand's first index (i or j), then of the contraction index t. */
  readonly s1: number;
  readonly s2: number;
}

interface Dispatch {
  readonly pipeline: GPUComputePipeline;
  readonly group: GPUBindGroup;
  readonly x: number;
  readonly y: number;
}

/**
 * Builds a run's buffers and dispatch lists on the tiled path. Each run owns
 * its parameters, optimizer state and activations; `data` is shared.
 */
export function createTiledRun(
  device: GPUDevice,
  pipelines: TiledPipelines,
  run: CompiledRun,
  data: TiledData,
  label: string,
  test: TiledData | null = null,
): TiledRun {
  const net = run.problem as Mlp;
  const o = run.spec.optimizer;
  const code = RULE_CODES[o.kind], rule = GPU_OPTIMIZERS[o.kind];
  if (code === undefined || rule === undefined) {
    throw new RangeError(`The tiled mlp kernels do not implement optimizer ${o.kind}`);
  }
  const hyper = rule.hyper(o);
  const { n } = net.data;
  const batched = o.kind === "sgd" || o.kind === "path-sgd";
  const batch = batched ? Math.min(o.batch, n) : n;
  const dims = [net.data.d, ...net.options.widths, net.outputs];
  const depth = dims.length - 1;
  const p = net.size;
  const planned = planTiledMlp({
    dims,
    n,
    rowsPerStep: batch,
    params: p,
    slots: rule.slots,
    maxBindingBytes: device.limits.maxStorageBufferBindingSize,
  });
  if (typeof planned === "string") throw new RangeError(planned);
  const plan: TiledMlpPlan = planned;
  const ch = plan.chunkRows;
  const relu = net.options.activation === "relu";
  const path = o.kind === "path-sgd";
  const stream: BatchStream | null = batched ? createBatchStream(n, batch, o.seed) : null;
  // Steps per upload: the rows buffer holds this many steps' rows (2²⁰ indices; full batch: the identity, any number).
  const perUpload = batched ? Math.max(1, Math.floor(2 ** 20 / batch)) : MAX_UPLOAD_STEPS;

  const made: GPUBuffer[] = [];
  const S = GPUBufferUsage.STORAGE, DST = GPUBufferUsage.COPY_DST, SRC = GPUBufferUsage.COPY_SRC;
  const buffer = (name: string, bytes: number, usage = S | DST | SRC) => {
    const b = device.createBuffer({ label: `${label} ${name}`, size: Math.max(16, Math.ceil(bytes / 4) * 4), usage });
    made.push(b);
    return b;
  };
  const hi = buffer("parameters", 4 * p), comp = buffer("compensation", 4 * p), grad = buffer("gradient", 4 * p);
  const opt = buffer("optimizer state", 4 * rule.slots * p), gamma = buffer("path scales", path ? 4 * p : 4);
  const st = buffer("status", 32);
  const perRow = buffer("per-row loss and margin", 8 * Math.max(n, plan.stepChunks * ch));
  const nTest = net.test?.n ?? 0;
  const testRows = test === null || nTest === 0 ? null : buffer("held-out loss and margin", 8 * nTest);
  const acts = dims.map((h, l) => buffer(`activations ${l}`, 4 * ch * h));
  const grads = dims.map((h, l) => buffer(`∂L/∂z ${l}`, l === 0 ? 4 : 4 * ch * h));
  const pa = dims.map((h, l) => buffer(`path forward ${l}`, 4 * h));
  const pd = dims.map((h, l) => buffer(`path backward ${l}`, 4 * h));
  const dummy = buffer("unused", 16);
  const rows = batched ? buffer("rows", 4 * perUpload * batch) : data.identity;
  const stepWords = 2 + 2 * perUpload;
  const trainSteps = buffer("steps", 4 * stepWords);
  const evalSteps = buffer("evaluation steps", 16);
  const testSteps = buffer("held-out steps", 16);

  // Initial state: w rounded to float32 and its compensation hi − w, as the row kernel's initialState.
  const w0 = new Float32Array(p), c0 = new Float32Array(p);
  for (let j = 0; j < p; j++) {
    const v = run.init[j]!, h = Math.fround(v);
    w0[j] = h;
    c0[j] = h - v;
  }
  device.queue.writeBuffer(hi, 0, w0);
  device.queue.writeBuffer(comp, 0, c0);
  device.queue.writeBuffer(pa[0]!, 0, new Float32Array(dims[0]!).fill(1));
  device.queue.writeBuffer(pd[depth]!, 0, new Float32Array(dims[depth]!).fill(1));
  device.queue.writeBuffer(evalSteps, 0, new Uint32Array([0, ch, 0, n]));
  device.queue.writeBuffer(testSteps, 0, new Uint32Array([0, ch, 0, nTest]));
  if (!batched) {
    const words = new Uint32Array(stepWords);
    words[1] = ch;
    for (let s = 0; s < perUpload; s++) words[3 + 2 * s] = n;
    device.queue.writeBuffer(trainSteps, 0, words);
  }

  // Uniform records, one per dispatch, ALIGN bytes apart in one buffer; bind groups made once it exists.
  const records: Uint32Array[] = [];
  const pending: {
    pipeline: GPUComputePipeline;
    entries: (u: GPUBuffer) => GPUBindGroupEntry[];
    x: number;
    y: number;
  }[] = [];
  const record = (words: number[], floats: [number, number][] = []) => {
    const r = new Uint32Array(16);
    r.set(words);
    const f = new Float32Array(r.buffer);
    for (const [i, v] of floats) f[i] = v;
    records.push(r);
    return (records.length - 1) * ALIGN;
  };
  const bind = (b: GPUBuffer): GPUBufferBinding => ({ buffer: b });
  const groupsOf = (count: number) => Math.ceil(count / GEMM_TILE);

  function gemm(
    steps: GPUBuffer,
    dimsMNK: [number, number, number],
    flags: number,
    chunk: number,
    l: Operand,
    r: Operand,
    c: Operand & { cbo?: number },
    extra: { bias?: GPUBuffer; bo?: number; mask?: GPUBuffer } = {},
  ): void {
    const [m, nn, k] = dimsMNK;
    const at = record([
      m,
      nn,
      k,
      flags,
      l.offset,
      l.s1,
      l.s2,
      chunk,
      r.offset,
      r.s1,
      r.s2,
      extra.bo ?? 0,
      c.offset,
      c.s1,
      c.s2,
      c.cbo ?? 0,
    ]);
    const cols = nn + ((flags & F_BIASCOL) !== 0 ? 1 : 0);
    const rowsMax = (flags & F_M_ROWS) !== 0 ? ch : m;
    pending.push({
      pipeline: pipelines.gemm,
      entries: (u) => [
        { binding: 0, resource: { buffer: u, offset: at, size: 64 } },
        { binding: 1, resource: bind(steps) },
        { binding: 2, resource: bind(l.buffer) },
        { binding: 3, resource: bind(r.buffer) },
        { binding: 4, resource: bind(extra.bias ?? dummy) },
        { binding: 5, resource: bind(extra.mask ?? dummy) },
        { binding: 6, resource: bind(c.buffer) },
      ],
      x: groupsOf(cols),
      y: groupsOf(rowsMax),
    });
  }

  // One pass over a step's (or an evaluation's) chunks: forward, head, and (backward) back-propagation into `grad`.
  function chunkPass(
    steps: GPUBuffer,
    rowIndex: GPUBuffer,
    chunks: number,
    set: { data: TiledData; perRow: GPUBuffer } = { data, perRow },
    backward = true,
  ): void {
    for (let c = 0; c < chunks; c++) {
      const ga = record([dims[0]!, c, 0, 0, 0, plan.gatherThreads]);
      pending.push({
        pipeline: pipelines.gather,
        entries: (u) => [
          { binding: 0, resource: { buffer: u, offset: ga, size: 32 } },
          { binding: 1, resource: bind(steps) },
          { binding: 2, resource: bind(rowIndex) },
          { binding: 3, resource: bind(set.data.x) },
          { binding: 4, resource: bind(acts[0]!) },
        ],
        x: plan.gatherThreads / TILED_WG,
        y: 1,
      });
      net.layers.forEach((layer, li) => {
        const { in: inn, out, w: wo, b: bo } = layer;
        const flags = F_M_ROWS | (bo >= 0 ? F_BIAS : 0) | (relu && li < depth - 1 ? F_RELU : 0);
        gemm(
          steps,
          [ch, out, inn],
          flags,
          c,
          { buffer: acts[li]!, offset: 0, s1: inn, s2: 1 },
          {
            buffer: hi,
            offset: wo,
            s1: inn,
            s2: 1,
          },
          { buffer: acts[li + 1]!, offset: 0, s1: out, s2: 1 },
          { bias: hi, bo: Math.max(bo, 0) },
        );
      });
      const lossCode = net.options.loss === "cross-entropy" ? 0 : net.options.loss === "logistic" ? 1 : 2;
      const hd = record([dims[depth]!, c, lossCode, net.options.reduction === "mean" ? 1 : 0, 0, 0]);
      pending.push({
        pipeline: pipelines.head,
        entries: (u) => [
          { binding: 0, resource: { buffer: u, offset: hd, size: 32 } },
          { binding: 1, resource: bind(steps) },
          { binding: 2, resource: bind(rowIndex) },
          { binding: 3, resource: bind(set.data.labels) },
          { binding: 4, resource: bind(acts[depth]!) },
          { binding: 5, resource: bind(grads[depth]!) },
          { binding: 6, resource: bind(set.perRow) },
        ],
        x: Math.ceil(ch / TILED_WG),
        y: 1,
      });
      for (let li = depth - 1; backward && li >= 0; li--) {
        const { in: inn, out, w: wo, b: bo } = net.layers[li]!;
        const flags = F_K_ROWS | (bo >= 0 ? F_BIASCOL : 0) | (c > 0 ? F_ACC : 0);
        gemm(steps, [out, inn, ch], flags, c, { buffer: grads[li + 1]!, offset: 0, s1: 1, s2: out }, {
          buffer: acts[li]!,
          offset: 0,
          s1: 1,
          s2: inn,
        }, { buffer: grad, offset: wo, s1: inn, s2: 1, cbo: Math.max(bo, 0) });
        if (li === 0) break;
        gemm(
          steps,
          [ch, inn, out],
          F_M_ROWS | (relu ? F_MASK : 0),
          c,
          {
            buffer: grads[li + 1]!,
            offset: 0,
            s1: out,
            s2: 1,
          },
          { buffer: hi, offset: wo, s1: 1, s2: inn },
          { buffer: grads[li]!, offset: 0, s1: inn, s2: 1 },
          {
            mask: acts[li]!,
          },
        );
      }
    }
  }

  // Path-SGD's γ: the squared network's forward pass on all-ones, then backward from all-ones (path_gamma.ts).
  function gammaPass(): void {
    net.layers.forEach((layer, li) => {
      const { in: inn, out, w: wo, b: bo } = layer;
      gemm(
        trainSteps,
        [1, out, inn],
        F_SQUARE | (bo >= 0 ? F_BIAS : 0),
        0,
        { buffer: pa[li]!, offset: 0, s1: inn, s2: 1 },
        { buffer: hi, offset: wo, s1: inn, s2: 1 },
        { buffer: pa[li + 1]!, offset: 0, s1: out, s2: 1 },
        { bias: hi, bo: Math.max(bo, 0) },
      );
    });
    for (let li = depth - 1; li >= 0; li--) {
      const { in: inn, out, w: wo, b: bo } = net.layers[li]!;
      gemm(trainSteps, [out, inn, 1], bo >= 0 ? F_BIASCOL : 0, 0, { buffer: pd[li + 1]!, offset: 0, s1: 1, s2: 0 }, {
        buffer: pa[li]!,
        offset: 0,
        s1: 1,
        s2: 0,
      }, { buffer: gamma, offset: wo, s1: inn, s2: 1, cbo: Math.max(bo, 0) });
      if (li === 0) break;
      gemm(trainSteps, [1, inn, out], F_SQUARE, 0, { buffer: pd[li + 1]!, offset: 0, s1: 0, s2: 1 }, {
        buffer: hi,
        offset: wo,
        s1: 1,
        s2: inn,
      }, { buffer: pd[li]!, offset: 0, s1: inn, s2: 1 });
    }
  }

  function paramPasses(parity: number): void {
    const c = hyper.constants ?? [];
    const up = record(
      [p, parity, path ? 1 : 0, hyper.nesterov ? 1 : 0, 0, 0, 0, plan.paramThreads, code!, hyper.variant ?? 0],
      [
        [4, hyper.lr],
        [5, hyper.momentum ?? 0],
        [10, rule!.gradientLimit ?? F32_MAX],
        ...c.map((v, i): [
          number,
          number,
        ] => [11 + i, v]),
      ],
    );
    const x = plan.paramThreads / TILED_WG;
    pending.push({
      pipeline: pipelines.check,
      entries: (u) => [
        { binding: 0, resource: { buffer: u, offset: up, size: 64 } },
        { binding: 1, resource: bind(st) },
        { binding: 2, resource: bind(grad) },
        { binding: 3, resource: bind(gamma) },
      ],
      x,
      y: 1,
    });
    pending.push({
      pipeline: pipelines.update,
      entries: (u) => [
        { binding: 0, resource: { buffer: u, offset: up, size: 64 } },
        { binding: 1, resource: bind(st) },
        { binding: 2, resource: bind(grad) },
        { binding: 4, resource: bind(hi) },
        { binding: 5, resource: bind(comp) },
        { binding: 6, resource: bind(opt) },
        { binding: 7, resource: bind(trainSteps) },
      ],
      x,
      y: 1,
    });
  }

  // Dispatch lists: [0, step) the step's passes, then each parity's update passes, then the evaluation pass.
  chunkPass(trainSteps, rows, plan.stepChunks);
  if (path) gammaPass();
  const stepEnd = pending.length;
  paramPasses(0);
  paramPasses(1);
  const evalStart = pending.length;
  chunkPass(evalSteps, data.identity, plan.evalChunks);
  if (test !== null && testRows !== null) {
    chunkPass(testSteps, test.identity, Math.ceil(nTest / ch), { data: test, perRow: testRows }, false);
  }

  const uniforms = buffer("uniforms", records.length * ALIGN, GPUBufferUsage.UNIFORM | DST);
  const bytes = new Uint8Array(records.length * ALIGN);
  records.forEach((r, i) => bytes.set(new Uint8Array(r.buffer), i * ALIGN));
  device.queue.writeBuffer(uniforms, 0, bytes);
  const list: Dispatch[] = pending.map((d, i) => ({
    pipeline: d.pipeline,
    group: device.createBindGroup({
      label: `${label} dispatch ${i}`,
      layout: d.pipeline.getBindGroupLayout(0),
      entries: d.entries(uniforms),
    }),
    x: d.x,
    y: d.y,
  }));
  const encode = (pass: GPUComputePassEncoder, from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const d = list[i]!;
      pass.setPipeline(d.pipeline);
      pass.setBindGroup(0, d.group);
      pass.dispatchWorkgroups(d.x, d.y);
    }
  };

  return {
    params: p,
    plan,
    hi,
    comp,
    grad,
    opt,
    rule,
    perRow,
    testRows,
    st,
    maxUpload: perUpload,
    upload(queue: GPUQueue, steps: number): void {
      if (steps > perUpload) throw new RangeError(`Cannot upload ${steps} steps at once; at most ${perUpload}`);
      const words = new Uint32Array(stepWords);
      words[1] = ch;
      if (stream === null) {
        for (let s = 0; s < steps; s++) words[3 + 2 * s] = n;
      } else {
        // The stream's epochs: each step takes `batch` rows, the last of an epoch the rest (as epochBatches).
        let pos = stream.epochStep * batch, offset = 0;
        for (let s = 0; s < steps; s++) {
          if (pos >= n) pos = 0;
          const count = Math.min(batch, n - pos);
          words[2 + 2 * s] = offset;
          words[3 + 2 * s] = count;
          offset += count;
          pos += count;
        }
        const taken = stream.take(steps);
        if (offset !== taken.length) throw new Error(`Internal: ${offset} rows planned but ${taken.length} taken`);
        queue.writeBuffer(rows, 0, taken);
      }
      queue.writeBuffer(trainSteps, 0, words);
    },
    encodeStep(pass: GPUComputePassEncoder, parity: number): void {
      encode(pass, 0, stepEnd);
      const at = stepEnd + 2 * (parity & 1);
      encode(pass, at, at + 2);
    },
    encodeEval(pass: GPUComputePassEncoder): void {
      encode(pass, evalStart, list.length);
    },
    destroy(): void {
      for (const b of made) b.destroy();
    },
  };
}

/** Uploads a training set once: features and labels as float32, and the identity row order. */
export function createTiledData(device: GPUDevice, data: LabeledData, label: string): TiledData & { destroy(): void } {
  const S = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST;
  const make = (name: string, values: Float32Array<ArrayBuffer> | Uint32Array<ArrayBuffer>) => {
    const b = device.createBuffer({ label: `${label} ${name}`, size: Math.max(16, values.byteLength), usage: S });
    device.queue.writeBuffer(b, 0, values);
    return b;
  };
  const identity = new Uint32Array(data.n);
  for (let i = 0; i < data.n; i++) identity[i] = i;
  const x = make("examples", Float32Array.from(data.x)), labels = make("labels", Float32Array.from(data.y));
  const ids = make("row order", identity);
  return {
    x,
    labels,
    identity: ids,
    destroy() {
      x.destroy();
      labels.destroy();
      ids.destroy();
    },
  };
}
