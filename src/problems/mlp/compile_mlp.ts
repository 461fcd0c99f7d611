import { SpecError } from "../../spec/spec_error.ts";
import type { LabeledData } from "../shared/labeled_data.ts";
import type { LoadDataOptions } from "../shared/load_data.ts";
import { loadTargetData } from "../shared/load_target_data.ts";
import { mnistData } from "../shared/mnist_data.ts";
import type { Gemm } from "./gemm.ts";
import { chooseGemm } from "./choose_gemm.ts";
import { type Mlp, mlp } from "./mlp.ts";
import { mlpLayout } from "./mlp_layout.ts";
import type { MlpSpec } from "./mlp_schema.ts";

/** The most parameters an `mlp` may have (2²⁶ float64: 512 MiB per copy). */
export const MAX_MLP_PARAMS = 2 ** 26;

/**
 * Compiles a validated `mlp` spec: loads its data and held-out set (inline,
 * CSV or MNIST), settles k, checks labels against the loss and the held-out
 * set's width against the data's, and builds the {@link mlp} problem on the
 * matrix products {@link chooseGemm} picks (OpenBLAS where it measures faster).
 *
 * @param spec The problem spec.
 * @param options Where relative CSV paths start; `gemm`: the matrix products.
 * @returns The problem.
 * @throws {SpecError} naming the field and value on bad data.
 *
 * @example Usage
 * ```ts
 * import { compileMlp } from "./compile_mlp.ts";
 * import assert from "node:assert/strict";
 *
 * const p = compileMlp({
 *   kind: "mlp", widths: [4], activation: "relu", bias: true, loss: "cross-entropy", reduction: "mean",
 *   data: { kind: "points", x: [[0, 1], [1, 0]], y: [0, 2] },
 * });
 * assert.equal(p.outputs, 3);
 * ```
 */
export function compileMlp(spec: MlpSpec, options: Pick<LoadDataOptions, "baseDir"> & { gemm?: Gemm } = {}): Mlp {
  const binary = spec.loss !== "cross-entropy";
  const data = load(spec.data, "problem.data", binary, options);
  const test = spec.test ? load(spec.test, "problem.test", binary, options) : null;
  if (test && test.d !== data.d) {
    throw new SpecError([{
      path: "problem.test",
      message: `Expected ${data.d} features per example like the training data but found ${test.d}`,
      input: test.d,
    }]);
  }
  let k = 1;
  if (!binary) {
    const mnist = spec.data.kind === "mnist" ? spec.data : null;
    k = spec.classes ?? (mnist ? mnist.digits?.length ?? 10 : 1 + Math.max(maxLabel(data), test ? maxLabel(test) : 0));
    checkClasses(data, k, "problem.data");
    if (test) checkClasses(test, k, "problem.test");
    if (k < 2) {
      throw new SpecError([{ path: "problem.data.y", message: "Expected at least 2 classes but every label is 0" }]);
    }
  }
  const { size } = mlpLayout(data.d, spec.widths, k, spec.bias);
  if (size > MAX_MLP_PARAMS) {
    throw new SpecError([{
      path: "problem.widths",
      message: `Expected at most ${MAX_MLP_PARAMS} parameters but these widths give ${size}`,
      input: spec.widths,
    }]);
  }
  return mlp(data, {
    widths: spec.widths,
    activation: spec.activation,
    bias: spec.bias,
    loss: spec.loss,
    classes: k,
    reduction: spec.reduction,
    test,
    gemm: options.gemm ?? chooseGemm(),
  });
}

function load(
  spec: MlpSpec["data"],
  path: string,
  binary: boolean,
  options: Pick<LoadDataOptions, "baseDir">,
): LabeledData {
  if (spec.kind === "mnist") return mnistData(spec, { labels: binary ? "binary" : "classes", path });
  const data = loadTargetData(spec, { ...options, path });
  if (binary) {
    const bad = data.y.findIndex((v) => v !== 1 && v !== -1);
    if (bad >= 0) {
      throw new SpecError([{
        path: `${path}.y[${bad}]`,
        message: "Expected a label of -1 or 1 for a binary loss",
        input: data.y[bad],
      }]);
    }
  }
  return data;
}

function maxLabel(data: LabeledData): number {
  let m = 0;
  for (const v of data.y) if (v > m) m = v;
  return m;
}

function checkClasses(data: LabeledData, k: number, path: string): void {
  const bad = data.y.findIndex((v) => !Number.isInteger(v) || v < 0 || v >= k);
  if (bad < 0) return;
  throw new SpecError([{
    path: `${path}.y[${bad}]`,
    message: `Expected a class label, an integer in 0..${k - 1}`,
    input: data.y[bad],
  }]);
}
