/**
 * Keeps the steps an internal run records: step 0, the first step at or past
 * each `round(10^(k/perDecade))`, and a heartbeat when `everyMs` passed since
 * the last kept step (0: none). The Python client's `LogThinner` is the same.
 */
export class LogThinner {
  #k = 0;
  #next = 1;
  #last: number | null = null;

  /**
   * @param perDecade Log-spaced steps per decade (null: keep every step).
   * @param everyMs Heartbeat period in ms (0: off).
   */
  constructor(readonly perDecade: number | null, readonly everyMs: number) {
    if (perDecade !== null && !(Number.isInteger(perDecade) && perDecade >= 1)) {
      throw new RangeError(`Expected perDecade to be a positive integer or null but found ${perDecade}`);
    }
    if (!(everyMs >= 0)) throw new RangeError(`Expected everyMs to be ≥ 0 but found ${everyMs}`);
  }

  /** The trigger if `step` is kept, else null. */
  keep(step: number, nowMs: number): "schedule" | "heartbeat" | null {
    let trigger: "schedule" | "heartbeat" | null = null;
    if (this.perDecade === null || (step === 0 && this.#last === null)) trigger = "schedule";
    else if (step >= this.#next) {
      trigger = "schedule";
      while (this.#next <= step) this.#next = Math.round(10 ** (++this.#k / this.perDecade));
    } else if (this.everyMs > 0 && this.#last !== null && nowMs - this.#last >= this.everyMs) trigger = "heartbeat";
    if (trigger !== null) this.#last = nowMs;
    return trigger;
  }
}
