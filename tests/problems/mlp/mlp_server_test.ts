import assert from "node:assert/strict";
import { createApp } from "../../../src/server/create_app.ts";
import { createRunner } from "../../../src/server/create_runner.ts";
import { createRunStore } from "../../../src/store/run_store.ts";
import { waitFor } from "../../server/_sse.ts";
import { admitRun, presetWithOverrides } from "../../../src/server/_admit_run.ts";
import { DEFAULT_LIMITS } from "../../../src/server/server_limits.ts";
import { presets } from "../../../src/presets/presets.ts";

Deno.test("every mlp preset at full size is admitted by the server's default limits", () => {
  for (const name of ["neyshabur-width", "path-sgd-mnist", "sgd-mnist", "lyu-li-homogeneous"]) {
    const run = admitRun(presetWithOverrides(name), DEFAULT_LIMITS);
    assert.equal(run.problem.kind, "mlp", name);
  }
  assert.ok(presets()["neyshabur-width"]!.sweep!.values.length <= DEFAULT_LIMITS.maxSweepValues);
});

Deno.test("the neyshabur-width sweep runs from the server under its default limits (MNIST is n × d data)", async () => {
  const dir = await Deno.makeTempDir();
  const runner = createRunner({ store: createRunStore(dir), maxConcurrentRuns: 2 });
  const app = createApp({ runner });
  try {
    const presets = await (await app.request("/api/presets")).json();
    const ney = presets.presets.find((p: { name: string }) => p.name === "neyshabur-width");
    assert.equal(ney.sweep.path, "problem.widths[0]");
    const res = await app.request("/api/sweeps", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        preset: "neyshabur-width",
        overrides: { "problem.data.n": 1000, "problem.test.n": 500, epochs: 1 },
        path: ney.sweep.path,
        values: [4, 8],
      }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    const { ids } = await res.json();
    for (const id of ids) {
      await waitFor(() => !["queued", "running"].includes(runner.summary(id)!.status), 60_000, `run ${id} to end`);
      const run = await (await app.request(`/api/runs/${id}`)).json();
      assert.equal(run.status, "done", JSON.stringify(run));
      assert.ok(run.final.metrics.test_error >= 0 && run.final.metrics.test_error <= 1);
      assert.equal(run.final.step, Math.ceil(1000 / 64));
      const npy = Deno.readFileSync(`${dir}/${id}/params.npy`); // float64 θ, as from the CLI
      assert.equal(npy.length % 64, (8 * run.final.predictor.data.length) % 64);
      assert.equal(new DataView(npy.buffer).getFloat64(npy.length - 8, true), run.final.predictor.data.at(-1));
    }
  } finally {
    runner.close();
    await Deno.remove(dir, { recursive: true });
  }
});
