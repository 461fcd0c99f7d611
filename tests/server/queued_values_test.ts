import assert from "node:assert/strict";
import { Subject } from "rxjs";
import { queuedValues } from "../../src/server/_queued_values.ts";

Deno.test("queuedValues() queues values for a slower reader, in order, and ends when the source completes", async () => {
  const source = new Subject<number>();
  const queued = queuedValues(source, 10);
  for (let i = 0; i < 5; i++) source.next(i);
  assert.deepEqual(queued.pending, [0, 1, 2, 3, 4]);
  setTimeout(() => {
    source.next(5);
    source.complete();
  }, 10);
  assert.deepEqual(await Array.fromAsync(queued), [0, 1, 2, 3, 4, 5]);
  assert.equal(source.observed, false);
});

Deno.test("queuedValues() drops a reader that falls more than max values behind, and unsubscribes", async () => {
  const source = new Subject<number>();
  const queued = queuedValues(source, 10);
  for (let i = 0; i < 11; i++) source.next(i);
  assert.equal(source.observed, false, "unsubscribed at once: memory stays bounded");
  await assert.rejects(Array.fromAsync(queued), /fell more than 10 events behind/);
});

Deno.test("queuedValues().close() ends a waiting reader and unsubscribes", async () => {
  const source = new Subject<number>();
  const queued = queuedValues(source, 10);
  setTimeout(() => queued.close(), 10);
  assert.deepEqual(await Array.fromAsync(queued), []);
  assert.equal(source.observed, false);
});
