/**
 * Experiment 6: fully connected linear networks of depth L = 1 … 4 trained by
 * gradient descent on separable data (logistic loss). Whatever the depth,
 * the end-to-end predictor β = (W_L⋯W₁)ᵀ converges in direction to the L2
 * max-margin SVM (Ji & Telgarsky, ICLR 2019): the angle gap 1 − cos(β, ŵ)
 * falls decade after decade, about as slowly as for the linear model.
 *
 * Run: `deno run -A examples/deep_linear_nets.ts [steps]`
 *
 * @module
 */
import { lastValueFrom, toArray } from "rxjs";
import { compileRun } from "../src/run/compile_run.ts";
import { analyze } from "../src/run/analyze.ts";
import { presetSpec } from "../src/presets/presets.ts";
import { solveReference } from "../src/run/solve_reference.ts";
import type { RunSpecInput } from "../src/run/run_spec_schema.ts";
import { train } from "../src/streams/train.ts";

/** The direction of one net's predictor at one recorded step. */
export interface DepthPoint {
  /** Steps taken. */
  step: number;
  /** 1 − cos(β, ŵ). */
  angleGap: number;
  /** The normalized L2 margin minₙ yₙ⟨β, xₙ⟩/‖β‖. */
  margin: number;
}

/**
 * Trains the `deep-linear-net` preset at each depth (depth 1 is the linear
 * model on the same data, from 0) and records its direction once per decade.
 *
 * @param options `depths` (default 1–4), `steps` (default the preset's 10⁶).
 * @returns Per depth, the recorded points; and the max margin ‖ŵ‖⁻¹.
 *
 * @example Usage
 * ```ts ignore
 * const { byDepth } = await deepLinearNets({ depths: [2, 3], steps: 1e5 });
 * ```
 */
export async function deepLinearNets(
  options: { depths?: readonly number[]; steps?: number } = {},
): Promise<{ byDepth: Map<number, DepthPoint[]>; maxMargin: number }> {
  const base = presetSpec("deep-linear-net");
  const depths = options.depths ?? [1, 2, 3, 4];
  const byDepth = new Map<number, DepthPoint[]>();
  let maxMargin = NaN;
  for (const depth of depths) {
    const problem = { ...(base.problem as Record<string, unknown>) };
    const spec: RunSpecInput = {
      ...base,
      problem: (depth === 1
        ? { kind: "linear-classification", loss: problem.loss, reduction: problem.reduction, data: problem.data }
        : { ...problem, depth }) as RunSpecInput["problem"],
      init: depth === 1 ? { kind: "zeros" } : base.init,
      steps: options.steps ?? base.steps,
      backend: "cpu",
      record: { perDecade: 1, everyMs: 0 },
    };
    const run = compileRun(spec);
    const reference = await solveReference(run);
    if (reference.predictor === null) {
      throw new Error(`No reference: ${reference.error}`);
    }
    maxMargin = reference.margin ?? NaN;
    const snaps = await lastValueFrom(train(run).pipe(analyze(run, { reference }), toArray()));
    byDepth.set(
      depth,
      snaps.filter((s) =>
        s.step > 0
      ).map((s) => ({
        step: s.step,
        angleGap: s.metrics.angle_gap!,
        margin: s.metrics.margin!,
      })),
    );
  }
  return { byDepth, maxMargin };
}

if (import.meta.main) {
  const { byDepth, maxMargin } = await deepLinearNets(Deno.args[0] ? { steps: Number(Deno.args[0]) } : {});
  console.log(`L2 max margin: ${maxMargin.toFixed(6)}`);
  const steps = byDepth.values().next().value!.map((p) => p.step);
  console.log(
    `angle gap 1 − cos(β, ŵ)\n${"step".padStart(9)} ${
      [...byDepth.keys()].map((l) => `L = ${l}`.padStart(10)).join(" ")
    }`,
  );
  steps.forEach((step, i) => {
    console.log(
      `${String(step).padStart(9)} ${
        [...byDepth.values()].map((pts) => pts[i]!.angleGap.toExponential(2).padStart(10)).join(" ")
      }`,
    );
  });
}
