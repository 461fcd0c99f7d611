// deno task bench:gpu [--seconds S] [--sizes 256x8,65536x256] [--sweep 128] [--out FILE]
//                     [--mlp-widths 64,1024,4096] [--mlp-batches 64,1024] [--mlp-n 50000] [--mlp-cpu-widths 64,1024]
//                     [--mlp-sweep 4,8,…,4096] (--mlp-widths "" skips the network rows)
//
// Steps/s of the float64 CPU engine and of the WebGPU engine (one dispatch
// per step, fused, and a sweep of K runs in one dispatch: aggregate) on
// logistic-regression GD, and the bandwidth that implies for one pass over X
// per step. Prints a table and writes JSON (default bench/results/webgpu_<adapter>.json).
// Then the network rows (bench/webgpu_mlp_bench.ts): one epoch of SGD on MNIST 10×10 per width and batch.
// On a software adapter (llvmpipe) the WebGPU numbers only show that it runs.
import { parseArgs } from "node:util";
import { createCpuEngine } from "../src/cpu/cpu_engine.ts";
import type { Engine } from "../src/engine/engine.ts";
import { acquireGpu } from "../src/webgpu/device.ts";
import { createWebGpuEngines, type WebGpuEngine } from "../src/webgpu/create_webgpu_engines.ts";
import { benchRuns } from "./_bench_problem.ts";
import { type MlpRow, mlpRows } from "./webgpu_mlp_bench.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    seconds: { type: "string", default: "2" },
    sizes: { type: "string", default: "256x8,65536x256" },
    sweep: { type: "string", default: "128" },
    out: { type: "string" },
    "mlp-widths": { type: "string", default: "64,1024,4096" },
    "mlp-batches": { type: "string", default: "64,1024" },
    "mlp-n": { type: "string", default: "50000" },
    "mlp-cpu-widths": { type: "string", default: "64,1024" },
    "mlp-sweep": { type: "string", default: "4,8,16,32,64,128,256,512,1024,2048,4096" },
  },
});
const seconds = Number(values.seconds), sweepRuns = Number(values.sweep);
const sizes = values.sizes.split(",").filter((s) => s !== "").map((s) => s.split("x").map(Number) as [number, number]);

interface Row {
  impl: string;
  n: number;
  d: number;
  runs: number;
  path: string;
  steps: number;
  seconds: number;
  steps_per_s: number;
  /** Steps/s × runs. */
  aggregate_steps_per_s: number;
  /** GB/s of X read, at one pass over X per step and run. */
  x_gbytes_per_s: number;
}

// Advances the engines together in growing chunks until `seconds` have passed
// (after a warm-up step that builds the pipelines); at least one timed chunk.
async function measure(engines: Engine[]): Promise<{ steps: number; seconds: number }> {
  await Promise.all(engines.map((e) => e.advance(1)));
  let steps = 0, k = 1;
  const t0 = performance.now();
  for (;;) {
    await Promise.all(engines.map((e) => e.advance(k)));
    steps += k;
    const elapsed = (performance.now() - t0) / 1000;
    if (elapsed >= seconds) return { steps, seconds: elapsed };
    k = Math.min(k * 2, Math.max(1, Math.ceil(steps / elapsed * 0.5)));
  }
}

const gpu = await acquireGpu();
console.log(
  `adapter: ${gpu.adapterName}${gpu.software ? " (software: these WebGPU numbers are not GPU numbers)" : ""}`,
);
const rows: Row[] = [];
const mlp: MlpRow[] = [];
const slug = gpu.adapterName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);
const out = values.out ?? `bench/results/webgpu_${slug}.json`;

