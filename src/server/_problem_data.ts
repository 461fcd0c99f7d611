import { compileProblem } from "../problems/compile_problem.ts";
import { parseSpec } from "../run/spec_parser.ts";

/** A run's labelled points, for the viewer's data and margin views. */
export interface ProblemData {
  /** `points`: labelled examples. */
  kind: "points";
  /** Number of points. */
  n: number;
  /** Dimensions. */
  d: number;
  /** n rows of d features. */
  x: number[][];
  /** n labels (±1). */
  y: number[];
}

/**
 * The points of a stored spec's problem, or null when its problem has none
 * (e.g. matrix problems, or a stored spec this version cannot read). Regenerated from the spec: generated data sets are
 * seeded, and inline points are in the spec.
 */
export function problemData(spec: unknown): ProblemData | null {
  let parsed;
  try {
    parsed = parseSpec(spec);
  } catch {
    return null; // a spec from another version of biasflow: no points to show
  }
  if (parsed.problem.kind !== "linear-classification" || parsed.problem.data.kind === "csv") return null;
  const problem = compileProblem(parsed.problem);
  const { n, d, x, y } = problem.data;
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(x.subarray(i * d, (i + 1) * d)));
  return { kind: "points", n, d, x: rows, y: Array.from(y) };
}
