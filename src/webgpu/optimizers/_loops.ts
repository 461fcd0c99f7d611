/** Loop iterations of `for (var j = lid; j < P; j += WG)` in one invocation, its entry included. */
export function columnLoops(params: number, wg: number): number {
  return Math.ceil(params / wg) + 1;
}

/** Loop iterations of one workgroup reduction (`wg_reduce`, `argmax_abs`'s tree), its entry included. */
export function reduceLoops(wg: number): number {
  return Math.log2(wg) + 1;
}

/** Loop iterations of update.wgsl's `lp_map` (its costliest kind, the general q) and one column loop of `lp_entry`. */
export function lpMapLoops(params: number, wg: number): number {
  return 3 * columnLoops(params, wg) + 2 * reduceLoops(wg);
}
