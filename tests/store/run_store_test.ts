import assert from "node:assert/strict";
import { join } from "node:path";
import { lastValueFrom, toArray } from "rxjs";
import { createRunStore, parseEvents } from "../../src/store/run_store.ts";
import type { SnapshotRecord } from "../../src/store/snapshot_record.ts";
import type { FinalRecord } from "../../src/store/final_record.ts";

function record(step: number): SnapshotRecord {
  return {
    type: "snapshot",
    run: "r",
    step,
    wall: step / 10,
    status: "running",
    trigger: "schedule",
    metrics: { loss: 1 / (step + 1) },
  };
}

const final: FinalRecord = {
  type: "final",
  run: "r",
  status: "done",
  step: 2,
  wall: 0.2,
  metrics: {},
  predictor: { shape: [1], data: [1] },
  reference: null,
  reference_error: "none",
};

Deno.test("createRunStore() writes spec, events and final, and reads them back", async () => {
  const dir = await Deno.makeTempDir();
  const store = createRunStore(join(dir, "runs"));
  assert.deepEqual(store.ids(), []);
  const w = store.create("r", { steps: 2 });
  for (const s of [0, 1, 2]) w.append(record(s));
  w.finish(final);
  assert.deepEqual(store.ids(), ["r"]);
  const run = store.read("r");
  assert.deepEqual(run.spec, { steps: 2 });
  assert.deepEqual(run.events.map((e) => e.step), [0, 1, 2]);
  assert.deepEqual(run.final, final);
  assert.deepEqual(
    (await lastValueFrom(store.replay("r").pipe(toArray()))).map((e) => e.step),
    [0, 1, 2],
  );
  assert.deepEqual([...Deno.readDirSync(join(dir, "runs", "r"))].map((e) => e.name).sort(), [
    "events.ndjson",
    "final.json",
    "spec.json",
  ]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("createRunStore() ignores a torn last line and reads an unfinished run", async () => {
  const dir = await Deno.makeTempDir();
  const store = createRunStore(dir);
  const w = store.create("r", {});
  w.append(record(0));
  w.append(record(1));
  w.close();
  await Deno.writeTextFile(join(dir, "r", "events.ndjson"), '{"type":"snapshot","step":2,"met', { append: true });
  const run = store.read("r");
  assert.deepEqual(run.events.map((e) => e.step), [0, 1]);
  assert.equal(run.final, null);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("createRunStore() never reuses an id and rejects ids that escape the directory", async () => {
  const dir = await Deno.makeTempDir();
  const store = createRunStore(dir);
  store.create("a", {}).close();
  assert.throws(() => store.create("a", {}), Deno.errors.AlreadyExists);
  for (const bad of ["../x", ".hidden", "a/b", ""]) assert.throws(() => store.create(bad, {}), TypeError);
  const w = store.create("b", {});
  w.close();
  assert.throws(() => w.append(record(0)), Error, "closed");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("parseEvents() keeps complete lines and skips a corrupt one", () => {
  const text = '{"step":0}\n{corrupt\n{"step":2}\n{"step":3';
  assert.deepEqual(parseEvents(text).map((e) => e.step), [0, 2]);
  assert.deepEqual(parseEvents(""), []);
});

Deno.test("createRunStore().events() streams records after a step, skipping torn, corrupt and non-record lines", async () => {
  const store = createRunStore(await Deno.makeTempDir());
  const w = store.create("r", {});
  for (const s of [0, 1, 2, 3]) w.append(record(s));
  w.close();
  const path = join(store.dir, "r", "events.ndjson");
  const text = Deno.readTextFileSync(path).split("\n");
  Deno.writeTextFileSync(
    path,
    [text[0], "null", "{corrupt", text[1], "42", text[2], text[3]].join("\n") + '\n{"type":"sn',
  );
  const steps = async (after?: number) => {
    const out: number[] = [];
    for await (const r of store.events("r", after === undefined ? {} : { after })) out.push(r.step);
    return out;
  };
  assert.deepEqual(await steps(), [0, 1, 2, 3]);
  assert.deepEqual(await steps(1), [2, 3]);
  assert.deepEqual(await steps(3), []);
  assert.deepEqual(store.read("r").events.map((e) => e.step), [0, 1, 2, 3]);
  const empty = store.create("e", {});
  empty.close();
  Deno.removeSync(join(store.dir, "e", "events.ndjson"));
  assert.deepEqual(await Array.fromAsync(store.events("e")), []);
});

Deno.test("createRunStore().summary() reads the last record from the file's end and names a corrupt file", async () => {
  const store = createRunStore(await Deno.makeTempDir());
  const w = store.create("r", { steps: 9000 });
  for (let s = 0; s < 9000; s++) w.append(record(s)); // > 64 KiB: only the end is read
  w.close();
  Deno.writeTextFileSync(join(store.dir, "r", "events.ndjson"), "null\n{torn", { append: true });
  const s = store.summary("r")!;
  assert.equal(s.last!.step, 8999);
  assert.equal(s.final, null);
  assert.equal(s.problem, undefined);
  assert.ok(Number.isFinite(Date.parse(s.started)));

  store.create("f", {}).finish(final);
  assert.equal(store.summary("f")!.final!.status, "done");
  Deno.writeTextFileSync(join(store.dir, "f", "final.json"), "{\u0001 garbage");
  assert.match(store.summary("f")!.problem!, /^final\.json is not valid JSON/);
  store.create("s", {}).end({ status: "failed", step: 3, message: "Boom" });
  assert.deepEqual(store.summary("s")!.end, { status: "failed", step: 3, message: "Boom" });
  Deno.writeTextFileSync(join(store.dir, "s", "status.json"), "null");
  assert.match(store.summary("s")!.problem!, /^status\.json is not a status record/);
  Deno.writeTextFileSync(join(store.dir, "s", "spec.json"), "[1,");
  assert.match(store.summary("s")!.problem!, /spec\.json is not valid JSON/);
  Deno.mkdirSync(join(store.dir, "not-a-run"));
  assert.equal(store.summary("not-a-run"), null);
});
