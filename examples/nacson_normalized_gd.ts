/**
 * Nacson et al. (AISTATS 2019): normalized GD, w ← w − (η/L(w))·∇L(w), on the
 * exponential loss converges in direction to the max-margin separator like
 * 1/t, while GD (same first step) creeps like 1/log t.
 *
 * Run: deno run -A examples/nacson_normalized_gd.ts [steps]
 *
 * @module
 */
import { filter, lastValueFrom, tap, toArray } from "rxjs";
import { analyze, compileRun, presetSpec, solveReference, train } from "../mod.ts";

const steps = Number(Deno.args[0] ?? 10_000);
const distances = new Map<string, Map<number, number>>();
for (const name of ["nacson-normalized-gd-gaussian", "nacson-gd-gaussian"]) {
  const run = compileRun({ ...presetSpec(name), steps, record: { perDecade: 4, everyMs: 0 }, backend: "cpu" });
  const reference = await solveReference(run);
  const byStep = new Map<number, number>();
  await lastValueFrom(
    train(run).pipe(
      analyze(run, { reference }),
      filter((s) => s.step > 0),
      tap((s) => byStep.set(s.step, s.metrics.dist_ref!)),
      toArray(),
    ),
  );
  distances.set(name, byStep);
}
const ngd = distances.get("nacson-normalized-gd-gaussian")!, gd = distances.get("nacson-gd-gaussian")!;
console.log("distance ‖w/‖w‖ − ŵ/‖ŵ‖‖ to the max-margin direction\n");
console.log("step".padStart(8), "normalized GD".padStart(14), "GD".padStart(11), "GD / NGD".padStart(9));
for (const [step, d] of ngd) {
  console.log(
    String(step).padStart(8),
    d.toExponential(3).padStart(14),
    gd.get(step)!.toExponential(3).padStart(11),
    (gd.get(step)! / d).toFixed(1).padStart(9),
  );
}
const tenth = Math.round(steps / 10);
if (ngd.has(tenth)) {
  const slope = Math.log10(ngd.get(steps)! / ngd.get(tenth)!);
  console.log(`\nlog-log slope of normalized GD over the last decade: ${slope.toFixed(3)} (1/t rate: −1)`);
}
