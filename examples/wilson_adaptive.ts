/**
 * Wilson, Roelofs, Stern, Srebro & Recht (NeurIPS 2017), seed slide 8: on
 * their least-squares construction, AdaGrad, RMSProp and Adam from 0 converge
 * to ¼·sign(Xᵀy), which labels every new point +1, so their test error is the
 * share of negatives (≈ 1 − p); GD and SGD reach the minimum-norm solution and
 * classify new points perfectly — same training loss, different generalization.
 *
 * Run: deno run -A examples/wilson_adaptive.ts [steps]
 *
 * @module
 */
import { lastValueFrom } from "rxjs";
import { analyze, compileRun, presetSpec, train } from "../mod.ts";

const steps = Number(Deno.args[0] ?? 20_000);
const names = ["wilson-adagrad", "wilson-rmsprop", "wilson-adam", "wilson-gd", "wilson-sgd"];
const gdProblem = compileRun(presetSpec("wilson-gd")).problem;
if (gdProblem.kind !== "least-squares" || gdProblem.test === null) {
  throw new Error("wilson-gd is least squares with a test set");
}
const test = gdProblem.test;
const negatives = test.y.filter((v) => v === -1).length / test.n;
console.log(`${test.n} fresh test points, ${(100 * negatives).toFixed(1)}% negative\n`);
console.log(
  "optimizer".padEnd(16),
  "train loss".padStart(11),
  "test error".padStart(11),
  "test MSE".padStart(9),
  "  reference",
);
for (const name of names) {
  const spec = { ...presetSpec(name), steps, backend: "cpu" as const };
  const run = compileRun(spec);
  const last = await lastValueFrom(train(run).pipe(analyze(run)));
  const m = last.metrics;
  console.log(
    name.padEnd(16),
    m.loss!.toExponential(2).padStart(11),
    m.test_error!.toFixed(3).padStart(11),
    m.test_mse!.toFixed(3).padStart(9),
    `  rel. distance ${m.rel_err_ref?.toExponential(1) ?? "n/a"}`,
  );
}
