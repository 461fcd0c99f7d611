import assert from "node:assert/strict";
import { firstValueFrom, lastValueFrom, toArray } from "rxjs";
import { compileRun } from "../../src/run/compile_run.ts";
import { createCpuEngine } from "../../src/cpu/cpu_engine.ts";
import { train } from "../../src/streams/train.ts";
import { createWebGpuEngine } from "../../src/webgpu/create_webgpu_engine.ts";
import { linearClassificationKernel } from "../../src/webgpu/kernels/linear_classification.ts";
import type { ProblemKernel } from "../../src/webgpu/kernels/problem_kernel.ts";
import { assertAllClose, assertClose } from "../_assert_close.ts";
import { gpuTest } from "./_with_gpu.ts";

const FIG1 = { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } } as const;

gpuTest("createWebGpuEngine() reads loss, gradient norm, parameters and momentum like the CPU engine", async (gpu) => {
  const run = compileRun({
    problem: FIG1,
    optimizer: { kind: "gd", lr: 0.1, momentum: 0.9 },
    init: { kind: "values", values: [0.3, -0.2] },
    steps: 100,
  });
  const engine = await createWebGpuEngine(run, { gpu });
  assert.equal(engine.backend, "webgpu");
  const cpu = createCpuEngine(run);
  for (const k of [0, 1, 99]) {
    await Promise.all([engine.advance(k), cpu.advance(k)]);
    const [g, c] = await Promise.all([engine.read(), cpu.read()]);
    assert.equal(g.step, c.step);
    // float32 margins u carry ~1e-7·|u| error, and ℓ ≈ e⁻ᵘ turns it into relative error of the loss.
    assertClose(g.loss, c.loss, { rtol: 1e-4 }, "loss");
    assertClose(g.gradNorm, c.gradNorm, { rtol: 1e-5 }, "grad norm");
    assertAllClose(g.params.w!.data, c.params.w!.data, { rtol: 1e-6 }, "w");
    assertAllClose(g.params.momentum!.data, c.params.momentum!.data, { rtol: 1e-5, atol: 1e-9 }, "momentum");
    assert.deepEqual(g.predictor.shape, [2]);
    assert.equal(g.gradUnderflow, 0);
  }
  engine.dispose();
});

// Loss and gradient at margins from −280 to 210 (exp: −70 to 210, as e⁷⁰ is
// near float32's limit), where a naive float32 softplus, sigmoid or e⁻ᵘ would
// overflow or lose every digit.
for (const loss of ["logistic", "exp"] as const) {
  for (const reduction of ["sum", "mean"] as const) {
    gpuTest(
      `createWebGpuEngine() evaluates ${loss}/${reduction} loss and gradient stably at large margins`,
      async (gpu) => {
        for (const scale of [...(loss === "logistic" ? [-40] : []), -10, -1, 0, 1e-3, 1, 10, 30]) {
          const run = compileRun({
            problem: { ...FIG1, loss, reduction },
            init: { kind: "values", values: [scale, scale] },
            steps: 1,
          });
          const engine = await createWebGpuEngine(run, { gpu });
          const [g, c] = await Promise.all([engine.read(), createCpuEngine(run).read()]);
          assertClose(g.loss, c.loss, { rtol: 2e-5 }, `loss at ${scale}`);
          assertClose(g.gradNorm, c.gradNorm, { rtol: 2e-5 }, `grad norm at ${scale}`);
          engine.dispose();
        }
      },
    );
  }
}

gpuTest(
  "createWebGpuEngine() reports steps whose float32 gradient underflowed instead of stalling silently",
  async (gpu) => {
    // Margins ≥ 400: ℓ'(u) ≈ e⁻⁴⁰⁰ is 0 in float32 but not in float64.
    const run = compileRun({ problem: FIG1, init: { kind: "values", values: [200, 200] }, steps: 50 });
    const engine = await createWebGpuEngine(run, { gpu });
    await engine.advance(50);
    const state = await engine.read();
    assert.equal(state.step, 50);
    assert.equal(state.gradUnderflow, 50);
    assert.equal(engine.diverged, null);
    const snapshots = await lastValueFrom(
      train(run, { engine: (r) => createWebGpuEngine(r, { gpu }) }).pipe(toArray()),
    );
    assert.equal(snapshots.at(-1)!.gradUnderflow, 50);
    engine.dispose();
  },
);

