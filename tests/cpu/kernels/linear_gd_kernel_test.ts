import assert from "node:assert/strict";
import { createLinearGdKernel, type LinearGdKernelOptions } from "../../../src/cpu/kernels/linear_gd_kernel.ts";
import { createOptimizer } from "../../../src/optimizers/create_optimizer.ts";
import {
  linearClassification,
  type LinearClassificationOptions,
} from "../../../src/problems/linear_classification/linear_classification.ts";
import type { LabeledData } from "../../../src/problems/shared/labeled_data.ts";
import { createRng } from "../../../src/random/rng.ts";
import type { OptimizerSpec } from "../../../src/spec/optimizer_schema.ts";

/** Points uniform in [−scale/2, scale/2)^d with random ±1 labels (separable or not). */
function randomData(n: number, d: number, seed: number, scale = 1): LabeledData {
  const rng = createRng(seed);
  const x = new Float64Array(n * d).map(() => (rng.uniform() - 0.5) * scale);
  const y = new Float64Array(n).map(() => (rng.uniform() < 0.5 ? -1 : 1));
  return { n, d, x, y };
}

function gd(lr: number, momentum = 0, nesterov = false): OptimizerSpec {
  return { kind: "gd", lr, momentum, nesterov };
}

/**
 * Runs the kernel and the reference loop side by side and checks every bit at
 * each check point; with `threads: 2`, after the helper thread is ready, and
 * that each call did run on two threads (the host waits for its helper as
 * long as it takes, unless the test sets a short `stallMs`).
 */
async function assertSameIterates(
  data: LabeledData,
  options: LinearClassificationOptions,
  spec: OptimizerSpec,
  init: Float64Array,
  chunks: number[],
  kernelOptions: LinearGdKernelOptions = { threads: 1 },
): Promise<number> {
  const problem = linearClassification(data, options);
  const kernel = createLinearGdKernel(problem, spec, { stallMs: 600_000, ...kernelOptions });
  assert.ok(kernel, "the kernel applies to GD on linear classification");
  const two = kernelOptions.threads === 2;
  if (two) assert.equal(await kernel.helperReady(), true, "the helper thread starts");
  const reference = createOptimizer(problem, spec);
  const wk = init.slice(), wr = init.slice();
  let step = 0;
  for (const k of chunks) {
    let took = 0;
    while (took < k && reference.step(wr)) took++;
    assert.equal(kernel.run(wk, k), took, `steps taken from step ${step}`);
    if (two && kernelOptions.stallMs === undefined) assert.equal(kernel.threads, 2, "the call ran on two threads");
    step += took;
    const what = `n=${data.n} d=${data.d} ${JSON.stringify(options)} ${JSON.stringify(spec)} step ${step}`;
    assert.deepEqual(Array.from(wk), Array.from(wr), `iterates differ: ${what}`);
    const ks: Float64Array | undefined = kernel.state().momentum?.data;
    const rs: Float64Array | undefined = reference.state().momentum?.data;
    assert.deepEqual(ks && Array.from(ks), rs && Array.from(rs), `momentum differs: ${what}`);
  }
  kernel.dispose();
  return step;
}

Deno.test("createLinearGdKernel() matches the reference loop bit for bit across shapes", async () => {
  const shapes: [number, number][] = [[1, 1], [3, 1], [4, 2], [5, 2], [7, 3], [16, 2], [33, 5], [64, 8], [257, 9], [
    301,
    64,
  ]];
  for (const [i, [n, d]] of shapes.entries()) {
    await assertSameIterates(
      randomData(n, d, i + 1),
      { loss: "logistic", reduction: "mean" },
      gd(0.1),
      new Float64Array(d),
      [
        1,
        7,
        40,
      ],
    );
  }
});

Deno.test("createLinearGdKernel() matches the reference loop for every loss, reduction and momentum", async () => {
  const rng = createRng(99);
  for (const loss of ["logistic", "exp"] as const) {
    for (const reduction of ["sum", "mean"] as const) {
      for (const spec of [gd(0.05), gd(0.05, 0.9), gd(0.05, 0.5, true)]) {
        const init = new Float64Array(6).map(() => rng.normal() * 0.3);
        await assertSameIterates(randomData(45, 6, 7, 2), { loss, reduction }, spec, init, [3, 60]);
      }
    }
  }
});

