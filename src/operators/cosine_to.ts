import type { OperatorFunction } from "rxjs";
import { cosine } from "../math/cosine.ts";
import type { Tensor } from "../math/tensor.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import { metric } from "./metric.ts";
import { vectorOf } from "./_vector_of.ts";

/**
 * Adds `cos_ref`, the cosine between the predictor and a reference direction.
 *
 * @param ref The reference (e.g. the max-margin separator), shaped like the predictor.
 * @param options `name` (default `cos_ref`).
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { cosineTo } from "./cosine_to.ts";
 * import { train } from "../streams/train.ts";
 *
 * train({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * }).pipe(cosineTo([0.5, 0.5])).subscribe();
 * ```
 */
export function cosineTo(
  ref: Tensor | ArrayLike<number>,
  options: { name?: string } = {},
): OperatorFunction<Snapshot, Snapshot> {
  const r = vectorOf(ref);
  return metric(options.name ?? "cos_ref", (s) => cosine(s.predictor.data, r));
}
