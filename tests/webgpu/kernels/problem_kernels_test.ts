import assert from "node:assert/strict";
import { PROBLEM_KERNELS } from "../../../src/webgpu/kernels/problem_kernels.ts";
import { composeModule, ENTRY_POINTS } from "../../../src/webgpu/_batch_pipelines.ts";
import { launchChromium, SKIP_BROWSER } from "../../_chromium.ts";

Deno.test("PROBLEM_KERNELS maps each kind to its kernel", () => {
  for (const [kind, kernel] of Object.entries(PROBLEM_KERNELS)) assert.equal(kernel.kind, kind);
  assert.deepEqual(Object.keys(PROBLEM_KERNELS).sort(), [
    "least-squares",
    "linear-classification",
    "linear-conv-net",
    "linear-net",
    "matrix-sensing",
    "mlp",
    "multiclass",
  ]);
});

// Deno's WGSL compiler (naga) does not run WGSL's uniformity analysis and
// accepts ∞ in constant expressions; Chromium's (Tint) enforces both. Every
// registered kernel, on both drivers, must compile there too, so that the
// engine can run in browsers.
Deno.test({
  name: "PROBLEM_KERNELS compile on both drivers under Chromium's WGSL compiler, uniformity analysis included",
  ignore: SKIP_BROWSER,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const browser = await launchChromium({ webgpu: true });
    // WebGPU needs a secure context: a page from localhost.
    const server = Deno.serve(
      { port: 0, onListen() {} },
      () => new Response("<!doctype html>", { headers: { "content-type": "text/html" } }),
    );
    try {
      const page = await browser.newPage();
      await page.goto(`http://localhost:${server.addr.port}/`);
      for (const kernel of Object.values(PROBLEM_KERNELS)) {
        for (const path of ["fused", "multi"] as const) {
          const problems = await page.evaluate(async ({ code, entries }) => {
            // deno-lint-ignore no-explicit-any
            const gpu = (navigator as any).gpu;
            const adapter = await gpu?.requestAdapter();
            if (!adapter) return ["Chromium offers no WebGPU adapter"];
            const device = await adapter.requestDevice();
            const module = device.createShaderModule({ code });
            const info = await module.getCompilationInfo();
            // deno-lint-ignore no-explicit-any
            const out: string[] = info.messages.filter((m: any) => m.type === "error")
              // deno-lint-ignore no-explicit-any
              .map((m: any) => `${m.lineNum}:${m.linePos} ${m.message}`);
            for (const entryPoint of entries) {
              try {
                await device.createComputePipelineAsync({ layout: "auto", compute: { module, entryPoint } });
              } catch (e) {
                out.push(`${entryPoint}: ${(e as Error).message}`);
              }
            }
            device.destroy();
            return out;
          }, { code: composeModule(kernel, path), entries: [...ENTRY_POINTS[path]] });
          assert.deepEqual(problems, [], `${kernel.kind} on the ${path} driver`);
        }
      }
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});
