/** One dense layer of an {@link mlpLayout}: W is out × in, row-major, at offset `w`; b (out) at offset `b`, or −1. */
export interface MlpLayer {
  /** Units of this layer (rows of W). */
  readonly out: number;
  /** Units feeding it (columns of W). */
  readonly in: number;
  /** Offset of W in the flat parameter vector. */
  readonly w: number;
  /** Offset of b, or −1 for a bias-free layer. */
  readonly b: number;
}

/**
 * The public flat parameter layout of an MLP: layer by layer from the input,
 * each layer's weight W (out × in, row-major: PyTorch's `nn.Linear.weight`)
 * followed by its bias b (out) when `bias` is true. `torch.cat([p.flatten()
 * for p in model.parameters()])` of the matching `nn.Sequential` gives the
 * same vector.
 *
 * @param d Input features.
 * @param widths Hidden widths.
 * @param outputs Output units.
 * @param bias Whether every layer has a bias.
 * @returns The layers and the total number of parameters.
 *
 * @example Usage
 * ```ts
 * import { mlpLayout } from "./mlp_layout.ts";
 * import assert from "node:assert/strict";
 *
 * const { layers, size } = mlpLayout(2, [3], 1, true);
 * assert.deepEqual(layers, [{ out: 3, in: 2, w: 0, b: 6 }, { out: 1, in: 3, w: 9, b: 12 }]);
 * assert.equal(size, 13);
 * ```
 */
export function mlpLayout(
  d: number,
  widths: readonly number[],
  outputs: number,
  bias: boolean,
): { layers: MlpLayer[]; size: number } {
  const dims = [d, ...widths, outputs];
  for (const [i, h] of dims.entries()) {
    if (!Number.isInteger(h) || h < 1) {
      throw new RangeError(`Cannot lay out an mlp: layer ${i} must have a positive integer width but has ${h}`);
    }
  }
  const layers: MlpLayer[] = [];
  let size = 0;
  for (let l = 1; l < dims.length; l++) {
    const out = dims[l]!, inn = dims[l - 1]!;
    const w = size;
    size += out * inn;
    const b = bias ? size : -1;
    if (bias) size += out;
    layers.push({ out, in: inn, w, b });
  }
  return { layers, size };
}
