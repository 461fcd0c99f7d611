import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

Deno.test("a script in a folder outside the checkout runs with --config <checkout>/deno.json, offline (--cached-only)", async () => {
  const dir = await Deno.makeTempDir({ prefix: "biasflow-user-" });
  try {
    // The one documented step: run with the checkout's config, whose imports and node_modules then serve the script
    // (nothing is fetched). The script imports the package by name, and its dependencies (rxjs) by their bare names.
    Deno.writeTextFileSync(
      join(dir, "main.ts"),
      `import { analyze, presetSpec, train } from "@biasflow/biasflow";
import { renderFigure } from "@biasflow/biasflow/plot";
import { lastValueFrom } from "rxjs";

const spec = { ...presetSpec("soudry-fig1"), steps: 10_000, backend: "cpu", record: { perDecade: 2, everyMs: 0 } };
const last = await lastValueFrom(train(spec).pipe(analyze(spec)));
console.log(JSON.stringify({ status: last.status, step: last.step, cos: last.metrics.cos_ref, plot: typeof renderFigure }));
`,
    );
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--cached-only", "--config", join(ROOT, "deno.json"), "main.ts"],
      cwd: dir,
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 0, stderr);
    const result = JSON.parse(new TextDecoder().decode(out.stdout).trim().split("\n").at(-1)!);
    assert.equal(result.status, "done");
    assert.equal(result.step, 10_000);
    assert.ok(result.cos > 0.9999, `cos ${result.cos}`);
    assert.equal(result.plot, "function");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
