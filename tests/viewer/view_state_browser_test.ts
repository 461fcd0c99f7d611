/// <reference lib="dom" />
import assert from "node:assert/strict";
import { runCommand } from "../../src/cli/run_command.ts";
import { startServer } from "../../src/server/start_server.ts";
import { launchChromium, SKIP_BROWSER } from "../_chromium.ts";

const ARTIFACTS = new URL("../../test-artifacts/", import.meta.url);
const quiet = { stdout() {}, stderr() {}, stderrIsTerminal: false };

Deno.test({
  name:
    "viewer keeps its view state in the URL across reloads, follows dark mode, and the form shows the preset's fields",
  ignore: SKIP_BROWSER,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const runsDir = await Deno.makeTempDir();
    const args = ["soudry-fig1", "--steps", "100000", "--backend", "cpu", "--quiet", "--out", runsDir];
    assert.equal(await runCommand(args, { io: quiet }), 0);
    const [id] = [...Deno.readDirSync(runsDir)].map((e) => e.name);
    const browser = await launchChromium();
    const server = await startServer({ port: 0, runsDir });
    try {
      const page = await browser.newPage({ viewport: { width: 1480, height: 1000 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${server.url}#/run/${id}`);
      await page.waitForSelector('figure[data-metric="loss"] path.line');

      // Step axis, a chart's value scale and the theory toggle go into the URL and survive a reload.
      await page.click('button[data-scale="linear"]');
      await page.selectOption('figure[data-metric="loss"] select', "linear");
      await page.click("button.theory-toggle");
      const hash = new URL(page.url()).hash;
      assert.equal(hash, `#/run/${id}?x=linear&theory=0&y=loss:linear`);
      await page.reload();
      await page.waitForSelector('figure[data-metric="loss"] path.line');
      assert.equal(await page.locator('button[data-scale="linear"]').getAttribute("class"), "active");
      assert.equal(await page.locator("button.theory-toggle").getAttribute("aria-pressed"), "false");
      assert.equal(await page.locator('figure[data-metric="loss"] select').inputValue(), "linear");
      assert.equal(
        await page.locator('figure[data-metric="norm"] select').inputValue(),
        "linear",
        "norm's own default",
      );
      assert.equal(await page.locator("path.theory").count(), 0);
      assert.match(await page.locator('figure[data-metric="loss"] .axis-title').first().textContent() ?? "", /linear/);

      // A zoom is kept too; "reset zoom" drops it.
      await page.goto(`${server.url}#/run/${id}?zoom=100,10000`);
      await page.reload();
      await page.waitForSelector('figure[data-metric="loss"] path.line');
      const ticks = await page.locator('figure[data-metric="loss"] .axis.x .tick text').allTextContents();
      assert.equal(ticks[0], "100", `zoomed axis starts at 100: ${ticks}`);
      await page.click("text=reset zoom");
      assert.equal(new URL(page.url()).hash, `#/run/${id}`);

      // Dark mode follows the system setting; the data keep their colours, the page and charts turn dark.
      await page.emulateMedia({ colorScheme: "dark" });
      const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      assert.equal(bg, "rgb(19, 20, 23)");
      await Deno.mkdir(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: new URL("viewer_dark.png", ARTIFACTS).pathname, fullPage: true });
      await page.emulateMedia({ colorScheme: "light" });

      // The new-run form shows the preset's values and offers the valid field paths as completions.
      await page.goto(server.url);
      const fields = page.locator("form.new-run details.preset-fields");
      await fields.locator("summary").click();
      assert.match(await fields.locator("summary").innerText(), /the preset's values \(\d+ set, \d+ fields\)/);
      assert.match(await fields.innerText(), /optimizer\.lr\s+0\.0848/);
      const listId = await page.locator("form.new-run .override .path").first().getAttribute("list");
      const options = await page.locator(`datalist#${listId} option`).evaluateAll((os) =>
        os.map((o) => (o as HTMLOptionElement).value)
      );
      assert.ok(options.includes("optimizer.lr") && options.includes("record.perDecade"), options.join(" "));
      assert.equal(await page.locator('input[name="sweep-path"]').getAttribute("list"), listId);
      await page.selectOption("form.new-run select", "matrix-sensing");
      assert.match(await fields.innerText(), /problem\.kind\s+"matrix-sensing"/);
      await page.screenshot({ path: new URL("viewer_form.png", ARTIFACTS).pathname });
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  },
});