Deno.test("createLinearGdKernel() matches the reference loop where margins overflow exp", async () => {
  // Margins of several hundred: e^u overflows and e^-u underflows, which the
  // kernel's exp hands to Math.exp.
  const d = 3, init = new Float64Array([90, -70, 120]);
  await assertSameIterates(randomData(29, d, 5, 20), { loss: "logistic", reduction: "sum" }, gd(0.5), init, [1, 20]);
});

Deno.test("createLinearGdKernel() stops where the reference loop diverges, leaving the last finite iterate", async () => {
  // The exponential loss with a huge step: the iterates blow up until the gradient overflows.
  const steps = await assertSameIterates(
    randomData(10, 2, 3, 4),
    { loss: "exp", reduction: "sum" },
    gd(50),
    new Float64Array(2),
    [
      1000,
      5,
    ],
  );
  assert.ok(steps < 1000, `the run diverged (at step ${steps})`);
});

Deno.test("createLinearGdKernel() returns null for other optimizers", () => {
  const problem = linearClassification(randomData(8, 2, 1), { loss: "logistic", reduction: "sum" });
  assert.equal(createLinearGdKernel(problem, { kind: "normalized-gd", lr: 0.1 }), null);
  assert.equal(
    createLinearGdKernel(problem, { kind: "sgd", lr: 0.1, batch: 2, seed: 0, momentum: 0, nesterov: false }),
    null,
  );
});

Deno.test("createLinearGdKernel() refuses to run after dispose()", () => {
  const problem = linearClassification(randomData(8, 2, 1), { loss: "logistic", reduction: "sum" });
  const kernel = createLinearGdKernel(problem, gd(0.1))!;
  kernel.dispose();
  assert.throws(() => kernel.run(new Float64Array(2), 1), Error, "Cannot run a disposed kernel");
});

// Two threads: the helper takes half of each chunk's rows (margins, loss
// derivatives) and the upper column pairs of the gradient. Shapes cover a
// tail of n mod 16 rows, an odd d (padding column), a last chunk of one block
// (the helper has no rows there: 4112 rows = 257 blocks, 128 to a chunk at
// d = 64), and the smallest two-thread shape (d = 16: one 64-byte line of g each).
Deno.test("createLinearGdKernel() on two threads matches the reference loop bit for bit across shapes", async () => {
  const shapes: [number, number][] = [[1031, 16], [1100, 17], [520, 33], [4115, 64], [700, 130]];
  for (const [i, [n, d]] of shapes.entries()) {
    await assertSameIterates(
      randomData(n, d, 40 + i),
      { loss: "logistic", reduction: "mean" },
      gd(0.5),
      new Float64Array(d),
      [
        1,
        2,
        25,
      ],
      { threads: 2 },
    );
  }
});

Deno.test("createLinearGdKernel() on two threads matches the reference loop for every loss and momentum", async () => {
  const rng = createRng(7);
  for (const loss of ["logistic", "exp"] as const) {
    for (const spec of [gd(0.02, 0.9), gd(0.02, 0.5, true)]) {
      const init = new Float64Array(24).map(() => rng.normal() * 0.1);
      await assertSameIterates(randomData(900, 24, 8, 2), { loss, reduction: "sum" }, spec, init, [3, 20], {
        threads: 2,
      });
    }
  }
});

Deno.test("createLinearGdKernel() on two threads stops where the reference loop diverges", async () => {
  const steps = await assertSameIterates(
    randomData(1040, 16, 3, 4),
    { loss: "exp", reduction: "sum" },
    gd(40),
    new Float64Array(16),
    [
      1000,
      5,
    ],
    { threads: 2 },
  );
  assert.ok(steps < 1000, `the run diverged (at step ${steps})`);
});

Deno.test("createLinearGdKernel() whose helper does not keep up finishes alone with the same iterates", async () => {
  // With no patience at all, the host thread gives up at the first barrier
  // the helper has not reached yet, waits for it to let go, and goes on alone.
  const data = randomData(1500, 32, 12);
  await assertSameIterates(data, { loss: "logistic", reduction: "mean" }, gd(0.3), new Float64Array(32), [5, 50], {
    threads: 2,
    stallMs: 0,
  });
});

Deno.test("createLinearGdKernel() stays on one thread where two do not pay", async () => {
  const problem = linearClassification(randomData(256, 8, 1), { loss: "logistic", reduction: "mean" });
  const kernel = createLinearGdKernel(problem, gd(0.1), { threads: 2 })!;
  assert.equal(await kernel.helperReady(), false, "no helper thread for 2,048 multiply-adds a step");
  kernel.run(new Float64Array(8), 100);
  assert.equal(kernel.threads, 1);
  kernel.dispose();
});
