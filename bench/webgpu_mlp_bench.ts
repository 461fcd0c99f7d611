// The network rows of `deno task bench:gpu` (issue 12): one epoch of SGD on
// MNIST at 10×10 (50,000 training images by default), batch 64 and 1024,
// one-hidden-layer ReLU nets with biases and softmax cross-entropy (lr 0.05,
// PyTorch's init), on the WebGPU engine (the kernel `auto` picks, and the tiled
// kernels forced where `auto` picks the row kernel) and the float64 CPU engine;
// the cost of a recording point (the GPU's evaluation pass and readback in
// `read()`, against the CPU's train + test evaluation of θ that `mlpMetrics`
// does); and the width sweep (4 … 4096) twice on the tiled kernels: one width
// after another, and all widths advancing together in one batch. Peers:
// bench/torch_mlp_baseline.py on the same card.
import { compileRun } from "../src/run/compile_run.ts";
import { createCpuEngine } from "../src/cpu/cpu_engine.ts";
import type { Engine } from "../src/engine/engine.ts";
import type { GpuContext } from "../src/webgpu/device.ts";
import { createWebGpuEngines } from "../src/webgpu/create_webgpu_engines.ts";
import { webGpuUnsupported } from "../src/webgpu/webgpu_unsupported.ts";
import { mlpRoute } from "../src/webgpu/_mlp_route.ts";
import type { Mlp } from "../src/problems/mlp/mlp.ts";

/** One measured (or refused) network workload. */
export interface MlpRow {
  impl: string;
  n: number;
  width: number;
  batch: number;
  /** SGD steps of one epoch, ⌈n / batch⌉. */
  steps: number;
  /** Seconds of one epoch (null: not run). */
  epoch_seconds: number | null;
  /** Examples per second (null: not run). */
  samples_per_s: number | null;
  /** Forward + backward FLOP/s at 6·(100·w + w·10) per example (null: not run). */
  flops: number | null;
  /** WebGPU: which mlp kernels ran it (`rows`: one workgroup per block of rows; `tiled`: matrix products). */
  kernel?: string;
  /** WebGPU: seconds of one `read()` after the epoch (evaluation pass over the n images, readback). */
  read_seconds?: number;
  /** CPU: seconds of `mlpMetrics`' evaluations of θ (training and test set) at one recording point. */
  cpu_metrics_seconds?: number;
  /** Why it did not run, or what it measured. */
  note?: string;
}

/** What {@link mlpRows} runs. */
export interface MlpBenchOptions {
  widths: readonly number[];
  batches: readonly number[];
  n: number;
  /** Widths the CPU engine is timed at too (it takes minutes per epoch at 4,096). */
  cpuWidths: readonly number[];
  /** The width sweep's widths (each one epoch at batch 64, one after another). */
  sweep: readonly number[];
}

function runOf(n: number, width: number, batch: number) {
  return compileRun({
    problem: { kind: "mlp", widths: [width], data: { kind: "mnist", n, resize: 10 } },
    optimizer: { kind: "sgd", lr: 0.05, batch, seed: 0 },
    init: { kind: "pytorch", seed: 0 },
    steps: Math.ceil(n / batch),
  });
}

async function epoch(engine: Engine, steps: number): Promise<number> {
  await engine.advance(1); // builds the pipelines
  const t0 = performance.now();
  await engine.advance(steps);
  return (performance.now() - t0) / 1000;
}

/**
 * Times one epoch per (width, batch) on WebGPU (and the CPU engine at
 * `cpuWidths`), then the width sweep one width after another and all widths
 * together; calls `record` with each row as it is measured, so that a run cut
 * short still reports.
 */
export async function mlpRows(gpu: GpuContext, o: MlpBenchOptions, record: (row: MlpRow) => void): Promise<void> {
  const row = (impl: string, width: number, batch: number, seconds: number | null, extra: Partial<MlpRow> = {}) => {
    const steps = Math.ceil(o.n / batch);
    const rate = seconds === null ? null : o.n / seconds;
    const flops = rate === null ? null : rate * 6 * (100 * width + width * 10);
    return { impl, n: o.n, width, batch, steps, epoch_seconds: seconds, samples_per_s: rate, flops, ...extra };
  };
  for (const width of o.widths) {
    for (const batch of o.batches) {
      const run = runOf(o.n, width, batch);
      const why = webGpuUnsupported(run);
      if (why !== null) {
        record(row("webgpu-mlp", width, batch, null, { note: why }));
      } else {
        // Both kernels wherever the row kernel runs the net, so that a device run can retune mlpRoute's crossover.
        const auto = mlpRoute(run);
        const kernels = (["rows", "tiled"] as const).filter((k) => mlpRoute(run, k) === k);
        for (const kernel of kernels) {
          const [engine] = await createWebGpuEngines([run], { gpu, mlpKernel: kernel });
          const seconds = await epoch(engine!, run.spec.steps);
          const t0 = performance.now();
          await engine!.read();
          const read = (performance.now() - t0) / 1000;
          const note = kernel === auto ? "auto's choice" : "forced";
          record(row("webgpu-mlp", width, batch, seconds, { kernel, read_seconds: read, note }));
          engine!.dispose();
        }
      }
      if (o.cpuWidths.includes(width)) {
        const cpu = createCpuEngine(run);
        const seconds = await epoch(cpu, run.spec.steps);
        const net = run.problem as Mlp, theta = (await cpu.read()).predictor.data;
        const t0 = performance.now();
        net.evaluate(theta);
        if (net.test) net.evaluate(theta, net.test);
        const metrics = (performance.now() - t0) / 1000;
        record(row("cpu-float64", width, batch, seconds, { cpu_metrics_seconds: metrics }));
      }
    }
  }
  if (o.sweep.length === 0) return;
  // The sweep on the tiled kernels (the kernels that run every width): one width after another, then together.
  const runs = o.sweep.map((width) => runOf(o.n, width, 64));
  let total = 0;
  for (const run of runs) {
    const [engine] = await createWebGpuEngines([run], { gpu, mlpKernel: "tiled" });
    total += await epoch(engine!, run.spec.steps);
    engine!.dispose();
  }
  const steps = Math.ceil(o.n / 64);
  const sweepRow = (impl: string, seconds: number, note: string): MlpRow => ({
    impl,
    n: o.n,
    width: runs.length,
    batch: 64,
    steps: runs.length * steps,
    epoch_seconds: seconds,
    samples_per_s: (runs.length * o.n) / seconds,
    flops: (o.n / seconds) * o.sweep.reduce((f, w) => f + 6 * (100 * w + w * 10), 0),
    kernel: "tiled",
    note,
  });
  record(sweepRow("webgpu-mlp-sweep-sequential", total, `widths ${o.sweep.join(", ")} one after another`));
  const engines = await createWebGpuEngines(runs, { gpu, mlpKernel: "tiled" });
  await Promise.all(engines.map((e) => e.advance(1)));
  const t0 = performance.now();
  await Promise.all(engines.map((e) => e.advance(steps)));
  const together = (performance.now() - t0) / 1000;
  for (const e of engines) e.dispose();
  record(
    sweepRow(
      "webgpu-mlp-sweep-together",
      together,
      `widths ${o.sweep.join(", ")} in one batch, every submission holding steps of all; ` +
        `sequential / together = ${(total / together).toFixed(2)}`,
    ),
  );
}
