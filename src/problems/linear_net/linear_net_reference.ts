import type { KindRun } from "../shared/problem_kind.ts";
import { notGdLike } from "../shared/not_gd_like.ts";
import type { LinearNet } from "./linear_net.ts";
import { maxMarginL2 } from "../../reference/max_margin_l2.ts";
import type { ReferenceResult } from "../../reference/reference.ts";

/** Deep linear nets trained by GD-like methods: the L2 max margin of their data (Ji & Telgarsky 2019). */
export function linearNetReference(p: LinearNet, run: KindRun): Promise<ReferenceResult> {
  return Promise.resolve(notGdLike(run, "a deep linear net") ?? maxMarginL2(p.z, p.data.d));
}
