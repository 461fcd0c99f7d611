/**
 * `deno task bench`: biasflow against its peers on the same workloads in the
 * same run, then the long-run memory check and the stream overhead. Prints a
 * table, writes bench/results/<date>-<host>.json and regenerates the README's
 * benchmark section from it.
 *
 * Flags: `--filter=TEXT` (workloads whose name contains it), `--rounds=N`,
 * `--round-seconds=S`, `--warmup-seconds=S`, `--memory-steps=N` (0 skips),
 * `--overhead-steps=N` (0 skips), `--no-readme`, `--no-save`, `--mlp-widths=64,1024,4096` (empty skips) and
 * `--mlp-n=50000` (one SGD epoch on MNIST against NumPy and PyTorch CPU: bench/mlp_bench.ts).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { allImpls } from "./impls/impls.ts";
import { machineInfo } from "./machine.ts";
import { measure, sameIteratesFailures } from "./measure.ts";
import type { MemoryResult } from "./memory_check.ts";
import { type BenchResult, renderTable } from "./report.ts";
import { streamOverhead } from "./stream_overhead.ts";
import { mlpBenchTable, runMlpBench } from "./mlp_bench.ts";
import { updateReadme } from "./update_readme.ts";
import { type LogisticWorkload, multiplyAddsPerStep, workloads } from "./workloads/workload.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    filter: { type: "string", default: "" },
    rounds: { type: "string", default: "5" },
    "round-seconds": { type: "string", default: "0.3" },
    "warmup-seconds": { type: "string", default: "0.5" },
    "memory-steps": { type: "string", default: "1e7" },
    "overhead-steps": { type: "string", default: "2e6" },
    "no-readme": { type: "boolean", default: false },
    "no-save": { type: "boolean", default: false },
    "mlp-widths": { type: "string", default: "64,1024,4096" },
    "mlp-n": { type: "string", default: "50000" },
  },
});
const log = (s: string) => console.error(s);
const impls = allImpls();
const machine = await machineInfo();
log(`${machine.cpu}, ${machine.cores} cores; GPU: ${machine.gpu}`);

const rows: BenchResult["workloads"] = [];
for (const w of workloads(values.filter)) {
  log(w.name);
  const results = await measure(w, impls, "numpy", {
    rounds: Number(values.rounds),
    roundSeconds: Number(values["round-seconds"]),
    warmupSeconds: Number(values["warmup-seconds"]),
  }, log);
  rows.push({ name: w.name, multiplyAddsPerStep: multiplyAddsPerStep(w), results });
}

let memory: BenchResult["memory"];
const memorySteps = Number(values["memory-steps"]);
if (memorySteps > 0) {
  log(`memory: streaming ${memorySteps} steps in a fresh process`);
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", new URL("./memory_check.ts", import.meta.url).pathname, String(memorySteps)],
    stderr: "inherit",
  }).output();
  if (!out.success) throw new Error(`The memory check failed with exit code ${out.code}`);
  const { samples, ...rest } = JSON.parse(new TextDecoder().decode(out.stdout)) as MemoryResult;
  memory = { ...rest, samples: samples.length };
}

let overhead: BenchResult["overhead"];
const overheadSteps = Number(values["overhead-steps"]);
if (overheadSteps > 0) {
  log(`stream overhead: ${overheadSteps} steps`);
  overhead = await streamOverhead(workloads("n=256 d=8")[0] as LogisticWorkload, overheadSteps);
}

const result: BenchResult = {
  date: new Date().toISOString(),
  command: ["deno task bench", ...Deno.args].join(" "),
  machine,
  impls: impls.map(({ id, label, bits }) => ({ id, label, bits })),
  baseline: "numpy",
  workloads: rows,
  ...(memory ? { memory } : {}),
  ...(overhead ? { overhead } : {}),
};

console.log(renderTable(result));
const failures = sameIteratesFailures(rows);
if (failures.length > 0) {
  console.error(
    `\nThe bench fails: ${failures.length} row(s) do not compute the same iterates:\n${failures.join("\n")}`,
  );
  Deno.exit(1);
}
if (memory) {
  console.log(
    `\nmemory: RSS ${(memory.baselineRss / 2 ** 20).toFixed(1)} → max ${(memory.maxRss / 2 ** 20).toFixed(1)} MiB ` +
      `over ${memory.steps} steps (${(memory.growth * 100).toFixed(1)}%, ${memory.flat ? "flat" : "NOT flat"})`,
  );
}
if (overhead) {
  console.log(
    `stream overhead: bare ${overhead.bareStepsPerSec.toFixed(0)} steps/s, train()+analysis ` +
      `${overhead.streamStepsPerSec.toFixed(0)} steps/s (${(overhead.overhead * 100).toFixed(1)}%; CPU time ` +
      `${(overhead.cpuOverhead * 100).toFixed(1)}%)`,
  );
}
if (!values["no-save"]) {
  const dir = new URL("./results/", import.meta.url);
  await Deno.mkdir(dir, { recursive: true });
  const file = new URL(`${result.date.slice(0, 10)}-${machine.host}.json`, dir);
  await Deno.writeTextFile(file, JSON.stringify(result, null, 2) + "\n");
  log(`wrote ${file.pathname}`);
  if (!values["no-readme"]) log(`updated ${await updateReadme(file.pathname)}`);
}
if (values["mlp-widths"] !== "") {
  const mlpRows = await runMlpBench({
    n: Number(values["mlp-n"]),
    widths: values["mlp-widths"].split(",").map(Number),
    epochs: 3,
    rounds: 2,
    threads: machine.cores,
    log,
  });
  console.log(
    `\nmlp: seconds per SGD epoch (batch 64, n = ${values["mlp-n"]}, MNIST 10×10), fastest of 3 ` +
      "(biasflow and NumPy: of 2 alternating rounds of 3)",
  );
  console.log(mlpBenchTable(mlpRows));
  if (!values["no-save"]) {
    const file = new URL(`./results/${result.date.slice(0, 10)}-${machine.host}-mlp.json`, import.meta.url);
    await Deno.writeTextFile(file, JSON.stringify({ date: result.date, rows: mlpRows }, null, 2) + "\n");
  }
}
// jax-js keeps its WebGPU device (and so the event loop) alive.
Deno.exit(0);
