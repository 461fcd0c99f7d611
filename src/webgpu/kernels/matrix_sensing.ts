import type { Problem } from "../../problems/problem.ts";
import type { MatrixSensing } from "../../problems/matrix_sensing/matrix_sensing.ts";
import type { BoundProblemKernel, KernelLayout, ProblemKernel } from "./problem_kernel.ts";
import { sensingCoords, type SensingRows, sensingRows } from "./_sensing_rows.ts";
import wgsl from "./matrix_sensing.wgsl" with { type: "text" };

/**
 * Workgroup memory every device offers (WebGPU's default
 * `maxComputeWorkgroupStorageSize`): the kernel's arrays and the drivers'
 * are sized to fit it, so that a problem the kernel accepts runs anywhere.
 */
const WORKGROUP_BYTES = 16_384;
/** WebGPU's default `maxStorageBufferBindingSize`: every device binds this much. */
const BINDING_BYTES = 2 ** 27;
/** The drivers' own workgroup memory at workgroup size wg (reductions, records), with room to spare. */
const driverBytes = (wg: number) => 8 * wg + 128;
/** Rows one call holds at least (the kernel refuses coordinates that leave less room at 256 threads). */
const MIN_ROWS = 64;
/** Rows one call holds at most (larger blocks only repeat less of the per-block work: X and G·U). */
const MAX_ROWS = 1024;
/**
 * The most coordinates of X the kernel holds in workgroup memory (3,424).
 *
 * @example Usage
 * ```ts
 * import { MATRIX_SENSING_MAX_COORDS } from "./matrix_sensing.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok((82 * 83) / 2 <= MATRIX_SENSING_MAX_COORDS && 58 * 58 <= MATRIX_SENSING_MAX_COORDS);
 * ```
 */
export const MATRIX_SENSING_MAX_COORDS: number = (WORKGROUP_BYTES - driverBytes(256) - 8 * MIN_ROWS) / 4;

const bound = new WeakMap<Problem, BoundProblemKernel | string>();

/**
 * The WebGPU kernel of `matrix-sensing` (`matrix_sensing.wgsl`): per block of
 * measurements it forms X = UUᵀ (or UVᵀ) on the coordinates the measurements
 * see (packed upper triangle for symmetric Aᵢ, all n² entries, or the
 * diagonal), the residuals, G = Σᵢ rᵢAᵢ on the same coordinates, then
 * ∂L/∂U = 2·G·U (or G·V and Gᵀ·U), with the CPU problem's parameter layout
 * (U row-major, then V) and reductions. Dense Gaussian, completion (one
 * coordinate per row), diagonal and inline measurements.
 *
 * X's coordinates live in workgroup memory, sized for WebGPU's default
 * 16 KiB: at most {@link MATRIX_SENSING_MAX_COORDS} (3,424) of them, i.e.
 * n ≤ 82 for symmetric measurements, n ≤ 58 for general ones (diagonal ones:
 * any n the spec allows), and the measurements' coefficients in one 128 MiB
 * binding. `unsupported()` and `bind()` refuse larger problems, so `auto`
 * runs them on the CPU engine and `webgpu` refuses them as a spec error.
 *
 * @example Usage
 * ```ts
 * import { matrixSensingKernel } from "./matrix_sensing.ts";
 * import { matrixSensing } from "../../problems/matrix_sensing/matrix_sensing.ts";
 * import { sensingOperator } from "../../math/sensing_operator.ts";
 * import assert from "node:assert/strict";
 *
 * // one measurement of a 2×2 X: its trace
 * const operator = sensingOperator(2, { structure: "diagonal", a: new Float64Array([1, 1]) }, true);
 * const problem = matrixSensing({ operator, y: new Float64Array([2]), truth: null }, {
 *   rank: 2, symmetric: true, reduction: "mean",
 * });
 * const kernel = matrixSensingKernel.bind(problem);
 * assert.ok(typeof kernel !== "string");
 * assert.equal(kernel.params, 4);
 * assert.deepEqual(Array.from(kernel.data[0]!), [1, 1, 0, 0]); // the diagonal's coefficients, as a vec4
 * ```
 */
