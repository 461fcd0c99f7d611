import assert from "node:assert/strict";
import { applySetArgs } from "../../src/cli/apply_set_args.ts";
import { SpecError } from "../../src/spec/spec_error.ts";

Deno.test("applySetArgs() parses values as JSON, else keeps the string, and leaves the input alone", () => {
  const spec = { optimizer: { kind: "gd", lr: 0.1 }, steps: 10 };
  const out = applySetArgs(spec, [
    "optimizer.lr=1e-3",
    "optimizer.kind=adam",
    'init={"kind":"zeros"}',
    "record.perDecade=40",
    "name=a=b",
    "flag=true",
    "list=[1,2]",
  ]);
  assert.deepEqual(out, {
    optimizer: { kind: "adam", lr: 1e-3 },
    steps: 10,
    init: { kind: "zeros" },
    record: { perDecade: 40 },
    name: "a=b",
    flag: true,
    list: [1, 2],
  });
  assert.equal(spec.optimizer.lr, 0.1);
});

Deno.test("applySetArgs() refuses a setting without = or with a bad path, naming it", () => {
  assert.throws(
    () => applySetArgs({}, ["steps"]),
    (e) => e instanceof SpecError && /--set.*saw "steps"/.test(e.message),
  );
  assert.throws(() => applySetArgs({}, ["=3"]), SpecError);
  assert.throws(
    () => applySetArgs({ steps: 3 }, ["steps.x=1"]),
    (e) => e instanceof SpecError && /steps is 3, not an object/.test(e.message),
  );
});
