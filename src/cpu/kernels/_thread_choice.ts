/** Which of one or two threads a kernel uses, call by call. */
export interface ThreadChoice {
  /** Whether the next call, of `work` multiply-adds in all, should use two threads. */
  useTwo(work: number): boolean;
  /** Records that a call on one or two threads took `ms` for `steps` steps. */
  record(two: boolean, steps: number, ms: number): void;
}

/** Options of {@link createThreadChoice}. */
export interface ThreadChoiceOptions {
  /** `1` or `2` threads always, or `auto`: whichever has been faster lately, for calls of `minWork` or more. */
  threads: 1 | 2 | "auto";
  /** Calls of less work than this run on one thread (waking the helper costs tens of µs). */
  minWork: number;
}

/**
 * The policy behind a kernel's `threads: "auto"`: two threads pay only when
 * the second core is free (on a loaded machine the helper thread waits for
 * it), so the choice follows measurements. Both are measured first; then the
 * faster one runs, and every `probe`-th call the other is measured again —
 * every 8th call, doubling up to every 64th while it keeps losing.
 *
 * @param options The mode and the smallest call worth two threads.
 * @returns The policy.
 *
 * @example Usage
 * ```ts
 * import { createThreadChoice } from "./_thread_choice.ts";
 * import assert from "node:assert/strict";
 *
 * const choice = createThreadChoice({ threads: "auto", minWork: 1e6 });
 * assert.equal(choice.useTwo(1e3), false); // too small to be worth it
 * assert.equal(choice.useTwo(1e7), true); // not measured yet
 * choice.record(true, 100, 30);
 * assert.equal(choice.useTwo(1e7), false); // one thread not measured yet
 * choice.record(false, 100, 50);
 * assert.equal(choice.useTwo(1e7), true); // two were faster
 * ```
 */
export function createThreadChoice(options: ThreadChoiceOptions): ThreadChoice {
  const perStep: [number, number] = [NaN, NaN]; // ms per step on one, two threads
  let probe = 8; // calls between probes of the slower count
  let untilProbe = probe;
  let probing = false;

  return {
    useTwo(work: number): boolean {
      probing = false;
      if (options.threads !== "auto") return options.threads === 2;
      if (work < options.minWork) return false;
      if (Number.isNaN(perStep[1])) return true;
      if (Number.isNaN(perStep[0])) return false;
      const twoFaster = perStep[1] < perStep[0];
      if (--untilProbe > 0) return twoFaster;
      probing = true;
      return !twoFaster;
    },
    record(two: boolean, steps: number, ms: number): void {
      if (steps <= 0 || !(ms >= 0)) return;
      const i = two ? 1 : 0;
      const sample = ms / steps;
      const before = perStep[1]! < perStep[0]!;
      perStep[i] = Number.isNaN(perStep[i]!) ? sample : (perStep[i]! + sample) / 2;
      if (!probing) return;
      const after = perStep[1]! < perStep[0]!;
      probe = before === after ? Math.min(probe * 2, 64) : 8;
      untilProbe = probe;
    },
  };
}
