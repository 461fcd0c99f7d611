import assert from "node:assert/strict";
import { createBatchStream } from "../../src/webgpu/_batch_stream.ts";
import { sgd } from "../../src/optimizers/sgd.ts";
import type { ProblemBase } from "../../src/engine/problem_base.ts";

// A problem that records the rows SGD asks for.
function spyProblem(n: number): { problem: ProblemBase; seen: number[][] } {
  const seen: number[][] = [];
  const problem: ProblemBase = {
    kind: "spy",
    size: 1,
    examples: n,
    gradient(_w, g, _loss, rows, count) {
      seen.push(Array.from(rows!.subarray(0, count)));
      g.fill(0);
      return 0;
    },
    predictor: () => ({ shape: [1], data: new Float64Array(1) }),
    params: () => ({}),
    smoothness: () => null,
  };
  return { problem, seen };
}

Deno.test("createBatchStream() yields the rows of the CPU's sgd(), batch for batch, across epochs", () => {
  for (const [n, batch, seed] of [[10, 3, 7], [16, 4, 0], [5, 1, 2], [7, 9, 3]] as const) {
    const { problem, seen } = spyProblem(n);
    const opt = sgd(problem, { lr: 0.1, batch, seed });
    const w = new Float64Array(1);
    const steps = 23;
    for (let s = 0; s < steps; s++) opt.step(w);
    const stream = createBatchStream(n, batch, seed);
    const got: number[] = [];
    // In uneven chunks, as the engine takes them.
    for (const k of [1, 5, 2, 15]) got.push(...stream.take(k));
    assert.deepEqual(got, seen.flat(), `n=${n} batch=${batch} seed=${seed}`);
  }
});

Deno.test("createBatchStream() reports the position in the epoch of the next step", () => {
  const stream = createBatchStream(10, 3, 1);
  assert.equal(stream.stepsPerEpoch, 4);
  assert.equal(stream.epochStep, 0);
  assert.equal(stream.take(2).length, 6);
  assert.equal(stream.epochStep, 2);
  assert.equal(stream.take(2).length, 4); // 3 + the epoch's last row
  assert.equal(stream.epochStep, 0);
  assert.equal(createBatchStream(4, 10, 0).batch, 4);
});
