import assert from "node:assert/strict";
import {
  pickReductions,
  reductionConstants,
  type Reductions,
  reductionsWgsl,
  subgroupDirective,
} from "../../src/webgpu/_reductions.ts";
import { acquireGpu } from "../../src/webgpu/device.ts";
import { composeModule, ENTRY_POINTS } from "../../src/webgpu/_batch_pipelines.ts";
import { PROBLEM_KERNELS } from "../../src/webgpu/kernels/problem_kernels.ts";
import { compileRun } from "../../src/run/compile_run.ts";
import { createWebGpuEngines } from "../../src/webgpu/create_webgpu_engines.ts";
import common from "../../src/webgpu/kernels/common.wgsl" with { type: "text" };
import floatMath from "../../src/webgpu/kernels/float_math.wgsl" with { type: "text" };
import { launchChromium, SKIP_BROWSER } from "../_chromium.ts";
import { gpuTest } from "./_with_gpu.ts";

Deno.test("pickReductions() takes subgroups only with the feature and one fixed power-of-two size", () => {
  const sg = (min?: number, max?: number) => ({
    features: new Set(["subgroups", "timestamp-query"]),
    subgroupMinSize: min,
    subgroupMaxSize: max,
  });
  assert.deepEqual(pickReductions(sg(32, 32)), { kind: "subgroup", size: 32 });
  assert.deepEqual(pickReductions(sg(4, 4)), { kind: "subgroup", size: 4 });
  // llvmpipe in Deno 2.9.6: no `subgroups` feature (its adapter reports sizes 4 … 128 all the same).
  const llvmpipe = { features: new Set(["timestamp-query"]), subgroupMinSize: 4, subgroupMaxSize: 128 };
  assert.deepEqual(pickReductions(llvmpipe), { kind: "workgroup", reason: "the device has no subgroups feature" });
  assert.match((pickReductions(sg(8, 64)) as { reason: string }).reason, /not fixed \(min 8, max 64\)/);
  assert.match((pickReductions(sg(2, 2)) as { reason: string }).reason, /size 2 is not a power of two in \[4, 128\]/);
  assert.match((pickReductions(sg(24, 24)) as { reason: string }).reason, /size 24/);
  assert.match((pickReductions(sg()) as { reason: string }).reason, /not fixed/);
});

gpuTest(
  "acquireGpu() asks for subgroups exactly where the adapter has them, and kernels pick from the device",
  async (gpu) => {
    const adapter = await navigator.gpu.requestAdapter({ powerPreference: "high-performance" });
    assert.equal(gpu.device.features.has("subgroups"), adapter!.features.has("subgroups"));
    const picked = pickReductions({
      features: gpu.device.features,
      subgroupMinSize: gpu.subgroupMinSize,
      subgroupMaxSize: gpu.subgroupMaxSize,
    });
    assert.equal(
      picked.kind === "subgroup",
      gpu.device.features.has("subgroups") && gpu.subgroupMinSize === gpu.subgroupMaxSize,
    );
  },
);

// Subgroup reductions forced on a device without the feature: the kernel
// must not compile (naga names the missing capability), which shows the
// picked reductions are what the pipelines are built from.
gpuTest("forced subgroup reductions fail to compile on a device without the subgroups feature", async (gpu) => {
  if (gpu.device.features.has("subgroups")) return; // (a device with subgroups runs them in the parity tests)
  const run = compileRun({
    problem: { kind: "linear-classification", data: { kind: "separable", n: 64, d: 4, margin: 0.1, seed: 1 } },
    steps: 1,
  });
  const forced: Reductions = { kind: "subgroup", size: 32 };
  await assert.rejects(
    () => createWebGpuEngines([run], { gpu, path: "multi", reductions: forced }),
    /SUBGROUP|subgroup/i,
  );
});

// The reductions' contract, evaluated by a probe kernel: integer-valued
// inputs, so every summation order gives the exact result.
const WG = 64;
const PROBE = `
@group(0) @binding(8) var<storage, read> probe_in: array<f32>;
@group(0) @binding(9) var<storage, read_write> probe_out: array<f32>;
@compute @workgroup_size(WG)
fn probe(@builtin(local_invocation_index) lid: u32) {
  _ = ctl.zero; // (bound in every variant: only the subgroup one reads it, for ±∞)
  let v = probe_in[lid];
  probe_out[lid] = wg_reduce(lid, v, 0u);
  probe_out[WG + lid] = wg_reduce(lid, v, 1u);
  probe_out[2u * WG + lid] = wg_reduce(lid, v, 2u);
  probe_out[3u * WG + lid] = group_sum(lid, v, 2u);
  probe_out[4u * WG + lid] = group_sum(lid, v, 16u);
  probe_out[5u * WG + lid] = strided_sum(lid, v, 2u);
  probe_out[6u * WG + lid] = strided_sum(lid, v, 32u);
  probe_out[7u * WG + lid] = strided_sum(lid, v, 1u);
}`;
const INPUT = Array.from({ length: WG }, (_, i) => ((i * 37) % 23) - 11);

