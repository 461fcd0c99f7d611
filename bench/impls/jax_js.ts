import { defaultDevice, type Device, grad, init, jit, nn, numpy as np } from "@jax-js/jax";
import { multiplyAddsPerStep, type Workload } from "../workloads/workload.ts";
import { gpuAdapter, SOFTWARE_ADAPTER_MAX_WORK } from "./gpu_adapter.ts";
import type { Impl, Runner } from "./impl.ts";

let devices: Promise<Device[]> | undefined;

function asArray(a: Float64Array, dtype: np.DType): np.Array {
  return np.array(dtype === np.float64 ? a.slice() : Float32Array.from(a), { dtype });
}

/**
 * jax-js (`npm:@jax-js/jax`) as its users write it: the loss in jax-js numpy,
 * `jit` of one SGD step built on `grad`, called once per step; float64 on the
 * `wasm` device, float32 on `webgpu` (WebGPU has no float64).
 *
 * @param device `wasm` (CPU) or `webgpu`.
 * @returns The implementation.
 *
 * @example Usage
 * ```ts ignore
 * import { jaxJs } from "./jax_js.ts";
 * import { workloads } from "../workloads/workload.ts";
 *
 * const runner = await jaxJs("wasm").setup(workloads("d=2")[0]!);
 * console.log(10 / await runner.run(10), "steps/s");
 * ```
 */
export function jaxJs(device: "wasm" | "webgpu"): Impl {
  const dtype = device === "wasm" ? np.float64 : np.float32;
  return {
    id: `jax-js-${device}`,
    label: `jax-js ${device}`,
    bits: device === "wasm" ? 64 : 32,
    ...(device === "wasm"
      ? {
        sameIteratesTolerance: {
          value: 1e-7,
          why: "jax-js's wasm backend computes in float64 but not to float64 accuracy: 1.5e-8 from NumPy after " +
            "3 logistic steps, 4.2e-10 on matrix sensing (measured 2026-12-07)",
        },
      }
      : {}),
    async skip(w) {
      devices ??= init();
      if (!(await devices).includes(device)) return `jax-js found no ${device} device`;
      if (device === "webgpu") {
        const adapter = await gpuAdapter();
        if (adapter?.software && multiplyAddsPerStep(w) > SOFTWARE_ADAPTER_MAX_WORK) {
          return `software adapter (${adapter.name}): skipped above ${SOFTWARE_ADAPTER_MAX_WORK} multiply-adds per step`;
        }
      }
      return null;
    },
    async setup(w: Workload): Promise<Runner> {
      devices ??= init();
      await devices;
      defaultDevice(device);
      let params: np.Array;
      let step: (p: np.Array) => np.Array;
      const lr = w.lr;
      if (w.kind === "logistic") {
        const { n, d } = w.data;
        const X = asArray(w.data.x, dtype).reshape([n, d]), y = asArray(w.data.y, dtype);
        const loss = (v: np.Array, X: np.Array, y: np.Array) =>
          np.mean(nn.softplus(np.negative(y.mul(np.matmul(X, v)))));
        const sgd = jit((v: np.Array, X: np.Array, y: np.Array) => v.ref.sub(grad(loss)(v, X, y).mul(lr)));
        params = np.zeros([d], { dtype });
        step = (p) => sgd(p, X.ref, y.ref);
      } else {
        const { n, m } = w.data;
        const A = asArray(w.data.a, dtype).reshape([m, n * n]), y = asArray(w.data.y, dtype);
        const loss = (u: np.Array, A: np.Array, y: np.Array) =>
          np.mean(np.square(np.matmul(A, np.matmul(u.ref, np.transpose(u)).reshape([n * n])).sub(y))).mul(0.5);
        const sgd = jit((u: np.Array, A: np.Array, y: np.Array) => u.ref.sub(grad(loss)(u, A, y).mul(lr)));
        params = asArray(w.data.u0, dtype).reshape([n, n]);
        step = (p) => sgd(p, A.ref, y.ref);
      }
      return {
        async run(k) {
          const t0 = performance.now();
          for (let i = 0; i < k; i++) params = step(params);
          await params.blockUntilReady();
          return (performance.now() - t0) / 1000;
        },
        async params() {
          return Float64Array.from(await params.ref.data());
        },
        dispose() {
          params.dispose();
        },
      };
    },
  };
}
