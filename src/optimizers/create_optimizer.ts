import type { ProblemBase } from "../engine/problem_base.ts";
import type { OptimizerSpec } from "../spec/optimizer_schema.ts";
import type { Optimizer } from "./optimizer.ts";
import { gd } from "./gd.ts";
import { normalizedGd } from "./normalized_gd.ts";
import { sgd } from "./sgd.ts";
import { adagrad } from "./adagrad.ts";
import { rmsprop } from "./rmsprop.ts";
import { adam } from "./adam.ts";
import { steepest } from "./steepest.ts";
import { coordinate } from "./coordinate.ts";
import { mirror } from "./mirror.ts";

/**
 * Binds a validated optimizer spec to a problem.
 *
 * @param problem The objective.
 * @param spec The optimizer spec.
 * @returns A fresh optimizer (with fresh state).
 *
 * @example Usage
 * ```ts
 * import { createOptimizer } from "./create_optimizer.ts";
 * import { linearClassification, soudryFig1 } from "../problems/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const problem = linearClassification(soudryFig1(), { loss: "logistic", reduction: "sum" });
 * const opt = createOptimizer(problem, { kind: "gd", lr: 0.1, momentum: 0.9, nesterov: false });
 * assert.equal(opt.kind, "gd");
 * ```
 */
export function createOptimizer(problem: ProblemBase, spec: OptimizerSpec): Optimizer {
  switch (spec.kind) {
    case "gd":
      return gd(problem, spec);
    case "normalized-gd":
      return normalizedGd(problem, spec);
    case "sgd":
      return sgd(problem, spec);
    case "adagrad":
      return adagrad(problem, spec);
    case "rmsprop":
      return rmsprop(problem, spec);
    case "adam":
      return adam(problem, spec);
    case "steepest":
      return steepest(problem, spec);
    case "coordinate":
      return coordinate(problem, spec);
    case "mirror":
      return mirror(problem, spec);
  }
}
