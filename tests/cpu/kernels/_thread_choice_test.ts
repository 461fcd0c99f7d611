import assert from "node:assert/strict";
import { createThreadChoice } from "../../../src/cpu/kernels/_thread_choice.ts";

Deno.test("createThreadChoice() with a fixed count ignores the work and the timings", () => {
  for (const threads of [1, 2] as const) {
    const choice = createThreadChoice({ threads, minWork: 1e6 });
    choice.record(threads === 2, 10, threads === 2 ? 100 : 1); // the fixed choice measuring slower changes nothing
    for (const work of [1, 1e9]) assert.equal(choice.useTwo(work), threads === 2);
  }
});

Deno.test("createThreadChoice() auto measures both, then keeps the faster and probes the other ever more rarely", () => {
  const choice = createThreadChoice({ threads: "auto", minWork: 100 });
  assert.equal(choice.useTwo(99), false, "small calls stay on one thread");
  assert.equal(choice.useTwo(1e6), true, "two threads are measured first");
  choice.record(true, 100, 10); // 0.1 ms a step
  assert.equal(choice.useTwo(1e6), false, "then one");
  choice.record(false, 100, 20); // 0.2 ms a step
  const picks: boolean[] = [];
  for (let i = 0; i < 200; i++) {
    const two = choice.useTwo(1e6);
    picks.push(two);
    choice.record(two, 100, two ? 10 : 20); // two stay faster
  }
  const probes = picks.flatMap((two, i) => (two ? [] : [i + 1]));
  // Probes of one thread at calls 8, 24 (8 + 16), 56 (+ 32), then every 64th.
  assert.deepEqual(probes, [8, 24, 56, 120, 184]);
});

Deno.test("createThreadChoice() auto switches when the other count becomes faster", () => {
  const choice = createThreadChoice({ threads: "auto", minWork: 1 });
  choice.useTwo(10);
  choice.record(true, 10, 1);
  choice.useTwo(10);
  choice.record(false, 10, 2);
  // Now the second core gets busy: two threads slow down tenfold.
  let ones = 0;
  for (let i = 0; i < 40; i++) {
    const two = choice.useTwo(10);
    if (!two) ones++;
    choice.record(two, 10, two ? 10 : 2);
  }
  assert.ok(ones >= 35, `one thread after the slowdown (${ones} of 40 calls)`);
});
