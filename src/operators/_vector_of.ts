import type { Tensor } from "../math/tensor.ts";

/** The entries of a tensor or array, as a Float64Array (copied). */
export function vectorOf(ref: Tensor | ArrayLike<number>): Float64Array {
  return Float64Array.from("data" in ref ? ref.data : ref);
}
