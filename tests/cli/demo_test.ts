import assert from "node:assert/strict";

Deno.test("`deno task demo` serves the viewer, starts soudry-fig1 and prints the URL of its run", async () => {
  const runs = await Deno.makeTempDir();
  const script = new URL("../../src/cli/demo.ts", import.meta.url).pathname;
  // The demo's own --steps (10⁹) is overridden by the later one, as `deno task demo --steps N` would.
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", script, "--port", "0", "--runs", runs, "--steps", "200000"],
    stdout: "piped",
    stderr: "null",
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
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get("content-type") ?? "", /text\/html/);
    await page.body?.cancel();
    const id = url.hash.replace(/^#\/run\//, "");
    const { runs: list } = await (await fetch(new URL("api/runs", url))).json();
    const run = list.find((r: { id: string }) => r.id === id);
    assert.ok(run, `the printed run ${id} is listed`);
    assert.equal(run.name, "soudry-fig1");
    assert.equal(run.steps, 200000);
  } finally {
    reader.releaseLock();
    await child.stdout.cancel().catch(() => {});
    child.kill("SIGINT");
    await child.status;
    await Deno.remove(runs, { recursive: true });
  }
});
