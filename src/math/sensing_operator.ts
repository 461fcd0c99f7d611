/** How the sensing matrices are stored, which decides the cost of one pass. */
export type SensingStructure = "dense" | "entries" | "diagonal";

/**
 * The linear measurement map A: ℝⁿˣⁿ → ℝᵐ, X ↦ (⟨Aᵢ, X⟩)ᵢ, and its adjoint
 * c ↦ Σᵢ cᵢAᵢ, on row-major n×n matrices. Symmetric operators have symmetric
 * Aᵢ; they are stored on the upper triangle only (half the work per pass).
 */
export interface SensingOperator {
  /** Matrix side. */
  readonly n: number;
  /** Number of measurements. */
  readonly m: number;
  /** Whether every Aᵢ is symmetric. */
  readonly symmetric: boolean;
  /** Dense Aᵢ, single entries (completion), or diagonal Aᵢ (commuting sensing). */
  readonly structure: SensingStructure;
  /**
   * Writes out[k] = ⟨A_{rows[k]}, X⟩ for k < count (rows omitted: every i < m).
   * For symmetric operators X may be any matrix: ⟨A, X⟩ = ⟨A, (X + Xᵀ)/2⟩.
   */
  measure(x: Float64Array, out: Float64Array, rows?: Uint32Array, count?: number): void;
  /** Overwrites out (n×n) with Σₖ c[k]·A_{rows[k]} (rows omitted: every i < m). */
  adjoint(c: Float64Array, out: Float64Array, rows?: Uint32Array, count?: number): void;
  /** The Gram matrix Kᵢⱼ = ⟨Aᵢ, Aⱼ⟩, row-major m×m. */
  gram(): Float64Array;
  /** Aᵢ as a fresh dense n×n row-major matrix. */
  matrix(i: number): Float64Array;
}

/** The sensing matrices in one of the stored forms. */
export type SensingMatrices =
  | { structure: "dense"; a: Float64Array }
  | { structure: "entries"; entries: Uint32Array }
  | { structure: "diagonal"; a: Float64Array };

/**
 * Builds a {@link SensingOperator} over n×n matrices from m sensing matrices:
 * dense (`a`: m×n×n row-major), single entries (`entries`: pairs (j, k); for
 * symmetric operators Aᵢ = (E_jk + E_kj)/2 so that ⟨Aᵢ, X⟩ = X_jk), or
 * diagonal (`a`: m×n, Aᵢ = diag(aᵢ)).
 *
 * @param n The matrix side.
 * @param matrices The sensing matrices.
 * @param symmetric Whether the Aᵢ are symmetric (dense ones must be; this is not re-checked).
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { sensingOperator } from "./sensing_operator.ts";
 * import assert from "node:assert/strict";
 *
 * // A₁ = [[1, 2], [2, 0]]: ⟨A₁, X⟩ = X₀₀ + 2X₀₁ + 2X₁₀
 * const op = sensingOperator(2, { structure: "dense", a: new Float64Array([1, 2, 2, 0]) }, true);
 * const r = new Float64Array(1);
 * op.measure(new Float64Array([1, 1, 1, 1]), r);
 * assert.equal(r[0], 5);
 * ```
 */
export function sensingOperator(n: number, matrices: SensingMatrices, symmetric: boolean): SensingOperator {
  switch (matrices.structure) {
    case "dense":
      return symmetric ? densePackedOperator(n, matrices.a) : denseOperator(n, matrices.a);
    case "entries":
      return entriesOperator(n, matrices.entries, symmetric);
    case "diagonal":
      return diagonalOperator(n, matrices.a, symmetric);
  }
}

function countOf(m: number, rows?: Uint32Array, count?: number): number {
  return rows ? (count ?? rows.length) : m;
}

