import assert from "node:assert/strict";
import { join } from "node:path";
import { createApp } from "../../src/server/create_app.ts";
import { createRunner } from "../../src/server/create_runner.ts";
import { createRunStore } from "../../src/store/run_store.ts";
import { slowSpec, waitFor } from "./_sse.ts";

const tiny = {
  problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
  optimizer: { kind: "gd", lr: 0.1 },
  steps: 50,
  backend: "cpu",
};

Deno.test("DELETE /api/runs/:id refuses a running run (409), deletes an ended one and its files, then 404", async () => {
  const dir = await Deno.makeTempDir();
  const runner = createRunner({ store: createRunStore(dir), maxConcurrentRuns: 2 });
  const app = createApp({ runner });
  const post = (body: unknown) =>
    app.request("/api/runs", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "Content-Type": "application/json" },
    });
  try {
    const { id: slow } = await (await post(slowSpec(1e9))).json();
    await waitFor(() => runner.summary(slow)?.status === "running", 20_000, "slow run running");
    const refused = await app.request(`/api/runs/${slow}`, { method: "DELETE" });
    assert.equal(refused.status, 409);
    assert.match((await refused.json()).error, /is running; stop it before deleting it/);
    assert.ok(Deno.statSync(join(dir, slow)).isDirectory, "nothing deleted");

    const { id } = await (await post(tiny)).json();
    await waitFor(() => runner.summary(id)?.status === "done", 20_000, "tiny run done");
    const res = await app.request(`/api/runs/${id}`, { method: "DELETE" });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { id, deleted: true });
    assert.throws(() => Deno.statSync(join(dir, id)), Deno.errors.NotFound);
    assert.ok(!runner.list().some((r) => r.id === id));
    assert.equal((await app.request(`/api/runs/${id}`)).status, 404);
    assert.equal((await app.request(`/api/runs/${id}`, { method: "DELETE" })).status, 404);

    runner.stop(slow);
    await waitFor(() => runner.summary(slow)?.status === "stopped", 20_000, "slow run stopped");
    assert.equal((await app.request(`/api/runs/${slow}`, { method: "DELETE" })).status, 200);
  } finally {
    runner.close();
  }
});
