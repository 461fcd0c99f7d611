import type { SensingData } from "./sensing_data.ts";

/** A matrix sensing GD loop in place. */
export interface SensingKernel {
  /** The factor U (n×n, row-major), updated in place. */
  readonly u: Float64Array;
  /** Takes k steps. */
  step(k: number): void;
}

/**
 * A biasflow-style float64 kernel for GD on matrix sensing,
 * L(U) = (1/2m) Σᵢ (⟨Aᵢ, UUᵀ⟩ − yᵢ)², ∇L = (2/m)(Σᵢ rᵢAᵢ)U for symmetric Aᵢ.
 * Each step makes one pass over the Aᵢ (the residual's dot product and the
 * accumulation of rᵢAᵢ on the same row, while it is in L1), with tight
 * row-major loops and no allocation: the plain-loop floor of the benchmark's
 * matrix sensing row.
 *
 * @param data The instance.
 * @param lr Step size.
 * @returns The kernel at U₀.
 *
 * @example Usage
 * ```ts
 * import { sensingKernel } from "./sensing_kernel.ts";
 * import { sensingData } from "./sensing_data.ts";
 *
 * const k = sensingKernel(sensingData(5, 20, 1), 0.05);
 * k.step(10);
 * ```
 */
export function sensingKernel(data: SensingData, lr: number): SensingKernel {
  const { n, m, a, y } = data;
  const nn = n * n;
  const u = data.u0.slice();
  const x = new Float64Array(nn), g = new Float64Array(nn), grad = new Float64Array(nn);
  const scale = (2 / m) * lr;
  function step(k: number): void {
    for (let t = 0; t < k; t++) {
      for (let r = 0; r < n; r++) {
        for (let c = r; c < n; c++) {
          let s = 0;
          for (let q = 0; q < n; q++) s += u[r * n + q]! * u[c * n + q]!;
          x[r * n + c] = s;
          x[c * n + r] = s;
        }
      }
      g.fill(0);
      for (let i = 0; i < m; i++) {
        const o = i * nn;
        let s = 0;
        for (let q = 0; q < nn; q++) s += a[o + q]! * x[q]!;
        const ri = s - y[i]!;
        for (let q = 0; q < nn; q++) g[q]! += ri * a[o + q]!;
      }
      grad.fill(0);
      for (let r = 0; r < n; r++) {
        for (let q = 0; q < n; q++) {
          const grq = g[r * n + q]!;
          for (let c = 0; c < n; c++) grad[r * n + c]! += grq * u[q * n + c]!;
        }
      }
      for (let q = 0; q < nn; q++) u[q]! -= scale * grad[q]!;
    }
  }
  return { u, step };
}
