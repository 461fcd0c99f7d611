import type { Problem } from "./problem.ts";

/**
 * Narrows a compiled problem to one kind, checking it at run time: where a
 * caller knows the kind (it compiled the spec itself, as tests and examples
 * do) but the type system sees only the union, this replaces a cast to the
 * kind's type by a check that fails loudly.
 *
 * @typeParam K The kind expected.
 * @param problem A compiled problem of any kind.
 * @param kind The kind expected.
 * @returns The same problem, typed as that kind's.
 * @throws {TypeError} When the problem is of another kind, naming both.
 *
 * @example Usage
 * ```ts
 * import { compileProblem } from "./compile_problem.ts";
 * import { problemOfKind } from "./problem_of_kind.ts";
 * import assert from "node:assert/strict";
 *
 * const p = compileProblem({ kind: "least-squares", reduction: "sum", data: { kind: "points", x: [[1, 2]], y: [1] } });
 * assert.equal(problemOfKind(p, "least-squares").examples, 1);
 * assert.throws(() => problemOfKind(p, "matrix-sensing"), TypeError);
 * ```
 */
export function problemOfKind<K extends Problem["kind"]>(problem: Problem, kind: K): Extract<Problem, { kind: K }> {
  if (problem.kind !== kind) {
    throw new TypeError(`Expected a problem of kind ${kind} but found ${problem.kind}`);
  }
  return problem as Extract<Problem, { kind: K }>;
}
