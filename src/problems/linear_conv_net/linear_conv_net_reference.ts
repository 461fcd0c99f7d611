import type { KindRun } from "../shared/problem_kind.ts";
import { notGdLike } from "../shared/not_gd_like.ts";
import type { LinearConvNet } from "./linear_conv_net.ts";
import { maxMarginDftL1 } from "../../reference/max_margin_dft_l1.ts";
import { maxMarginL2 } from "../../reference/max_margin_l2.ts";
import type { ReferenceResult } from "../../reference/reference.ts";

/**
 * Linear conv nets trained by GD-like methods: depth 1 is a linear model (L2 max margin), depth 2 the
 * ℓ1-DFT max margin (Gunasekar et al. 2018); deeper nets only reach a stationary point of a nonconvex problem.
 */
export function convNetReference(p: LinearConvNet, run: KindRun): Promise<ReferenceResult> {
  const depth = p.options.depth;
  const none = notGdLike(run, "a convolutional net");
  if (none) return Promise.resolve(none);
  if (depth === 1) return maxMarginL2(p.z, p.data.d);
  if (depth === 2) return maxMarginDftL1(p.z, p.data.d);
  return Promise.resolve({
    kind: "none",
    predictor: null,
    error: `For a depth-${depth} convolutional net the limit direction is only a stationary point ` +
      `of the nonconvex min ‖DFT(β)‖_{2/L} problem (Gunasekar et al. 2018); no reference is computed`,
  });
}
