import assert from "node:assert/strict";
import { problemOfKind } from "../../../src/problems/problem_of_kind.ts";
import { type CompiledRun, compileRun } from "../../../src/run/compile_run.ts";
import { createCpuEngine } from "../../../src/cpu/cpu_engine.ts";
import { createWebGpuEngines, type WebGpuEngineOptions } from "../../../src/webgpu/create_webgpu_engines.ts";
import { MATRIX_SENSING_MAX_COORDS, matrixSensingKernel } from "../../../src/webgpu/kernels/matrix_sensing.ts";
import type { BoundProblemKernel, ProblemKernel } from "../../../src/webgpu/kernels/problem_kernel.ts";
import { matrixSensing } from "../../../src/problems/matrix_sensing/matrix_sensing.ts";
import { webGpuUnsupported } from "../../../src/webgpu/webgpu_unsupported.ts";
import { nuclearNorm } from "../../../src/math/nuclear_norm.ts";
import { presetSpec } from "../../../src/presets/presets.ts";
import { assertClose } from "../../_assert_close.ts";
import { gpuTest } from "../_with_gpu.ts";
import { parityAt, parityError } from "../_parity.ts";
import { assertParity, relativeDistance } from "../optimizers/_optimizer_parity.ts";

// Small instances of every measurement kind (n = 8; m below the degrees of
// freedom, so GD's limit depends on where it starts: the implicit bias).
const n = 8;
const KINDS = {
  "gaussian, X = UUᵀ": { n, measurements: { kind: "gaussian", m: 24, truthRank: 2, seed: 1 } },
  "gaussian, X = UVᵀ (sum)": {
    n,
    symmetric: false,
    reduction: "sum",
    measurements: { kind: "gaussian", m: 40, truthRank: 2, seed: 1 },
  },
  "completion": { n, measurements: { kind: "completion", m: 25, truthRank: 2, seed: 1 } },
  "diagonal": { n, measurements: { kind: "diagonal", m: 4, truthRank: 2, seed: 1 } },
} as const;
// Step sizes that converge on each (the UVᵀ one sums its 40 residuals).
const LR: Record<keyof typeof KINDS, number> = {
  "gaussian, X = UUᵀ": 0.05,
  "gaussian, X = UVᵀ (sum)": 0.005,
  "completion": 0.2,
  "diagonal": 0.05,
};
const GAUSSIAN = { kind: "matrix-sensing", ...KINDS["gaussian, X = UUᵀ"] } as const;

function sensing(problem: object, optimizer: object, steps: number, init: object = { kind: "identity", scale: 0.1 }) {
  return compileRun({ problem: { kind: "matrix-sensing", ...problem }, optimizer, init, steps });
}

/**
 * The kernel with at most `rows` measurements per block, so that the
 * multi-workgroup path sums several blocks' partial gradients on these small
 * problems (by default each fits one block).
 */
function rowsPerBlock(rows: number): ProblemKernel {
  return {
    ...matrixSensingKernel,
    kind: `matrix-sensing, ${rows} rows per block`,
    bind(problem) {
      const bound = matrixSensingKernel.bind(problem);
      if (typeof bound === "string") return bound;
      return { ...bound, data: bound.data, layout: (wg) => ({ ...bound.layout(wg), rowsPerChunk: rows }) };
    },
  };
}

/** Fused, multi-workgroup (one block), and multi-workgroup with blocks of 3 rows. */
const PATHS: [string, Omit<WebGpuEngineOptions, "gpu">][] = [
  ["fused", { path: "fused" }],
  ["multi", { path: "multi" }],
  ["multi, 3 rows per block", { path: "multi", kernels: { "matrix-sensing": rowsPerBlock(3) } }],
];

// x_q as the kernel forms it from X: packed (X_jk + X_kj)/2, else (full, diagonal) X_jk.
function coordinates(x: Float64Array, coord: Float32Array, packed: boolean): Float64Array {
  const out = new Float64Array(coord.length);
  coord.forEach((e, q) => {
    const j = Math.floor(e / n), k = e % n;
    out[q] = packed ? 0.5 * (x[j * n + k]! + x[k * n + j]!) : x[j * n + k]!;
  });
  return out;
}

