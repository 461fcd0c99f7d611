import { identity, type OperatorFunction, pipe } from "rxjs";
import type { LinearConvNet } from "./linear_conv_net.ts";
import type { ReferenceResult } from "../../reference/reference.ts";
import type { Snapshot } from "../../engine/snapshot.ts";
import { angleGap } from "../../operators/angle_gap.ts";
import { cosineTo } from "../../operators/cosine_to.ts";
import { dftSpectrum } from "../../operators/dft_spectrum.ts";
import { distTo } from "../../operators/dist_to.ts";
import { margin } from "../../operators/margin.ts";
import { marginDft } from "../../operators/margin_dft.ts";
import { marginGap } from "../../operators/margin_gap.ts";
import { metric } from "../../operators/metric.ts";

/**
 * The metrics of a linear convolutional net run: `margin` (ℓ2), the Fourier
 * spectrum of β (`dft_0` … `dft_⌊d/2⌋`, `norm_dft_l1`), `margin_dft`, and,
 * when there is a reference, `cos_ref`, `angle_gap`, `dist_ref` and
 * `margin_gap` in the reference's norm (DFT-ℓ1 for depth 2, ℓ2 for depth 1).
 *
 * @param problem The convolutional net problem.
 * @param reference Its reference solution (or the reason there is none).
 * @returns One operator adding them all.
 *
 * @example Usage
 * ```ts ignore
 * train(run).pipe(convNetMetrics(run.problem as LinearConvNet, await solveReference(run)));
 * ```
 */
export function convNetMetrics(
  problem: LinearConvNet,
  reference: ReferenceResult,
): OperatorFunction<Snapshot, Snapshot> {
  const base = pipe(margin(problem), dftSpectrum(), marginDft(problem));
  if (reference.predictor === null) return pipe(base, identity);
  const refMargin = reference.margin ?? NaN;
  const gap = reference.kind === "max-margin-dft-l1"
    ? metric("margin_gap", (s) => refMargin - (s.metrics.margin_dft ?? NaN))
    : marginGap(problem, refMargin);
  return pipe(base, cosineTo(reference.predictor), angleGap(reference.predictor), gap, distTo(reference.predictor));
}
