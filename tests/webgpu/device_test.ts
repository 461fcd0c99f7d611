import assert from "node:assert/strict";
import { acquireGpu, gpuAdapterKind, sharedGpu } from "../../src/webgpu/device.ts";
import { skipGpu } from "./_with_gpu.ts";

Deno.test({
  name: "acquireGpu() gives a labelled device and classifies its adapter",
  ignore: skipGpu,
  async fn() {
    const gpu = await acquireGpu({ label: "device test" });
    try {
      assert.equal(gpu.device.label, "device test");
      assert.equal(gpu.failure, null);
      const { kind, name } = await gpuAdapterKind();
      assert.equal(gpu.software, kind === "software");
      assert.equal(gpu.adapterName, name);
      assert.ok(gpu.device.limits.maxComputeWorkgroupStorageSize >= 16_384);
    } finally {
      gpu.device.destroy();
    }
  },
});

Deno.test({
  name: "acquireGpu() records an uncaptured GPU error as the context's failure",
  ignore: skipGpu,
  async fn() {
    const gpu = await acquireGpu();
    try {
      // Mapping a buffer that cannot be mapped is a validation error nobody captures.
      gpu.device.createBuffer({ size: 4, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.STORAGE });
      const failure = await Promise.race([gpu.failed, new Promise<null>((r) => setTimeout(() => r(null), 5_000))]);
      assert.ok(failure instanceof Error);
      assert.match(failure.message, /The GPU reported an error/);
      assert.equal(gpu.failure, failure);
    } finally {
      gpu.device.destroy();
    }
  },
});

Deno.test({
  name: "acquireGpu() records a lost device as the context's failure",
  ignore: skipGpu,
  async fn() {
    const gpu = await acquireGpu();
    gpu.device.destroy();
    const failure = await gpu.failed;
    assert.match(failure.message, /The GPU device was lost \(destroyed\)/);
  },
});

Deno.test({
  name: "sharedGpu() reuses one device and acquires a new one after a failure",
  ignore: skipGpu,
  async fn() {
    const a = await sharedGpu();
    assert.equal(await sharedGpu(), a);
    a.device.destroy();
    await a.failed;
    const b = await sharedGpu();
    assert.notEqual(b, a);
    assert.equal(b.failure, null);
    b.device.destroy();
  },
});