export const matrixSensingKernel: ProblemKernel = {
  kind: "matrix-sensing",
  wgsl,
  logGradient: false,
  bind(problem: Problem): BoundProblemKernel | string {
    let out = bound.get(problem);
    if (out === undefined) {
      out = unsupported(problem) ?? (problem.kind === "matrix-sensing" ? bindSensing(problem) : "");
      bound.set(problem, out);
    }
    return out;
  },
  unsupported,
};

function unsupported(problem: Problem): string | null {
  if (problem.kind !== "matrix-sensing") return `The matrix-sensing kernel cannot run a ${problem.kind} problem`;
  const { n, operator } = problem;
  const d = sensingCoords(operator);
  if (d > MATRIX_SENSING_MAX_COORDS) {
    return `The WebGPU matrix-sensing kernel holds at most ${MATRIX_SENSING_MAX_COORDS} coordinates of X in ` +
      `workgroup memory (n ≤ 82 for symmetric measurements, n ≤ 58 for general ones); n = ${n} needs ${d}`;
  }
  const bytes = operator.m * 16 * Math.ceil(d / 4);
  if (bytes > BINDING_BYTES) {
    return `The WebGPU matrix-sensing kernel reads the measurements from one buffer of at most ${BINDING_BYTES} ` +
      `bytes (every device's binding limit); ${operator.m} measurements of ${d} coefficients need ${bytes}`;
  }
  return null;
}

function bindSensing(problem: MatrixSensing): BoundProblemKernel {
  const { n, operator, options } = problem;
  const { rank: r, symmetric } = options;
  const m = operator.m;
  const rows: SensingRows = sensingRows(operator);
  const d = rows.coords, p = problem.size;
  const sym = symmetric ? 1 : 0;
  return {
    params: p,
    rows: m,
    mean: options.reduction === "mean",
    signature: `${options.reduction}/${symmetric ? "UU" : "UV"}/n${n}/r${r}/m${m}/${rows.kind}`,
    get data() {
      return rows.data(problem.y);
    },
    layout(wg: number): KernelLayout {
      const d4 = Math.ceil(d / 4);
      const lanes = Math.min(wg, 32, 2 ** Math.ceil(Math.log2(Math.max(1, Math.ceil(d4 / 8)))));
      const room = Math.floor((WORKGROUP_BYTES - driverBytes(wg) - 16 * d4) / 8);
      const rb = Math.max(1, Math.min(m, MAX_ROWS, room));
      const perChunk = wg / lanes;
      const cols = Math.ceil(d4 / wg);
      const forms = (!symmetric && rows.coord === 0 ? 2 : 1) * (r + 1);
      // Each block forms X and G·U again, with scattered loads that cost llvmpipe ~2.5× their multiply-adds
      // (measured: a block of the α sweep costs as much as 190 rows): blocks get 16× that count's rows.
      const overhead = 4 * d4 * forms + p * n, rowCost = rows.sparse ? 2 : 8 * d4;
      const perBlock = Math.max(1, Math.min(rb, Math.max(perChunk, Math.ceil((16 * overhead) / rowCost))));
      return {
        constants: {
          MS_N: n,
          MS_R: r,
          MS_D: d,
          MS_D4: d4,
          MS_COORD: rows.coord,
          MS_SPARSE: rows.sparse ? 1 : 0,
          MS_SYM: sym,
          MS_RB: rb,
          LANES: lanes,
        },
        workgroupBytes: 16 * d4 + 8 * rb,
        rowsPerChunk: perBlock,
        // Every loop of problem_block, nested ones in full, +1 per entry. A
        // call holds at most rb rows: more is not one call (the fused path
        // then refuses the problem, the multi-workgroup path splits it).
        blockLoops(rowsInCall: number): number {
          if (rowsInCall > rb) return Infinity;
          const coords = 1 + Math.ceil((4 * d4) / wg) * (1 + forms);
          const residuals = rows.sparse
            ? 1 + Math.ceil(rowsInCall / wg)
            : 1 + Math.ceil(rowsInCall / perChunk) * (3 + Math.ceil(d4 / lanes) + Math.log2(lanes));
          const adjoint = rows.sparse ? 3 + cols + rowsInCall : 1 + cols * (2 + rowsInCall);
          const gradient = 1 + Math.ceil(p / wg) * (3 + n);
          return 8 + coords + residuals + adjoint + gradient + 2 + Math.log2(wg);
        },
        minMarginLoops: () => 2,
      };
    },
  };
}
