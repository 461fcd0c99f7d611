import assert from "node:assert/strict";
import { compileRun } from "../../../src/run/compile_run.ts";
import { createCpuEngine } from "../../../src/cpu/cpu_engine.ts";
import { createWebGpuEngines } from "../../../src/webgpu/create_webgpu_engines.ts";
import { webGpuUnsupported } from "../../../src/webgpu/webgpu_unsupported.ts";
import { mlpRoute } from "../../../src/webgpu/_mlp_route.ts";
import { createEngines } from "../../../src/backend/create_engines.ts";
import type { WebGpuEngine } from "../../../src/webgpu/create_webgpu_engines.ts";
import { gpuTest } from "../_with_gpu.ts";
import { maxRelative, points } from "./_mlp_checks.ts";
import { assertTiledParity, net } from "./_mlp_tiled_checks.ts";
import type { Mlp } from "../../../src/problems/mlp/mlp.ts";

// Tolerances (see assertTiledParity): 10⁻⁴ relative on θ and the loss, 10⁻³ on ‖∇L‖.
gpuTest(
  "tiled mlp kernels match the float64 engine on a hidden layer of 512 (wider than the row kernel takes)",
  async (gpu) => {
    const wide = net([512], 24);
    await assertTiledParity(
      gpu,
      [
        // At lr 0.2 the float64 run itself is chaotic here (a 10⁻⁷ change of θ₀ moves θ by 2·10⁻³ after 500 steps);
        // at 0.05 the same change moves it by 6·10⁻⁷.
        [wide, { kind: "gd", lr: 0.05 }],
        [wide, { kind: "sgd", lr: 0.1, batch: 5, seed: 3, momentum: 0.5 }],
        [wide, { kind: "path-sgd", lr: 0.05, batch: 7, seed: 2 }],
      ],
      500,
      1e-4,
    );
  },
);

gpuTest(
  "tiled mlp kernels match the float64 engine on two hidden layers (256, 160) with sgd and path-sgd",
  async (gpu) => {
    const deep = net([256, 160], 40, "logistic", false);
    await assertTiledParity(
      gpu,
      [
        [deep, { kind: "sgd", lr: 0.1, batch: 16, seed: 1, nesterov: true, momentum: 0.9 }],
        [deep, { kind: "path-sgd", lr: 0.02, batch: 16, seed: 4, momentum: 0.5 }],
      ],
      200,
      1e-4,
    );
  },
);

gpuTest("a width sweep (different shapes) advances as one tiled batch, each run its own stream", async (gpu) => {
  const widths = [3, 17, 64, 300];
  await assertTiledParity(
    gpu,
    widths.map((w, i) => [net([w], 30), { kind: "sgd", lr: 0.1, batch: 8, seed: i }]),
    300,
    1e-4,
  );
});

gpuTest("tiled mlp kernels evaluate loss and 0–1 margins over chunks of a set larger than one chunk", async (gpu) => {
  // 1,100 examples: the evaluation pass and full-batch GD's steps take two chunks (1,024 + 76 rows).
  await assertTiledParity(gpu, [[net([8], 1_100), { kind: "gd", lr: 0.5 }]], 20, 1e-4);
});

Deno.test("mlpRoute() keeps small nets on the row kernel and sends wide ones to the tiled kernels", () => {
  const run = (widths: number[], optimizer: unknown) => compileRun({ problem: net(widths, 24), optimizer, steps: 10 });
  assert.equal(mlpRoute(run([8], { kind: "sgd", lr: 0.1, batch: 4, seed: 0 })), "rows");
  assert.equal(mlpRoute(run([8], { kind: "sgd", lr: 0.1, batch: 4, seed: 0 }), "tiled"), "tiled");
  assert.equal(mlpRoute(run([512], { kind: "path-sgd", lr: 0.1, batch: 4, seed: 0 })), "tiled");
  assert.equal(webGpuUnsupported(run([512], { kind: "gd", lr: 0.1 })), null);
  const normalized = run([512], { kind: "normalized-gd", lr: 0.1 });
  assert.match(
    mlpRoute(normalized),
    /workgroup memory.*run only gd, sgd, path-sgd, adam, adagrad, rmsprop, not normalized-gd/,
  );
  assert.match(webGpuUnsupported(normalized)!, /not normalized-gd/);
});

