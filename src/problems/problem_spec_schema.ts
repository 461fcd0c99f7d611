import { z } from "zod";
import { PROBLEM_KINDS } from "./problem_kinds.ts";
import { LinearClassificationSchema } from "./linear_classification/linear_classification_schema.ts";
import { MulticlassSchema } from "./multiclass/multiclass_schema.ts";
import { LeastSquaresSchema } from "./least_squares/least_squares_schema.ts";
import { MatrixSensingSchema } from "./matrix_sensing/matrix_sensing_schema.ts";
import { LinearNetSchema } from "./linear_net/linear_net_schema.ts";
import { LinearConvNetSchema } from "./linear_conv_net/linear_conv_net_schema.ts";

/** The objective being minimized and its data: one schema per problem kind. */
export const ProblemSpecSchema = z.discriminatedUnion("kind", [
  LinearClassificationSchema,
  MulticlassSchema,
  LeastSquaresSchema,
  MatrixSensingSchema,
  LinearNetSchema,
  LinearConvNetSchema,
]);

/** A validated problem spec. */
export type ProblemSpec = z.output<typeof ProblemSpecSchema>;

// Every registered kind has its schema in the union, and the union no kind the registry lacks.
const _sameKinds: Record<ProblemSpec["kind"], unknown> = PROBLEM_KINDS;
