import type { Tensor } from "../../math/tensor.ts";
import type { ProblemBase } from "../../engine/problem_base.ts";
import type { SensingData } from "../shared/sensing_data.ts";
import type { SensingOperator } from "../../math/sensing_operator.ts";

/** Options of {@link matrixSensing}. */
export interface MatrixSensingOptions {
  /** Width r of the factors U (and V), n×r each; r = n puts no constraint on rank X. */
  rank: number;
  /** X = UUᵀ (needs symmetric Aᵢ) or X = UVᵀ. */
  symmetric: boolean;
  /** `mean`: L = (1/2m)·Σ rᵢ²; `sum`: L = ½·Σ rᵢ². */
  reduction: "sum" | "mean";
}

/** Matrix sensing with a factorized matrix: L(U) = (1/2m)·Σᵢ(⟨Aᵢ, UUᵀ⟩ − yᵢ)² (or with UVᵀ). */
export interface MatrixSensing extends ProblemBase {
  /** Always `matrix-sensing`. */
  readonly kind: "matrix-sensing";
  /** Matrix side. */
  readonly n: number;
  /** The measurement map. */
  readonly operator: SensingOperator;
  /** The measurements. */
  readonly y: Float64Array;
  /** X* (row-major n×n), when known. */
  readonly truth: Float64Array | null;
  /** Factor width, symmetry and reduction. */
  readonly options: Readonly<MatrixSensingOptions>;
}

/**
 * Compiles a sensing instance into a {@link ProblemBase} on the factors: flat
 * parameters are U (n×r, row-major), then V for X = UVᵀ.
 *
 * One gradient pass: X = UUᵀ (upper triangle only), residuals
 * rᵢ = ⟨Aᵢ, X⟩ − yᵢ, G = Σᵢ rᵢAᵢ, then ∇_U = (2/m)·G·U for symmetric Aᵢ
 * (mean reduction; sum drops the 1/m), or ∇_U = (1/m)·G·V and
 * ∇_V = (1/m)·Gᵀ·U for X = UVᵀ. Its cost is two passes over the stored Aᵢ
 * (packed upper triangles when symmetric) plus O(n²r). With `rows`, the
 * listed measurements form the batch.
 *
 * @param data The instance (operator, measurements, truth).
 * @param options Factor width, symmetry and reduction.
 * @returns The problem; its predictor is X (n×n).
 *
 * @example Usage
 * ```ts
 * import { matrixSensing } from "./matrix_sensing.ts";
 * import { sensingOperator } from "../../math/sensing_operator.ts";
 * import assert from "node:assert/strict";
 *
 * // one measurement: the trace of a 2×2 X, y = 2
 * const operator = sensingOperator(2, { structure: "diagonal", a: new Float64Array([1, 1]) }, true);
 * const p = matrixSensing({ operator, y: new Float64Array([2]), truth: null }, {
 *   rank: 2, symmetric: true, reduction: "mean",
 * });
 * const g = new Float64Array(4);
 * assert.equal(p.gradient(p.identityParams!(1), g, true), 0); // UUᵀ = I has trace 2
 * ```
 */
export function matrixSensing(data: SensingData, options: MatrixSensingOptions): MatrixSensing {
  const { operator, y, truth } = data;
  const { n, m } = operator;
  const { rank: r, symmetric } = options;
  if (symmetric && !operator.symmetric) {
    throw new RangeError("Cannot build symmetric matrix sensing (X = UUᵀ) on non-symmetric sensing matrices");
  }
  const mean = options.reduction === "mean";
  const nr = n * r;
  const size = symmetric ? nr : 2 * nr;
  const x = new Float64Array(n * n), res = new Float64Array(m), g = new Float64Array(n * n);

  /** X = A·Bᵀ for n×r row-major A and B (only the upper triangle is needed when A = B). */
  function product(
    a: Float64Array,
    aOff: number,
    b: Float64Array,
    bOff: number,
    out: Float64Array,
    sym: boolean,
  ): void {
    for (let i = 0; i < n; i++) {
      for (let j = sym ? i : 0; j < n; j++) {
        let s = 0;
        const ai = aOff + i * r, bj = bOff + j * r;
        for (let k = 0; k < r; k++) s += a[ai + k]! * b[bj + k]!;
        out[i * n + j] = s;
        if (sym) out[j * n + i] = s;
      }
    }
  }

  /** out[off…] = c·M·F for n×n M (transposed when `trans`) and n×r F at fOff. */
  function multiply(
    mat: Float64Array,
    trans: boolean,
    f: Float64Array,
    fOff: number,
    c: number,
    out: Float64Array,
    off: number,
  ): void {
    for (let i = 0; i < n; i++) {
      const o = off + i * r;
      for (let k = 0; k < r; k++) out[o + k] = 0;
      for (let j = 0; j < n; j++) {
        const v = c * (trans ? mat[j * n + i]! : mat[i * n + j]!);
        if (v === 0) continue;
        const fj = fOff + j * r;
        for (let k = 0; k < r; k++) out[o + k]! += v * f[fj + k]!;
      }
    }
  }

  function gradient(
    params: Float64Array,
    grad: Float64Array,
    wantLoss: boolean,
    rows?: Uint32Array,
    count?: number,
  ): number {
    const c = rows ? (count ?? rows.length) : m;
    if (symmetric) product(params, 0, params, 0, x, true);
    else product(params, 0, params, nr, x, false);
    operator.measure(x, res, rows, c);
    let loss = 0;
    for (let t = 0; t < c; t++) {
      const ri = res[t]! - y[rows ? rows[t]! : t]!;
      res[t] = ri;
      loss += ri * ri;
    }
    const scale = mean ? 1 / c : 1;
    operator.adjoint(res, g, rows, c);
    if (symmetric) {
      multiply(g, false, params, 0, 2 * scale, grad, 0);
    } else {
      multiply(g, false, params, nr, scale, grad, 0);
      multiply(g, true, params, 0, scale, grad, nr);
    }
    return wantLoss ? 0.5 * loss * scale : 0;
  }

  function predictor(params: Float64Array): Tensor {
    const out = new Float64Array(n * n);
    if (symmetric) product(params, 0, params, 0, out, true);
    else product(params, 0, params, nr, out, false);
    return { shape: [n, n], data: out };
  }

  return {
    kind: "matrix-sensing",
    size,
    examples: m,
    n,
    operator,
    y,
    truth,
    options: { ...options },
    gradient,
    predictor,
    params(params: Float64Array): Record<string, Tensor> {
      const u = { shape: [n, r], data: params.slice(0, nr) };
      return symmetric ? { U: u } : { U: u, V: { shape: [n, r], data: params.slice(nr, 2 * nr) } };
    },
    smoothness(): number | null {
      return null; // quartic in U: not globally smooth
    },
    identityParams(s: number): Float64Array {
      const p = new Float64Array(size);
      for (let i = 0; i < Math.min(n, r); i++) {
        p[i * r + i] = s;
        if (!symmetric) p[nr + i * r + i] = s;
      }
      return p;
    },
  };
}
