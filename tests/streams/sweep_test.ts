import assert from "node:assert/strict";
import { filter, lastValueFrom, toArray } from "rxjs";
import { SpecError } from "../../src/spec/spec_error.ts";
import { sweep, sweepRuns } from "../../src/streams/sweep.ts";
import { train } from "../../src/streams/train.ts";
import { sharedGpu } from "../../src/webgpu/device.ts";
import { skipGpu } from "../webgpu/_with_gpu.ts";

const spec = {
  problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
  optimizer: { kind: "gd", lr: 0.1 },
  steps: 300,
  record: { perDecade: 2, everyMs: 0 },
};

Deno.test("sweep() runs one run per value, with distinct ids, each equal to its single run", async () => {
  const lrs = [0.01, 0.03, 0.05];
  const all = await lastValueFrom(sweep(spec, "optimizer.lr", lrs, { runId: "sw" }).pipe(toArray()));
  const finals = all.filter((s) => s.status === "done");
  assert.deepEqual(finals.map((s) => s.run).sort(), ["sw-0", "sw-1", "sw-2"]);
  for (const f of finals) {
    const i = Number(f.run.slice(3));
    assert.deepEqual(f.sweep, { path: "optimizer.lr", value: lrs[i] });
    const single = await lastValueFrom(
      train({ ...spec, optimizer: { kind: "gd", lr: lrs[i] } }).pipe(filter((s) => s.status === "done")),
    );
    assert.deepEqual(f.predictor.data, single.predictor.data);
  }
  // Each run's snapshots arrive in step order.
  for (const id of ["sw-0", "sw-1", "sw-2"]) {
    const steps = all.filter((s) => s.run === id).map((s) => s.step);
    assert.ok(steps.every((t, k) => k === 0 || t > steps[k - 1]!));
  }
});

Deno.test("sweepRuns() validates every value before anything runs", () => {
  assert.throws(() => sweepRuns(spec, "optimizer.lr", [0.1, -1]), SpecError, "optimizer.lr");
  assert.throws(() => sweepRuns(spec, "optimizer.lr", []), RangeError, "no values");
});

Deno.test("sweep() errors when a value makes a bad spec", async () => {
  await assert.rejects(() => lastValueFrom(sweep(spec, "steps", [10, 0])), SpecError);
});

const BASE = {
  problem: { kind: "linear-classification", data: { kind: "separable", n: 24, d: 4, seed: 3 } },
  optimizer: { kind: "gd", lr: 0.1, momentum: 0.5 },
  steps: 2_000,
  record: { perDecade: 5, everyMs: 0 },
};

Deno.test({
  name: "sweep() on WebGPU streams each of 8 batched runs as the same run trained alone",
  ignore: skipGpu,
  async fn() {
    const lrs = [0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1, 2];
    const spec = { ...BASE, backend: "webgpu" };
    const swept = await lastValueFrom(sweep(spec, "optimizer.lr", lrs, { runId: "s" }).pipe(toArray()));
    for (const [i, lr] of lrs.entries()) {
      const mine = swept.filter((s) => s.run === `s-${i}`);
      const alone = await lastValueFrom(
        train({ ...spec, optimizer: { ...BASE.optimizer, lr } }).pipe(
          filter((s) => s.trigger !== "heartbeat"),
          toArray(),
        ),
      );
      assert.deepEqual(mine.map((s) => s.step), alone.map((s) => s.step), `lr ${lr}: steps`);
      assert.equal(mine.at(-1)!.status, "done");
      assert.deepEqual(mine.at(-1)!.sweep, { path: "optimizer.lr", value: lr });
      assert.deepEqual(
        Array.from(mine.at(-1)!.predictor.data),
        Array.from(alone.at(-1)!.predictor.data),
        `lr ${lr}: predictor`,
      );
    }
    (await sharedGpu()).device.destroy();
  },
});
