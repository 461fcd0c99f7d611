import { biasflowCpu } from "./biasflow_cpu.ts";
import { biasflowWebgpu } from "./biasflow_webgpu.ts";
import type { Impl } from "./impl.ts";
import { jaxJs } from "./jax_js.ts";
import { numpy } from "./numpy.ts";
import { plainTs } from "./plain_ts.ts";

/**
 * Every implementation the benchmark compares, in column order. NumPy is the
 * baseline of the ratios; a new backend is one more entry here.
 *
 * @returns The implementations.
 *
 * @example Usage
 * ```ts
 * import { allImpls } from "./impls.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(allImpls().some((i) => i.id === "numpy"));
 * ```
 */
export function allImpls(): Impl[] {
  return [
    biasflowCpu({ kernels: true }),
    biasflowCpu({ kernels: false }),
    biasflowWebgpu(),
    numpy(),
    jaxJs("wasm"),
    jaxJs("webgpu"),
    plainTs(),
  ];
}