gpuTest("createWebGpuEngine() stops a diverging run at the step the CPU engine stops, parameters kept", async (gpu) => {
  const run = compileRun({
    problem: { ...FIG1, loss: "exp" },
    optimizer: { kind: "gd", lr: 1e3 },
    init: { kind: "values", values: [-600, -600] },
    steps: 100,
  });
  const engine = await createWebGpuEngine(run, { gpu });
  const cpu = createCpuEngine(run);
  await Promise.all([engine.advance(100), cpu.advance(100)]);
  assert.equal(engine.diverged?.step, cpu.diverged?.step);
  assert.equal(engine.step, cpu.step);
  assert.match(engine.diverged!.message, /not finite at step 0/);
  assert.deepEqual(Array.from((await engine.read()).predictor.data), [-600, -600]);
  await engine.advance(5); // a diverged engine does nothing
  assert.equal(engine.step, 0);
  const last = await lastValueFrom(train(run, { engine: (r) => createWebGpuEngine(r, { gpu }) }));
  assert.equal(last.status, "diverged");
  engine.dispose();
});

gpuTest("createWebGpuEngine() fails with the compiler's message when a kernel does not compile", async (gpu) => {
  const broken: ProblemKernel = {
    ...linearClassificationKernel,
    wgsl: linearClassificationKernel.wgsl + "\nfn oops( {",
  };
  const kernels = { "linear-classification": broken };
  const run = compileRun({ problem: FIG1, steps: 10 });
  await assert.rejects(createWebGpuEngine(run, { gpu, kernels }), SyntaxError);
  const stream = train(run, { engine: (r) => createWebGpuEngine(r, { gpu, kernels }) });
  await assert.rejects(lastValueFrom(stream), /Cannot compile WGSL module/);
});

gpuTest("createWebGpuEngine() turns a lost device into an error in the stream, not a hang", async (gpu) => {
  const run = compileRun({ problem: FIG1, steps: 1e9, record: { perDecade: 50, everyMs: 0 } });
  const stream = train(run, { engine: (r) => createWebGpuEngine(r, { gpu }) });
  const outcome = new Promise<unknown>((resolve) => {
    let seen = 0;
    stream.subscribe({
      next: () => {
        if (++seen === 3) gpu.device.destroy();
      },
      error: resolve,
      complete: () => resolve(null),
    });
  });
  const timeout = new Promise((resolve) => setTimeout(() => resolve("timeout"), 10_000));
  const result = await Promise.race([outcome, timeout]);
  assert.ok(result instanceof Error, `expected an error, got ${String(result)}`);
  assert.match(result.message, /The GPU device was lost \(destroyed\)/);
  await assert.rejects(createWebGpuEngine(run, { gpu }), /lost/);
}, { losesDevice: true });

gpuTest("createWebGpuEngine() detects a shader cut short by a software loop cap", async (gpu) => {
  // A kernel whose loops run far longer than its layout admits: each step
  // spins 40,000 times, so a fused dispatch of several steps passes llvmpipe's
  // 65,535 iterations and is silently cut short. The engine must say so.
  const lc = linearClassificationKernel;
  const spinning: ProblemKernel = {
    ...lc,
    wgsl: lc.wgsl.replace("fn problem_block(", "fn lc_problem_block(") + `
fn problem_block(lid: u32, run: u32, lo: u32, hi: u32, shift: f32, want_den: bool) {
  var spin = 0u;
  for (var i = lo; i < hi + 40000u; i++) { spin += 1u; }
  if (spin == 7u) { red_f[lid] = 0.0; }
  lc_problem_block(lid, run, lo, hi, shift, want_den);
}`,
  };
  const run = compileRun({ problem: FIG1, steps: 100 });
  const engine = await createWebGpuEngine(run, { gpu, kernels: { "linear-classification": spinning } });
  if (gpu.software) {
    await assert.rejects(engine.advance(100), /took \d+ of 100 steps/);
  } else {
    await engine.advance(100);
    assert.equal(engine.step, 100);
  }
  engine.dispose();
});

gpuTest("createWebGpuEngine() refuses problems and optimizers it has no kernel for", async (gpu) => {
  const run = compileRun({ problem: FIG1, steps: 10 });
  await assert.rejects(createWebGpuEngine(run, { gpu, kernels: {} }), RangeError);
  const first = await firstValueFrom(train(run, { engine: (r) => createWebGpuEngine(r, { gpu }) }));
  assert.equal(first.step, 0);
});
