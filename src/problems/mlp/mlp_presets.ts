import type { z } from "zod";
import type { Preset, PresetSpec } from "../shared/problem_kind.ts";
import type { MlpSchema } from "./mlp_schema.ts";

/** MNIST at 10×10 (the 100 pixels of Neyshabur, Tomioka & Srebro 2015): 50,000 training images, the test split held out. */
const mnist10 = {
  data: { kind: "mnist", split: "train", n: 50_000, offset: 0, resize: 10 },
  test: { kind: "mnist", split: "test", offset: 0, resize: 10 },
} as const;

/** The widths of the width sweep: 4, 8, …, 4096. */
export const NEYSHABUR_WIDTHS: readonly number[] = Array.from({ length: 11 }, (_, i) => 4 * 2 ** i);

/**
 * The presets of networks (experiments.md §9–§11): the width sweep, Path-SGD against SGD, homogeneous nets' margins.
 *
 * @returns The presets by name.
 *
 * @example Usage
 * ```ts
 * import { mlpPresets } from "./mlp_presets.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(mlpPresets()["neyshabur-width"]!.sweep!.path, "problem.widths[0]");
 * ```
 */
export function mlpPresets(): Readonly<Record<string, Preset<z.input<typeof MlpSchema>>>> {
  return {
    "neyshabur-width": {
      description: "One-hidden-layer ReLU nets of width 4 … 4096 on MNIST (SGD, no regularization): the test error " +
        "keeps falling as the width grows past what fits the training set (a sweep of problem.widths[0])",
      source: "Neyshabur, Tomioka, Srebro (ICLR 2015 workshop), Figure 1; seed slides 2–5",
      spec: {
        name: "neyshabur-width",
        problem: { kind: "mlp", widths: [64], activation: "relu", bias: true, loss: "cross-entropy", ...mnist10 },
        // lr 0.2: at 0.05, PyTorch's init and 60 epochs leave 7.5% training error at 4,000 examples (measured).
        optimizer: { kind: "sgd", lr: 0.2, batch: 64, seed: 0, momentum: 0 },
        init: { kind: "pytorch", seed: 0 },
        // Stopping rule (the paper's): train each width until it fits the training set (0 training errors,
        // checked at every epoch's end), at most 150 epochs; narrow nets that never fit stop at the cap.
        stop: { metric: "train_error", atMost: 0 },
        epochs: 150,
        record: { perDecade: 2, everyMs: 0 },
        backend: "cpu",
      },
      sweep: { path: "problem.widths[0]", values: NEYSHABUR_WIDTHS },
    },
    "path-sgd-mnist": {
      description: "Path-SGD on a two-hidden-layer ReLU net on MNIST, from a rescaled (unbalanced) init: " +
        "it follows the same curves as from the balanced init, being invariant to node rescaling",
      source: "Neyshabur, Salakhutdinov, Srebro (NIPS 2015), §5 and Figure 2; seed slide 7",
      spec: pathSgdComparison("path-sgd-mnist", "path-sgd"),
    },
    "sgd-mnist": {
      description: "SGD on the same net, data, unbalanced init and budget as path-sgd-mnist: rescaling the init " +
        "changes SGD's curves (compare init.kind balanced)",
      source: "Neyshabur, Salakhutdinov, Srebro (NIPS 2015), §5; seed slide 7",
      spec: pathSgdComparison("sgd-mnist", "sgd"),
    },
    "lyu-li-homogeneous": {
      description: "GD on a bias-free ReLU net (2-homogeneous) with the logistic loss on MNIST 3 vs 5: once every " +
        "training point is classified, the normalized margin minᵢ yᵢf(xᵢ)/‖θ‖² keeps growing",
      source: "Lyu & Li (ICLR 2020), Theorem 4.1; experiments.md §11",
      spec: {
        name: "lyu-li-homogeneous",
        problem: {
          kind: "mlp",
          widths: [16],
          activation: "relu",
          bias: false,
          loss: "logistic",
          reduction: "mean",
          data: { kind: "mnist", split: "train", n: 100, offset: 0, resize: 7, digits: [3, 5] },
          test: { kind: "mnist", split: "test", n: 1000, offset: 0, resize: 7, digits: [3, 5] },
        },
        optimizer: { kind: "gd", lr: 2, momentum: 0 },
        init: { kind: "pytorch", seed: 0 },
        // Training error reaches 0 at step 126; 3·10⁵ steps leave three and a half decades after it (measured).
        steps: 300_000,
        record: { perDecade: 10, everyMs: 0 },
        backend: "cpu",
      },
    },
  };
}

/** The Path-SGD comparison's run: two hidden layers of 4,000 on MNIST 10×10 from the unbalanced init, 20 epochs. */
function pathSgdComparison(name: string, kind: "path-sgd" | "sgd"): PresetSpec<z.input<typeof MlpSchema>> {
  return {
    name,
    problem: {
      kind: "mlp",
      widths: [4000, 4000],
      activation: "relu",
      bias: true,
      loss: "cross-entropy",
      ...mnist10,
    },
    optimizer: { kind, lr: 0.05, batch: 64, seed: 0, momentum: 0 },
    init: { kind: "unbalanced", seed: 0, spread: 10 },
    epochs: 20,
    record: { perDecade: 2, everyMs: 0 },
    backend: "cpu",
  };
}
