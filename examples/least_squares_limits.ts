/**
 * Underdetermined least squares (seed slide 19; Gunasekar et al., ICML 2018,
 * §2) on x₁ = (1, 1, 1), y₁ = 1; x₂ = (1, 2, 0), y₂ = 10. Every optimizer
 * interpolates; which interpolant it reaches is its implicit bias. GD and
 * momentum reach X⁺y whatever the step size, and so does mirror descent its
 * minimum-ℓp interpolant; AdaGrad, steepest descent w.r.t. ℓ4/3 and coordinate
 * descent land somewhere that depends on the step size.
 *
 * Run: deno run -A examples/least_squares_limits.ts [steps]
 *
 * @module
 */
import { lastValueFrom } from "rxjs";
import { compileRun, presetSpec, solveReference, train } from "../mod.ts";

const steps = Number(Deno.args[0] ?? 20_000);
const families: [string, number[]][] = [
  ["lsq-gd", [0.01, 0.03, 0.1]],
  ["lsq-momentum", [0.001, 0.003, 0.01]],
  ["lsq-mirror-1.5", [0.01, 0.03, 0.1]],
  ["lsq-adagrad", [0.1, 0.3, 1]],
  ["lsq-steepest-4-3", [0.01, 0.03, 0.1]],
  ["lsq-coordinate", [0.01, 0.03, 0.1]],
];
const fmt = (w: ArrayLike<number>) => `(${Array.from(w, (v) => v.toFixed(6).padStart(10)).join(", ")})`;
for (const [name, lrs] of families) {
  const base = presetSpec(name);
  const reference = await solveReference(compileRun(base));
  console.log(
    `${name}: ${
      reference.predictor
        ? `predicted ${fmt(reference.predictor.data)} (${reference.kind})`
        : `no prediction — ${reference.error}`
    }`,
  );
  const limits: Float64Array[] = [];
  for (const lr of lrs) {
    const spec = { ...base, optimizer: { ...base.optimizer!, lr }, steps, backend: "cpu" as const };
    const last = await lastValueFrom(train(spec));
    limits.push(last.predictor.data);
    console.log(`  lr ${String(lr).padEnd(6)} → ${fmt(last.predictor.data)}  loss ${last.loss.toExponential(1)}`);
  }
  let spread = 0;
  for (const a of limits) for (const b of limits) spread = Math.max(spread, Math.hypot(...a.map((v, j) => v - b[j]!)));
  console.log(`  largest distance between limits: ${spread.toExponential(2)}\n`);
}
