/**
 * Experiment 5 (Gunasekar et al., NeurIPS 2017; setup of Wu & Rebeschini,
 * NeurIPS 2021): gradient descent on X = UUᵀ from U₀ = √α·I, for α from 1e-1
 * down to 1e-5, on n = 50, m = 750 symmetrized Gaussian measurements of a
 * rank-5 X* with ‖X*‖_* = 1 (the paper's own instance, np.random.seed(1)),
 * η = 1, 5000 steps. The nuclear norm of the limit falls towards the minimum
 * nuclear norm solution as α → 0.
 *
 * Run: `deno run -A examples/matrix_sensing_alpha_sweep.ts [steps] [α,α,…] [cpu|webgpu|auto]` (on WebGPU
 * the four runs step as one batch: 3.5 minutes on llvmpipe, a software adapter, against 1 on the CPU engine).
 *
 * @module
 */
import { filter, lastValueFrom, toArray } from "rxjs";
import { compileRun } from "../src/run/compile_run.ts";
import { nuclearNorm } from "../src/math/nuclear_norm.ts";
import { analyze } from "../src/run/analyze.ts";
import { presetSpec } from "../src/presets/presets.ts";
import { solveReference } from "../src/run/solve_reference.ts";
import type { RunSpecInput } from "../src/run/run_spec_schema.ts";
import { sweep } from "../src/streams/sweep.ts";

/** The initialization sizes α of Wu & Rebeschini's table, and the values they report for GD. */
export const WU_REBESCHINI_TABLE: readonly { alpha: number; normNuclear: number; relErrTruth: number }[] = [
  { alpha: 1e-1, normNuclear: 2.40, relErrTruth: 0.75 },
  { alpha: 1e-2, normNuclear: 1.26, relErrTruth: 0.16 },
  { alpha: 1e-3, normNuclear: 1.05, relErrTruth: 0.034 },
  { alpha: 1e-5, normNuclear: 1.004, relErrTruth: 0.004 },
];

/** One run of the sweep, at its last step. */
export interface AlphaSweepRow {
  /** The initialization size α (U₀ = √α·I). */
  alpha: number;
  /** Steps taken. */
  step: number;
  /** ‖X‖_*. */
  normNuclear: number;
  /** ‖X − X*‖_F / ‖X*‖_F. */
  relErrTruth: number;
  /** ‖X − X̄‖_F / ‖X̄‖_F to the minimum nuclear norm solution X̄. */
  relErrRef: number;
  /** The effective rank of X. */
  rankEff: number;
  /** The training loss. */
  loss: number;
}

/**
 * Runs the α sweep of the `matrix-sensing` preset (all runs share one
 * reference solve) and returns each run's final metrics.
 *
 * @param options `alphas` (default the table's), `spec` (default the preset),
 *   `steps` (default the spec's), `backend` (default `cpu`).
 * @returns One row per α and the reference's nuclear norm.
 *
 * @example Usage
 * ```ts ignore
 * const { rows, referenceNorm } = await alphaSweep();
 * ```
 */
export async function alphaSweep(
  options: { alphas?: readonly number[]; spec?: RunSpecInput; steps?: number; backend?: "cpu" | "webgpu" | "auto" } =
    {},
): Promise<{ rows: AlphaSweepRow[]; referenceNorm: number }> {
  const alphas = options.alphas ?? WU_REBESCHINI_TABLE.map((r) => r.alpha);
  const base = options.spec ?? presetSpec("matrix-sensing");
  const spec = {
    ...base,
    steps: options.steps ?? base.steps,
    backend: options.backend ?? "cpu",
    record: { perDecade: 2, everyMs: 0 },
  };
  const run = compileRun(spec);
  const reference = await solveReference(run);
  if (reference.predictor === null) throw new Error(`No reference: ${reference.error}`);
  const n = reference.predictor.shape[0]!;
  const last = await lastValueFrom(
    sweep(spec, "init.scale", alphas.map(Math.sqrt)).pipe(
      filter((s) => s.status !== "running"),
      analyze(run, { reference }),
      toArray(),
    ),
  );
  const rows = alphas.map((alpha) => {
    const s = last.find((x) => x.sweep?.value === Math.sqrt(alpha))!;
    const m = s.metrics;
    return {
      alpha,
      step: s.step,
      normNuclear: m.norm_nuclear!,
      relErrTruth: m.rel_err_truth!,
      relErrRef: m.rel_err_ref!,
      rankEff: m.rank_eff!,
      loss: s.loss,
    };
  });
  return { rows, referenceNorm: nuclearNorm(reference.predictor.data, n) };
}

if (import.meta.main) {
  const t0 = performance.now();
  const steps = Deno.args[0] === undefined ? undefined : Number(Deno.args[0]);
  const alphas = Deno.args[1] === undefined || Deno.args[1] === "" ? undefined : Deno.args[1].split(",").map(Number);
  const backend = Deno.args[2] as "cpu" | "webgpu" | "auto" | undefined;
  const { rows, referenceNorm } = await alphaSweep({
    ...(steps === undefined ? {} : { steps }),
    ...(alphas === undefined ? {} : { alphas }),
    ...(backend === undefined ? {} : { backend }),
  });
  console.log(`min nuclear norm (reference): ${referenceNorm.toFixed(6)}`);
  console.log("alpha    ‖X‖_*    (paper)  ‖X−X*‖/‖X*‖ (paper)  rank_eff  loss");
  rows.forEach((r) => {
    const p = WU_REBESCHINI_TABLE.find((t) => t.alpha === r.alpha);
    console.log(
      `${r.alpha.toExponential(0).padEnd(8)} ${r.normNuclear.toFixed(4)}  (${p?.normNuclear ?? "-"})   ` +
        `${r.relErrTruth.toFixed(4)}      (${p?.relErrTruth ?? "-"})  ${r.rankEff.toFixed(2).padStart(8)}  ${
          r.loss.toExponential(1)
        }`,
    );
  });
  console.log(`${rows[0]?.step} steps per run, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