gpuTest("Path-SGD on the tiled kernels is invariant to node rescaling; SGD is not", async (gpu) => {
  // The unbalanced init is the balanced one with every hidden unit rescaled (same function): after 50 steps Path-SGD
  // computes the same function from both (same loss and smallest margin on the data), SGD does not.
  const problem = net([40, 30], 24);
  const fn = async (optimizer: unknown, init: unknown) => {
    const run = compileRun({ problem, optimizer, init, steps: 50 });
    const [engine] = await createWebGpuEngines([run], { gpu, mlpKernel: "tiled" });
    try {
      await engine!.advance(50);
      const e = (run.problem as Mlp).evaluate((await engine!.read()).predictor.data);
      return [e.lossSum, e.minMargin];
    } finally {
      engine!.dispose();
    }
  };
  const balanced = { kind: "balanced", seed: 5 }, unbalanced = { kind: "unbalanced", seed: 5, spread: 10 };
  const path = { kind: "path-sgd", lr: 0.05, batch: 4, seed: 1 };
  const gap = maxRelative(await fn(path, unbalanced), await fn(path, balanced));
  assert.ok(gap <= 1e-4, `Path-SGD: the two functions differ by ${gap.toExponential(2)} (relative)`);
  const sgd = { kind: "sgd", lr: 0.05, batch: 4, seed: 1 };
  const sgdGap = maxRelative(await fn(sgd, unbalanced), await fn(sgd, balanced));
  assert.ok(sgdGap > 1e-2, `SGD: the two functions differ by only ${sgdGap}`);
});

gpuTest(
  "the tiled kernels' read() evaluates the training and held-out sets on the GPU as the CPU evaluates θ",
  async (gpu) => {
    // 1,100 training rows (two chunks) and 700 held-out ones; the evaluations are of the GPU's own θ.
    for (const loss of ["cross-entropy", "logistic"] as const) {
      const problem = { ...net([64], 1_100, loss), test: points(700, loss !== "cross-entropy") };
      const run = compileRun({ problem, optimizer: { kind: "sgd", lr: 0.1, batch: 200, seed: 1 }, steps: 30 });
      const [engine] = await createWebGpuEngines([run], { gpu }); // auto: 200 rows × 451 or 321 parameters
      try {
        assert.equal(engine!.plan.path, "tiled");
        await engine!.advance(30);
        const got = await engine!.read();
        const mlp = run.problem as Mlp;
        for (const [name, set] of [["train", mlp.data], ["test", mlp.test!]] as const) {
          const want = mlp.evaluate(got.predictor.data, set), have = got.evaluations![name]!;
          assert.equal(have.n, want.n);
          assert.ok(Math.abs(have.lossSum - want.lossSum) <= 1e-5 * want.lossSum, `${loss} ${name} loss`);
          assert.ok(
            Math.abs(have.errors - want.errors) <= 1,
            `${loss} ${name}: ${have.errors} vs ${want.errors} errors`,
          );
          assert.ok(Math.abs(have.minMargin - want.minMargin) <= 1e-5, `${loss} ${name} margin`);
        }
      } finally {
        engine!.dispose();
      }
    }
  },
);

gpuTest("backend webgpu runs a net too wide for the row kernel through createEngines (the tiled kernels)", async () => {
  const run = compileRun({
    problem: net([400], 24),
    optimizer: { kind: "sgd", lr: 0.1, batch: 8, seed: 0 },
    steps: 5,
    backend: "webgpu",
  });
  const [engine] = await createEngines([run], { warn() {} });
  try {
    assert.equal(engine!.backend, "webgpu");
    assert.equal((engine as WebGpuEngine).plan.path, "tiled");
    await engine!.advance(5);
    assert.equal(engine!.step, 5);
    assert.ok(Number.isFinite((await engine!.read()).loss));
  } finally {
    engine!.dispose();
  }
});

gpuTest(
  "a tiled run whose float32 gradient stops being finite is frozen at that step with that step's parameters",
  async (gpu) => {
    // exp loss at lr 2 on a 256-wide layer: the margins run away at once, and e^{-u} leaves float32 at u ≈ −88
    // (float64 goes on to −709), so the GPU run stops at step 2 (measured) while the float64 run goes on; the GPU's
    // parameters are the float64 run's at that step (measured 1.8·10⁻⁶ relative).
    const exp = compileRun({
      problem: net([256], 24, "exp"),
      optimizer: { kind: "gd", lr: 2 },
      init: { kind: "pytorch", seed: 3 },
      steps: 200,
    });
    const [engine] = await createWebGpuEngines([exp], { gpu, mlpKernel: "tiled" });
    try {
      await engine!.advance(200);
      const stop = engine!.diverged;
      assert.ok(stop !== null && stop.step >= 2 && stop.step < 200, `diverged: ${JSON.stringify(stop)}`);
      assert.equal(engine!.step, stop.step);
      await engine!.advance(10); // does nothing
      assert.equal(engine!.step, stop.step);
      const got = await engine!.read();
      const cpu = createCpuEngine(exp);
      await cpu.advance(stop.step);
      assert.equal(cpu.step, stop.step);
      const err = maxRelative(got.predictor.data, (await cpu.read()).predictor.data);
      assert.ok(err <= 1e-4, `at step ${stop.step}: max|Δθ|/max|θ| = ${err.toExponential(2)}`);
    } finally {
      engine!.dispose();
    }
  },
);
