/**
 * Optimizers: float64 update rules that step a flat parameter vector in place,
 * the reference semantics every engine reproduces.
 *
 * @example Usage
 * ```ts
 * import { gd } from "./mod.ts";
 * import { linearClassification, soudryFig1 } from "../problems/mod.ts";
 * const opt = gd(linearClassification(soudryFig1(), { loss: "logistic", reduction: "sum" }), { lr: 0.1 });
 * ```
 *
 * @module
 */
export * from "./optimizer.ts";
export * from "./gd.ts";
export * from "./normalized_gd.ts";
export * from "./sgd.ts";
export * from "./create_optimizer.ts";
export * from "./adagrad.ts";
export * from "./rmsprop.ts";
export * from "./adam.ts";
export * from "./norm_order.ts";
export * from "./steepest.ts";
export * from "./coordinate.ts";
export * from "./mirror.ts";
export * from "./path_sgd.ts";
