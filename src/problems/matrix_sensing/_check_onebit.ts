import type { z } from "zod";

interface OnebitFields {
  loss?: "squared" | "logistic" | "exp" | undefined;
  measurements: { kind: string; y?: number[] };
}

/**
 * Cross-field check of 1-bit matrix sensing: with a classification loss
 * (`logistic`, `exp`) inline measurements are labels, so every yᵢ must be
 * +1 or −1 (generated ones are the signs of ⟨Aᵢ, X*⟩ by construction).
 */
export function checkOnebitLabels(spec: OnebitFields, ctx: z.RefinementCtx): void {
  const y = spec.measurements.y;
  if ((spec.loss ?? "squared") === "squared" || spec.measurements.kind !== "points" || !y) return;
  const i = y.findIndex((v) => v !== 1 && v !== -1);
  if (i < 0) return;
  ctx.addIssue({
    code: "custom",
    path: ["measurements", "y", i],
    input: y[i],
    message: `Expected a label +1 or −1 with the ${spec.loss} loss but found ${y[i]}; ` +
      `use "loss": "squared" for real-valued measurements`,
  });
}

/**
 * Fills a matrix sensing spec's reduction when it leaves it out: `sum` with a
 * classification loss (L = Σᵢ ℓ(yᵢ⟨Aᵢ, X⟩), as in the papers), `mean` with
 * the squared loss.
 */
export function withSensingReduction<P extends { loss?: string | undefined; reduction?: "sum" | "mean" | undefined }>(
  spec: P,
): P & { reduction: "sum" | "mean" } {
  return { ...spec, reduction: spec.reduction ?? ((spec.loss ?? "squared") === "squared" ? "mean" : "sum") };
}
