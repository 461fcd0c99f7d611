// deno run -A bench/webgpu_parity.ts [--out FILE] [--steps 10000,200000] [--multi no|STEPS] [--kinds adam,mirror,…]
//                                    [--sensitivity]
//
// How close the WebGPU engine (float32) comes to the float64 CPU engine per
// problem × optimizer at each checkpoint (default 10⁴ and 2·10⁵ steps), fused
// and multi-workgroup (`--multi 10000`: the multi-workgroup path only to 10⁴
// steps; `no`: not at all): 1 − cos and relative norm error of the predictor,
// as JSON. For the discontinuous rules (sign and greedy steps) also the first
// step at which the float64 run decides on a near-tie and the largest
// per-coordinate difference in units of its step since then (see
// tests/webgpu/optimizers/_decisions.ts). `--sensitivity` adds the same errors
// for a float64 run whose gradients are rounded to float32: how far float32's
// rounding alone moves the float64 trajectory, about the floor of what any
// float32 engine can reach.
// The tests (tests/webgpu/) assert the bounds on shorter runs; this reports
// the values reached, on whatever adapter runs it.
import { parseArgs } from "node:util";
import { type CompiledRun, compileRun } from "../src/run/compile_run.ts";
import { createCpuEngine } from "../src/cpu/cpu_engine.ts";
import { acquireGpu } from "../src/webgpu/device.ts";
import { createWebGpuEngines } from "../src/webgpu/create_webgpu_engines.ts";
import { parityError } from "../tests/webgpu/_parity.ts";
import { decisionTrace } from "../tests/webgpu/optimizers/_decisions.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    out: { type: "string" },
    multi: { type: "string" },
    steps: { type: "string" },
    kinds: { type: "string" },
    sensitivity: { type: "boolean" },
  },
});
const checkpoints = (values.steps ?? "10000,200000").split(",").map(Number);
const multiSteps = values.multi === "no" ? 0 : values.multi === undefined ? checkpoints.at(-1)! : Number(values.multi);
const kinds = values.kinds?.split(",");

const SEPARABLE = { kind: "separable", n: 40, d: 6, seed: 1 };
const FIG1 = { kind: "dataset", name: "soudry-fig1" };
const LC = "linear-classification", LS = "least-squares";
const PROBLEMS = [
  { name: "logistic/sum separable 40×6", spec: { kind: LC, loss: "logistic", reduction: "sum", data: SEPARABLE } },
  { name: "logistic/mean soudry-fig1", spec: { kind: LC, loss: "logistic", reduction: "mean", data: FIG1 } },
  { name: "exp/sum separable 40×6", spec: { kind: LC, loss: "exp", reduction: "sum", data: SEPARABLE } },
  { name: "exp/mean soudry-fig1", spec: { kind: LC, loss: "exp", reduction: "mean", data: FIG1 } },
  {
    name: "least squares/sum 30×8",
    spec: { kind: LS, reduction: "sum", data: { kind: "gaussian", n: 30, d: 8, noise: 0.1, seed: 2 } },
  },
  {
    name: "least squares/mean 10×24",
    spec: { kind: LS, reduction: "mean", data: { kind: "gaussian", n: 10, d: 24, seed: 5 } },
  },
];
type ProblemBase = (typeof PROBLEMS)[number];

