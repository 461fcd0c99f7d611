// deno task bench:gpu [--seconds S] [--sizes 256x8,65536x256] [--sweep 128] [--out FILE] [--copy-gbps G]
//                     [--mlp-widths 64,1024,4096] [--mlp-batches 64,1024] [--mlp-n 50000] [--mlp-cpu-widths 64,1024]
//                     [--mlp-sweep 4,8,…,4096] (--mlp-widths "" skips the network rows)
//
// Steps/s of the float64 CPU engine and of the WebGPU engine (one dispatch
// per step, fused, and a sweep of K runs in one dispatch: aggregate) on
// logistic-regression GD, and the bandwidth that implies for one pass over X
// per step. Prints a table and writes JSON (default bench/results/webgpu_<adapter>.json).
// Then the network rows (bench/webgpu_mlp_bench.ts): one epoch of SGD on MNIST 10×10 per width and batch.
// The linear rows also give the fraction of the HBM-bound rate: one pass over
// X per step at the device's copy bandwidth (measured here with WebGPU buffer
// copies, read + write bytes, or --copy-gbps), and the two targets of issue 12
// (fused n=256, d=8 ≥ 5e5 steps/s; n=65536, d=256 ≥ 70% of the HBM-bound rate)
// as met or not. Where the device has subgroups, "webgpu-fused-barriers" runs
// the same engine with the barrier-tree reductions forced, and "webgpu-fused-wg32" the
// fused path with one subgroup per workgroup, for comparison.
// On a software adapter (llvmpipe) the WebGPU numbers only show that it runs.
import { parseArgs } from "node:util";
import { createCpuEngine } from "../src/cpu/cpu_engine.ts";
import type { Engine } from "../src/engine/engine.ts";
import { acquireGpu } from "../src/webgpu/device.ts";
import { createWebGpuEngines, type WebGpuEngine } from "../src/webgpu/create_webgpu_engines.ts";
import { pickReductions } from "../src/webgpu/_reductions.ts";
import { benchRuns } from "./_bench_problem.ts";
import { type MlpRow, mlpRows } from "./webgpu_mlp_bench.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    seconds: { type: "string", default: "2" },
    sizes: { type: "string", default: "256x8,65536x256" },
    sweep: { type: "string", default: "128" },
    out: { type: "string" },
    "copy-gbps": { type: "string" },
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
  /** Aggregate steps/s over the HBM-bound rate (copy bandwidth / bytes of X); WebGPU rows only. */
  hbm_fraction: number | null;
}

// Device copy bandwidth (read + write bytes per second) of WebGPU buffer
// copies, the best of 5 timed rounds of 8 copies.
async function copyGbps(device: GPUDevice, bytes: number): Promise<number> {
  const usage = GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
  const a = device.createBuffer({ size: bytes, usage }), b = device.createBuffer({ size: bytes, usage });
  const round = async (copies: number) => {
    const encoder = device.createCommandEncoder();
    for (let i = 0; i < copies; i++) encoder.copyBufferToBuffer(i % 2 ? b : a, 0, i % 2 ? a : b, 0, bytes);
    const t0 = performance.now();
    device.queue.submit([encoder.finish()]);
    await device.queue.onSubmittedWorkDone();
    return (performance.now() - t0) / 1000;
  };
  await round(2);
  let best = Infinity;
  for (let r = 0; r < 5; r++) best = Math.min(best, await round(8));
  a.destroy();
  b.destroy();
  return (8 * 2 * bytes) / best / 1e9;
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
const reductions = pickReductions({
  features: gpu.device.features,
  subgroupMinSize: gpu.subgroupMinSize,
  subgroupMaxSize: gpu.subgroupMaxSize,
});
console.log(
  `reductions: ${
    reductions.kind === "subgroup" ? `subgroups of ${reductions.size}` : `barrier trees (${reductions.reason})`
  }`,
);
const copy = values["copy-gbps"] !== undefined
  ? Number(values["copy-gbps"])
  : await copyGbps(gpu.device, (gpu.software ? 32 : 256) * 2 ** 20);
console.log(`copy bandwidth: ${copy.toPrecision(4)} GB/s (read + write)${values["copy-gbps"] ? " (given)" : ""}`);
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
        reductions: reductions.kind === "subgroup" ? `subgroup ${reductions.size}` : `workgroup (${reductions.reason})`,
        copy_gbytes_per_s: copy,
        targets: targets(),
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
    hbm_fraction: impl.startsWith("webgpu") ? (rate * runs * n * d * 4) / 1e9 / copy : null,
  };
  rows.push(row);
  save();
  console.log(
    `${impl.padEnd(24)} n=${String(n).padEnd(6)} d=${String(d).padEnd(4)} runs=${String(runs).padEnd(4)} ` +
      `${path.padEnd(12)} ${rate.toPrecision(4).padStart(10)} steps/s` +
      (runs > 1 ? `  aggregate ${(rate * runs).toPrecision(4)}` : "") +
      `  X at ${row.x_gbytes_per_s.toPrecision(3)} GB/s` +
      (row.hbm_fraction === null ? "" : ` = ${(100 * row.hbm_fraction).toPrecision(3)}% of HBM-bound`),
  );
}

// Issue 12's targets for the linear engine, from the "webgpu-fused" rows (null: not measured in this run).
function targets(): Record<string, unknown> {
  const fused = (n: number, d: number) => rows.find((r) => r.impl === "webgpu-fused" && r.n === n && r.d === d);
  const small = fused(256, 8), large = fused(65_536, 256);
  return {
    "fused n=256 d=8 >= 5e5 steps/s": small ? { steps_per_s: small.steps_per_s, met: small.steps_per_s >= 5e5 } : null,
    "n=65536 d=256 >= 70% of the HBM-bound rate": large
      ? {
        steps_per_s: large.steps_per_s,
        hbm_bound_steps_per_s: (copy * 1e9) / (65_536 * 256 * 4),
        fraction: large.hbm_fraction,
        met: large.hbm_fraction! >= 0.7,
      }
      : null,
  };
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
  if (reductions.kind === "subgroup") {
    const barriers = { kind: "workgroup", reason: "forced by the bench" } as const;
    const [engine] = await createWebGpuEngines([run!], { gpu, reductions: barriers });
    record("webgpu-fused-barriers", n, d, 1, describe(engine!), await measure([engine!]));
    const fused = engine!.plan.path === "fused";
    engine!.dispose();
    if (fused && reductions.size <= 256) {
      // One workgroup of a single subgroup per run (NVIDIA: 32 threads), where every barrier is within one warp.
      const wg = Math.max(32, reductions.size);
      const [one] = await createWebGpuEngines([run!], { gpu, fusedWorkgroupSize: wg });
      record(`webgpu-fused-wg${wg}`, n, d, 1, describe(one!), await measure([one!]));
      one!.dispose();
    }
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

for (const [target, value] of Object.entries(targets())) {
  console.log(`target ${target}: ${value === null ? "not measured" : JSON.stringify(value)}`);
}
console.log(`wrote ${out}`);
gpu.device.destroy();

function describe(engine: WebGpuEngine): string {
  const { path, stepsPerDispatch, blocks } = engine.plan;
  return path === "fused" ? `fused ×${stepsPerDispatch}` : `multi ×${blocks}`;
}