Deno.test("matrixSensingKernel.bind() lays out every measurement kind so that ⟨aᵢ, x⟩ is the CPU's ⟨Aᵢ, X⟩", () => {
  const problems = {
    ...KINDS,
    "completion, X = UVᵀ": { n, symmetric: false, measurements: { kind: "completion", m: 30, truthRank: 2, seed: 3 } },
    "inline points": {
      n,
      measurements: {
        kind: "points",
        a: [Array.from({ length: n }, (_, j) => Array.from({ length: n }, (_, k) => j + k === 3 ? 1 : 0))],
        y: [2],
      },
    },
  };
  const layouts = {
    "gaussian, X = UUᵀ": "packed/dense",
    "gaussian, X = UVᵀ (sum)": "full/dense",
    "completion": "packed/sparse",
    "diagonal": "diagonal/dense",
    "completion, X = UVᵀ": "full/sparse",
    "inline points": "packed/dense",
  };
  for (const [name, spec] of Object.entries(problems)) {
    const problem = problemOfKind(sensing(spec, { kind: "gd" }, 1).problem, "matrix-sensing");
    const bound = matrixSensingKernel.bind(problem) as BoundProblemKernel;
    assert.equal(matrixSensingKernel.bind(problem), bound, `${name}: bound once per problem`);
    const { operator } = problem;
    const layout = layouts[name as keyof typeof layouts];
    assert.deepEqual([bound.params, bound.rows, bound.mean], [problem.size, operator.m, !name.includes("sum")], name);
    assert.ok(bound.signature.endsWith(layout), `${name}: ${bound.signature}`);
    const [a, y, coord] = bound.data;
    assert.deepEqual(Array.from(y!), Array.from(Float32Array.from(problem.y)), `${name}: y`);
    // A general X (the symmetric operators average X_jk and X_kj, as the CPU's do).
    const x = Float64Array.from({ length: n * n }, (_, i) => Math.sin(1 + 3 * i));
    const want = new Float64Array(operator.m);
    operator.measure(x, want);
    const xs = coordinates(x, coord!, layout.startsWith("packed"));
    const sparse = bound.signature.endsWith("sparse"), stride = sparse ? 4 : 4 * Math.ceil(xs.length / 4);
    for (let i = 0; i < operator.m; i++) {
      let got = 0;
      if (sparse) got = a![4 * i + 1]! * xs[a![4 * i]!]!;
      else for (let q = 0; q < xs.length; q++) got += a![i * stride + q]! * xs[q]!;
      assertClose(got, want[i]!, { rtol: 1e-6, atol: 1e-6 }, `${name}: row ${i}`);
    }
  }
});

Deno.test("matrixSensingKernel refuses matrices whose coordinates exceed workgroup memory, so auto runs them on the CPU", () => {
  const run = (side: number, symmetric: boolean) =>
    sensing({ n: side, symmetric, measurements: { kind: "gaussian", m: 4, truthRank: 1 } }, { kind: "gd" }, 1);
  for (const [side, symmetric] of [[82, true], [58, false]] as const) {
    assert.equal(webGpuUnsupported(run(side, symmetric)), null, `n = ${side}`);
  }
  for (const [side, symmetric, coords] of [[83, true, 3486], [59, false, 3481]] as const) {
    const why = webGpuUnsupported(run(side, symmetric));
    assert.match(why!, new RegExp(`at most ${MATRIX_SENSING_MAX_COORDS} coordinates .* n = ${side} needs ${coords}`));
    assert.equal(matrixSensingKernel.bind(run(side, symmetric).problem), why);
  }
  const other = compileRun({
    problem: { kind: "least-squares", data: { kind: "gaussian", n: 4, d: 2 } },
    steps: 1,
  });
  assert.match(matrixSensingKernel.bind(other.problem) as string, /cannot run a least-squares problem/);
});

Deno.test("matrixSensingKernel's layout fits WebGPU's default 16 KiB of workgroup memory and holds a call's rows", () => {
  // The largest symmetric instance (n = 82: 3403 coordinates) and the α-sweep one (n = 50, m = 750).
  for (const side of [82, 50]) {
    const problem = sensing(
      { n: side, measurements: { kind: "gaussian", m: 750, truthRank: 1 } },
      { kind: "gd" },
      1,
    ).problem;
    const bound = matrixSensingKernel.bind(problem) as BoundProblemKernel;
    for (const wg of [32, 64, 128, 256]) {
      const layout = bound.layout(wg);
      // The drivers' arrays: red_f, opt_red_i (WG floats each), a Hyper record and a few words.
      assert.ok(layout.workgroupBytes + 8 * wg + 128 <= 16_384, `n = ${side}, wg = ${wg}`);
      const rb = layout.constants.MS_RB!;
      assert.ok(Number.isFinite(layout.blockLoops(rb)) && layout.blockLoops(rb + 1) === Infinity);
      assert.ok(layout.rowsPerChunk <= rb);
    }
  }
});

