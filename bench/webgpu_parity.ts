// deno run -A bench/webgpu_parity.ts [--out FILE]
//
// How close the WebGPU engine (float32) comes to the float64 CPU engine per
// problem × optimizer after 10⁴ and 2·10⁵ steps, fused and multi-workgroup:
// 1 − cos and relative norm error of the predictor, as JSON. The tests
// (tests/webgpu/create_webgpu_engines_test.ts) assert the bounds; this
// reports the values reached, on whatever adapter runs it.
import { parseArgs } from "node:util";
import { compileRun } from "../src/engine/compile_run.ts";
import { acquireGpu } from "../src/webgpu/device.ts";
import { createWebGpuEngines } from "../src/webgpu/create_webgpu_engines.ts";
import { parityAt } from "../tests/webgpu/_parity.ts";

const { values } = parseArgs({ args: Deno.args, options: { out: { type: "string" }, multi: { type: "string" } } });
const SEPARABLE = { kind: "separable", n: 40, d: 6, seed: 1 };
const FIG1 = { kind: "dataset", name: "soudry-fig1" };
const OPTIMIZERS = [
  { kind: "gd", lr: 0.1 },
  { kind: "gd", lr: 0.1, momentum: 0.9 },
  { kind: "gd", lr: 0.1, momentum: 0.9, nesterov: true },
  { kind: "normalized-gd", lr: 0.1 },
  { kind: "sgd", lr: 0.1, batch: 3, seed: 4 },
];
const LC = "linear-classification", LS = "least-squares";
const PROBLEMS = [
  { kind: LC, loss: "logistic", reduction: "sum", data: SEPARABLE },
  { kind: LC, loss: "logistic", reduction: "mean", data: FIG1 },
  { kind: LC, loss: "exp", reduction: "sum", data: SEPARABLE },
  { kind: LC, loss: "exp", reduction: "mean", data: FIG1 },
  { kind: LS, reduction: "sum", data: { kind: "gaussian", n: 30, d: 8, noise: 0.1, seed: 2 } },
];
// Step sizes per problem: exp-loss GD needs smaller steps on the separable data, least squares smaller still.
function lrScale(problem: (typeof PROBLEMS)[number], kind: string): number {
  if (problem.kind === LS) return kind === "normalized-gd" ? 0.01 : 0.1;
  return problem.loss === "exp" && kind !== "normalized-gd" ? 0.2 : 1;
}
const checkpoints = [10_000, 200_000];
const gpu = await acquireGpu();
const results: Record<string, unknown>[] = [];
for (const path of ["fused", ...(values.multi === "no" ? [] : ["multi" as const])] as const) {
  for (const problem of PROBLEMS) {
    const runs = OPTIMIZERS.map((optimizer) =>
      compileRun({
        problem,
        optimizer: { ...optimizer, lr: optimizer.lr * lrScale(problem, optimizer.kind) },
        ...(problem.kind === LS ? { init: { kind: "gaussian", scale: 0.1, seed: 1 } } : {}),
        steps: checkpoints.at(-1)!,
      })
    );
    const t0 = performance.now();
    const engines = await createWebGpuEngines(runs, { gpu, path });
    const errors = await parityAt(runs, engines, checkpoints);
    for (const e of engines) e.dispose();
    runs.forEach((run, i) => {
      const row = {
        path,
        problem: `${problem.loss}/${problem.reduction} ${
          problem.data.kind === "separable" ? "separable 40×6" : "soudry-fig1"
        }`,
        optimizer: run.spec.optimizer,
        ...Object.fromEntries(checkpoints.flatMap((t, c) => [
          [`cos_gap_${t}`, errors[c]![i]!.cosGap],
          [`norm_error_${t}`, errors[c]![i]!.normError],
        ])),
      };
      results.push(row);
      console.log(JSON.stringify(row));
    });
    console.error(
      `${path} ${problem.kind} ${problem.loss ?? ""}/${problem.reduction}: ${
        ((performance.now() - t0) / 1000).toFixed(1)
      }s`,
    );
  }
}
// Writes what has been measured so far, so that a run cut short by a timeout still reports.
async function save(): Promise<Record<string, number>> {
  const worst = (key: string) => Math.max(...results.map((r) => r[key] as number));
  const summary: Record<string, number> = Object.fromEntries(
    checkpoints.flatMap((t) => [[`worst_cos_gap_${t}`, worst(`cos_gap_${t}`)], [
      `worst_norm_error_${t}`,
      worst(`norm_error_${t}`),
    ]]),
  );
  if (values.out) {
    await Deno.writeTextFile(
      values.out,
      JSON.stringify({ adapter: gpu.adapterName, software: gpu.software, summary, results }, null, 2) + "\n",
    );
  }
  return summary;
}
console.log(JSON.stringify({ adapter: gpu.adapterName, software: gpu.software, ...await save() }));
gpu.device.destroy();
