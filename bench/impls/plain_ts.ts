import { sensingKernel } from "../workloads/sensing_kernel.ts";
import type { Impl } from "./impl.ts";
import { timeSync } from "./impl.ts";

/**
 * The floor: the loop a user would write in plain TypeScript (Float64Arrays,
 * nothing else): margins, sigmoid, gradient and update for logistic GD;
 * {@link sensingKernel} for matrix sensing.
 *
 * @returns The implementation.
 *
 * @example Usage
 * ```ts
 * import { plainTs } from "./plain_ts.ts";
 * import { workloads } from "../workloads/workload.ts";
 *
 * const runner = await plainTs().setup(workloads("d=2")[0]!);
 * await runner.run(10);
 * ```
 */
export function plainTs(): Impl {
  return {
    id: "plain-ts",
    label: "plain TS loop",
    bits: 64,
    skip() {
      return Promise.resolve(null);
    },
    setup(w) {
      if (w.kind === "sensing") {
        const kernel = sensingKernel(w.data, w.lr);
        return Promise.resolve({
          run: (k) => Promise.resolve(timeSync(() => kernel.step(k))),
          params: () => Promise.resolve(kernel.u.slice()),
          dispose() {},
        });
      }
      const { n, d, x, y } = w.data, lr = w.lr;
      const wv = new Float64Array(d), g = new Float64Array(d);
      function steps(k: number): void {
        for (let t = 0; t < k; t++) {
          g.fill(0);
          for (let i = 0; i < n; i++) {
            let m = 0;
            for (let j = 0; j < d; j++) m += x[i * d + j]! * wv[j]!;
            const s = -y[i]! / (1 + Math.exp(y[i]! * m));
            for (let j = 0; j < d; j++) g[j]! += s * x[i * d + j]!;
          }
          for (let j = 0; j < d; j++) wv[j]! -= (lr * g[j]!) / n;
        }
      }
      return Promise.resolve({
        run: (k) => Promise.resolve(timeSync(() => steps(k))),
        params: () => Promise.resolve(wv.slice()),
        dispose() {},
      });
    },
  };
}