function expected(): (number | null)[] {
  const sum = (f: (i: number) => boolean) => INPUT.reduce((a, v, i) => a + (f(i) ? v : 0), 0);
  const out: (number | null)[] = [];
  const total = sum(() => true);
  for (let i = 0; i < WG; i++) out.push(total);
  for (let i = 0; i < WG; i++) out.push(Math.max(...INPUT));
  for (let i = 0; i < WG; i++) out.push(Math.min(...INPUT));
  for (const width of [2, 16]) {
    for (let i = 0; i < WG; i++) out.push(sum((j) => Math.floor(j / width) === Math.floor(i / width)));
  }
  for (const stride of [2, 32, 1]) {
    for (let i = 0; i < WG; i++) out.push(i < stride ? sum((j) => j % stride === i) : null);
  }
  return out;
}

function assertProbe(got: number[], what: string): void {
  expected().forEach((want, i) => {
    if (want !== null) assert.equal(got[i], want, `${what}: output ${i} (${Math.floor(i / WG)}, ${i % WG})`);
  });
}

async function runProbe(device: GPUDevice, code: string, constants: Record<string, number>): Promise<number[]> {
  device.pushErrorScope("validation");
  const module = device.createShaderModule({ code });
  const pipeline = await device.createComputePipelineAsync({
    layout: "auto",
    compute: { module, entryPoint: "probe", constants: { WG, ...constants } },
  });
  const buffer = (size: number, usage: number) => device.createBuffer({ size, usage });
  const ctl = buffer(16, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST);
  const input = buffer(4 * WG, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST);
  const output = buffer(4 * 8 * WG, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC);
  const read = buffer(4 * 8 * WG, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST);
  device.queue.writeBuffer(ctl, 0, new Uint32Array(4));
  device.queue.writeBuffer(input, 0, new Float32Array(INPUT));
  const entries = [[0, ctl], [8, input], [9, output]] as const;
  const group = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: entries.map(([binding, buffer]) => ({ binding, resource: { buffer } })),
  });
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, group);
  pass.dispatchWorkgroups(1);
  pass.end();
  encoder.copyBufferToBuffer(output, 0, read, 0, 4 * 8 * WG);
  device.queue.submit([encoder.finish()]);
  const error = await device.popErrorScope();
  if (error !== null) throw new Error(`The probe kernel failed: ${error.message}`);
  await read.mapAsync(GPUMapMode.READ);
  const out = Array.from(new Float32Array(read.getMappedRange()));
  read.unmap();
  return out;
}

gpuTest("the workgroup reductions (the fallback) meet the reductions' contract", async (gpu) => {
  const code = [common, floatMath, reductionsWgsl({ kind: "workgroup", reason: "test" }), PROBE].join("\n");
  assertProbe(await runProbe(gpu.device, code, {}), "workgroup");
});

// This runtime's own subgroup path (Deno's naga and the device's driver), on
// a device with subgroups (a GPU machine: bench/gpu_check.sh runs it): the
// probe checks the reductions and with them the thread-to-subgroup order the
// subgroup file assumes. Deno's llvmpipe has no `subgroups` feature.
const adapter = await navigator.gpu?.requestAdapter({ powerPreference: "high-performance" }).catch(() => null);
const sizes = adapter?.info as { subgroupMinSize?: number; subgroupMaxSize?: number } | undefined;
const deviceSubgroups = adapter
  ? pickReductions({
    features: adapter.features,
    subgroupMinSize: sizes?.subgroupMinSize,
    subgroupMaxSize: sizes?.subgroupMaxSize,
  })
  : null;
Deno.test({
  name: deviceSubgroups?.kind === "subgroup"
    ? `the subgroup reductions meet the contract on this device (subgroups of ${deviceSubgroups.size})`
    : `the subgroup reductions meet the contract on this device (skipped: ${
      deviceSubgroups?.kind === "workgroup" ? deviceSubgroups.reason : "no adapter"
    })`,
  ignore: deviceSubgroups?.kind !== "subgroup",
  async fn() {
    const gpu = await acquireGpu({ label: "test: subgroup reductions" });
    try {
      const picked = pickReductions({
        features: gpu.device.features,
        subgroupMinSize: gpu.subgroupMinSize,
        subgroupMaxSize: gpu.subgroupMaxSize,
      });
      assert.equal(picked.kind, "subgroup");
      const sg = { ...picked, directive: await subgroupDirective(gpu.device) } as Reductions;
      const code = [
        ...(sg.kind === "subgroup" && sg.directive ? ["enable subgroups;"] : []),
        common,
        floatMath,
        reductionsWgsl(sg),
        PROBE,
      ]
        .join("\n");
      assertProbe(
        await runProbe(gpu.device, code, reductionConstants(sg)),
        `subgroups of ${picked.kind === "subgroup" ? picked.size : 0}`,
      );
    } finally {
      gpu.device.destroy();
    }
  },
});