/**
 * X = UVᵀ on symmetric Gaussian Aᵢ, which only the API builds (a spec's
 * `symmetric: false` draws general Aᵢ): the kernel's packed coordinates then
 * average X_jk and X_kj, as the CPU's packed operator does.
 */
function uvOnSymmetric(): CompiledRun {
  const general = sensing(KINDS["gaussian, X = UVᵀ (sum)"], { kind: "gd", lr: 1 }, 1, {
    kind: "gaussian",
    scale: 0.5,
    seed: 3,
  });
  const { operator, y, truth } = problemOfKind(
    sensing(KINDS["gaussian, X = UUᵀ"], { kind: "gd" }, 1).problem,
    "matrix-sensing",
  );
  const problem = matrixSensing({ operator, y, truth }, { rank: n, symmetric: false, reduction: "mean" });
  return { ...general, problem };
}

gpuTest("matrixSensingKernel evaluates loss and gradient like the CPU problem, every kind and path", async (gpu) => {
  const cases = Object.entries(KINDS).map(([name, spec]): [string, CompiledRun] => [
    name,
    sensing(spec, { kind: "gd", lr: 1 }, 1, { kind: "gaussian", scale: 0.5, seed: 3 }),
  ]);
  cases.push(["gaussian symmetric Aᵢ, X = UVᵀ", uvOnSymmetric()]);
  for (const [name, run] of cases) {
    // One GD step of size 1: w₁ = w₀ − ∇L(w₀), read back compensated (to float32²).
    const want = new Float64Array(run.problem.size);
    const loss = run.problem.gradient(run.init, want, true);
    for (const [path, options] of PATHS) {
      const [engine] = await createWebGpuEngines([run], { ...options, gpu });
      const before = await engine!.read();
      await engine!.advance(1);
      const after = await engine!.read();
      const w1 = Float64Array.of(...after.params.U!.data, ...(after.params.V?.data ?? []));
      const got = run.init.map((w, j) => w - w1[j]!);
      const what = `${name}, ${path}`;
      assertClose(before.loss, loss, { rtol: 2e-6 }, `${what}: loss`);
      assertClose(before.gradNorm, Math.hypot(...want), { rtol: 2e-6 }, `${what}: gradient norm`);
      const err = relativeDistance(got, want);
      assert.ok(err <= 2e-6, `${what}: gradient ${err.toExponential(2)} from the float64 one`);
      engine!.dispose();
    }
  }
});

gpuTest("matrixSensingKernel runs GD like the float64 engine after 1e4 steps, every kind and path", async (gpu) => {
  for (const [path, options] of PATHS) {
    const runs = Object.entries(KINDS).map(([name, spec]) =>
      sensing(spec, { kind: "gd", lr: LR[name as keyof typeof KINDS] }, 10_000)
    );
    const engines = await createWebGpuEngines(runs, { ...options, gpu });
    const [errors] = await parityAt(runs, engines, [10_000]);
    errors!.forEach((e, i) => {
      const what = `${Object.keys(KINDS)[i]}, ${path}`;
      assert.ok(e.cosGap <= 1e-8, `${what}: 1 − cos = ${e.cosGap}`);
      assert.ok(e.normError <= 1e-5, `${what}: relative norm error = ${e.normError}`);
    });
    for (const e of engines) e.dispose();
  }
});

// Adam with eps ≪ |∇L| goes on taking steps of size lr once the run has
// converged, driven by the rounding of ∇L ≈ 0, so that its float64 run is
// itself chaotic there (as on least squares, see src/webgpu/README.md): with
// eps = 1e-8, U₀ changed by 10⁻⁷ moves the float64 run by 1 − cos = 2·10⁻⁵
// and 2.9·10⁻³ in norm after 10⁴ steps, as far as the GPU run is from it
// (1.9·10⁻⁵, 3.0·10⁻³; at 10³ steps both agree to 10⁻⁷). eps = 0.1 converges. The moments and momentum buffers are compared at 100 steps:
// they are gradient-sized, and once L is small the float32 residuals
// rᵢ = ⟨Aᵢ, X⟩ − yᵢ of float32 X lose relative accuracy (momentum: 6·10⁻⁶
// at 100 steps, a few 10⁻⁴ at 10³ steps where L ≈ 2·10⁻⁶).
gpuTest(
  "matrixSensingKernel runs momentum, Nesterov and Adam like the float64 engine, with their state",
  async (gpu) => {
    const optimizers = [
      { kind: "gd", lr: 0.05, momentum: 0.9 },
      { kind: "gd", lr: 0.05, momentum: 0.5, nesterov: true },
      { kind: "adam", lr: 0.01, eps: 0.1 },
    ];
    for (const [, options] of PATHS) {
      const runs = optimizers.map((o) => compileRun({ problem: GAUSSIAN, optimizer: o, steps: 10_000 }));
      await assertParity(gpu, runs, [100, 10_000], { ...options, stateAt: [100] });
    }
  },
);

