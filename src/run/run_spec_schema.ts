import { z } from "zod";
import { BackendSchema, InitSpecSchema, RecordSpecSchema } from "../spec/init_schema.ts";
import { OptimizerSpecSchema } from "../spec/optimizer_schema.ts";
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
    .max(1e15),
  record: RecordSpecSchema.default({ perDecade: 20, everyMs: 1000 }),
  backend: BackendSchema.default("auto"),
}).transform((spec) => ({ ...spec, init: spec.init ?? defaultInit(spec.problem) }));

/** A run spec after validation, with every default filled in. */
export type RunSpec = z.output<typeof RunSpecSchema>;
/** A run spec as written by a user: defaults may be omitted. */
export type RunSpecInput = z.input<typeof RunSpecSchema>;
/** A validated problem spec. */
export type ProblemSpec = RunSpec["problem"];
/** A backend name. */
export type Backend = RunSpec["backend"];
