import type { z } from "zod";

/** Largest m·n² of generated dense sensing (the operator is held in memory). */
export const MAX_SENSING_ENTRIES = 20_000_000;

interface MatrixSensingFields {
  n: number;
  rank?: number | undefined;
  symmetric: boolean;
  measurements:
    | { kind: "points"; a: number[][][]; y: number[]; truth?: number[][] | undefined }
    | { kind: "gaussian" | "completion" | "diagonal"; m: number; truthRank: number };
}

/**
 * Cross-field checks of a matrix sensing spec: shapes against n, the number of
 * measurements against the dimension of the matrix space, symmetry of inline
 * sensing matrices for symmetric problems.
 */
export function checkMatrixSensing(spec: MatrixSensingFields, ctx: z.RefinementCtx): void {
  const { n, symmetric } = spec;
  const meas = spec.measurements;
  const dim = symmetric ? (n * (n + 1)) / 2 : n * n;
  const space = symmetric ? `a symmetric ${n}×${n} matrix has ${dim}` : `a general ${n}×${n} matrix has ${dim}`;
  function issue(path: (string | number)[], input: unknown, message: string): void {
    ctx.addIssue({ code: "custom", path: ["measurements", ...path], input, message });
  }
  if (meas.kind !== "points") {
    if (meas.truthRank > n) issue(["truthRank"], meas.truthRank, `Expected a truth rank of at most n = ${n}`);
    if (meas.kind === "diagonal" && meas.m > n) {
      issue(["m"], meas.m, `Expected at most n = ${n} diagonal measurements (the diagonal has ${n} entries)`);
    } else if (meas.m > dim) {
      issue(["m"], meas.m, `Expected at most ${dim} measurements (${space} degrees of freedom)`);
    } else if (meas.kind === "gaussian" && meas.m * n * n > MAX_SENSING_ENTRIES) {
      issue(["m"], meas.m, `Expected m·n² ≤ ${MAX_SENSING_ENTRIES} for dense Gaussian sensing (${meas.m}·${n}²)`);
    }
    return;
  }
  const m = meas.a.length;
  if (m > n * n) issue(["a"], m, `Expected at most n² = ${n * n} sensing matrices`);
  if (meas.y.length !== m) {
    issue(["y"], meas.y.length, `Expected one measurement per sensing matrix (${m}) but found ${meas.y.length}`);
  }
  meas.a.forEach((ai, i) => checkSquare(ai, ["a", i], `a[${i}]`));
  if (meas.truth !== undefined) checkSquare(meas.truth, ["truth"], "truth");

  function checkSquare(mat: number[][], path: (string | number)[], name: string): void {
    if (mat.length !== n) {
      issue(path, mat.length, `Expected ${name} to have n = ${n} rows but found ${mat.length}`);
      return;
    }
    for (let j = 0; j < n; j++) {
      if (mat[j]!.length !== n) {
        issue(
          [...path, j],
          mat[j]!.length,
          `Expected ${name}[${j}] to have n = ${n} entries but found ${mat[j]!.length}`,
        );
        return;
      }
    }
    if (!symmetric) return;
    for (let j = 0; j < n; j++) {
      for (let k = j + 1; k < n; k++) {
        const u = mat[j]![k]!, v = mat[k]![j]!;
        if (Math.abs(u - v) > 1e-12 * Math.max(1, Math.abs(u), Math.abs(v))) {
          issue(
            [...path, j, k],
            [u, v],
            `Expected a symmetric ${name} for symmetric sensing (X = UUᵀ) but ${name}[${j}][${k}] = ${u} and ` +
              `${name}[${k}][${j}] = ${v}; symmetrize it or set symmetric: false`,
          );
          return;
        }
      }
    }
  }
}

/** Checks that explicit hidden widths of a linear net number depth − 1. */
export function checkLinearNet(
  spec: { depth: number; width?: number | number[] | undefined },
  ctx: z.RefinementCtx,
): void {
  if (Array.isArray(spec.width) && spec.width.length !== spec.depth - 1) {
    ctx.addIssue({
      code: "custom",
      path: ["width"],
      input: spec.width,
      message: `Expected depth − 1 = ${spec.depth - 1} hidden widths but found ${spec.width.length}`,
    });
  }
}
