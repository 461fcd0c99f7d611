/**
 * Soudry et al. (2018), Figure 1: gradient descent on separable logistic
 * regression converges in direction to the hard-margin SVM, slowly — the
 * angle gap closes like 1/log² t, while ‖w(t)‖ grows like ‖ŵ‖·ln t.
 *
 * Run: deno run -A examples/soudry_fig1.ts [steps]
 *
 * @module
 */
import { filter, lastValueFrom, tap } from "rxjs";
import { analyze, compileRun, presetSpec, solveReference, train } from "../mod.ts";

const steps = Number(Deno.args[0] ?? 1_000_000);
const run = compileRun({ ...presetSpec("soudry-fig1"), steps, record: { perDecade: 4, everyMs: 0 } });
const reference = await solveReference(run);
if (reference.predictor === null) throw new Error(reference.error);
const wHat = reference.predictor.data;
const wHatNorm = Math.hypot(...wHat);
const eta = (run.spec.optimizer as { lr: number }).lr;

console.log(`max-margin ŵ = (${wHat.join(", ")}), ‖ŵ‖ = ${wHatNorm.toFixed(6)}, η = 1/σ_max = ${eta.toFixed(6)}`);
console.log(`predicted: ‖w(t)‖ − ‖ŵ‖·ln t → const, t·L(w(t)) → ‖ŵ‖²/η = ${(wHatNorm ** 2 / eta).toFixed(5)}\n`);
console.log(
  "step".padStart(9),
  "‖w‖".padStart(9),
  "‖w‖−‖ŵ‖ln t".padStart(12),
  "t·L".padStart(9),
  "angle gap".padStart(11),
);

const last = await lastValueFrom(
  train(run).pipe(
    analyze(run, { reference }),
    filter((s) => s.step > 0),
    tap((s) => {
      const m = s.metrics;
      console.log(
        String(s.step).padStart(9),
        m.norm!.toFixed(5).padStart(9),
        (m.norm! - wHatNorm * Math.log(s.step)).toFixed(5).padStart(12),
        (s.step * m.loss!).toFixed(5).padStart(9),
        m.angle_gap!.toExponential(3).padStart(11),
      );
    }),
  ),
);
console.log(`\nafter ${last.step} steps: cos(w, ŵ) = ${last.metrics.cos_ref}, margin gap = ${last.metrics.margin_gap}`);
