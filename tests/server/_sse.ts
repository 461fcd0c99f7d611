/** One Server-Sent Event as parsed from the wire. */
export interface SseMessage {
  event: string;
  id?: string;
  data: string;
}

/** Parses SSE text into messages; comment lines (heartbeats) are counted, not returned. */
export function parseSse(text: string): { messages: SseMessage[]; comments: number } {
  const messages: SseMessage[] = [];
  let comments = 0;
  for (const block of text.split("\n\n")) {
    if (block.trim() === "") continue;
    let event = "message", id: string | undefined;
    const data: string[] = [];
    let hasField = false;
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) comments++;
      else if (line.startsWith("event: ")) (event = line.slice(7), hasField = true);
      else if (line.startsWith("id: ")) (id = line.slice(4), hasField = true);
      else if (line.startsWith("data: ")) (data.push(line.slice(6)), hasField = true);
    }
    if (hasField) messages.push({ event, ...(id === undefined ? {} : { id }), data: data.join("\n") });
  }
  return { messages, comments };
}

/**
 * Reads an event stream until `stop(messages)` says so or the stream ends;
 * then cancels it. Returns what was read.
 */
export async function readSse(
  res: Response,
  stop: (messages: SseMessage[]) => boolean = () => false,
): Promise<{ messages: SseMessage[]; comments: number; ended: boolean }> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  let ended = false;
  while (true) {
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    text += value;
    const complete = text.slice(0, text.lastIndexOf("\n\n") + 2);
    if (stop(parseSse(complete).messages)) break;
  }
  if (!ended) await reader.cancel();
  return { ...parseSse(text.slice(0, text.lastIndexOf("\n\n") + 2)), ended };
}

/** Steps of the snapshot messages. */
export function snapshotSteps(messages: SseMessage[]): number[] {
  return messages.filter((m) => m.event === "snapshot").map((m) => Number(m.id));
}

/** A linear-classification spec that computes for a while (bigger data, many steps). */
export function slowSpec(steps: number, everyMs = 100): Record<string, unknown> {
  return {
    name: "slow",
    problem: { kind: "linear-classification", data: { kind: "separable", n: 400, d: 20, seed: 1 } },
    optimizer: { kind: "gd", lr: 0.01 },
    steps,
    record: { perDecade: 20, everyMs },
    backend: "cpu",
  };
}

/** Waits until `cond()` holds, polling every 10 ms, failing after `ms`. */
export async function waitFor(cond: () => boolean, ms = 20_000, what = "condition"): Promise<void> {
  const t0 = performance.now();
  while (!cond()) {
    if (performance.now() - t0 > ms) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
