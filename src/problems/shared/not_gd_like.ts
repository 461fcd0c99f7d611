import { marginNorm } from "../../reference/margin_norm.ts";
import type { ReferenceResult } from "../../reference/reference.ts";
import type { KindRun } from "./problem_kind.ts";

/** Why a theorem about GD-like methods says nothing for this run's optimizer, or null when it applies. */
export function notGdLike(run: KindRun, what: string): ReferenceResult | null {
  const p = marginNorm(run);
  if (p === 2) return null;
  const why = typeof p === "string" ? p : `the theorem is about gradient descent, not ${run.spec.optimizer.kind}`;
  return { kind: "none", predictor: null, error: `No reference for ${what}: ${why}` };
}
