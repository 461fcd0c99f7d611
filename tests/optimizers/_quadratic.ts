import type { ProblemBase } from "../../src/engine/problem_base.ts";

/** L(w) = ½‖w − c‖², ∇L = w − c: gradients easy to follow by hand. */
export function quadratic(c: number[]): ProblemBase {
  const d = c.length;
  return {
    kind: "quadratic",
    size: d,
    examples: 1,
    gradient(w, g, wantLoss) {
      let loss = 0;
      for (let j = 0; j < d; j++) {
        g[j] = w[j]! - c[j]!;
        if (wantLoss) loss += 0.5 * g[j]! * g[j]!;
      }
      return loss;
    },
    predictor: (w) => ({ shape: [d], data: w.slice() }),
    params: (w) => ({ w: { shape: [d], data: w.slice() } }),
    smoothness: () => 1,
  };
}

/** Runs `steps` steps from `w0` and returns each iterate. */
export function iterates(step: (w: Float64Array) => boolean, w0: number[], steps: number): number[][] {
  const w = Float64Array.from(w0), out: number[][] = [];
  for (let t = 0; t < steps; t++) {
    if (!step(w)) throw new Error(`Step ${t} was refused`);
    out.push(Array.from(w));
  }
  return out;
}
