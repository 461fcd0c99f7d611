import { type LogisticData, logisticData } from "./logistic_data.ts";
import { type SensingData, sensingData } from "./sensing_data.ts";

/** Full-batch GD on the mean logistic loss, w₀ = 0. */
export interface LogisticWorkload {
  /** Discriminant. */
  readonly kind: "logistic";
  /** Row label, e.g. `logistic n=256 d=8`. */
  readonly name: string;
  /** Step size. */
  readonly lr: number;
  /** The data. */
  readonly data: LogisticData;
}

/** GD on L(U) = (1/2m) Σᵢ (⟨Aᵢ, UUᵀ⟩ − yᵢ)² from a small U₀. */
export interface SensingWorkload {
  /** Discriminant. */
  readonly kind: "sensing";
  /** Row label. */
  readonly name: string;
  /** Step size. */
  readonly lr: number;
  /** The data. */
  readonly data: SensingData;
}

/** One benchmark problem. */
export type Workload = LogisticWorkload | SensingWorkload;

/** The (n, d) sizes of the logistic workload. */
export const LOGISTIC_SIZES: readonly (readonly [number, number])[] = [[16, 2], [256, 8], [4096, 64], [65536, 256]];

/**
 * The benchmark's workloads: logistic GD at each of {@link LOGISTIC_SIZES}
 * (lr 0.1) and matrix sensing with n = 50, m = 750 (lr 0.05).
 *
 * @param filter Keeps the workloads whose name contains it.
 * @returns The workloads, data generated (seeded).
 *
 * @example Usage
 * ```ts
 * import { workloads } from "./workload.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(workloads("d=2")[0]!.name, "logistic n=16 d=2");
 * ```
 */
export function workloads(filter = ""): Workload[] {
  const out: Workload[] = [];
  for (const [n, d] of LOGISTIC_SIZES) {
    const name = `logistic n=${n} d=${d}`;
    if (name.includes(filter)) out.push({ kind: "logistic", name, lr: 0.1, data: logisticData(n, d, 1) });
  }
  const sensing = "matrix sensing n=50 m=750";
  if (sensing.includes(filter)) out.push({ kind: "sensing", name: sensing, lr: 0.05, data: sensingData(50, 750, 1) });
  return out;
}

/**
 * Work per step in multiply-adds, as an implementation does it. For matrix
 * sensing, ⟨Aᵢ, X⟩ and Σᵢ rᵢAᵢ cost m multiply-adds per coordinate each: n²
 * coordinates for the full matrices, n(n+1)/2 for the packed upper triangle
 * (`packed`, biasflow's form); X = UUᵀ and G·U cost n³ each either way.
 *
 * @param w The workload.
 * @param options Whether the implementation packs symmetric sensing matrices.
 * @returns Multiply-adds in one step.
 *
 * @example Usage
 * ```ts
 * import { multiplyAddsPerStep, workloads } from "./workload.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(multiplyAddsPerStep(workloads("d=2")[0]!), 64);
 * const sensing = workloads("sensing")[0]!;
 * assert.equal(multiplyAddsPerStep(sensing), 2 * 750 * 2500 + 2 * 50 ** 3);
 * assert.equal(multiplyAddsPerStep(sensing, { packed: true }), 2 * 750 * 1275 + 2 * 50 ** 3);
 * ```
 */
export function multiplyAddsPerStep(w: Workload, options: { packed?: boolean | undefined } = {}): number {
  if (w.kind === "logistic") return 2 * w.data.n * w.data.d;
  const { n, m } = w.data;
  const coords = options.packed ? (n * (n + 1)) / 2 : n * n;
  return 2 * m * coords + 2 * n * n * n;
}
