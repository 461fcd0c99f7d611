import { createRng } from "../random/rng.ts";

/**
 * The rows SGD visits, step after step, exactly as `src/optimizers/sgd.ts`
 * draws them: one seeded xoshiro128** generator shuffles 0…n−1 once, and
 * again (in place) each time an epoch is used up; each step takes the next
 * min(batch, n − pos) rows. The WebGPU engine uploads these rows per chunk of
 * steps, so its batches are the CPU engine's, bit for bit.
 */
export interface BatchStream {
  /** Steps per epoch, ⌈n / batch⌉. */
  readonly stepsPerEpoch: number;
  /** Rows per full step (batch clamped to n). */
  readonly batch: number;
  /** The position in its epoch, in steps, of the next step. */
  readonly epochStep: number;
  /** Rows the next `steps` steps use, in order (their batches concatenated). */
  take(steps: number): Uint32Array<ArrayBuffer>;
}

export function createBatchStream(n: number, batchSize: number, seed: number): BatchStream {
  const batch = Math.min(batchSize, n);
  const rng = createRng(seed);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  rng.shuffle(order);
  let pos = 0;
  return {
    stepsPerEpoch: Math.ceil(n / batch),
    batch,
    get epochStep() {
      return pos >= n ? 0 : pos / batch;
    },
    take(steps: number): Uint32Array<ArrayBuffer> {
      const out = new Uint32Array(countRows(steps));
      let o = 0;
      for (let s = 0; s < steps; s++) {
        if (pos >= n) {
          rng.shuffle(order);
          pos = 0;
        }
        const count = Math.min(batch, n - pos);
        out.set(order.subarray(pos, pos + count), o);
        o += count;
        pos += count;
      }
      return out;
    },
  };

  function countRows(steps: number): number {
    let p = pos >= n ? 0 : pos, total = 0;
    for (let s = 0; s < steps; s++) {
      if (p >= n) p = 0;
      const count = Math.min(batch, n - p);
      total += count;
      p += count;
    }
    return total;
  }
}
