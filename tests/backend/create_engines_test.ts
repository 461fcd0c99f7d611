import assert from "node:assert/strict";
import { type CompiledRun, compileRun } from "../../src/run/compile_run.ts";
import { createEngines } from "../../src/backend/create_engines.ts";
import { createEngine } from "../../src/backend/create_engine.ts";
import { SpecError } from "../../src/spec/spec_error.ts";
import { gpuAdapterKind, sharedGpu } from "../../src/webgpu/device.ts";
import { skipGpu } from "../webgpu/_with_gpu.ts";

const spec = (backend: "auto" | "cpu" | "webgpu", lr = 0.1) => ({
  problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
  optimizer: { kind: "gd", lr },
  steps: 10,
  backend,
});

Deno.test("createEngines() runs backend cpu on the CPU engine", async () => {
  const engines = await createEngines([compileRun(spec("cpu")), compileRun(spec("cpu", 0.2))]);
  assert.deepEqual(engines.map((e) => e.backend), ["cpu", "cpu"]);
});

Deno.test("createEngines() picks WebGPU for auto only on a hardware adapter", async () => {
  const [engine] = await createEngines([compileRun(spec("auto"))]);
  const { kind } = await gpuAdapterKind();
  assert.equal(engine!.backend, kind === "hardware" ? "webgpu" : "cpu");
  engine!.dispose();
});

Deno.test({
  name: "createEngines() runs backend webgpu on WebGPU, warning once per call on a software adapter",
  ignore: skipGpu,
  async fn() {
    const warnings: string[] = [];
    const runs = [0.1, 0.2, 0.3].map((lr) => compileRun(spec("webgpu", lr)));
    const engines = await createEngines(runs, { warn: (w) => warnings.push(w) });
    assert.deepEqual(engines.map((e) => e.backend), ["webgpu", "webgpu", "webgpu"]);
    await Promise.all(engines.map((e) => e.advance(10)));
    assert.deepEqual(engines.map((e) => e.step), [10, 10, 10]);
    const software = (await gpuAdapterKind()).kind === "software";
    assert.equal(warnings.length, software ? 1 : 0);
    if (software) assert.match(warnings[0]!, /software adapter \(.+\): expect it to be slower than the CPU engine/);
    for (const e of engines) e.dispose();
    (await sharedGpu()).device.destroy();
  },
});

Deno.test("createEngine() refuses backend webgpu for a problem WebGPU has no kernel for, as a spec error", async () => {
  const run = compileRun(spec("webgpu"));
  // A kind no spec can name (the union refuses it): only a hand-built run gets here.
  const other = { ...run, problem: { ...run.problem, kind: "no-such-kind" } } as unknown as CompiledRun;
  await assert.rejects(createEngine(other), (e: Error) => {
    assert.ok(e instanceof SpecError);
    assert.match(
      e.message,
      /^Invalid spec at backend: the WebGPU engine has no kernel for problem kind no-such-kind/,
    );
    return true;
  });
  const [engine] = await createEngines([{ ...other, spec: { ...other.spec, backend: "auto" } }]);
  assert.equal(engine!.backend, "cpu");
});

Deno.test("createEngine() refuses backend webgpu for a problem its kernel cannot hold, and auto runs it on the CPU", async () => {
  const large = (backend: "webgpu" | "auto") =>
    compileRun({
      problem: { kind: "matrix-sensing", n: 100, measurements: { kind: "gaussian", m: 10, truthRank: 1 } },
      steps: 1,
      backend,
    });
  await assert.rejects(
    createEngine(large("webgpu")),
    (e: Error) => e instanceof SpecError && /^Invalid spec at backend: .* n = 100 needs 5050/.test(e.message),
  );
  const [engine] = await createEngines([large("auto")]);
  assert.equal(engine!.backend, "cpu");
});

Deno.test({
  name: "createEngines() runs adaptive and guarded optimizers on WebGPU under backend webgpu",
  ignore: skipGpu,
  async fn() {
    const optimizers = [{ kind: "adam" }, { kind: "mirror", p: 1.5 }];
    const runs = optimizers.map((optimizer) => compileRun({ ...spec("webgpu"), optimizer }));
    const engines = await createEngines(runs, { warn: () => {} });
    assert.deepEqual(engines.map((e) => e.backend), optimizers.map(() => "webgpu"));
    await Promise.all(engines.map((e) => e.advance(10)));
    assert.deepEqual(engines.map((e) => e.step), optimizers.map(() => 10));
    for (const e of engines) e.dispose();
    (await sharedGpu()).device.destroy();
  },
});
