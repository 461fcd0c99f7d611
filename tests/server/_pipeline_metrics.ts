/**
 * For the Python client's tests: reads `{ spec, predictors }` as JSON on stdin
 * and prints, as JSON, the metrics biasflow's own default analysis pipeline
 * computes for each predictor (fed as train() would: loss and gradient norm
 * from the problem, against the reference solved once).
 *
 * @module
 */
import { from, lastValueFrom, toArray } from "rxjs";
import { compileRun } from "../../src/run/compile_run.ts";
import { lpNorm } from "../../src/math/lp_norm.ts";
import { analysisPipeline } from "../../src/run/analysis_pipeline.ts";
import { solveReference } from "../../src/run/solve_reference.ts";
import type { Snapshot } from "../../src/engine/snapshot.ts";

const input = JSON.parse(await new Response(Deno.stdin.readable).text()) as { spec: unknown; predictors: number[][] };
const compiled = compileRun(input.spec);
const reference = await solveReference(compiled);
const grad = new Float64Array(compiled.problem.size);
const out = await lastValueFrom(
  from(input.predictors.map((w, step): Snapshot => {
    const p = Float64Array.from(w);
    const loss = compiled.problem.gradient(p, grad, true);
    return {
      run: "pipeline",
      step,
      wall: 0,
      status: "running",
      trigger: "schedule",
      metrics: {},
      loss,
      gradNorm: lpNorm(grad, 2),
      params: compiled.problem.params(p),
      predictor: compiled.problem.predictor(p),
    };
  })).pipe(analysisPipeline(compiled, reference), toArray()),
);
console.log(JSON.stringify(out.map((s) => s.metrics)));
