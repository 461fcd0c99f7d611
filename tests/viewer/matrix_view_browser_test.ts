/// <reference lib="dom" />
import assert from "node:assert/strict";
import { join } from "node:path";
import { runCommand } from "../../src/cli/run_command.ts";
import { startServer } from "../../src/server/start_server.ts";
import { referenceSpectrum } from "../../src/viewer/reference_spectrum.ts";
import { launchChromium, SKIP_BROWSER } from "../_chromium.ts";

const ARTIFACTS = new URL("../../test-artifacts/", import.meta.url);
const quiet = { stdout() {}, stderr() {}, stderrIsTerminal: false };

Deno.test({
  name:
    "matrix view: one spectrum chart on a sequential ramp with a colour bar, X̄'s spectrum, σₖ charts folded, symlog ticks on both sides of 0",
  ignore: SKIP_BROWSER,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const runsDir = await Deno.makeTempDir();
    const args = ["matrix-sensing", "--steps", "300", "--backend", "cpu", "--quiet", "--out", runsDir];
    assert.equal(await runCommand(args, { io: quiet }), 0);
    const [id] = [...Deno.readDirSync(runsDir)].map((e) => e.name);
    const final = JSON.parse(Deno.readTextFileSync(join(runsDir, id!, "final.json")));
    const rank = referenceSpectrum(final.reference)!.length;
    assert.ok(rank >= 1 && rank < 16, `X̄ has rank ${rank}`);
    const browser = await launchChromium();
    const server = await startServer({ port: 0, runsDir });
    try {
      const page = await browser.newPage({ viewport: { width: 1480, height: 1100 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${server.url}#/run/${id}`);
      const spectrum = page.locator('figure[data-view="spectrum"]');
      await spectrum.locator("path.line").first().waitFor();
      await page.waitForFunction(() =>
        document.querySelectorAll('figure[data-view="spectrum"] path.line').length === 16
      );
      const colors = await spectrum.locator("path.line").evaluateAll((ps) => ps.map((p) => p.getAttribute("stroke")));
      assert.equal(new Set(colors).size, 16, "one colour per σₖ");
      assert.equal(await spectrum.locator(".color-bar rect").count(), 16);
      assert.deepEqual(
        await spectrum.locator(".color-bar text").allTextContents(),
        ["index", "σ₁", "σ₁₆"],
      );
      // X̄'s nonzero singular values as flat dashed lines, in the colours of the run's σₖ.
      await page.waitForFunction(
        (r) => document.querySelectorAll('figure[data-view="spectrum"] path.theory').length === r,
        rank,
      );
      assert.match(await spectrum.locator(".theory-legend text").first().textContent() ?? "", /σₖ\(X̄\)/);
      // σₖ charts exist but are folded behind a toggle.
      const fold = page.locator("details.sv-multiples");
      assert.match(await fold.locator("summary").innerText(), /σₖ one chart each \(16\)/);
      assert.equal(await page.locator('figure[data-metric="sv_0"]').isVisible(), false);
      // The nuclear-norm gap changes sign: its symlog axis labels ticks on both sides of 0.
      const ticks = (await page.locator('figure[data-metric="nuclear_gap"] .axis.y .tick text').allTextContents())
        .map((t) => Number(t.replace("−", "-")));
      assert.ok(ticks.includes(0) && ticks.some((t) => t > 0) && ticks.some((t) => t < 0), `ticks ${ticks}`);
      await Deno.mkdir(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: new URL("viewer_matrix_spectrum.png", ARTIFACTS).pathname, fullPage: true });
      await fold.locator("summary").click();
      assert.equal(await page.locator('figure[data-metric="sv_0"]').isVisible(), true);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  },
});