// Optimizers with their step size on the separable logistic problem; other
// problems scale it (below). Adam and RMSProp take eps = 0.1 on least squares:
// with a tiny eps their float64 runs are chaotic once least squares has
// converged (steps of size lr driven by the rounding of ∇L ≈ 0), which no
// float32 engine can follow (see tests/webgpu/optimizers/rmsprop_test.ts).
const OPTIMIZERS: Record<string, unknown>[] = [
  { kind: "gd", lr: 0.1 },
  { kind: "gd", lr: 0.1, momentum: 0.9 },
  { kind: "gd", lr: 0.1, momentum: 0.9, nesterov: true },
  { kind: "normalized-gd", lr: 0.1 },
  { kind: "sgd", lr: 0.1, batch: 3, seed: 4 },
  { kind: "adagrad", lr: 0.1 },
  { kind: "rmsprop", lr: 1e-3 },
  { kind: "rmsprop", lr: 1e-3, momentum: 0.9 },
  { kind: "rmsprop", lr: 1e-3, centered: true },
  { kind: "adam", lr: 1e-3 },
  { kind: "steepest", norm: 3, lr: 0.01 },
  { kind: "steepest", norm: 1.5, lr: 0.01 },
  { kind: "steepest", norm: "l1", lr: 0.01 },
  { kind: "steepest", norm: "linf", lr: 1e-3 },
  { kind: "coordinate", rule: "cyclic", lr: 0.01 },
  { kind: "coordinate", rule: "greedy", lr: 0.01 },
  { kind: "mirror", p: 1.5, lr: 0.01 },
  { kind: "mirror", p: 3, lr: 0.01 },
];

// The step size on `problem` (null: not run there).
function optimizerFor(problem: ProblemBase, o: Record<string, unknown>): Record<string, unknown> | null {
  const { spec } = problem;
  const kind = o.kind as string, lr = o.lr as number;
  const gdFamily = kind === "gd" || kind === "sgd" || kind === "normalized-gd";
  if (spec.kind === LS) {
    const wide = spec.reduction === "mean";
    // Normalized GD hops around the solutions of an interpolating problem (see least_squares_test.ts).
    if (kind === "normalized-gd") return wide ? null : { ...o, lr: lr * 0.01 };
    if (kind === "rmsprop" || kind === "adam") return { ...o, eps: 0.1 };
    return gdFamily && !wide ? { ...o, lr: lr * 0.1 } : o;
  }
  return spec.loss === "exp" && kind !== "normalized-gd" ? { ...o, lr: lr * 0.2 } : o;
}

function discontinuity(o: Record<string, unknown>): "sign" | "greedy" | null {
  if (o.kind === "steepest" && o.norm === "linf") return "sign";
  if ((o.kind === "steepest" && o.norm === "l1") || (o.kind === "coordinate" && o.rule === "greedy")) return "greedy";
  return null;
}

// The same run in float64 with each gradient rounded to float32: how much
// the float64 trajectory itself moves under perturbations of float32's size.
function roundedGradients(run: CompiledRun): CompiledRun {
  const problem: CompiledRun["problem"] = Object.create(run.problem);
  const round = (g: Float64Array) => {
    for (let j = 0; j < g.length; j++) g[j] = Math.fround(g[j]!);
  };
  problem.gradient = (w, g, wantLoss, rows, count) => {
    const loss = run.problem.gradient(w, g, wantLoss, rows, count);
    round(g);
    return loss;
  };
  if (run.problem.logGradient) {
    problem.logGradient = (w, g) => {
      const log = run.problem.logGradient!(w, g);
      round(g);
      return log;
    };
  }
  return { ...run, problem };
}

async function float64At(run: CompiledRun, steps: readonly number[]): Promise<Float64Array[]> {
  const engine = createCpuEngine(run);
  const out: Float64Array[] = [];
  for (const t of steps) {
    await engine.advance(t - engine.step);
    out.push((await engine.read()).predictor.data);
  }
  return out;
}