// Deno's llvmpipe has no `subgroups`; Chromium's SwiftShader adapter has them
// (subgroup size 4), so there the subgroup reductions are compiled by Tint
// (uniformity analysis included) and run: the probe, and every kernel on both
// drivers with subgroup reductions. Tint needs `enable subgroups;` (naga
// rejects it: reduce_subgroup.wgsl).
Deno.test({
  name: "the subgroup reductions meet the contract and every kernel compiles with them under Chromium (SwiftShader)",
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
      const modules = Object.values(PROBLEM_KERNELS).flatMap((kernel) =>
        (["fused", "multi"] as const).map((path) => ({
          what: `${kernel.kind} ${path}`,
          code: composeModule(kernel, path, undefined, { kind: "subgroup", size: 4 }),
          entries: [...ENTRY_POINTS[path]],
        }))
      );
      const probe = [common, floatMath, reductionsWgsl({ kind: "subgroup", size: 4 }), PROBE].join("\n");
      const result = await page.evaluate(
        async ({ modules, probe, input, wg, runProbeSource }) => {
          // deno-lint-ignore no-explicit-any
          const adapter = await (navigator as any).gpu?.requestAdapter();
          if (!adapter) return { skip: "Chromium offers no WebGPU adapter" };
          if (!adapter.features.has("subgroups")) return { skip: "Chromium's adapter has no subgroups feature" };
          const size = adapter.info.subgroupMinSize;
          if (size !== adapter.info.subgroupMaxSize) {
            return { skip: `subgroup sizes ${size} … ${adapter.info.subgroupMaxSize}` };
          }
          const device = await adapter.requestDevice({ requiredFeatures: ["subgroups"] });
          const errors: string[] = [];
          for (const m of modules) {
            const module = device.createShaderModule({ code: `enable subgroups;\n${m.code}` });
            const info = await module.getCompilationInfo();
            // deno-lint-ignore no-explicit-any
            for (const msg of info.messages.filter((x: any) => x.type === "error")) {
              errors.push(`${m.what} ${msg.lineNum}:${msg.linePos} ${msg.message}`);
            }
            for (const entryPoint of m.entries) {
              try {
                await device.createComputePipelineAsync({
                  layout: "auto",
                  compute: { module, entryPoint, constants: { SG: size } },
                });
              } catch (e) {
                errors.push(`${m.what} ${entryPoint}: ${(e as Error).message}`);
              }
            }
          }
          // deno-lint-ignore no-explicit-any
          const run = new Function(`return (${runProbeSource})`)() as any;
          const out = await run(device, `enable subgroups;\n${probe}`, { SG: size }, input, wg);
          device.destroy();
          return { size, errors, out };
        },
        { modules, probe, input: INPUT, wg: WG, runProbeSource: PAGE_PROBE },
      );
      if ("skip" in result) {
        console.warn(`skipped: ${result.skip}`);
        return;
      }
      assert.deepEqual(result.errors, []);
      assert.equal(result.size, 4);
      assertProbe(result.out as number[], `subgroups of ${result.size}`);
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});

// runProbe for the page (no imports there): the same steps as text.
const PAGE_PROBE = `async (device, code, constants, input, WG) => {
  const module = device.createShaderModule({ code });
  const pipeline = await device.createComputePipelineAsync({
    layout: "auto",
    compute: { module, entryPoint: "probe", constants: { WG, ...constants } },
  });
  const buffer = (size, usage) => device.createBuffer({ size, usage });
  const ctl = buffer(16, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST);
  const inp = buffer(4 * WG, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST);
  const output = buffer(4 * 8 * WG, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC);
  const read = buffer(4 * 8 * WG, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST);
  device.queue.writeBuffer(ctl, 0, new Uint32Array(4));
  device.queue.writeBuffer(inp, 0, new Float32Array(input));
  const group = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [[0, ctl], [8, inp], [9, output]].map(([binding, buffer]) => ({ binding, resource: { buffer } })),
  });
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, group);
  pass.dispatchWorkgroups(1);
  pass.end();
  encoder.copyBufferToBuffer(output, 0, read, 0, 4 * 8 * WG);
  device.queue.submit([encoder.finish()]);
  await read.mapAsync(GPUMapMode.READ);
  const out = Array.from(new Float32Array(read.getMappedRange()));
  read.unmap();
  return out;
}`;
