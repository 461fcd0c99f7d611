import assert from "node:assert/strict";
import { launchChromium, SKIP_BROWSER } from "../_chromium.ts";
import { parityError } from "./_parity.ts";
import type { BrowserParity } from "./_browser_engine.ts";

// The subgroup path end to end: Deno's llvmpipe has no `subgroups` feature,
// Chromium's SwiftShader adapter has (subgroups of 4), so the engine is
// bundled for a page and steps runs there against the float64 CPU engine in
// the same page: the fused driver (lr_forms' and the fold's subgroup
// reductions) and the multi-workgroup driver (the register row pass, whose
// lanes sum by shuffles when they fit a subgroup, and multi_fold).
Deno.test({
  name: "the subgroup reductions step linear models like the float64 engine (Chromium, SwiftShader subgroups)",
  ignore: SKIP_BROWSER,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir();
    const bundle = `${dir}/engine.js`;
    const built = await new Deno.Command(Deno.execPath(), {
      args: [
        "bundle",
        "--quiet",
        "--platform",
        "browser",
        "-o",
        bundle,
        new URL("./_browser_engine.ts", import.meta.url).pathname,
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(built.success, new TextDecoder().decode(built.stderr));
    // The CPU engine's optional worker helper imports node:worker_threads (never used here): a stub for the page.
    const script = (await Deno.readTextFile(bundle))
      .replaceAll('from "node:worker_threads"', 'from "data:text/javascript,export class Worker {}"');
    const browser = await launchChromium({ webgpu: true });
    const server = Deno.serve(
      { port: 0, onListen() {} },
      (req) =>
        new URL(req.url).pathname === "/engine.js"
          ? new Response(script, { headers: { "content-type": "text/javascript" } })
          : new Response('<!doctype html><script type="module" src="/engine.js"></script>', {
            headers: { "content-type": "text/html" },
          }),
    );
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => errors.push(m.text()));
      await page.goto(`http://localhost:${server.addr.port}/`);
      await page.waitForFunction(() => "biasflowParity" in globalThis, undefined, { timeout: 20_000 }).catch((e) => {
        throw new Error(`The engine bundle did not load: ${errors.join("; ") || (e as Error).message}`);
      });
      const cases = [
        // d = 8: fused (lanes of 1, the 32-slice fold as a strided sum); multi: one thread per row.
        { n: 256, d: 8, path: "fused", optimizer: { kind: "gd", lr: 0.5, momentum: 0.9 } },
        { n: 400, d: 8, path: "multi", optimizer: { kind: "gd", lr: 0.5, momentum: 0.9 } },
        // d = 40: 4 lanes per row in the fused block (a butterfly within a subgroup of 4), 8 in the row pass (a
        // subgroup sum per 4 lanes, then workgroup memory).
        { n: 300, d: 40, path: "fused", optimizer: { kind: "normalized-gd", lr: 0.05 } },
        { n: 600, d: 40, path: "multi", optimizer: { kind: "normalized-gd", lr: 0.05 } },
        { n: 600, d: 40, path: "multi", optimizer: { kind: "sgd", lr: 0.2, batch: 50, seed: 4 } },
        // d = 20: 4 lanes per row in the row pass, a butterfly of shuffles within one subgroup.
        { n: 500, d: 20, path: "multi", optimizer: { kind: "gd", lr: 0.5 } },
      ] as const;
      for (const c of cases) {
        const spec = {
          problem: {
            kind: "linear-classification",
            loss: "logistic",
            reduction: "mean",
            data: { kind: "separable", n: c.n, d: c.d, margin: 0.1, seed: 3 },
          },
          optimizer: c.optimizer,
          steps: 200,
        };
        const got = await page.evaluate(
          ({ spec, path }) =>
            (globalThis as unknown as { biasflowParity: (s: unknown, p: string, k: number) => Promise<BrowserParity> })
              .biasflowParity(spec, path, 200),
          { spec, path: c.path },
        );
        const what = `n = ${c.n}, d = ${c.d}, ${c.optimizer.kind} on ${c.path}`;
        assert.equal(got.reductions, "subgroup 4", what);
        assert.equal(got.path, c.path, what);
        const e = parityError(got.gpu, got.cpu);
        console.log(`${what}: 1 − cos ${e.cosGap.toExponential(1)}, norm error ${e.normError.toExponential(1)}`);
        assert.ok(e.cosGap <= 1e-8, `${what}: 1 − cos = ${e.cosGap}`);
        assert.ok(e.normError <= 1e-5, `${what}: relative norm error = ${e.normError}`);
        assert.ok(Math.abs(got.loss[0] - got.loss[1]) <= 1e-4 * got.loss[1], `${what}: loss ${got.loss}`);
      }
    } finally {
      await browser.close();
      await server.shutdown();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
