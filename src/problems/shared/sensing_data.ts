import { nuclearNorm } from "../../math/nuclear_norm.ts";
import { createNumpyLegacyRng } from "../../random/numpy_legacy_rng.ts";
import { createRng, type Rng } from "../../random/rng.ts";
import type { MeasurementsSpec } from "./data_schema.ts";
import { type SensingMatrices, type SensingOperator, sensingOperator } from "../../math/sensing_operator.ts";

/** A matrix sensing instance: the measurement map, the measurements, and the truth when known. */
export interface SensingData {
  /** The map X ↦ (⟨Aᵢ, X⟩)ᵢ. */
  readonly operator: SensingOperator;
  /** The measurements yᵢ. */
  readonly y: Float64Array;
  /** The ground truth X* (row-major n×n), when generated or given. */
  readonly truth: Float64Array | null;
}

/**
 * Materializes the measurements of a matrix sensing spec.
 *
 * Generated kinds draw, in this order, the truth and then the sensing
 * matrices from one seeded stream, as Wu & Rebeschini's `gen_data` does:
 * - truth, symmetric: X* = WWᵀ (W: n×truthRank standard Gaussian, row-major);
 *   general: X* = WVᵀ; diagonal sensing: X* = diag(x*), x* with `truthRank`
 *   nonzeros at random places (|N(0,1)| when symmetric, so X* ⪰ 0, else N(0,1));
 *   then scaled so that ‖X*‖_* = `scale`;
 * - `gaussian`: Aᵢ = B or (B + Bᵀ)/2 (symmetric), B with i.i.d. N(0,1) entries
 *   drawn row-major, matrix after matrix (`rng: "numpy"` reproduces
 *   `np.random.seed(seed)`, so seed 1 is the paper's instance);
 * - `completion`: m distinct entries (j ≤ k when symmetric), uniformly;
 * - `diagonal`: Aᵢ = diag(aᵢ), aᵢ with i.i.d. N(0,1) entries.
 * Then yᵢ = ⟨Aᵢ, X*⟩. Inline `points` are diagonal when every Aᵢ is, else dense.
 *
 * @param spec The validated measurements spec.
 * @param options The matrix side n and whether the problem is symmetric.
 * @returns The instance.
 *
 * @example Usage
 * ```ts
 * import { sensingData } from "./sensing_data.ts";
 * import assert from "node:assert/strict";
 *
 * const data = sensingData(
 *   { kind: "gaussian", m: 30, truthRank: 2, seed: 0, scale: 1, rng: "biasflow" },
 *   { n: 10, symmetric: true },
 * );
 * assert.equal(data.y.length, 30);
 * ```
 */
export function sensingData(spec: MeasurementsSpec, options: { n: number; symmetric: boolean }): SensingData {
  const { n, symmetric } = options;
  if (spec.kind === "points") return pointsData(spec, n, symmetric);
  const rng: Rng = spec.kind === "gaussian" && spec.rng === "numpy"
    ? createNumpyLegacyRng(spec.seed)
    : createRng(spec.seed);
  const { m, truthRank: r, scale } = spec;
  const truth = spec.kind === "diagonal" ? diagonalTruth(rng, n, r, symmetric) : lowRankTruth(rng, n, r, symmetric);
  const norm = nuclearNorm(truth, n);
  for (let i = 0; i < truth.length; i++) truth[i] = (truth[i]! * scale) / norm;
  let matrices: SensingMatrices;
  switch (spec.kind) {
    case "gaussian": {
      const nn = n * n, a = new Float64Array(m * nn);
      for (let q = 0; q < a.length; q++) a[q] = rng.normal();
      if (symmetric) {
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < n; j++) {
            for (let k = j + 1; k < n; k++) {
              const v = 0.5 * (a[i * nn + j * n + k]! + a[i * nn + k * n + j]!);
              a[i * nn + j * n + k] = v;
              a[i * nn + k * n + j] = v;
            }
          }
        }
      }
      matrices = { structure: "dense", a };
      break;
    }
    case "completion": {
      const cells: number[] = [];
      for (let j = 0; j < n; j++) for (let k = symmetric ? j : 0; k < n; k++) cells.push(j * n + k);
      rng.shuffle(cells);
      const entries = new Uint32Array(2 * m);
      for (let i = 0; i < m; i++) {
        entries[2 * i] = Math.floor(cells[i]! / n);
        entries[2 * i + 1] = cells[i]! % n;
      }
      matrices = { structure: "entries", entries };
      break;
    }
    case "diagonal": {
      const a = new Float64Array(m * n);
      for (let q = 0; q < a.length; q++) a[q] = rng.normal();
      matrices = { structure: "diagonal", a };
      break;
    }
  }
  const operator = sensingOperator(n, matrices, symmetric);
  const y = new Float64Array(m);
  operator.measure(truth, y);
  return { operator, y, truth };
}

function lowRankTruth(rng: Rng, n: number, r: number, symmetric: boolean): Float64Array {
  const w = Float64Array.from({ length: n * r }, () => rng.normal());
  const v = symmetric ? w : Float64Array.from({ length: n * r }, () => rng.normal());
  const x = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < r; k++) s += w[i * r + k]! * v[j * r + k]!;
      x[i * n + j] = s;
    }
  }
  return x;
}

function diagonalTruth(rng: Rng, n: number, r: number, symmetric: boolean): Float64Array {
  const order = Array.from({ length: n }, (_, j) => j);
  rng.shuffle(order);
  const x = new Float64Array(n * n);
  for (let t = 0; t < r; t++) {
    const j = order[t]!, g = rng.normal();
    x[j * n + j] = symmetric ? Math.abs(g) : g;
  }
  return x;
}

function pointsData(
  spec: Extract<MeasurementsSpec, { kind: "points" }>,
  n: number,
  symmetric: boolean,
): SensingData {
  const m = spec.a.length, nn = n * n;
  const dense = new Float64Array(m * nn);
  let diagonal = true;
  spec.a.forEach((ai, i) =>
    ai.forEach((row, j) =>
      row.forEach((v, k) => {
        dense[i * nn + j * n + k] = v;
        if (j !== k && v !== 0) diagonal = false;
      })
    )
  );
  let matrices: SensingMatrices = { structure: "dense", a: dense };
  if (diagonal) {
    const a = new Float64Array(m * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) a[i * n + j] = dense[i * nn + j * n + j]!;
    matrices = { structure: "diagonal", a };
  }
  const truth = spec.truth ? Float64Array.from(spec.truth.flat()) : null;
  return { operator: sensingOperator(n, matrices, symmetric), y: Float64Array.from(spec.y), truth };
}
