import assert from "node:assert/strict";
import { TestScheduler } from "rxjs/testing";
import { metric } from "../../src/operators/metric.ts";
import { snapshotOf } from "./_snapshot.ts";

function scheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => assert.deepStrictEqual(actual, expected));
}

Deno.test("metric() adds its value to every snapshot without changing timing (marbles)", () => {
  const a = snapshotOf([1, 2]), b = snapshotOf([3, 4], { step: 2 });
  scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
    const src = cold("-a--b-|", { a, b });
    const out = src.pipe(metric("first", (s) => s.predictor.data[0]!));
    expectObservable(out).toBe("-x--y-|", {
      x: { ...a, metrics: { first: 1 } },
      y: { ...b, metrics: { first: 3 } },
    });
    expectSubscriptions(src.subscriptions).toBe("^-----!");
  });
});

Deno.test("metric() passes errors through (marbles)", () => {
  const a = snapshotOf([1]);
  scheduler().run(({ cold, expectObservable }) => {
    expectObservable(cold("a-#", { a }).pipe(metric("m", () => 7))).toBe("x-#", {
      x: { ...a, metrics: { m: 7 } },
    });
  });
});

Deno.test("metric() keeps earlier metrics and leaves the input snapshot unchanged", () => {
  const s = snapshotOf([1], { metrics: { loss: 2 } });
  let out: unknown;
  scheduler().run(({ cold }) => {
    cold("a|", { a: s }).pipe(metric("m", () => 5)).subscribe((v) => out = v);
  });
  assert.deepEqual((out as { metrics: unknown }).metrics, { loss: 2, m: 5 });
  assert.deepEqual(s.metrics, { loss: 2 });
});

Deno.test("metric() rejects names that would not survive as JSON keys in the UI", () => {
  assert.throws(() => metric("", () => 0), TypeError, "Cannot define a metric named");
  assert.throws(() => metric("a b", () => 0), TypeError);
});
