/// <reference lib="dom" />
import assert from "node:assert/strict";
import { chromiumSource, launchChromium, SKIP_BROWSER } from "../_chromium.ts";

Deno.test({
  name: "launchChromium() starts the Chromium that npm:@sparticuz/chromium ships, for machines without Debian's",
  ignore: SKIP_BROWSER,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const browser = await launchChromium({ source: "npm" });
    try {
      const page = await browser.newPage();
      await page.setContent("<svg width='10' height='10'><text x='1' y='9'>σ</text></svg><p id='p'>ok</p>");
      assert.equal(await page.textContent("#p"), "ok");
      assert.match(browser.version(), /^\d+\./);
    } finally {
      await browser.close();
    }
    assert.ok(["system", "npm"].includes(chromiumSource()));
  },
});
