/** A uniform integer in [0, n) from a uniform number in [0, 1). */
export function uniformInt(uniform: () => number, n: number): number {
  if (!Number.isInteger(n) || n <= 0) {
    throw new RangeError(`Cannot draw an integer: n must be a positive integer but was ${n}`);
  }
  return Math.floor(uniform() * n);
}

/** Shuffles `a` in place (Fisher–Yates) with `int(k)` uniform in [0, k), and returns it. */
export function shuffleWith<T extends { length: number; [i: number]: unknown }>(int: (k: number) => number, a: T): T {
  for (let i = a.length - 1; i > 0; i--) {
    const j = int(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}
