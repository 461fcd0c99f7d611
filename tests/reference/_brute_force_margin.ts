import { minMargin } from "../../src/math/min_margin.ts";

/**
 * The ℓp max margin of 2-D data by brute force: max over directions θ of
 * minₙ⟨zₙ, w(θ)⟩/‖w(θ)‖ₚ, on a grid of 20,000 angles refined by golden-section
 * search around the best one. Independent of any LP/QP solver.
 */
export function bruteForceMargin2d(z: Float64Array, p: number): number {
  const f = (t: number) => minMargin(z, Float64Array.of(Math.cos(t), Math.sin(t)), p);
  const m = 20000;
  let best = 0, bestValue = f(0);
  for (let k = 1; k < m; k++) {
    const v = f((2 * Math.PI * k) / m);
    if (v > bestValue) {
      best = k;
      bestValue = v;
    }
  }
  let a = (2 * Math.PI * (best - 1)) / m, b = (2 * Math.PI * (best + 1)) / m;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 100; it++) {
    const c = b - g * (b - a), d = a + g * (b - a);
    if (f(c) > f(d)) b = d;
    else a = c;
  }
  return f((a + b) / 2);
}
