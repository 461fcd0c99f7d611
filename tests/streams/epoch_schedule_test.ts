import assert from "node:assert/strict";
import { lastValueFrom, toArray } from "rxjs";
import { compileRun } from "../../src/run/compile_run.ts";
import { epochSchedule } from "../../src/streams/epoch_schedule.ts";
import { train } from "../../src/streams/train.ts";

Deno.test("epochSchedule() adds every epoch's end to the log schedule", () => {
  assert.deepEqual(epochSchedule([0, 1, 3, 10, 32, 100], 25, 100), [0, 1, 3, 10, 25, 32, 50, 75, 100]);
  assert.deepEqual(epochSchedule([0, 1, 5], undefined, 5), [0, 1, 5]);
  assert.deepEqual(epochSchedule([0, 1, 5], 1, 5), [0, 1, 5]);
});

const data = { kind: "points", x: [[1], [2], [3], [4], [5]], y: [0, 1, 0, 1, 0] };

Deno.test("compileRun() turns epochs into ⌈n / batch⌉ steps each, keeping the partial last batch", () => {
  const run = compileRun({
    problem: { kind: "mlp", widths: [2], data },
    optimizer: { kind: "sgd", lr: 0.1, batch: 2 },
    epochs: 3,
  });
  assert.equal(run.stepsPerEpoch, 3);
  assert.equal(run.spec.steps, 9);
  const gd = compileRun({ problem: { kind: "mlp", widths: [2], data }, optimizer: { kind: "gd" }, epochs: 4 });
  assert.equal(gd.spec.steps, 4);
  assert.equal(gd.stepsPerEpoch, undefined);
});

Deno.test("parseSpec refuses both steps and epochs, and neither", () => {
  const base = { problem: { kind: "mlp", widths: [2], data } };
  assert.throws(() => compileRun({ ...base, steps: 3, epochs: 1 }), /at epochs: expected steps or epochs, not both/);
  assert.throws(() => compileRun(base), /at steps: expected a number of steps \(or of epochs\)/);
});

Deno.test("train() records every epoch's end of a minibatch run and reports the epoch", async () => {
  const all = await lastValueFrom(
    train({
      problem: { kind: "mlp", widths: [2], data },
      optimizer: { kind: "sgd", lr: 0.1, batch: 2 },
      epochs: 5,
      record: { perDecade: 1, everyMs: 0 },
    }).pipe(toArray()),
  );
  assert.deepEqual(all.map((s) => s.step), [0, 1, 3, 6, 9, 10, 12, 15]);
  assert.deepEqual(all.map((s) => s.metrics.epoch), [0, 1 / 3, 1, 2, 3, 10 / 3, 4, 5]);
});
