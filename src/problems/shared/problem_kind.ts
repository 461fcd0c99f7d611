import type { OperatorFunction } from "rxjs";
import type { z } from "zod";
import type { ProblemBase } from "../../engine/problem_base.ts";
import type { Snapshot } from "../../engine/snapshot.ts";
import type { ReferenceResult } from "../../reference/reference.ts";
import type { BackendSchema, InitSpecSchema, RecordSpecSchema } from "../../spec/init_schema.ts";
import type { OptimizerSpec, OptimizerSpecSchema } from "../../spec/optimizer_schema.ts";
import type { StopRule } from "../../spec/stop_rule_schema.ts";

/** An init spec, as a problem kind's default. */
export type DefaultInit =
  | { kind: "zeros" }
  | { kind: "identity"; scale: number }
  | { kind: "gaussian"; scale: number; seed: number }
  | { kind: "pytorch"; seed: number };

/** Default Gaussian scale of linear and convolutional nets (per weight, seed 0). */
export const DEFAULT_NET_INIT_SCALE = 0.1;

/** What a kind's reference binding and default analysis read of a run besides its problem. */
export interface KindRun {
  /** The validated spec (only the optimizer is read). */
  readonly spec: { readonly optimizer: OptimizerSpec };
  /** The initial parameters. */
  readonly init: Float64Array;
}

/** Where a kind's relative data paths start. */
export interface CompileOptions {
  /** Directory against which relative data paths resolve (e.g. the spec file's). */
  baseDir?: string;
}

/** A run spec as a preset writes it, for a problem spec input `P`. */
export interface PresetSpec<P = unknown> {
  /** The run's name. */
  name?: string | undefined;
  /** The problem. */
  problem: P;
  /** The update rule (default GD). */
  optimizer?: z.input<typeof OptimizerSpecSchema> | undefined;
  /** The initial parameters (default: the kind's). */
  init?: z.input<typeof InitSpecSchema> | undefined;
  /** The number of steps (or `epochs`, exactly one). */
  steps?: number;
  /** The number of passes over the data, for minibatch runs (instead of `steps`). */
  epochs?: number;
  /** Early stop: end at the first recording point where the metric is at most the threshold. */
  stop?: StopRule | undefined;
  /** The recording schedule. */
  record?: z.input<typeof RecordSpecSchema> | undefined;
  /** Where the updates run. */
  backend?: z.input<typeof BackendSchema> | undefined;
}

/** A named, ready-to-run experiment. */
export interface Preset<P = unknown> {
  /** What it shows, in a sentence. */
  readonly description: string;
  /** Where it comes from (paper, slide). */
  readonly source: string;
  /** The run spec. */
  readonly spec: PresetSpec<P>;
  /** For a sweep preset: the field varied and its values (the spec holds a representative value). */
  readonly sweep?: { readonly path: string; readonly values: readonly unknown[] };
}

/**
 * Everything that is one problem kind's, as the rest of biasflow reads it
 * through the registry (`src/problems/problem_kinds.ts`): the spec schema
 * and default init, compilation into a {@link ProblemBase} of the kind's own
 * type, the reference solution the theorems predict, the default metrics,
 * and the presets (built on first use, so that importing computes nothing).
 *
 * @typeParam K The kind's name, as in specs (`"linear-classification"`).
 * @typeParam S The validated problem spec.
 * @typeParam I The problem spec as a user writes it (defaults may be omitted).
 * @typeParam P The compiled problem.
 */
export interface ProblemKind<K extends string, S extends { kind: K }, I, P extends ProblemBase & { kind: K }> {
  /** The kind's name. */
  readonly kind: K;
  /** The zod schema of its problem spec. */
  readonly schema: z.ZodType<S, I>;
  /** The init a run gets when its spec has none. */
  readonly defaultInit: DefaultInit;
  /**
   * Loads the data and builds the problem.
   *
   * @throws {SpecError} when the data cannot be loaded or do not fit the spec.
   */
  compile(spec: S, options: CompileOptions): P;
  /** The solution the theorems predict for this problem and the run's optimizer, or why there is none. */
  reference(problem: P, run: KindRun): Promise<ReferenceResult>;
  /** The metrics a run of this kind gets by default, beyond the common ones. */
  analysis(problem: P, run: KindRun, reference: ReferenceResult): OperatorFunction<Snapshot, Snapshot>;
  /** The kind's presets by name (computed on each call: callers cache). */
  presets(): Readonly<Record<string, Preset<I>>>;
}
