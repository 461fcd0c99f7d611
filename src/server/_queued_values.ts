import type { Observable } from "rxjs";

/** An Observable's values, subscribed at once and queued until read with `for await`. */
export interface QueuedValues<T> extends AsyncIterable<T> {
  /** The values received and not yet read. */
  readonly pending: readonly T[];
  /** Unsubscribes; a pending `for await` ends. */
  close(): void;
}

/**
 * Subscribes to `source` now and queues its values for an async consumer that
 * may be slower (a client reading an event stream). More than `max` unread
 * values is an error thrown from the iteration: a client that falls that far
 * behind is dropped rather than growing memory without bound.
 */
export function queuedValues<T>(source: Observable<T>, max: number): QueuedValues<T> {
  const pending: T[] = [];
  let done = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const subscription = source.subscribe({
    next(value) {
      pending.push(value);
      if (pending.length > max) {
        failure = new Error(`The client fell more than ${max} events behind`);
        subscription?.unsubscribe();
      }
      wake?.();
    },
    error(e) {
      failure = e instanceof Error ? e : new Error(String(e));
      wake?.();
    },
    complete() {
      done = true;
      wake?.();
    },
  });
  return {
    pending,
    close() {
      done = true;
      subscription.unsubscribe();
      wake?.();
    },
    async *[Symbol.asyncIterator]() {
      try {
        while (true) {
          if (failure) throw failure;
          if (pending.length > 0) {
            yield pending.shift()!;
            continue;
          }
          if (done) return;
          await new Promise<void>((resolve) => wake = resolve);
          wake = null;
        }
      } finally {
        subscription.unsubscribe();
      }
    },
  };
}