/** Symmetric dense Aᵢ on the packed upper triangle, off-diagonal entries doubled. */
function densePackedOperator(n: number, a: Float64Array): SensingOperator {
  const nn = n * n, p = (n * (n + 1)) / 2, m = a.length / nn;
  const ap = new Float64Array(m * p);
  for (let i = 0; i < m; i++) {
    let q = i * p;
    for (let j = 0; j < n; j++) {
      ap[q++] = a[i * nn + j * n + j]!;
      for (let k = j + 1; k < n; k++) ap[q++] = 2 * a[i * nn + j * n + k]!;
    }
  }
  const xp = new Float64Array(p), gp = new Float64Array(p);
  return {
    n,
    m,
    symmetric: true,
    structure: "dense",
    measure(x, out, rows, count) {
      let q = 0;
      for (let j = 0; j < n; j++) {
        xp[q++] = x[j * n + j]!;
        for (let k = j + 1; k < n; k++) xp[q++] = 0.5 * (x[j * n + k]! + x[k * n + j]!);
      }
      const c = countOf(m, rows, count);
      let t = 0;
      // Four rows per sweep: each xp[k] is loaded once for four dot products.
      for (; t + 3 < c; t += 4) {
        const o0 = (rows ? rows[t]! : t) * p, o1 = (rows ? rows[t + 1]! : t + 1) * p;
        const o2 = (rows ? rows[t + 2]! : t + 2) * p, o3 = (rows ? rows[t + 3]! : t + 3) * p;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (let k = 0; k < p; k++) {
          const v = xp[k]!;
          s0 += ap[o0 + k]! * v;
          s1 += ap[o1 + k]! * v;
          s2 += ap[o2 + k]! * v;
          s3 += ap[o3 + k]! * v;
        }
        out[t] = s0;
        out[t + 1] = s1;
        out[t + 2] = s2;
        out[t + 3] = s3;
      }
      for (; t < c; t++) {
        const off = (rows ? rows[t]! : t) * p;
        let s = 0;
        for (let k = 0; k < p; k++) s += ap[off + k]! * xp[k]!;
        out[t] = s;
      }
    },
    adjoint(cv, out, rows, count) {
      gp.fill(0);
      const c = countOf(m, rows, count);
      let t = 0;
      // Four rows per sweep: a quarter of the loads and stores of gp.
      for (; t + 3 < c; t += 4) {
        const o0 = (rows ? rows[t]! : t) * p, o1 = (rows ? rows[t + 1]! : t + 1) * p;
        const o2 = (rows ? rows[t + 2]! : t + 2) * p, o3 = (rows ? rows[t + 3]! : t + 3) * p;
        const w0 = cv[t]!, w1 = cv[t + 1]!, w2 = cv[t + 2]!, w3 = cv[t + 3]!;
        for (let k = 0; k < p; k++) {
          gp[k]! += (w0 * ap[o0 + k]! + w1 * ap[o1 + k]!) + (w2 * ap[o2 + k]! + w3 * ap[o3 + k]!);
        }
      }
      for (; t < c; t++) {
        const off = (rows ? rows[t]! : t) * p, w = cv[t]!;
        for (let k = 0; k < p; k++) gp[k]! += w * ap[off + k]!;
      }
      let q = 0;
      for (let j = 0; j < n; j++) {
        out[j * n + j] = gp[q++]!;
        for (let k = j + 1; k < n; k++) {
          const v = 0.5 * gp[q++]!;
          out[j * n + k] = v;
          out[k * n + j] = v;
        }
      }
    },
    gram() {
      // ⟨Aᵢ, Aⱼ⟩ = Σ_diag + 2Σ_offdiag = Σ_q apᵢ[q]·apⱼ[q]·w_q with w = 1 (diag), ½ (off-diag).
      const w = new Float64Array(p);
      let q = 0;
      for (let j = 0; j < n; j++) {
        w[q++] = 1;
        for (let k = j + 1; k < n; k++) w[q++] = 0.5;
      }
      return gramOf(ap, m, p, w);
    },
    matrix(i) {
      return a.slice(i * nn, (i + 1) * nn);
    },
  };
}

function denseOperator(n: number, a: Float64Array): SensingOperator {
  const nn = n * n, m = a.length / nn;
  return {
    n,
    m,
    symmetric: false,
    structure: "dense",
    measure(x, out, rows, count) {
      const c = countOf(m, rows, count);
      for (let t = 0; t < c; t++) {
        const off = (rows ? rows[t]! : t) * nn;
        let s = 0;
        for (let k = 0; k < nn; k++) s += a[off + k]! * x[k]!;
        out[t] = s;
      }
    },
    adjoint(cv, out, rows, count) {
      out.fill(0);
      const c = countOf(m, rows, count);
      for (let t = 0; t < c; t++) {
        const off = (rows ? rows[t]! : t) * nn, w = cv[t]!;
        if (w === 0) continue;
        for (let k = 0; k < nn; k++) out[k]! += w * a[off + k]!;
      }
    },
    gram() {
      return gramOf(a, m, nn, null);
    },
    matrix(i) {
      return a.slice(i * nn, (i + 1) * nn);
    },
  };
}

