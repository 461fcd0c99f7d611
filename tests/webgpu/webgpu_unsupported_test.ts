import assert from "node:assert/strict";
import { compileRun } from "../../src/engine/compile_run.ts";
import { webGpuUnsupported } from "../../src/webgpu/webgpu_unsupported.ts";

const run = compileRun({
  problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
  optimizer: { kind: "sgd", batch: 4 },
  steps: 10,
});

Deno.test("webGpuUnsupported() accepts linear classification with gd, normalized gd and sgd", () => {
  assert.equal(webGpuUnsupported(run), null);
});

Deno.test("webGpuUnsupported() names a problem kind without a kernel, and an optimizer without a driver", () => {
  assert.match(webGpuUnsupported(run, {})!, /no kernel for problem kind linear-classification/);
  const adam = { ...run, spec: { ...run.spec, optimizer: { kind: "adam" } } } as unknown as typeof run;
  assert.match(webGpuUnsupported(adam)!, /does not implement optimizer adam/);
});
