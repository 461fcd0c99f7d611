import assert from "node:assert/strict";
import { runRow } from "../../src/viewer/run_row.ts";
import { sortFilterRows } from "../../src/viewer/sort_filter_rows.ts";

const summary = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  name: "soudry-fig1",
  status: "done",
  step: 10,
  steps: 10,
  started: `2026-12-07T10:00:0${id.length}Z`,
  metrics: { loss: 0.5 },
  ...over,
});

Deno.test("runRow() takes settings from the spec, names sweep runs by value, and is empty until the spec is known", () => {
  const spec = { problem: { kind: "linear-classification" }, optimizer: { kind: "adam", lr: 1e-3 } };
  const row = runRow(summary("a", { sweep: { path: "optimizer.lr", value: 1e-3 }, step: 4 }), spec);
  assert.equal(row.name, "soudry-fig1 · lr = 0.001");
  assert.deepEqual([row.kind, row.optimizer, row.lr, row.progress], ["linear-classification", "adam", 1e-3, 0.4]);
  assert.equal(row.loss, 0.5);
  assert.ok(Number.isNaN(row.angle_gap));
  const bare = runRow(summary("b"), undefined);
  assert.deepEqual([bare.kind, bare.optimizer, bare.name], ["", "", "soudry-fig1"]);
  assert.ok(Number.isNaN(bare.lr));
});

Deno.test("sortFilterRows() sorts numbers with NaN last both ways, text by locale, and filters by words or column=value", () => {
  const gd = { problem: { kind: "linear-classification" }, optimizer: { kind: "gd", lr: 0.1 } };
  const adam = { problem: { kind: "matrix-sensing" }, optimizer: { kind: "adam", lr: 0.01 } };
  const rows = [
    runRow(summary("a"), gd),
    runRow(summary("bb", { status: "running" }), adam),
    runRow(summary("ccc"), undefined),
  ];
  const ids = (sort: "lr" | "optimizer", dir: "asc" | "desc", filter = "") =>
    sortFilterRows(rows, { sort, dir, filter }).map((r) => r.id);
  assert.deepEqual(ids("lr", "asc"), ["bb", "a", "ccc"]);
  assert.deepEqual(ids("lr", "desc"), ["a", "bb", "ccc"]);
  assert.deepEqual(ids("optimizer", "asc"), ["ccc", "bb", "a"]);
  assert.deepEqual(ids("lr", "asc", "status=running"), ["bb"]);
  assert.deepEqual(ids("lr", "asc", "MATRIX adam"), ["bb"]);
  assert.deepEqual(ids("lr", "asc", "optimizer=gd"), ["a"]);
  assert.deepEqual(ids("lr", "asc", "nosuch=1"), []);
});

Deno.test("runRow() shows an external run's config, fills optimizer and lr from it, and lets the filter match it", () => {
  const row = runRow(
    {
      id: "x",
      name: "my-run",
      status: "running",
      step: 3,
      steps: 10,
      started: "2026-01-01T00:00:00Z",
      metrics: {},
      external: { config: { optimizer: "sgd", lr: 0.5, arch: "mlp-2x64" } },
    },
    { problem: { kind: "linear-classification" }, optimizer: { kind: "gd", lr: 0.1 } },
  );
  assert.equal(row.config, "optimizer=sgd · lr=0.5 · arch=mlp-2x64");
  assert.deepEqual([row.optimizer, row.lr], ["sgd", 0.5]);
  assert.ok(row.search.includes("arch=mlp-2x64"));
  const internal = runRow({ ...row, metrics: {}, external: undefined, name: "a", step: 0, steps: 1 }, undefined);
  assert.equal(internal.config, "");
});
