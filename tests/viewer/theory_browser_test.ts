/// <reference lib="dom" />
import assert from "node:assert/strict";
import { runCommand } from "../../src/cli/run_command.ts";
import { startServer } from "../../src/server/start_server.ts";
import { launchChromium, SKIP_BROWSER } from "../_chromium.ts";

const ARTIFACTS = new URL("../../test-artifacts/", import.meta.url);
const quiet = { stdout() {}, stderr() {}, stderrIsTerminal: false };

Deno.test({
  name: "viewer draws the theory layer on a finished soudry-fig1 run, with legend and note, and a toggle hides it",
  ignore: SKIP_BROWSER,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const runsDir = await Deno.makeTempDir();
    const args = ["soudry-fig1", "--steps", "10000000", "--backend", "cpu", "--quiet", "--out", runsDir];
    assert.equal(await runCommand(args, { io: quiet }), 0);
    const [id] = [...Deno.readDirSync(runsDir)].map((e) => e.name);
    const browser = await launchChromium();
    const server = await startServer({ port: 0, runsDir });
    try {
      const page = await browser.newPage({ viewport: { width: 1480, height: 1100 }, acceptDownloads: true });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${server.url}#/run/${id}`);
      const norm = page.locator('figure[data-metric="norm"]');
      await norm.locator("path.theory.theorem").waitFor();
      // The ‖w‖ chart: a linear value axis by default, the theorem's line, its legend entry and the note.
      assert.equal(await norm.locator("select").inputValue(), "linear");
      assert.match(
        await norm.locator(".theory-legend text").textContent() ?? "",
        /‖ŵ‖·ln t \+ c \(theorem\), ‖ŵ‖ = 0\.7071/,
      );
      assert.match(await norm.locator("p.theory.note").innerText(), /‖ŵ‖·ln 10 = 1\.628 per decade/);
      // The theorem's line passes through the data at the last step: compare the path's last y with the line's.
      const ends = await norm.evaluate((fig) => {
        const last = (sel: string) => {
          const d = fig.querySelector(sel)!.getAttribute("d")!;
          const nums = d.match(/-?[\d.]+(e-?\d+)?/g)!.map(Number);
          return nums.at(-1)!;
        };
        return [last("path.line"), last("path.theory")];
      });
      assert.ok(Math.abs(ends[0]! - ends[1]!) < 2, `line ends at y ${ends[0]}, theory at ${ends[1]}`);
      assert.match(
        await page.locator('figure[data-metric="margin"] .theory-legend text').textContent() ?? "",
        /γ̂ = 1\.414/,
      );
      assert.match(await page.locator('figure[data-metric="loss"] .theory-legend text').textContent() ?? "", /η t/);
      const angle = page.locator('figure[data-metric="angle_gap"]');
      assert.equal(await angle.locator("path.theory.guide").count(), 1);
      assert.match(await angle.locator(".theory-legend").textContent() ?? "", /fitted guide/);
      assert.match(
        await angle.locator("p.theory.note").innerText(),
        /O\(1\/ln² t\).*log-log slope −0\.\d+ over the last decade.*parallel to ŵ/s,
      );

      await Deno.mkdir(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: new URL("viewer_theory.png", ARTIFACTS).pathname, fullPage: true });

      // Every chart downloads as SVG (theory layer kept, text as <text>, no brush) and as PNG.
      assert.equal(
        await page.locator("figure.chart").count(),
        await page.locator("figure.chart figcaption .export button.export-svg").count(),
      );
      const download = async (sel: string) => {
        const [dl] = await Promise.all([page.waitForEvent("download"), page.click(sel)]);
        return { name: dl.suggestedFilename(), bytes: await Deno.readFile((await dl.path())!) };
      };
      const svgFile = await download('figure[data-metric="norm"] button.export-svg');
      assert.equal(svgFile.name, `${id}-norm.svg`);
      const svgText = new TextDecoder().decode(svgFile.bytes);
      assert.match(svgText, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.match(svgText, /<text[^>]*class="title"[^>]*>‖w‖₂<\/text>/);
      assert.match(svgText, /class="theory line-theory theorem"/);
      assert.match(svgText, /<text[^>]*>‖ŵ‖·ln t \+ c \(theorem\)/);
      assert.doesNotMatch(svgText, /class="brush"/);
      Deno.writeFileSync(new URL("viewer_norm.svg", ARTIFACTS), svgFile.bytes);
      const pngFile = await download('figure[data-view="margins"] button.export-png');
      assert.equal(pngFile.name, `${id}-margins.png`);
      assert.deepEqual([...pngFile.bytes.slice(1, 4)], [80, 78, 71]);
      assert.ok(pngFile.bytes.length > 10_000, `${pngFile.bytes.length} bytes`);
      Deno.writeFileSync(new URL("viewer_margins.png", ARTIFACTS), pngFile.bytes);

      await page.click("button.theory-toggle");
      await page.waitForFunction(() => document.querySelectorAll("path.theory").length === 0);
      assert.equal(await page.locator("button.theory-toggle").getAttribute("aria-pressed"), "false");
      assert.equal(await angle.locator("p.theory.note").isVisible(), false);
      await page.click("button.theory-toggle");
      await norm.locator("path.theory.theorem").waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  },
});