// Every other update rule, on every path.
// Normalized GD where min L > 0 (rank-1 factors of a rank-2 X*): on an
// interpolating problem its step η·∇L/L stays of size η while L → 0, and it
// hops chaotically around the solutions in float64 already.
gpuTest("matrixSensingKernel runs every other optimizer like the float64 engine", async (gpu) => {
  const optimizers = [
    { kind: "sgd", lr: 0.05, batch: 5, seed: 2, momentum: 0.5 },
    { kind: "adagrad", lr: 0.05 },
    { kind: "rmsprop", lr: 0.001, eps: 0.1 },
    { kind: "steepest", norm: "l2", lr: 0.01 },
    { kind: "coordinate", lr: 0.05 },
    { kind: "mirror", p: 1.5, lr: 0.05 },
  ];
  const rank1 = { ...GAUSSIAN, rank: 1 };
  for (const [path, options] of PATHS) {
    const runs = [
      ...optimizers.map((o) => compileRun({ problem: GAUSSIAN, optimizer: o, steps: 2_000 })),
      compileRun({ problem: rank1, optimizer: { kind: "normalized-gd", lr: 0.01 }, steps: 2_000 }),
    ];
    const engines = await createWebGpuEngines(runs, { ...options, gpu });
    const [errors] = await parityAt(runs, engines, [2_000]);
    errors!.forEach((e, i) => {
      const what = `${runs[i]!.spec.optimizer.kind}, ${path}`;
      assert.equal(engines[i]!.diverged, null, what);
      assert.ok(e.cosGap <= 1e-8, `${what}: 1 − cos = ${e.cosGap}`);
      assert.ok(e.normError <= 1e-5, `${what}: relative norm error = ${e.normError}`);
    });
    for (const e of engines) e.dispose();
  }
});

// Experiment 5 (the `matrix-sensing` preset: n = 50, m = 750, U₀ = √α·I,
// η = 1) as one WebGPU batch of four runs, shortened to 300 of its 5000
// steps: llvmpipe takes ~20 ms of CPU per step of the four. The full run
// (5000 steps) gives the same ‖X‖_* as the CPU engine to 6 digits: 2.396527,
// 1.263328, 1.049768, 1.003653 (see the kernel's entry in README.md).
gpuTest("matrixSensingKernel runs the α sweep of experiment 5 like the float64 engine", async (gpu) => {
  const steps = 300;
  const base = presetSpec("matrix-sensing");
  const runs: CompiledRun[] = [1e-1, 1e-2, 1e-3, 1e-5].map((alpha) =>
    compileRun({ ...base, init: { kind: "identity", scale: Math.sqrt(alpha) }, steps })
  );
  const engines = await createWebGpuEngines(runs, { gpu });
  assert.equal(engines[0]!.plan.path, "multi");
  assert.equal(engines[0]!.plan.batchSize, 4);
  const cpu = runs.map((run) => createCpuEngine(run));
  await Promise.all([...engines, ...cpu].map((e) => e.advance(steps)));
  const got = await Promise.all(engines.map((e) => e.read()));
  const want = await Promise.all(cpu.map((e) => e.read()));
  const norms = got.map((g, i) => [nuclearNorm(g.predictor.data, 50), nuclearNorm(want[i]!.predictor.data, 50)]);
  norms.forEach(([mine, theirs], i) => {
    const e = parityError(got[i]!.predictor.data, want[i]!.predictor.data);
    assert.ok(e.cosGap <= 1e-8 && e.normError <= 1e-5, `run ${i}: ${JSON.stringify(e)}`);
    assertClose(mine!, theirs!, { rtol: 1e-6 }, `‖X‖_* of run ${i}`);
    assertClose(got[i]!.loss, want[i]!.loss, { rtol: 1e-4 }, `loss of run ${i}`);
  });
  // Already ordered as at 5000 steps: falling towards the minimum nuclear norm (1) as α → 0.
  for (let i = 1; i < norms.length; i++) assert.ok(norms[i]![0]! < norms[i - 1]![0]!);
  for (const e of engines) e.dispose();
});