function entriesOperator(n: number, entries: Uint32Array, symmetric: boolean): SensingOperator {
  const m = entries.length / 2;
  const op: SensingOperator = {
    n,
    m,
    symmetric,
    structure: "entries",
    measure(x, out, rows, count) {
      const c = countOf(m, rows, count);
      for (let t = 0; t < c; t++) {
        const i = rows ? rows[t]! : t, j = entries[2 * i]!, k = entries[2 * i + 1]!;
        out[t] = symmetric ? 0.5 * (x[j * n + k]! + x[k * n + j]!) : x[j * n + k]!;
      }
    },
    adjoint(cv, out, rows, count) {
      out.fill(0);
      const c = countOf(m, rows, count);
      for (let t = 0; t < c; t++) {
        const i = rows ? rows[t]! : t, j = entries[2 * i]!, k = entries[2 * i + 1]!, w = cv[t]!;
        if (symmetric && j !== k) {
          out[j * n + k]! += 0.5 * w;
          out[k * n + j]! += 0.5 * w;
        } else {
          out[j * n + k]! += w;
        }
      }
    },
    gram() {
      const g = new Float64Array(m * m);
      for (let i = 0; i < m; i++) {
        for (let l = 0; l < m; l++) {
          const same = entries[2 * i] === entries[2 * l] && entries[2 * i + 1] === entries[2 * l + 1];
          const swapped = entries[2 * i] === entries[2 * l + 1] && entries[2 * i + 1] === entries[2 * l];
          const diag = entries[2 * i] === entries[2 * i + 1];
          if (!symmetric) g[i * m + l] = same ? 1 : 0;
          else if (diag) g[i * m + l] = same ? 1 : 0;
          else g[i * m + l] = same || swapped ? 0.5 : 0;
        }
      }
      return g;
    },
    matrix(i) {
      const out = new Float64Array(n * n);
      const c = new Float64Array(m);
      c[i] = 1;
      op.adjoint(c, out);
      return out;
    },
  };
  return op;
}

function diagonalOperator(n: number, a: Float64Array, symmetric: boolean): SensingOperator {
  const m = a.length / n;
  return {
    n,
    m,
    symmetric,
    structure: "diagonal",
    measure(x, out, rows, count) {
      const c = countOf(m, rows, count);
      for (let t = 0; t < c; t++) {
        const off = (rows ? rows[t]! : t) * n;
        let s = 0;
        for (let j = 0; j < n; j++) s += a[off + j]! * x[j * n + j]!;
        out[t] = s;
      }
    },
    adjoint(cv, out, rows, count) {
      out.fill(0);
      const c = countOf(m, rows, count);
      for (let t = 0; t < c; t++) {
        const off = (rows ? rows[t]! : t) * n, w = cv[t]!;
        for (let j = 0; j < n; j++) out[j * n + j]! += w * a[off + j]!;
      }
    },
    gram() {
      return gramOf(a, m, n, null);
    },
    matrix(i) {
      const out = new Float64Array(n * n);
      for (let j = 0; j < n; j++) out[j * n + j] = a[i * n + j]!;
      return out;
    },
  };
}

/** K = B·diag(w)·Bᵀ for the m rows of length p of B (w omitted: identity). */
function gramOf(b: Float64Array, m: number, p: number, w: Float64Array | null): Float64Array {
  const g = new Float64Array(m * m);
  const row = new Float64Array(p);
  for (let i = 0; i < m; i++) {
    for (let q = 0; q < p; q++) row[q] = w ? w[q]! * b[i * p + q]! : b[i * p + q]!;
    for (let l = i; l < m; l++) {
      let s = 0;
      const off = l * p;
      for (let q = 0; q < p; q++) s += row[q]! * b[off + q]!;
      g[i * m + l] = s;
      g[l * m + i] = s;
    }
  }
  return g;
}