// Writes the rows measured so far, so that a run cut short by a timeout still reports.
function save(): void {
  Deno.writeTextFileSync(
    out,
    JSON.stringify(
      {
        adapter: gpu.adapterName,
        software: gpu.software,
        deno: Deno.version.deno,
        date: new Date().toISOString(),
        workload: "logistic GD, mean loss, lr 0.1, w0 = 0, X uniform [-0.5, 0.5), y = sign(X t)",
        results: rows,
        mlp_workload: "one epoch of SGD (lr 0.05) on MNIST 10x10, one hidden ReLU layer with biases, cross-entropy",
        mlp,
      },
      null,
      2,
    ) + "\n",
  );
}
function record(impl: string, n: number, d: number, runs: number, path: string, m: { steps: number; seconds: number }) {
  const rate = m.steps / m.seconds;
  const row = {
    impl,
    n,
    d,
    runs,
    path,
    steps: m.steps,
    seconds: Math.round(m.seconds * 1000) / 1000,
    steps_per_s: rate,
    aggregate_steps_per_s: rate * runs,
    x_gbytes_per_s: (rate * runs * n * d * 4) / 1e9,
  };
  rows.push(row);
  save();
  console.log(
    `${impl.padEnd(24)} n=${String(n).padEnd(6)} d=${String(d).padEnd(4)} runs=${String(runs).padEnd(4)} ` +
      `${path.padEnd(12)} ${rate.toPrecision(4).padStart(10)} steps/s` +
      (runs > 1 ? `  aggregate ${(rate * runs).toPrecision(4)}` : "") +
      `  X at ${row.x_gbytes_per_s.toPrecision(3)} GB/s`,
  );
}

for (const [n, d] of sizes) {
  const [run] = benchRuns(n, d, 1);
  const cpu = createCpuEngine(run!);
  record("cpu-float64", n, d, 1, "-", await measure([cpu]));

  for (
    const [impl, options] of [
      ["webgpu-dispatch-per-step", { stepsPerDispatch: 1 }],
      ["webgpu-fused", {}],
    ] as const
  ) {
    const [engine] = await createWebGpuEngines([run!], { gpu, ...options });
    record(impl, n, d, 1, describe(engine!), await measure([engine!]));
    engine!.dispose();
  }
  const sweep = await createWebGpuEngines(benchRuns(n, d, sweepRuns), { gpu });
  record(`webgpu-sweep-${sweepRuns}`, n, d, sweepRuns, describe(sweep[0]!), await measure(sweep));
  for (const e of sweep) e.dispose();
}

const list = (s: string) => s.split(",").filter((v) => v !== "").map(Number);
await mlpRows(gpu, {
  widths: list(values["mlp-widths"]),
  batches: list(values["mlp-batches"]),
  n: Number(values["mlp-n"]),
  cpuWidths: list(values["mlp-cpu-widths"]),
  sweep: list(values["mlp-widths"]).length > 0 ? list(values["mlp-sweep"]) : [],
}, (row) => {
  mlp.push(row);
  save();
  console.log(
    `${row.impl.padEnd(28)} ${(row.kernel ?? "").padEnd(5)} width=${String(row.width).padEnd(5)} ` +
      `batch=${String(row.batch).padEnd(5)} ` +
      (row.epoch_seconds === null
        ? `not run: ${row.note}`
        : `${row.epoch_seconds.toPrecision(4)} s/epoch  ${row.samples_per_s!.toPrecision(4)} samples/s` +
          (row.flops === null ? "" : `  ${(row.flops / 1e9).toPrecision(3)} GFLOP/s`) +
          (row.read_seconds === undefined ? "" : `  read ${row.read_seconds.toPrecision(3)} s`) +
          (row.cpu_metrics_seconds === undefined ? "" : `  CPU metrics ${row.cpu_metrics_seconds.toPrecision(3)} s`) +
          (row.note ? `  (${row.note})` : "")),
  );
});

console.log(`wrote ${out}`);
gpu.device.destroy();

function describe(engine: WebGpuEngine): string {
  const { path, stepsPerDispatch, blocks } = engine.plan;
  return path === "fused" ? `fused ×${stepsPerDispatch}` : `multi ×${blocks}`;
}
