import { setImmediate } from "node:timers";

/** Resolves on the next macrotask, letting timers, I/O and unsubscribes run (no 4 ms clamp). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
