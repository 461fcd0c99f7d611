/// <reference lib="dom" />
import assert from "node:assert/strict";
import { join } from "node:path";
import { runCommand } from "../../src/cli/run_command.ts";
import { startServer } from "../../src/server/start_server.ts";
import { launchChromium, SKIP_BROWSER } from "../_chromium.ts";

const ARTIFACTS = new URL("../../test-artifacts/", import.meta.url);
const quiet = { stdout() {}, stderr() {}, stderrIsTerminal: false };

Deno.test({
  name:
    "runs table shows settings, sorts, filters, names sweep runs by value, deletes ended runs; run view shows spec, steps/s and ETA",
  ignore: SKIP_BROWSER,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const runsDir = await Deno.makeTempDir();
    for (const lr of ["0.01", "0.3"]) {
      const args = ["soudry-fig1", "--steps", "1000", "--quiet", "--out", runsDir, "--set", `optimizer.lr=${lr}`];
      assert.equal(await runCommand(args, { io: quiet }), 0);
    }
    const browser = await launchChromium();
    const server = await startServer({ port: 0, runsDir });
    try {
      const post = async (path: string, body: unknown) => {
        const res = await fetch(new URL(path, server.url), {
          method: "POST",
          body: JSON.stringify(body),
          headers: { "Content-Type": "application/json" },
        });
        assert.ok(res.ok, `${path}: ${res.status}`);
        return await res.json();
      };
      const { ids: sweep } = await post("api/sweeps", {
        preset: "nacson-normalized-gd",
        overrides: { steps: 2000 },
        path: "optimizer.lr",
        values: [0.05, 0.2],
      });
      const { id: long } = await post("api/runs", { preset: "soudry-fig1", overrides: { steps: 1e9 } });

      const page = await browser.newPage({ viewport: { width: 1480, height: 900 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("dialog", (d) => d.accept());
      await page.goto(server.url);
      const rows = page.locator("table.run-table tbody tr");
      await page.waitForFunction(() => document.querySelectorAll("table.run-table tbody tr").length === 5);
      assert.deepEqual(
        await page.locator("table.run-table th.sortable").allInnerTexts(),
        [
          "run",
          "problem",
          "optimizer",
          "lr",
          "steps",
          "status",
          "progress",
          "started",
          "loss",
          "1 − cos",
          "margin",
          "‖w‖",
        ],
      );
      // Settings come from each run's spec; sweep runs are named by the swept value.
      await page.waitForFunction(() =>
        [...document.querySelectorAll("td.col-optimizer")].every((td) => td.textContent !== "")
      );
      await page.waitForSelector(`tr[data-id="${sweep[0]}"] td.col-name >> text=nacson-normalized-gd · lr = 0.05`);
      assert.equal(await page.locator(`tr[data-id="${sweep[1]}"] td.col-optimizer`).innerText(), "normalized-gd");
      assert.equal(await page.locator(`tr[data-id="${sweep[1]}"] td.col-lr`).innerText(), "0.2");
      assert.equal(await page.locator(`tr[data-id="${long}"] td.col-kind`).innerText(), "linear-classification");

      // Sort by lr, both ways (NaN-free here), then filter.
      await page.click('th[data-key="lr"]');
      const lrs = async () => (await page.locator("td.col-lr").allInnerTexts()).map(Number);
      const asc = await lrs();
      assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
      assert.equal(await page.locator('th[data-key="lr"]').getAttribute("aria-sort"), "ascending");
      await page.click('th[data-key="lr"]');
      const desc = await lrs();
      assert.deepEqual(desc, [...asc].reverse());
      await page.fill("input.filter", "optimizer=normalized-gd");
      assert.equal(await rows.count(), 2);
      await page.fill("input.filter", "soudry status=done");
      assert.equal(await rows.count(), 2);
      assert.match(await page.locator(".table-bar .count").innerText(), /2 of 5 runs/);
      await page.fill("input.filter", "");

      // A running run can be stopped, not deleted; an ended one is deleted with its files.
      const liveRow = page.locator(`tr[data-id="${long}"]`);
      assert.equal(await liveRow.locator("button.delete").isVisible(), false);
      assert.equal(await liveRow.locator("button.stop").isVisible(), true);
      await page.waitForFunction(
        (id) => document.querySelector(`tr[data-id="${id}"] .badge`)?.textContent === "done",
        sweep[0],
        { timeout: 30_000 },
      );
      await Deno.mkdir(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: new URL("viewer_table.png", ARTIFACTS).pathname, fullPage: true });
      await page.locator(`tr[data-id="${sweep[0]}"] button.delete`).click();
      await page.waitForFunction(() => document.querySelectorAll("table.run-table tbody tr").length === 4);
      assert.throws(() => Deno.statSync(join(runsDir, sweep[0])), Deno.errors.NotFound);

      // The run view of the running run: steps/s and ETA, and the spec folded until asked for.
      await page.goto(`${server.url}#/run/${long}`);
      await page.waitForFunction(() =>
        /steps\/s · ETA \d/.test(document.querySelector(".run-header .rate")?.textContent ?? "")
      );
      const spec = page.locator(".run-header details.spec");
      assert.equal(await spec.locator("pre").isVisible(), false);
      await spec.locator("summary").click();
      assert.match(await spec.locator("pre").innerText(), /"kind": "gd"/);
      await page.click(".run-header button.stop");
      await page.waitForSelector(".run-header .badge.stopped", { timeout: 20_000 });
      assert.equal(await page.locator(".run-header .rate").innerText(), "");
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  },
});
