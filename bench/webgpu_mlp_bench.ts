// The network rows of `deno task bench:gpu` (issue 12): one epoch of SGD on
// MNIST at 10×10 (50,000 training images by default), batch 64 and 1024,
// one-hidden-layer ReLU nets with biases and softmax cross-entropy (lr 0.05,
// PyTorch's init), on the WebGPU engine and the float64 CPU engine; and the
// width sweep (4 … 4096) run one width after another. Widths the WebGPU mlp
// kernel cannot run (workgroup memory, loop budget) are recorded with the
// reason instead of a time. Peers: bench/torch_mlp_baseline.py on the same card.
import { compileRun } from "../src/run/compile_run.ts";
import { createCpuEngine } from "../src/cpu/cpu_engine.ts";
import type { Engine } from "../src/engine/engine.ts";
import type { GpuContext } from "../src/webgpu/device.ts";
import { createWebGpuEngines } from "../src/webgpu/create_webgpu_engines.ts";
import { webGpuUnsupported } from "../src/webgpu/webgpu_unsupported.ts";

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
  /** Why it did not run. */
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
 * `cpuWidths`), then the width sweep; calls `record` with each row as it is
 * measured, so that a run cut short still reports.
 */
export async function mlpRows(gpu: GpuContext, o: MlpBenchOptions, record: (row: MlpRow) => void): Promise<void> {
  const row = (impl: string, width: number, batch: number, seconds: number | null, note?: string): MlpRow => {
    const steps = Math.ceil(o.n / batch);
    const rate = seconds === null ? null : o.n / seconds;
    const flops = rate === null ? null : rate * 6 * (100 * width + width * 10);
    return {
      impl,
      n: o.n,
      width,
      batch,
      steps,
      epoch_seconds: seconds,
      samples_per_s: rate,
      flops,
      ...(note ? { note } : {}),
    };
  };
  for (const width of o.widths) {
    for (const batch of o.batches) {
      const run = runOf(o.n, width, batch);
      const why = webGpuUnsupported(run);
      if (why !== null) {
        record(row("webgpu-mlp", width, batch, null, why));
      } else {
        const [engine] = await createWebGpuEngines([run], { gpu });
        record(row("webgpu-mlp", width, batch, await epoch(engine!, run.spec.steps)));
        engine!.dispose();
      }
      if (o.cpuWidths.includes(width)) {
        record(row("cpu-float64", width, batch, await epoch(createCpuEngine(run), run.spec.steps)));
      }
    }
  }
  let total = 0;
  const skipped: number[] = [];
  for (const width of o.sweep) {
    const run = runOf(o.n, width, 64);
    if (webGpuUnsupported(run) !== null) {
      skipped.push(width);
      continue;
    }
    const [engine] = await createWebGpuEngines([run], { gpu });
    total += await epoch(engine!, run.spec.steps);
    engine!.dispose();
  }
  const ran = o.sweep.filter((w) => !skipped.includes(w));
  record({
    impl: "webgpu-mlp-sweep-sequential",
    n: o.n,
    width: ran.length,
    batch: 64,
    steps: ran.length * Math.ceil(o.n / 64),
    epoch_seconds: ran.length > 0 ? total : null,
    samples_per_s: ran.length > 0 ? (ran.length * o.n) / total : null,
    flops: null,
    note: `widths ${ran.join(", ")} one after another` +
      (skipped.length > 0 ? `; not on WebGPU: ${skipped.join(", ")}` : "") +
      "; no batched whole-sweep path yet",
  });
}
