/**
 * Experiment 7 (Gunasekar, Lee, Soudry & Srebro, NeurIPS 2018): one example
 * x ∈ ℝ⁸ whose spectrum peaks at frequency 2. A two-layer full-width circular
 * convolutional linear net, trained by gradient descent, moves all of β's
 * Fourier mass onto that frequency and its conjugate (the ℓ1-DFT max margin),
 * while the fully connected two-layer net keeps β ∝ x (the L2 max margin).
 *
 * Run: `deno run -A examples/linear_conv_net.ts [steps]`
 *
 * @module
 */
import { lastValueFrom, toArray } from "rxjs";
import { compileRun } from "../src/run/compile_run.ts";
import { cosine } from "../src/math/cosine.ts";
import { dftMagnitudes } from "../src/math/dft_magnitudes.ts";
import { analyze } from "../src/run/analyze.ts";
import { presetSpec } from "../src/presets/presets.ts";
import { solveReference } from "../src/run/solve_reference.ts";
import { train } from "../src/streams/train.ts";

/** One recorded step of one net. */
export interface SpectrumPoint {
  /** Steps taken. */
  step: number;
  /** Share of ‖β̂‖₁ on the example's strongest frequency k* and its conjugate d − k*. */
  concentration: number;
  /** cos(β, x). */
  cosX: number;
  /** 1 − cos(β, reference): the DFT-ℓ1 max margin (conv) or the L2 max margin (fully connected). */
  angleGap: number;
}

/**
 * The share of a vector's DFT-ℓ1 mass on frequency k and its conjugate.
 *
 * @param v A real vector.
 * @param k A frequency.
 * @returns (|v̂ₖ| + |v̂_{d−k}|) / Σⱼ|v̂ⱼ| (k counted once when k = d − k).
 *
 * @example Usage
 * ```ts
 * import { concentration } from "./linear_conv_net.ts";
 * console.log(concentration([1, 0, -1, 0], 1)); // 1
 * ```
 */
export function concentration(v: ArrayLike<number>, k: number): number {
  const mags = dftMagnitudes(v), d = mags.length;
  const on = mags[k]! + (d - k !== k && k !== 0 ? mags[d - k]! : 0);
  return on / mags.reduce((a, b) => a + b, 0);
}

/**
 * Trains the `linear-conv-net` and `linear-net-one-example` presets and
 * records, once per decade, how β's spectrum and direction evolve.
 *
 * @param options `steps` (default the presets' 10⁵).
 * @returns The example x, its strongest frequency k*, and the points of each net.
 *
 * @example Usage
 * ```ts ignore
 * const { conv, fullyConnected } = await linearConvNet({ steps: 1e4 });
 * ```
 */
export async function linearConvNet(options: { steps?: number } = {}): Promise<{
  x: number[];
  k: number;
  conv: SpectrumPoint[];
  fullyConnected: SpectrumPoint[];
}> {
  const convSpec = presetSpec("linear-conv-net"), fcSpec = presetSpec("linear-net-one-example");
  const data = (convSpec.problem as { data: { x: number[][] } }).data;
  const x = data.x[0]!;
  const mags = dftMagnitudes(x);
  const k = mags.indexOf(Math.max(...mags));
  async function trace(base: typeof convSpec): Promise<SpectrumPoint[]> {
    const run = compileRun({
      ...base,
      steps: options.steps ?? base.steps,
      backend: "cpu",
      record: { perDecade: 1, everyMs: 0 },
    });
    const reference = await solveReference(run);
    const snaps = await lastValueFrom(train(run).pipe(analyze(run, { reference }), toArray()));
    return snaps.filter((s) => s.step > 0).map((s) => ({
      step: s.step,
      concentration: concentration(s.predictor.data, k),
      cosX: cosine(s.predictor.data, x),
      angleGap: s.metrics.angle_gap!,
    }));
  }
  return { x, k, conv: await trace(convSpec), fullyConnected: await trace(fcSpec) };
}

if (import.meta.main) {
  const { x, k, conv, fullyConnected } = await linearConvNet(Deno.args[0] ? { steps: Number(Deno.args[0]) } : {});
  console.log(
    `x = [${x.join(", ")}]; |x̂| peaks at k* = ${k}; x itself has ${(100 * concentration(x, k)).toFixed(1)}% there`,
  );
  console.log("     step | conv: share on k*  cos(β,x)  gap to DFT-ℓ1 MM | fully connected: share  cos(β,x)");
  conv.forEach((c, i) => {
    const f = fullyConnected[i]!;
    console.log(
      `${String(c.step).padStart(9)} | ${c.concentration.toFixed(6).padStart(17)} ${c.cosX.toFixed(6).padStart(9)} ${
        c.angleGap.toExponential(2).padStart(18)
      } | ${f.concentration.toFixed(6).padStart(22)} ${f.cosX.toFixed(6).padStart(9)}`,
    );
  });
}
