import assert from "node:assert/strict";
import { cachedModule, cachedPipeline } from "../../src/webgpu/_pipeline_cache.ts";
import { gpuTest } from "./_with_gpu.ts";

const CODE = "@compute @workgroup_size(1) fn main() {}";

gpuTest("cachedPipeline() builds a pipeline once per device and key", async (gpu) => {
  let built = 0;
  const create = async () => {
    built++;
    const module = await cachedModule(gpu.device, "cache test", CODE);
    return gpu.device.createComputePipelineAsync({ label: "cache test", layout: "auto", compute: { module } });
  };
  const a = await cachedPipeline(gpu.device, "k", create);
  const b = await cachedPipeline(gpu.device, "k", create);
  assert.equal(a, b);
  assert.equal(built, 1);
  await cachedPipeline(gpu.device, "other", create);
  assert.equal(built, 2);
});

gpuTest(
  "cachedModule() rejects WGSL that does not compile with the compiler's message, and does not cache it",
  async (gpu) => {
    const bad = "fn main( {";
    await assert.rejects(cachedModule(gpu.device, "bad", bad), (e: Error) => {
      assert.ok(e instanceof SyntaxError);
      assert.match(e.message, /^Cannot compile WGSL module bad: bad:1:/);
      return true;
    });
    await assert.rejects(cachedModule(gpu.device, "bad", bad), SyntaxError);
    assert.ok(await cachedModule(gpu.device, "good", CODE));
  },
);
