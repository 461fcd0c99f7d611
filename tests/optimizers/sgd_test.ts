import assert from "node:assert/strict";
import { gd } from "../../src/optimizers/gd.ts";
import { sgd } from "../../src/optimizers/sgd.ts";
import { createRng } from "../../src/random/rng.ts";
import { assertAllClose } from "../_assert_close.ts";
import { smallProblem } from "./_fixture.ts";

Deno.test("sgd() with a full batch is GD up to summation order", () => {
  const p = smallProblem();
  const a = new Float64Array(3), b = new Float64Array(3);
  const s = sgd(p, { lr: 0.1, batch: 10, seed: 0 }), g = gd(p, { lr: 0.1 });
  for (let t = 0; t < 50; t++) {
    s.step(a);
    g.step(b);
  }
  assertAllClose(a, b, { rtol: 1e-12 });
});

Deno.test("sgd() visits each example once per epoch, in the seeded order", () => {
  const p = smallProblem();
  const seen: number[] = [];
  const spy = {
    ...p,
    gradient: (w: Float64Array, g: Float64Array, l: boolean, rows?: Uint32Array, c?: number) => {
      for (let k = 0; k < c!; k++) seen.push(rows![k]!);
      return p.gradient(w, g, l, rows, c);
    },
  };
  const opt = sgd(spy, { lr: 0.1, batch: 4, seed: 7 });
  const w = new Float64Array(3);
  for (let t = 0; t < 6; t++) opt.step(w); // 10 = 4 + 4 + 2 per epoch, so 2 epochs
  assert.equal(seen.length, 20);
  assert.deepEqual([...seen.slice(0, 10)].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.deepEqual([...seen.slice(10)].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const order = createRng(7).shuffle(Uint32Array.from({ length: 10 }, (_, i) => i));
  assert.deepEqual(seen.slice(0, 10), Array.from(order));
});

Deno.test("sgd() is reproducible from its seed", () => {
  const p = smallProblem();
  const run = (seed: number) => {
    const w = new Float64Array(3), opt = sgd(p, { lr: 0.1, batch: 3, seed, momentum: 0.5 });
    for (let t = 0; t < 30; t++) opt.step(w);
    return w;
  };
  assert.deepEqual(run(1), run(1));
  assert.notDeepEqual(run(1), run(2));
});
