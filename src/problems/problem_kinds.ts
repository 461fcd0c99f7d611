import type { OperatorFunction } from "rxjs";
import type { Snapshot } from "../engine/snapshot.ts";
import type { ReferenceResult } from "../reference/reference.ts";
import type { CompileOptions, DefaultInit, KindRun, Preset } from "./shared/problem_kind.ts";
import { linearClassificationKind } from "./linear_classification/linear_classification_kind.ts";
import type { LinearClassification } from "./linear_classification/linear_classification.ts";
import type { LinearClassificationSpec } from "./linear_classification/linear_classification_schema.ts";
import { multiclassKind } from "./multiclass/multiclass_kind.ts";
import type { Multiclass } from "./multiclass/multiclass.ts";
import type { MulticlassSpec } from "./multiclass/multiclass_schema.ts";
import { leastSquaresKind } from "./least_squares/least_squares_kind.ts";
import type { LeastSquares } from "./least_squares/least_squares.ts";
import type { LeastSquaresSpec } from "./least_squares/least_squares_schema.ts";
import { matrixSensingKind } from "./matrix_sensing/matrix_sensing_kind.ts";
import type { MatrixSensing } from "./matrix_sensing/matrix_sensing.ts";
import type { MatrixSensingSpec } from "./matrix_sensing/matrix_sensing_schema.ts";
import { linearNetKind } from "./linear_net/linear_net_kind.ts";
import type { LinearNet } from "./linear_net/linear_net.ts";
import type { LinearNetSpec } from "./linear_net/linear_net_schema.ts";
import { linearConvNetKind } from "./linear_conv_net/linear_conv_net_kind.ts";
import type { LinearConvNet } from "./linear_conv_net/linear_conv_net.ts";
import type { LinearConvNetSpec } from "./linear_conv_net/linear_conv_net_schema.ts";

/** Each problem kind's validated spec and compiled problem, by name: the one list a new kind joins. */
export interface KindTypes {
  "linear-classification": { spec: LinearClassificationSpec; problem: LinearClassification };
  "multiclass": { spec: MulticlassSpec; problem: Multiclass };
  "least-squares": { spec: LeastSquaresSpec; problem: LeastSquares };
  "matrix-sensing": { spec: MatrixSensingSpec; problem: MatrixSensing };
  "linear-net": { spec: LinearNetSpec; problem: LinearNet };
  "linear-conv-net": { spec: LinearConvNetSpec; problem: LinearConvNet };
}

/** A problem kind's name. */
export type ProblemKindName = keyof KindTypes;

/** The registry's view of one kind: its descriptor with the spec and problem types of `K`. */
export interface RegisteredKind<K extends ProblemKindName> {
  readonly kind: K;
  readonly defaultInit: DefaultInit;
  compile(spec: KindTypes[K]["spec"], options: CompileOptions): KindTypes[K]["problem"];
  reference(problem: KindTypes[K]["problem"], run: KindRun): Promise<ReferenceResult>;
  analysis(
    problem: KindTypes[K]["problem"],
    run: KindRun,
    reference: ReferenceResult,
  ): OperatorFunction<Snapshot, Snapshot>;
  presets(): Readonly<Record<string, Preset>>;
}

/**
 * Every problem kind's descriptor, by name. The rest of biasflow reads a
 * kind only through this registry (compiling, defaults, references, default
 * metrics, presets), so adding a kind is one folder under `src/problems/`
 * and one line here and in {@link KindTypes} (see CONTRIBUTING.md).
 *
 * @example Usage
 * ```ts
 * import { PROBLEM_KINDS } from "./problem_kinds.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(PROBLEM_KINDS["matrix-sensing"].defaultInit, { kind: "identity", scale: 1e-3 });
 * ```
 */
export const PROBLEM_KINDS: { readonly [K in ProblemKindName]: RegisteredKind<K> } = {
  "linear-classification": linearClassificationKind,
  "multiclass": multiclassKind,
  "least-squares": leastSquaresKind,
  "matrix-sensing": matrixSensingKind,
  "linear-net": linearNetKind,
  "linear-conv-net": linearConvNetKind,
};
