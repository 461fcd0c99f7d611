import type { KindTypes, ProblemKindName } from "./problem_kinds.ts";

/**
 * A compiled problem of any kind: a discriminated union on `kind`, so that
 * `if (problem.kind === "matrix-sensing")` narrows to `MatrixSensing`
 * without a cast. Every member is a `ProblemBase` (the contract optimizers
 * and engines run on).
 */
export type Problem = KindTypes[ProblemKindName]["problem"];
