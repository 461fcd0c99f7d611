import assert from "node:assert/strict";
import { compileRun } from "../../src/engine/compile_run.ts";
import { solveReference } from "../../src/reference/solve_reference.ts";
import { assertAllClose } from "../_assert_close.ts";

const fig1 = { kind: "dataset", name: "soudry-fig1" };
const oneExample = { kind: "points", x: [[0.9, -0.4, -0.7, 0.5, 0.6, -0.8, -0.3, 0.2]], y: [1] };

Deno.test("solveReference() gives deep linear nets the L2 max margin of their data", async () => {
  const ref = await solveReference(compileRun({ problem: { kind: "linear-net", depth: 3, data: fig1 }, steps: 1 }));
  assert.equal(ref.kind, "max-margin-l2");
  assertAllClose(ref.predictor!.data, [0.5, 0.5], { rtol: 1e-12 });
});

Deno.test("solveReference() gives conv nets the DFT-ℓ1 max margin at depth 2, L2 at depth 1, none deeper", async () => {
  const conv = (depth: number) =>
    compileRun({ problem: { kind: "linear-conv-net", depth, data: oneExample }, steps: 1 });
  assert.equal((await solveReference(conv(2))).kind, "max-margin-dft-l1");
  assert.equal((await solveReference(conv(1))).kind, "max-margin-l2");
  const deep = await solveReference(conv(3));
  assert.equal(deep.predictor, null);
  assert.match(deep.predictor === null ? deep.error : "", /stationary point/);
});

Deno.test("solveReference() gives matrix sensing the minimum nuclear norm solution", async () => {
  const ref = await solveReference(compileRun({
    problem: { kind: "matrix-sensing", n: 6, measurements: { kind: "diagonal", m: 3, truthRank: 1 } },
    steps: 1,
  }));
  assert.equal(ref.kind, "min-trace-psd");
  assert.deepEqual(ref.predictor!.shape, [6, 6]);
});