// 1-bit sensing: labels ±1 with a classification loss, X = UUᵀ and UVᵀ, dense and completion.
const ONEBIT = {
  "1-bit gaussian, X = UUᵀ, logistic": {
    n,
    loss: "logistic",
    measurements: { kind: "gaussian", m: 24, truthRank: 1, seed: 1 },
  },
  "1-bit gaussian, X = UVᵀ, exp": {
    n,
    symmetric: false,
    loss: "exp",
    measurements: { kind: "gaussian", m: 30, truthRank: 2, seed: 1 },
  },
  "1-bit completion, X = UVᵀ, logistic (mean)": {
    n,
    symmetric: false,
    loss: "logistic",
    reduction: "mean",
    measurements: { kind: "completion", m: 30, truthRank: 2, seed: 1 },
  },
} as const;

// One test: pipelines compile once per path and instance (seconds each on llvmpipe with a cold shader cache).
gpuTest(
  "matrixSensingKernel runs GD on 1-bit sensing like the float64 engine (loss at U₀, 2000 steps)",
  async (gpu) => {
    const runs = Object.values(ONEBIT).map((spec) => sensing(spec, { kind: "gd", lr: 0.02 }, 2_000));
    for (const [path, options] of [PATHS[0]!, PATHS[2]!]) {
      const engines = await createWebGpuEngines(runs, { ...options, gpu });
      const first = await Promise.all(engines.map((e) => e.read()));
      first.forEach((s, i) => {
        const loss = runs[i]!.problem.gradient(runs[i]!.init, new Float64Array(runs[i]!.problem.size), true);
        assertClose(s.loss, loss, { rtol: 2e-6 }, `${Object.keys(ONEBIT)[i]}, ${path}: loss at U₀`);
      });
      const [errors] = await parityAt(runs, engines, [2_000]);
      errors!.forEach((e, i) => {
        const what = `${Object.keys(ONEBIT)[i]}, ${path}`;
        assert.equal(engines[i]!.diverged, null, what);
        assert.ok(e.cosGap <= 1e-8, `${what}: 1 − cos = ${e.cosGap}`);
        assert.ok(e.normError <= 1e-5, `${what}: relative norm error = ${e.normError}`);
      });
      for (const e of engines) e.dispose();
    }
  },
);

// Normalized GD on 1-bit sensing follows the shifted ∇log L (problem_min_margin): it goes on after L underflows
// (L = 0.84 at 2000 steps, 0 in float32 and float64 alike by 4000, ‖X‖ ≈ 4·10⁹ at 6000). Past the underflow the
// float64 run is itself sensitive: U₀ changed by 10⁻⁶ relative in one entry moves it by 1 − cos = 5·10⁻⁵ at 6000.
gpuTest(
  "matrixSensingKernel runs normalized GD on 1-bit sensing past the underflow of L, like the float64 engine",
  async (gpu) => {
    const spec = { n: 5, loss: "exp", measurements: { kind: "gaussian", m: 8, truthRank: 1, seed: 1 } };
    const runs = [sensing(spec, { kind: "normalized-gd", lr: 0.002 }, 6_000, { kind: "identity", scale: 1e-3 })];
    for (const [path, options] of [PATHS[0]!, PATHS[2]!]) {
      const engines = await createWebGpuEngines(runs, { ...options, gpu });
      const errors = await parityAt(runs, engines, [2_000, 6_000]);
      const early = errors[0]![0]!, late = errors[1]![0]!;
      const last = await engines[0]!.read();
      assert.equal(engines[0]!.diverged, null, path);
      assert.equal(last.loss, 0, `${path}: L has underflowed`);
      assert.ok(early.cosGap <= 1e-7 && early.normError <= 1e-5, `${path}, 2000 steps: ${JSON.stringify(early)}`);
      assert.ok(late.cosGap <= 1e-3 && late.normError <= 1e-2, `${path}, 6000 steps: ${JSON.stringify(late)}`);
      console.log(`  ${path}: 2000 steps ${JSON.stringify(early)}, 6000 steps ${JSON.stringify(late)}`);
      for (const e of engines) e.dispose();
    }
  },
);
