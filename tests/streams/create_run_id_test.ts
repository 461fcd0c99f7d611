import assert from "node:assert/strict";
import { createRunId } from "../../src/streams/create_run_id.ts";

Deno.test("createRunId() slugs the name, stamps the time and is unique", () => {
  const at = new Date("2026-01-02T03:04:05Z");
  assert.match(createRunId("My Run / α=0.1", at), /^my-run-0-1-20260102-030405-[0-9a-f]{8}$/);
  assert.match(createRunId("", at), /^run-20260102/);
  const ids = new Set(Array.from({ length: 50 }, () => createRunId("x", at)));
  assert.equal(ids.size, 50, "32 random bits: no clash in 50 ids");
});
