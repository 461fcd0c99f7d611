import assert from "node:assert/strict";
import { LOOP_BUDGET } from "../../src/webgpu/_plan.ts";
import {
  GEMM_DEPTH,
  gemmLoops,
  MAX_CHUNK_ROWS,
  planTiledMlp,
  TILED_WG,
  type TiledMlpPlan,
} from "../../src/webgpu/_mlp_tiled_plan.ts";
import { mlpLayout } from "../../src/problems/mlp/mlp_layout.ts";

const BINDING = 2 ** 27;

function plan(dims: number[], n: number, rowsPerStep: number): TiledMlpPlan | string {
  const params = mlpLayout(dims[0]!, dims.slice(1, -1), dims[dims.length - 1]!, true).size;
  return planTiledMlp({ dims, n, rowsPerStep, params, maxBindingBytes: BINDING });
}

Deno.test("gemmLoops() counts ⌈k/8⌉ tile loads of 8 rank-1 updates, the loop entries and the epilogue", () => {
  assert.equal(GEMM_DEPTH, 8);
  assert.equal(gemmLoops(1), 1 * 10 + 1 + 5);
  assert.equal(gemmLoops(8), 1 * 10 + 1 + 5);
  assert.equal(gemmLoops(9), 2 * 10 + 1 + 5);
  assert.equal(gemmLoops(4096), 512 * 10 + 6);
});

Deno.test("planTiledMlp() runs the talk's widest nets within llvmpipe's loop cap", () => {
  // neyshabur-width's widest run, path-sgd-mnist's two layers of 4000, and full-batch GD over 50,000 images.
  for (
    const [dims, rows] of [[[100, 4096, 10], 64], [[100, 4000, 4000, 10], 1024], [[100, 4096, 10], 50_000]] as const
  ) {
    const p = plan([...dims], 50_000, rows);
    assert.ok(typeof p !== "string", `${dims}: ${p}`);
    for (const [kernel, loops] of Object.entries(p.loops)) {
      assert.ok(loops > 0 && loops <= LOOP_BUDGET, `${dims} ${kernel}: ${loops}`);
    }
    assert.equal(p.chunkRows, MAX_CHUNK_ROWS);
    assert.equal(p.stepChunks, Math.ceil(rows / MAX_CHUNK_ROWS));
    assert.equal(p.evalChunks, Math.ceil(50_000 / MAX_CHUNK_ROWS));
    assert.equal(p.paramThreads % TILED_WG, 0);
    assert.ok(p.paramThreads / TILED_WG <= 65_535);
    assert.equal(p.loops.gemm, gemmLoops(Math.max(...dims, MAX_CHUNK_ROWS)));
  }
});

Deno.test("planTiledMlp() chunks small sets whole and strides the parameter passes past 65,535 workgroups", () => {
  const small = plan([3, 512, 3], 24, 4);
  assert.ok(typeof small !== "string");
  assert.equal(small.chunkRows, 24);
  assert.equal(small.stepChunks, 1);
  // 2²⁶ parameters: 65,535 workgroups of 64 invocations, 17 parameters each (16 iterations + the entry).
  const huge = planTiledMlp({ dims: [1, 8, 1], n: 10, rowsPerStep: 10, params: 2 ** 26, maxBindingBytes: 2 ** 28 });
  assert.ok(typeof huge !== "string");
  assert.equal(huge.paramThreads, 65_535 * TILED_WG);
  assert.equal(huge.loops.params, Math.ceil(2 ** 26 / (65_535 * TILED_WG)) + 1);
});

Deno.test("planTiledMlp() refuses a contraction past the loop cap and a buffer past the binding limit, saying why", () => {
  const wide = plan([10, 50_000, 2], 100, 10);
  assert.equal(typeof wide, "string");
  assert.match(wide as string, /gemm pass would take 62506 loop iterations/);
  const big = planTiledMlp({ dims: [784, 8, 10], n: 60_000, rowsPerStep: 64, params: 6378, maxBindingBytes: BINDING });
  assert.match(big as string, /188160000-byte buffer/);
  // Two layers of 4,000: sgd's and path-sgd's state fits a binding, Adam's four slots (m, v, compensated) do not.
  const twoLayers = {
    dims: [100, 4000, 4000, 10],
    n: 50_000,
    rowsPerStep: 64,
    params: 16_448_010,
    maxBindingBytes: BINDING,
  };
  assert.ok(typeof planTiledMlp({ ...twoLayers, slots: 2 }) !== "string");
  assert.match(planTiledMlp({ ...twoLayers, slots: 4 }) as string, /263168160-byte buffer/);
});
