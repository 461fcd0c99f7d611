/**
 * Gunasekar, Lee, Soudry & Srebro (ICML 2018): steepest descent w.r.t. ℓp on
 * separable data (exponential loss) converges in direction to the ℓp
 * max-margin separator — ℓ1 is greedy coordinate descent (AdaBoost), ℓ∞ sign
 * descent. With n < d the three separators differ: each method's normalized
 * margin, as a share of each norm's max margin, is largest in its own norm.
 * Then GD on softmax cross-entropy and the multiclass SVM.
 *
 * Run: deno run -A examples/steepest_margins.ts [steps]
 *
 * @module
 */
import { lastValueFrom } from "rxjs";
import { analyze, compileRun, presetSpec, solveReference, train } from "../mod.ts";

const steps = Number(Deno.args[0] ?? 300_000);
const norms = ["l1", "l2", "linf"] as const;
const maxMargin: Record<string, number> = {};
for (const norm of norms) {
  const ref = await solveReference(compileRun(presetSpec(`gunasekar-steepest-${norm}`)));
  if (ref.predictor === null) throw new Error(ref.error);
  maxMargin[norm] = ref.margin!;
}
console.log(
  `max margins: ℓ1 ${maxMargin.l1!.toFixed(5)}, ℓ2 ${maxMargin.l2!.toFixed(5)}, ℓ∞ ${maxMargin.linf!.toFixed(5)}`,
);
console.log(`\nmargin / max margin after ${steps} steps (rows: method, columns: norm)\n`);
console.log("method".padEnd(14), ...norms.map((n) => n.padStart(8)));
for (const method of norms) {
  const spec = { ...presetSpec(`gunasekar-steepest-${method}`), steps, backend: "cpu" as const };
  const last = await lastValueFrom(train(spec).pipe(analyze(spec)));
  const row = norms.map((n) => (last.metrics[`margin_${n}`]! / maxMargin[n]!).toFixed(4).padStart(8));
  console.log(`steepest ${method}`.padEnd(14), ...row, last.status === "done" ? "" : ` (${last.status})`);
}

const multi = { ...presetSpec("soudry-multiclass"), steps: Math.min(steps, 100_000), backend: "cpu" as const };
const m = (await lastValueFrom(train(multi).pipe(analyze(multi)))).metrics;
console.log(
  `\nGD on 3-class softmax after ${multi.steps} steps: cos(W, Ŵ_SVM) = ${m.cos_ref!.toFixed(5)}, ` +
    `margin ${m.margin!.toFixed(5)} of the SVM's ${(m.margin! + m.margin_gap!).toFixed(5)}`,
);
