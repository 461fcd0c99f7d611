import { z } from "zod";
import { BackendSchema, InitSpecSchema, RecordSpecSchema } from "../spec/init_schema.ts";
import { OptimizerSpecSchema } from "../spec/optimizer_schema.ts";
import { StopRuleSchema } from "../spec/stop_rule_schema.ts";
import { ProblemSpecSchema } from "../problems/problem_spec_schema.ts";
import { defaultInit } from "./default_init.ts";

/** A complete description of one training run: the public, versioned JSON format. */
export const RunSpecSchema = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  problem: ProblemSpecSchema,
  optimizer: OptimizerSpecSchema.default({ kind: "gd", lr: 0.1, momentum: 0, nesterov: false }),
  /** Default: the problem's (`defaultInit`): zeros for linear models, small nonzero for factorized ones. */
  init: InitSpecSchema.optional(),
  steps: z.number().int({ message: "Expected an integer number of steps" })
    .min(1, { message: "Expected at least 1 step" })
    .max(1e15).optional(),
  /** Instead of `steps`: passes over the data, ⌈n / batch⌉ steps each (one step for full-batch optimizers). */
  epochs: z.number().int({ message: "Expected an integer number of epochs" })
    .min(1, { message: "Expected at least 1 epoch" }).max(1e9).optional(),
  /** Optional early stop: the run ends at the first recording point where the metric is at most the threshold. */
  stop: StopRuleSchema.optional(),
  record: RecordSpecSchema.default({ perDecade: 20, everyMs: 1000 }),
  backend: BackendSchema.default("auto"),
}).superRefine(checkRunSpec).transform((spec) => ({ ...spec, init: spec.init ?? defaultInit(spec.problem) }));

/** Cross-field checks of a run spec: exactly one of steps and epochs; Path-SGD and `stop` on train_error on `mlp` only. */
function checkRunSpec(
  spec: {
    steps?: number | undefined;
    epochs?: number | undefined;
    problem: { kind: string };
    optimizer: { kind: string };
    stop?: { metric: string } | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  if ((spec.steps === undefined) === (spec.epochs === undefined)) {
    ctx.addIssue({
      code: "custom",
      path: [spec.steps === undefined ? "steps" : "epochs"],
      input: spec.steps === undefined ? undefined : spec.epochs,
      message: spec.steps === undefined
        ? "Expected a number of steps (or of epochs)"
        : "Expected steps or epochs, not both",
    });
  }
  if (spec.optimizer.kind === "path-sgd" && spec.problem.kind !== "mlp") {
    ctx.addIssue({
      code: "custom",
      path: ["optimizer", "kind"],
      input: "path-sgd",
      message:
        `Expected an mlp problem for path-sgd (its path scales are defined for networks), not ${spec.problem.kind}`,
    });
  }
  if (spec.stop?.metric === "train_error" && spec.problem.kind !== "mlp") {
    ctx.addIssue({
      code: "custom",
      path: ["stop", "metric"],
      input: "train_error",
      message:
        `Expected an mlp problem for stop.metric train_error (only networks compute it), not ${spec.problem.kind}`,
    });
  }
}

/** A run spec after validation, with every default filled in. */
export type RunSpec = z.output<typeof RunSpecSchema>;
/** A run spec as written by a user: defaults may be omitted. */
export type RunSpecInput = z.input<typeof RunSpecSchema>;
/** A validated problem spec. */
export type ProblemSpec = RunSpec["problem"];
/** A backend name. */
export type Backend = RunSpec["backend"];
