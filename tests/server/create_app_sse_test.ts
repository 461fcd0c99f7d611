import assert from "node:assert/strict";
import { startServer } from "../../src/server/start_server.ts";
import { readSse, slowSpec, snapshotSteps, type SseMessage, waitFor } from "./_sse.ts";

async function withServer(
  fn: (base: string, server: Awaited<ReturnType<typeof startServer>>) => Promise<void>,
  heartbeatMs = 15_000,
): Promise<void> {
  const server = await startServer({
    port: 0,
    runsDir: await Deno.makeTempDir(),
    viewer: false,
    heartbeatMs,
    limits: { maxConcurrentRuns: 1 },
  });
  try {
    await fn(server.url, server);
  } finally {
    await server.close();
  }
}

async function startRun(base: string, spec: unknown): Promise<string> {
  const res = await fetch(new URL("api/runs", base), {
    method: "POST",
    body: JSON.stringify(spec),
    headers: { "Content-Type": "application/json" },
  });
  assert.equal(res.status, 201);
  return (await res.json()).id;
}

function ended(messages: SseMessage[]): boolean {
  return messages.some((m) => m.event === "status" && !["queued", "running"].includes(JSON.parse(m.data).status));
}

async function storedSteps(base: string, id: string): Promise<number[]> {
  const text = await (await fetch(new URL(`api/runs/${id}/export?format=ndjson`, base))).text();
  const steps: number[] = [];
  for (const line of text.trim().split("\n")) {
    const step = JSON.parse(line).step;
    if (steps.length === 0 || step > steps.at(-1)!) steps.push(step); // a stop repeats the last step
  }
  return steps;
}

function assertIncreasing(steps: number[]): void {
  for (let i = 1; i < steps.length; i++) assert.ok(steps[i]! > steps[i - 1]!, `steps increase at ${i}: ${steps}`);
}

Deno.test("`GET /api/runs/:id/events` sends the history, then live events in order, then the final status", async () => {
  await withServer(async (base, server) => {
    const id = await startRun(base, slowSpec(20_000, 50));
    await waitFor(() => server.runner.summary(id)!.step >= 1000, 20_000, "some history");
    const res = await fetch(new URL(`api/runs/${id}/events`, base));
    assert.equal(res.headers.get("content-type"), "text/event-stream");
    assert.equal(res.headers.get("cache-control"), "no-cache");
    const { messages, ended: closedByServer } = await readSse(res);
    assert.ok(closedByServer, "the server ends the stream after the final status");
    const steps = snapshotSteps(messages);
    assert.equal(steps[0], 0);
    assertIncreasing(steps);
    assert.deepEqual(steps, await storedSteps(base, id));
    const statuses = messages.filter((m) => m.event === "status").map((m) => JSON.parse(m.data));
    assert.equal(statuses[0].status, "running");
    assert.deepEqual(statuses.at(-1), { status: "done", step: 20_000 });
    assert.equal(messages.at(-1)!.event, "status");
    for (const m of messages.filter((m) => m.event === "snapshot")) {
      const record = JSON.parse(m.data);
      assert.equal(String(record.step), m.id);
      assert.equal(record.run, id);
      assert.ok(Number.isFinite(record.metrics.loss));
    }
  });
});

