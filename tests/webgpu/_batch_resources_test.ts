import assert from "node:assert/strict";
import { createBatchResources } from "../../src/webgpu/_batch_resources.ts";
import { gpuTest } from "./_with_gpu.ts";

gpuTest("createBatchResources() labels a batch's buffers and binds them for every control record", async (gpu) => {
  const res = await createBatchResources(gpu, "t", {
    runs: 2,
    params: 3,
    slots: 7,
    partials: 16,
    rows: 16,
    data: [24],
  });
  assert.equal(res.state.size, 2 * 7 * 3 * 4);
  assert.equal(res.state.label, "t state");
  assert.deepEqual(res.ctl.map((c) => c.label), ["t ctl steps", "t ctl rest", "t ctl report"]);
  assert.equal(res.groups.length, 3);
  res.destroy();
});

gpuTest("createBatchResources() refuses a buffer over the device's binding limit, naming it", async (gpu) => {
  const limit = gpu.device.limits.maxStorageBufferBindingSize;
  await assert.rejects(
    createBatchResources(gpu, "big", { runs: 1, params: 1, slots: 4, partials: limit + 4, rows: 16, data: [16] }),
    (e: Error) =>
      e instanceof RangeError && /partials buffer needs \d+ bytes but bindings hold at most/.test(e.message),
  );
});
