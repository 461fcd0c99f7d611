import type { Tensor } from "../math/tensor.ts";

/**
 * Encodes a tensor as NumPy's `.npy` format (version 1.0, little-endian
 * float64 `<f8`, C order), which `numpy.load` and `torch.from_numpy` read.
 *
 * @param tensor The tensor.
 * @returns The file's bytes.
 *
 * @example Usage
 * ```ts
 * import { encodeNpy } from "./write_npy.ts";
 * import assert from "node:assert/strict";
 *
 * const bytes = encodeNpy({ shape: [2], data: new Float64Array([1, 2]) });
 * assert.equal(bytes.length, 128 + 16);
 * assert.equal(new TextDecoder().decode(bytes.subarray(1, 6)), "NUMPY");
 * ```
 */
export function encodeNpy(tensor: Tensor): Uint8Array {
  const shape = tensor.shape.length === 1 ? `(${tensor.shape[0]},)` : `(${tensor.shape.join(", ")})`;
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': ${shape}, }`;
  // Magic (6) + version (2) + length (2) + header, padded with spaces to a multiple of 64, ending in \n.
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  header = header.padEnd(total - 10 - 1, " ") + "\n";
  const out = new Uint8Array(total + tensor.data.length * 8);
  out.set([0x93, ...new TextEncoder().encode("NUMPY"), 1, 0], 0);
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(new TextEncoder().encode(header), 10);
  const view = new DataView(out.buffer, total);
  tensor.data.forEach((v, i) => view.setFloat64(i * 8, v, true));
  return out;
}

/**
 * Writes a tensor to a `.npy` file atomically (a temporary file renamed into place).
 *
 * @param path The file to write.
 * @param tensor The tensor.
 *
 * @example Usage
 * ```ts
 * import { writeNpy } from "./write_npy.ts";
 *
 * const dir = Deno.makeTempDirSync();
 * writeNpy(`${dir}/params.npy`, { shape: [3], data: new Float64Array([1, 2, 3]) });
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function writeNpy(path: string, tensor: Tensor): void {
  const tmp = `${path}.tmp-${crypto.randomUUID().slice(0, 8)}`;
  Deno.writeFileSync(tmp, encodeNpy(tensor));
  Deno.renameSync(tmp, path);
}
