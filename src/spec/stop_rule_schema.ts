import { z } from "zod";
import { finite } from "./schema_fields.ts";

/**
 * An early-stopping rule: the run ends (status `done`) at the first recording
 * point where the metric is at most `atMost`; `steps` / `epochs` stay the cap.
 * `train_error` (the 0–1 error on the whole training set) is computed by `mlp`
 * runs only; `loss` by every run.
 *
 * @example Usage
 * ```ts
 * import { StopRuleSchema } from "./stop_rule_schema.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(StopRuleSchema.parse({ metric: "train_error", atMost: 0 }), { metric: "train_error", atMost: 0 });
 * ```
 */
export const StopRuleSchema = z.strictObject({
  metric: z.enum(["loss", "train_error"]),
  atMost: finite.refine((v) => v >= 0, { message: "Expected a threshold ≥ 0" }),
});

/** A validated stop rule. */
export type StopRule = z.output<typeof StopRuleSchema>;
