import { map, type OperatorFunction } from "rxjs";
import { lpNorm } from "../../math/lp_norm.ts";
import { sigmaMax } from "../../math/sigma_max.ts";
import { withMetrics } from "../../operators/with_metrics.ts";
import type { Snapshot } from "../../engine/snapshot.ts";
import type { Mlp } from "./mlp.ts";

/**
 * The metrics of a network run, from the snapshot's parameters θ (its
 * predictor), at recording points only (heartbeat snapshots pass through
 * unchanged, since these metrics take a pass over the whole training set):
 *
 * - `train_error`, and with a held-out set `test_error` and `test_loss`
 *   (under the problem's reduction): 0–1 errors, a tie counting as an error;
 * - `norm_layer_k`, `spectral_layer_k` (k = 1…L): ‖W_k‖_F and σ_max(W_k);
 * - `path_norm`: the ℓ2 path norm √π (π the sum over input→output paths of
 *   the product of squared weights, biases as edges from a unit that is 1);
 * - `margin_normalized`: minᵢ (f_{yᵢ}(xᵢ) − max_{j≠yᵢ} f_j(xᵢ)) / ‖θ‖₂^L
 *   (binary: minᵢ yᵢf(xᵢ) / ‖θ‖₂^L), L = hidden layers + 1; for a bias-free
 *   ReLU net f is L-homogeneous and this is the quantity Lyu & Li (2020)
 *   prove nondecreasing under gradient flow once the training loss is small.
 *   With a finite step it may dip by ~1e-5 relative between recording points;
 * - `margin_smoothed`: Lyu & Li's smoothed margin ℓ⁻¹(L)/‖θ‖₂^L with L the
 *   summed training loss: −log(e^L − 1)/‖θ‖^L (logistic, cross-entropy),
 *   −log(L)/‖θ‖^L (exp); a lower bound of the normalized margin, which their
 *   theorem makes monotone for small-step GD too.
 *
 * @param problem The `mlp` problem.
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { mlpMetrics } from "./mlp_metrics.ts";
 * import { compileRun } from "../../run/compile_run.ts";
 * import { train } from "../../streams/train.ts";
 * import type { Mlp } from "./mlp.ts";
 * import { lastValueFrom } from "rxjs";
 * import assert from "node:assert/strict";
 *
 * const run = compileRun({
 *   problem: { kind: "mlp", widths: [8], loss: "logistic", data: { kind: "points", x: [[1, 0], [0, 1]], y: [1, -1] } },
 *   optimizer: { kind: "gd", lr: 0.5 },
 *   steps: 50,
 * });
 * const last = await lastValueFrom(train(run).pipe(mlpMetrics(run.problem as Mlp)));
 * assert.equal(last.metrics.train_error, 0);
 * ```
 */
export function mlpMetrics(problem: Mlp): OperatorFunction<Snapshot, Snapshot> {
  const gamma = new Float64Array(problem.size);
  const depth = problem.layers.length;
  const mean = problem.options.reduction === "mean";
  const exp = problem.options.loss === "exp";
  return map((s) => {
    if (s.trigger === "heartbeat") return s;
    const theta = s.predictor.data;
    const out: Record<string, number> = {};
    // The engine's own evaluations where it made them (WebGPU's tiled kernels, float32), else the CPU's.
    const train = s.evaluations?.train ?? problem.evaluate(theta);
    out.train_error = train.errors / train.n;
    if (problem.test) {
      const test = s.evaluations?.test ?? problem.evaluate(theta, problem.test);
      out.test_error = test.errors / test.n;
      out.test_loss = mean ? test.lossSum / test.n : test.lossSum;
    }
    problem.layers.forEach((layer, l) => {
      const w = theta.subarray(layer.w, layer.w + layer.out * layer.in);
      out[`norm_layer_${l + 1}`] = lpNorm(w, 2);
      out[`spectral_layer_${l + 1}`] = sigmaMax(w, layer.in, { tol: 1e-10, maxIter: 300 });
    });
    out.path_norm = Math.sqrt(problem.pathGamma(theta, gamma));
    const scale = lpNorm(theta, 2) ** depth;
    out.margin_normalized = train.minMargin / scale;
    out.margin_smoothed = (exp ? -Math.log(train.lossSum) : -Math.log(Math.expm1(train.lossSum))) / scale;
    return withMetrics(s, out);
  });
}
