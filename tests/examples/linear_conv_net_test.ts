import assert from "node:assert/strict";
import { runExample } from "./_run_example.ts";

Deno.test("examples/linear_conv_net.ts prints the conv net's spectrum concentrating on k* = 2", async () => {
  const { code, stdout, stderr } = await runExample("linear_conv_net.ts", ["1000"]);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /peaks at k\* = 2; x itself has 63\.5% there/);
  const last = stdout.trim().split("\n").at(-1)!.split("|").map((part) => part.trim().split(/\s+/).map(Number));
  assert.equal(last[0]![0], 1000);
  assert.ok(last[1]![0]! > 0.99, `conv share ${last[1]![0]}`);
  assert.ok(last[2]![1]! > 0.999, `fully connected cos(β, x) ${last[2]![1]}`);
});
