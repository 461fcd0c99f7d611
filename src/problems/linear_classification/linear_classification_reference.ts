import type { KindRun } from "../shared/problem_kind.ts";
import type { LinearClassification } from "./linear_classification.ts";
import { marginNorm } from "../../reference/margin_norm.ts";
import { maxMarginL1 } from "../../reference/max_margin_l1.ts";
import { maxMarginL2 } from "../../reference/max_margin_l2.ts";
import { maxMarginLinf } from "../../reference/max_margin_linf.ts";
import type { ReferenceResult } from "../../reference/reference.ts";
import { formatOrder } from "../../reference/_format_order.ts";

/** The max-margin reference of a binary linear-classification run, in the norm its optimizer is biased towards. */
export function classificationReference(problem: LinearClassification, run: KindRun): Promise<ReferenceResult> {
  const p = marginNorm(run);
  if (typeof p === "string") return Promise.resolve({ kind: "none", predictor: null, error: p });
  const d = problem.data.d;
  if (p === 2) return maxMarginL2(problem.z, d);
  if (p === 1) return maxMarginL1(problem.z, d);
  if (p === Infinity) return maxMarginLinf(problem.z, d);
  return Promise.resolve({
    kind: `max-margin-l${formatOrder(p)}`,
    predictor: null,
    error: `No exact ℓ${formatOrder(p)} max-margin solver is built in (only p = 1, 2, ∞); the run's ℓ${
      formatOrder(p)
    } margin is still recorded`,
  });
}
