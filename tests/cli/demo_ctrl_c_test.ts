import assert from "node:assert/strict";
import { join } from "node:path";

Deno.test("Ctrl-C on `deno task demo` stops its run: stored as `stopped` with a final record, not `interrupted`", async () => {
  const runs = await Deno.makeTempDir();
  const script = new URL("../../src/cli/demo.ts", import.meta.url).pathname;
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", script, "--port", "0", "--runs", runs, "--no-viewer"],
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  try {
    while (!/open (http:\S+)/.test(text)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`The demo exited before printing a URL: ${text}`);
      text += value;
    }
    const url = new URL(text.match(/open (http:\S+)/)![1]!);
    const id = url.hash.replace(/^#\/run\//, "");
    // Wait until it computes, then Ctrl-C.
    for (let i = 0; i < 200; i++) {
      const run = await (await fetch(new URL(`api/runs/${id}`, url))).json();
      if (run.step > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    reader.releaseLock();
    await child.stdout.cancel().catch(() => {});
    child.kill("SIGINT");
    const [status, stderr] = await Promise.all([child.status, new Response(child.stderr).text()]);
    assert.equal(status.code, 0, `exit ${status.code}, stderr: ${stderr}`);
    assert.match(stderr, /^stopped 1 run$/m);
    const final = JSON.parse(Deno.readTextFileSync(join(runs, id, "final.json")));
    assert.equal(final.status, "stopped", JSON.stringify({ ...final, predictor: undefined, reference: undefined }));
    assert.ok(final.step > 0 && final.step < 1e9);
  } finally {
    try {
      child.kill("SIGKILL");
    } catch { /* already ended */ }
    await Deno.remove(runs, { recursive: true });
  }
});