const gpu = await acquireGpu();
const results: Record<string, unknown>[] = [];
for (const problem of PROBLEMS) {
  const optimizers = OPTIMIZERS.map((o) => optimizerFor(problem, o))
    .filter((o): o is Record<string, unknown> =>
      o !== null && (kinds === undefined || kinds.includes(o.kind as string))
    );
  const runs = optimizers.map((optimizer) =>
    compileRun({
      problem: problem.spec,
      optimizer,
      ...(problem.spec.kind === LS ? { init: { kind: "gaussian", scale: 0.1, seed: 1 } } : {}),
      steps: checkpoints.at(-1)!,
    })
  );
  const t0 = performance.now();
  const want = await Promise.all(runs.map((run) => float64At(run, checkpoints)));
  const sensitivity = values.sensitivity
    ? await Promise.all(runs.map((run) => float64At(roundedGradients(run), checkpoints)))
    : null;
  const traces = runs.map((run, i) => {
    const rule = discontinuity(optimizers[i]!);
    return rule === null ? null : decisionTrace(run, checkpoints.at(-1)!, rule, 1e-4);
  });
  const cpuSeconds = (performance.now() - t0) / 1000;
  for (const path of ["fused", "multi"] as const) {
    const steps = path === "fused" ? checkpoints : checkpoints.filter((t) => t <= multiSteps);
    if (steps.length === 0) continue;
    const t1 = performance.now();
    const engines = await createWebGpuEngines(runs, { gpu, path });
    const got: Float64Array[][] = runs.map(() => []);
    for (const t of steps) {
      await Promise.all(engines.map((e) => e.advance(t - e.step)));
      (await Promise.all(engines.map((e) => e.read()))).forEach((s, i) => got[i]!.push(s.predictor.data));
    }
    runs.forEach((run, i) => {
      const row: Record<string, unknown> = { path, problem: problem.name, optimizer: run.spec.optimizer };
      if (engines[i]!.diverged) row.diverged_at = engines[i]!.diverged!.step;
      steps.forEach((t, c) => {
        const e = parityError(got[i]![c]!, want[i]![c]!);
        row[`cos_gap_${t}`] = e.cosGap;
        row[`norm_error_${t}`] = e.normError;
        if (sensitivity !== null) {
          const f = parityError(sensitivity[i]![c]!, want[i]![c]!);
          row[`f64_cos_gap_${t}`] = f.cosGap;
          row[`f64_norm_error_${t}`] = f.normError;
        }
        const trace = traces[i];
        if (trace) {
          row.first_near_tie = trace.firstNearTie;
          let dmax = 0;
          for (let j = 0; j < got[i]![c]!.length; j++) {
            dmax = Math.max(dmax, Math.abs(got[i]![c]![j]! - want[i]![c]![j]!));
          }
          row[`max_diff_in_steps_${t}`] = trace.stepAfter > 0 ? dmax / trace.stepAfter : dmax;
        }
      });
      results.push(row);
      console.log(JSON.stringify(row));
    });
    for (const e of engines) e.dispose();
    console.error(
      `${path} ${problem.name}: ${((performance.now() - t1) / 1000).toFixed(1)}s (float64 ${cpuSeconds.toFixed(1)}s)`,
    );
    await save();
  }
}

// Writes what has been measured so far, so that a run cut short by a timeout still reports.
async function save(): Promise<Record<string, number>> {
  const worst = (key: string) => Math.max(...results.filter((r) => key in r).map((r) => r[key] as number));
  const continuous = results.filter((r) => !discontinuity(r.optimizer as Record<string, unknown>));
  const summary: Record<string, number> = Object.fromEntries(
    checkpoints.flatMap((t) => [
      [`worst_cos_gap_${t}`, worst(`cos_gap_${t}`)],
      [`worst_norm_error_${t}`, worst(`norm_error_${t}`)],
      [`worst_continuous_norm_error_${t}`, Math.max(...continuous.map((r) => (r[`norm_error_${t}`] as number) ?? 0))],
    ]),
  );
  if (values.out) {
    await Deno.writeTextFile(
      values.out,
      JSON.stringify({ adapter: gpu.adapterName, software: gpu.software, checkpoints, summary, results }, null, 2) +
        "\n",
    );
  }
  return summary;
}
console.log(JSON.stringify({ adapter: gpu.adapterName, software: gpu.software, ...await save() }));
gpu.device.destroy();
