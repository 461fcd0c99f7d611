import { SpecError } from "../../spec/spec_error.ts";
import type { LabeledData } from "./labeled_data.ts";
import type { MnistDataSpec } from "./mnist_schema.ts";
import { readMnistSplit } from "./_read_mnist_idx.ts";

/** How the digits become labels (see {@link mnistData}). */
export type MnistLabels = "classes" | "binary";

/**
 * Loads MNIST examples as {@link LabeledData}: examples [offset, offset + n)
 * of the split in file order, after keeping only `digits` when given.
 * Features are pixel/255 in [0, 1], row-major over the resized image: 28 as
 * stored; 14 and 7 average 2×2 and 4×4 blocks; 10 pads one zero pixel on
 * every side (30×30) and averages 3×3 blocks. Labels: with `classes`, the
 * digit (0–9), or with `digits` its index 0..k−1 in that list; with
 * `binary`, +1 for the first of two digits and −1 for the second.
 *
 * @param spec A validated MNIST data spec.
 * @param options `labels` and the field path for errors (default `problem.data`).
 * @returns The examples.
 * @throws {SpecError} when n + offset is beyond the (filtered) split, or binary labels lack exactly two digits.
 *
 * @example Usage
 * ```ts
 * import { mnistData } from "./mnist_data.ts";
 * import assert from "node:assert/strict";
 *
 * const data = mnistData({ kind: "mnist", split: "test", n: 5, offset: 0, resize: 7 }, { labels: "classes" });
 * assert.equal(data.d, 49);
 * assert.deepEqual(Array.from(data.y), [7, 2, 1, 0, 4]); // the first digits of the test split
 * ```
 */
export function mnistData(
  spec: MnistDataSpec,
  options: { labels: MnistLabels; path?: string },
): LabeledData {
  const field = options.path ?? "problem.data";
  const digits = spec.digits;
  if (options.labels === "binary" && digits?.length !== 2) {
    throw new SpecError([{
      path: `${field}.digits`,
      message: "Expected two digits for binary labels (+1 for the first, −1 for the second)",
      input: digits ?? "nothing",
    }]);
  }
  const split = readMnistSplit(spec.split);
  const keep: number[] = [];
  if (digits) {
    const wanted = new Set(digits);
    for (let i = 0; i < split.n; i++) if (wanted.has(split.labels[i]!)) keep.push(i);
  }
  const available = digits ? keep.length : split.n;
  const n = spec.n ?? available - spec.offset;
  const what = digits ? `the ${available} examples of digits ${digits.join(", ")} in` : `the ${available} examples of`;
  if (spec.offset >= available) {
    throw new SpecError([{
      path: `${field}.offset`,
      message: `Expected an offset below ${what} the ${spec.split} split`,
      input: spec.offset,
    }]);
  }
  if (spec.offset + n > available) {
    throw new SpecError([{
      path: `${field}.n`,
      message: `Expected n + offset (${n} + ${spec.offset}) within ${what} the ${spec.split} split`,
      input: n,
    }]);
  }
  const s = spec.resize, d = s * s;
  const x = new Float64Array(n * d), y = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const i = digits ? keep[spec.offset + r]! : spec.offset + r;
    resizeInto(split.images, i * 784, s, x, r * d);
    const digit = split.labels[i]!;
    y[r] = !digits ? digit : options.labels === "binary" ? (digit === digits[0] ? 1 : -1) : digits.indexOf(digit);
  }
  return { n, d, x, y };
}

/** Writes one 28×28 image at size s (28, 14, 10 or 7) into out[o…], as pixel/255 means over blocks. */
function resizeInto(img: Uint8Array, io: number, s: number, out: Float64Array, o: number): void {
  if (s === 28) {
    for (let p = 0; p < 784; p++) out[o + p] = img[io + p]! / 255;
    return;
  }
  const block = s === 10 ? 3 : 28 / s;
  const pad = s === 10 ? 1 : 0; // 10: one zero pixel on every side makes 30×30
  const scale = 1 / (block * block * 255);
  for (let bi = 0; bi < s; bi++) {
    for (let bj = 0; bj < s; bj++) {
      let sum = 0;
      for (let u = 0; u < block; u++) {
        const row = bi * block + u - pad;
        if (row < 0 || row >= 28) continue;
        for (let v = 0; v < block; v++) {
          const col = bj * block + v - pad;
          if (col < 0 || col >= 28) continue;
          sum += img[io + row * 28 + col]!;
        }
      }
      out[o + bi * s + bj] = sum * scale;
    }
  }
}
