import type { SensingOperator } from "../../math/sensing_operator.ts";

/** A sensing operator as the WebGPU kernel reads it: coordinates of X and one row of coefficients per Aᵢ. */
export interface SensingRows {
  /** 0 packed upper triangle (symmetric Aᵢ), 1 all n² entries, 2 the diagonal (`MS_COORD`). */
  readonly coord: 0 | 1 | 2;
  /** Coordinates of X the measurements see (`MS_D`). */
  readonly coords: number;
  /** Each Aᵢ is one coordinate (completion): rows are (coordinate, coefficient) pairs. */
  readonly sparse: boolean;
  /** What the layout is, for the kernel's signature. */
  readonly kind: string;
  /**
   * Bindings 8 (rows: ⌈D/4⌉·4 coefficients each, zero-padded, or a sparse row's
   * (coordinate, coefficient, 0, 0)), 9 (y) and 10 (coordinate q's entry j·n + k), float32, built once.
   */
  data(y: Float64Array): readonly Float32Array<ArrayBuffer>[];
}

/**
 * The coordinates a sensing operator's measurements see (`SensingRows.coord`).
 *
 * @example Usage
 * ```ts
 * import { sensingCoord } from "./_sensing_rows.ts";
 * import { sensingOperator } from "../../math/sensing_operator.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(sensingCoord(sensingOperator(2, { structure: "dense", a: new Float64Array(4) }, false)), 1);
 * ```
 */
export function sensingCoord(operator: SensingOperator): 0 | 1 | 2 {
  return operator.structure === "diagonal" ? 2 : operator.symmetric ? 0 : 1;
}

/**
 * How many coordinates of X an operator's measurements see: n(n + 1)/2, n² or n.
 *
 * @example Usage
 * ```ts
 * import { sensingCoords } from "./_sensing_rows.ts";
 * import { sensingOperator } from "../../math/sensing_operator.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(sensingCoords(sensingOperator(3, { structure: "dense", a: new Float64Array(9) }, true)), 6);
 * ```
 */
export function sensingCoords(operator: SensingOperator): number {
  const n = operator.n;
  return [(n * (n + 1)) / 2, n * n, n][sensingCoord(operator)]!;
}

/**
 * The coordinates and rows of a sensing operator, with the CPU operator's
 * conventions: symmetric Aᵢ on the packed upper triangle with off-diagonal
 * coefficients doubled (x_q = (X_jk + X_kj)/2), general Aᵢ on all entries,
 * diagonal Aᵢ on the diagonal. Completion rows become one (coordinate,
 * coefficient) pair when every Aᵢ has exactly one nonzero coefficient.
 *
 * @example Usage
 * ```ts
 * import { sensingRows } from "./_sensing_rows.ts";
 * import { sensingOperator } from "../../math/sensing_operator.ts";
 * import assert from "node:assert/strict";
 *
 * // A₀ = (E₀₁ + E₁₀)/2 on 2×2 matrices: packed coordinate 1 (entry 0·2 + 1), coefficient 1
 * const rows = sensingRows(sensingOperator(2, { structure: "entries", entries: Uint32Array.of(0, 1) }, true));
 * assert.deepEqual([rows.coord, rows.coords, rows.sparse], [0, 3, true]);
 * const [a, y, coord] = rows.data(Float64Array.of(5));
 * assert.deepEqual([Array.from(a!), Array.from(y!), Array.from(coord!)], [[1, 1, 0, 0], [5], [0, 1, 3]]);
 * ```
 */
export function sensingRows(operator: SensingOperator): SensingRows {
  const { n, m } = operator;
  const coord = sensingCoord(operator);
  const entry: number[] = [];
  for (let j = 0; j < n; j++) {
    if (coord === 2) entry.push(j * n + j);
    else for (let k = coord === 0 ? j : 0; k < n; k++) entry.push(j * n + k);
  }
  const d = entry.length, stride = 4 * Math.ceil(d / 4);
  // Row i's coefficient of coordinate q: packed ones hold A_jk + A_kj (the CPU packs 2·A_jk of the upper triangle).
  const coefficient = (a: Float64Array, q: number) => {
    const e = entry[q]!, j = Math.floor(e / n), k = e % n;
    return coord === 0 && j !== k ? 2 * a[e]! : a[e]!;
  };
  let cache: readonly Float32Array<ArrayBuffer>[] | null = null;
  let sparse = operator.structure === "entries";
  function rows(): Float32Array<ArrayBuffer> {
    const dense = new Float32Array(sparse ? 0 : m * stride), pairs = new Float32Array(sparse ? 4 * m : 0);
    for (let i = 0; i < m; i++) {
      const a = operator.matrix(i);
      let nonzero = 0;
      for (let q = 0; q < d; q++) {
        const v = coefficient(a, q);
        if (!sparse) dense[i * stride + q] = v;
        else if (v !== 0) {
          pairs[4 * i] = q;
          pairs[4 * i + 1] = v;
          nonzero++;
        }
      }
      if (sparse && nonzero !== 1) {
        sparse = false;
        return rows();
      }
    }
    return sparse ? pairs : dense;
  }
  // Whether every completion row is one coordinate is known only from the rows: build them now.
  const a = operator.structure === "entries" ? rows() : null;
  return {
    coord,
    coords: d,
    sparse,
    kind: `${["packed", "full", "diagonal"][coord]}/${sparse ? "sparse" : "dense"}`,
    data(y: Float64Array) {
      cache ??= [a ?? rows(), Float32Array.from(y), Float32Array.from(entry)];
      return cache;
    },
  };
}
