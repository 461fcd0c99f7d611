import { sigmaMax } from "../math/sigma_max.ts";
import { soudryFig1 } from "../problems/soudry_fig1.ts";
import type { RunSpecInput } from "../spec/run_spec.ts";
import { EXPERIMENT_PRESETS } from "./_experiment_presets.ts";
import { FACTORIZED_PRESETS } from "./_factorized_presets.ts";
import { MLP_PRESETS } from "../problems/mlp/mlp_presets.ts";

/** A named, ready-to-run experiment. */
export interface Preset {
  /** What it shows, in a sentence. */
  readonly description: string;
  /** Where it comes from (paper, slide). */
  readonly source: string;
  /** The run spec. */
  readonly spec: RunSpecInput;
  /** For a sweep preset: the field varied and its values (the spec holds a representative value). */
  readonly sweep?: { readonly path: string; readonly values: readonly unknown[] };
}

const fig1Data = { kind: "dataset", name: "soudry-fig1" } as const;
/** η = 1/σ_max(X) of the Figure 1 data, as in the paper. */
const fig1Lr = 1 / sigmaMax(soudryFig1().x, 2);

/**
 * The presets that ship with biasflow, by name.
 *
 * @example Usage
 * ```ts
 * import { PRESETS } from "./presets.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok("soudry-fig1" in PRESETS);
 * ```
 */
export const PRESETS: Readonly<Record<string, Preset>> = {
  "soudry-fig1": {
    description: "GD on separable logistic regression converges in direction to the L2 max-margin SVM",
    source: "Soudry, Hoffer, Nacson, Gunasekar, Srebro (ICLR 2018), Figure 1; seed slide 20",
    spec: {
      name: "soudry-fig1",
      problem: { kind: "linear-classification", loss: "logistic", reduction: "sum", data: fig1Data },
      optimizer: { kind: "gd", lr: fig1Lr, momentum: 0 },
      init: { kind: "zeros" },
      steps: 1_000_000,
      record: { perDecade: 20, everyMs: 1000 },
      backend: "auto",
    },
  },
  "soudry-fig1-momentum": {
    description: "GD with momentum 0.9 reaches the same max-margin direction",
    source: "Soudry et al. (2018), §4; Gunasekar et al. (ICML 2018)",
    spec: {
      name: "soudry-fig1-momentum",
      problem: { kind: "linear-classification", loss: "logistic", reduction: "sum", data: fig1Data },
      optimizer: { kind: "gd", lr: 0.1 * fig1Lr, momentum: 0.9 },
      steps: 1_000_000,
    },
  },
  "soudry-fig1-sgd": {
    description: "SGD (batch 1) on the same data also converges to the max-margin direction",
    source: "Nacson, Srebro, Soudry (AISTATS 2019)",
    spec: {
      name: "soudry-fig1-sgd",
      problem: { kind: "linear-classification", loss: "logistic", reduction: "sum", data: fig1Data },
      optimizer: { kind: "sgd", lr: fig1Lr, batch: 1, seed: 0 },
      steps: 1_000_000,
    },
  },
  "soudry-fig1-exp": {
    description: "The exponential loss gives the same limit direction as the logistic loss",
    source: "Soudry et al. (2018), Theorem 3",
    spec: {
      name: "soudry-fig1-exp",
      problem: { kind: "linear-classification", loss: "exp", reduction: "sum", data: fig1Data },
      optimizer: { kind: "gd", lr: 0.25 * fig1Lr },
      steps: 1_000_000,
    },
  },
  "nacson-normalized-gd": {
    description: "Normalized GD (η/L(w)) on the exponential loss converges in direction like 1/t, not 1/log t",
    source: "Nacson, Lee, Gunasekar, Savarese, Srebro, Soudry (AISTATS 2019)",
    spec: {
      name: "nacson-normalized-gd",
      problem: { kind: "linear-classification", loss: "exp", reduction: "sum", data: fig1Data },
      optimizer: { kind: "normalized-gd", lr: 0.1 },
      steps: 100_000,
    },
  },
  ...EXPERIMENT_PRESETS,
  ...FACTORIZED_PRESETS,
  ...MLP_PRESETS,
};

/**
 * A copy of a preset's spec, safe to modify.
 *
 * @param name The preset's name.
 * @returns Its run spec.
 * @throws {RangeError} naming the known presets when `name` is not one.
 *
 * @example Usage
 * ```ts
 * import { presetSpec } from "./presets.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(presetSpec("soudry-fig1").steps, 1_000_000);
 * ```
 */
export function presetSpec(name: string): RunSpecInput {
  const preset = Object.hasOwn(PRESETS, name) ? PRESETS[name] : undefined;
  if (!preset) {
    throw new RangeError(`Unknown preset ${JSON.stringify(name)}; the presets are ${Object.keys(PRESETS).join(", ")}`);
  }
  return structuredClone(preset.spec);
}
