import assert from "node:assert/strict";
import { OptimizerSpecSchema } from "../../../src/spec/optimizer_schema.ts";
import { compileRun } from "../../../src/run/compile_run.ts";
import { createOptimizer } from "../../../src/optimizers/create_optimizer.ts";
import { GPU_OPTIMIZERS } from "../../../src/webgpu/optimizers/gpu_optimizers.ts";
import { PROBLEM_KERNELS } from "../../../src/webgpu/kernels/problem_kernels.ts";
import { composeModule } from "../../../src/webgpu/_batch_pipelines.ts";
import { launchChromium, SKIP_BROWSER } from "../../_chromium.ts";

Deno.test("GPU_OPTIMIZERS has an update rule for every optimizer kind of the spec", () => {
  const kinds = OptimizerSpecSchema.options.map((o) => o.shape.kind.value).sort();
  assert.deepEqual(Object.keys(GPU_OPTIMIZERS).sort(), kinds);
  for (const [kind, rule] of Object.entries(GPU_OPTIMIZERS)) assert.ok(rule.kinds.includes(kind), kind);
});

Deno.test("GPU_OPTIMIZERS guard exactly the rules whose CPU optimizers use guardedDescent", () => {
  const guarded = Object.entries(GPU_OPTIMIZERS).filter(([, r]) => r.guarded).map(([k]) => k).sort();
  assert.deepEqual(guarded, ["coordinate", "mirror", "steepest"]);
});

Deno.test("GPU_OPTIMIZERS read back the state the CPU optimizers report, under the same names and shapes", () => {
  const optimizers = [
    { kind: "gd", momentum: 0.9 },
    { kind: "gd" },
    { kind: "sgd", batch: 2, momentum: 0.5 },
    { kind: "normalized-gd" },
    { kind: "adagrad" },
    { kind: "rmsprop" },
    { kind: "rmsprop", momentum: 0.9 },
    { kind: "rmsprop", centered: true },
    { kind: "rmsprop", centered: true, momentum: 0.9 },
    { kind: "adam" },
    { kind: "steepest", norm: "linf" },
    { kind: "coordinate", rule: "greedy" },
    { kind: "mirror", p: 1.5 },
  ];
  for (const optimizer of optimizers) {
    const run = compileRun({
      problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
      optimizer,
      steps: 1,
    });
    const cpu = createOptimizer(run.problem, run.spec.optimizer);
    cpu.step(run.init.slice());
    const rule = GPU_OPTIMIZERS[optimizer.kind]!;
    const p = run.problem.size;
    const gpu = rule.read(run.spec.optimizer, {
      params: p,
      slot: () => new Float32Array(p),
      compensated: () => new Float64Array(p),
    }, 1);
    const shapes = (state: Record<string, { shape: readonly number[] }>) =>
      Object.entries(state).map(([name, t]) => [name, t.shape]);
    assert.deepEqual(shapes(gpu), shapes(cpu.state()), JSON.stringify(optimizer));
  }
});

// Deno's WGSL compiler (naga) does not run WGSL's uniformity analysis;
// Chromium's (Tint) does, when it parses a module. Every update rule, on both
// drivers and with every problem kernel, must parse there too. (Pipelines,
// slow to build on SwiftShader, add nothing rule-specific: the rules declare
// no override-sized arrays; problem_kernels_test.ts builds the drivers'.)
Deno.test({
  name: "GPU_OPTIMIZERS pass Chromium's WGSL compiler, uniformity analysis included, with every kernel on both drivers",
  ignore: SKIP_BROWSER,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const browser = await launchChromium({ webgpu: true });
    const server = Deno.serve(
      { port: 0, onListen() {} },
      () => new Response("<!doctype html>", { headers: { "content-type": "text/html" } }),
    );
    try {
      const page = await browser.newPage();
      await page.goto(`http://localhost:${server.addr.port}/`);
      const modules = [];
      for (const rule of new Set(Object.values(GPU_OPTIMIZERS))) {
        for (const kernel of Object.values(PROBLEM_KERNELS)) {
          if (rule.problems && !rule.problems.includes(kernel.kind)) continue; // path-sgd: mlp only
          for (const path of ["fused", "multi"] as const) {
            modules.push({
              name: `${rule.kinds[0]} × ${kernel.kind} on the ${path} driver`,
              code: composeModule(kernel, path, rule),
            });
          }
        }
      }
      const problems = await page.evaluate(async (modules) => {
        // deno-lint-ignore no-explicit-any
        const gpu = (navigator as any).gpu;
        const adapter = await gpu?.requestAdapter();
        if (!adapter) return ["Chromium offers no WebGPU adapter"];
        const device = await adapter.requestDevice();
        const out: string[] = [];
        for (const { name, code } of modules) {
          const info = await device.createShaderModule({ code }).getCompilationInfo();
          // deno-lint-ignore no-explicit-any
          for (const m of info.messages.filter((m: any) => m.type === "error")) {
            out.push(`${name}: ${m.lineNum}:${m.linePos} ${m.message}`);
          }
        }
        device.destroy();
        return out;
      }, modules);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});
