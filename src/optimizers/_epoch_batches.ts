import { createRng } from "../random/rng.ts";

/** Minibatches drawn without replacement, reshuffled each epoch (the last batch of an epoch may be short). */
export interface EpochBatches {
  /** The rows of the current batch: the first `count` entries, as `next()` returned it. */
  readonly rows: Uint32Array;
  /** Fills `rows` with the next batch and returns its size. */
  next(): number;
}

/**
 * The minibatch order of `sgd` and `path-sgd`: a seeded permutation of the n
 * examples, cut into batches of `batch` (the last of an epoch keeps the
 * remainder, as PyTorch's default), reshuffled when an epoch ends. Both
 * optimizers draw the same batches for the same seed.
 */
export function epochBatches(n: number, batch: number, seed: number): EpochBatches {
  const rng = createRng(seed);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  rng.shuffle(order);
  let pos = 0;
  const rows = new Uint32Array(batch);
  return {
    rows,
    next(): number {
      if (pos >= n) {
        rng.shuffle(order);
        pos = 0;
      }
      const count = Math.min(batch, n - pos);
      for (let k = 0; k < count; k++) rows[k] = order[pos + k]!;
      pos += count;
      return count;
    },
  };
}