Deno.test("`GET /api/runs/:id/events` resumes after Last-Event-ID with no gap and no duplicate", async () => {
  await withServer(async (base, server) => {
    const id = await startRun(base, slowSpec(20_000, 20));
    await waitFor(() => server.runner.summary(id)!.step >= 100, 20_000, "the run to start");
    const received: number[] = [];
    let reconnects = 0;
    // Drop the connection after every few events, live, and reconnect from the last id.
    while (true) {
      const headers: Record<string, string> = received.length ? { "Last-Event-ID": String(received.at(-1)) } : {};
      const res = await fetch(new URL(`api/runs/${id}/events`, base), { headers });
      const take = 3 + (reconnects % 4);
      const { messages } = await readSse(res, (ms) => snapshotSteps(ms).length >= take || ended(ms));
      received.push(...snapshotSteps(messages));
      if (ended(messages)) break;
      reconnects++;
    }
    assert.ok(reconnects >= 5, `reconnected ${reconnects} times`);
    assertIncreasing(received);
    assert.deepEqual(received, await storedSteps(base, id));

    // A finished run resumes too, from any id.
    const full = await storedSteps(base, id);
    const mid = full[Math.floor(full.length / 2)]!;
    const tail = await readSse(await fetch(new URL(`api/runs/${id}/events?lastEventId=${mid}`, base)));
    assert.deepEqual(snapshotSteps(tail.messages), full.filter((s) => s > mid));
  });
});

Deno.test("`GET /api/runs/:id/events` gives each of 50 concurrent clients every event", async () => {
  await withServer(async (base, server) => {
    const id = await startRun(base, slowSpec(15_000, 50));
    const clients: Promise<number[]>[] = [];
    for (let i = 0; i < 50; i++) {
      clients.push(
        fetch(new URL(`api/runs/${id}/events`, base)).then((res) => readSse(res)).then((r) =>
          snapshotSteps(r.messages)
        ),
      );
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 100)); // join at different times
    }
    const all = await Promise.all(clients);
    const stored = await storedSteps(base, id);
    assert.ok(stored.length > 50, `${stored.length} events`);
    for (const [i, steps] of all.entries()) assert.deepEqual(steps, stored, `client ${i}`);
    await waitFor(() => server.runner.subscriptions === 0, 5000, "every subscription to end");
  });
});

Deno.test("`GET /api/runs/:id/events` frees the subscription when the client disconnects", async () => {
  await withServer(async (base, server) => {
    const id = await startRun(base, slowSpec(10_000_000, 50));
    const controllers = Array.from({ length: 5 }, () => new AbortController());
    const streams = await Promise.all(
      controllers.map((c) => fetch(new URL(`api/runs/${id}/events`, base), { signal: c.signal })),
    );
    await Promise.all(streams.map((res) => readSse(res, (ms) => snapshotSteps(ms).length >= 2).catch(() => null)));
    // readSse cancelled each body: the server must drop those subscriptions
    await waitFor(() => server.runner.subscriptions === 0, 5000, "subscriptions to be dropped after cancel");
    const more = await Promise.all(
      controllers.map((c) => fetch(new URL(`api/runs/${id}/events`, base), { signal: c.signal })),
    );
    await waitFor(() => server.runner.subscriptions === 5, 5000, "five new subscriptions");
    for (const c of controllers) c.abort();
    await Promise.all(more.map((r) => r.body?.cancel().catch(() => {})));
    await waitFor(() => server.runner.subscriptions === 0, 5000, "subscriptions to be dropped after abort");
    server.runner.stop(id);
  });
});

Deno.test("`GET /api/runs/:id/events` sends heartbeats on an idle stream and announces queued → running", async () => {
  await withServer(async (base, server) => {
    const busy = await startRun(base, slowSpec(10_000_000, 1000));
    const waiting = await startRun(base, slowSpec(200, 0));
    assert.equal(server.runner.summary(waiting)!.status, "queued");
    const res = await fetch(new URL(`api/runs/${waiting}/events`, base));
    let stopped = false;
    const read = readSse(res, (ms) => {
      if (!stopped && ms.some((m) => m.event === "status")) {
        stopped = true;
        setTimeout(() => server.runner.stop(busy), 300); // let a few heartbeats pass first
      }
      return ended(ms);
    });
    const { messages, comments } = await read;
    assert.ok(comments >= 3, `${comments} heartbeats`);
    const statuses = messages.filter((m) => m.event === "status").map((m) => JSON.parse(m.data).status);
    assert.deepEqual(statuses, ["queued", "running", "done"]);
    assert.deepEqual(snapshotSteps(messages), await storedSteps(base, waiting));
  }, 50);
});
