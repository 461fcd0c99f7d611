/// <reference lib="dom" />
import assert from "node:assert/strict";
import { startServer } from "../../src/server/start_server.ts";
import { writeMatrixRun } from "./_matrix_run.ts";
import { launchChromium, SKIP_BROWSER } from "../_chromium.ts";

const ARTIFACTS = new URL("../../test-artifacts/", import.meta.url);

Deno.test({
  name: "viewer in headless Chromium starts a run from the form, streams it into live charts, and saves a screenshot",
  ignore: SKIP_BROWSER,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const browser = await launchChromium();
    const runsDir = await Deno.makeTempDir();
    writeMatrixRun(runsDir);
    const server = await startServer({ port: 0, runsDir });
    try {
      const page = await browser.newPage({ viewport: { width: 1480, height: 1100 } });
      const errors: string[] = [];
      const offsite: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("request", (r) => !r.url().startsWith(server.url) && offsite.push(r.url()));

      await page.goto(server.url);
      await page.waitForSelector("form.new-run select option", { state: "attached" });
      assert.equal(await page.locator("form.new-run select").inputValue(), "soudry-fig1");

      // The prefilled steps follow the preset picked, unless edited.
      const stepsInput = page.locator("form.new-run .override .value").first();
      assert.equal(await stepsInput.inputValue(), "1000000");
      await page.selectOption("form.new-run select", "matrix-sensing");
      assert.equal(await stepsInput.inputValue(), "5000");
      await stepsInput.fill("300");
      await page.selectOption("form.new-run select", "soudry-fig1");
      assert.equal(await stepsInput.inputValue(), "300", "an edited value stays");
      await page.selectOption("form.new-run select", "matrix-sensing");
      await stepsInput.fill("5000");
      await page.selectOption("form.new-run select", "soudry-fig1");
      assert.equal(await stepsInput.inputValue(), "1000000");

      // The form validates against the spec schema before anything is sent.
      const stepsValue = page.locator("form.new-run .override .value").first();
      await stepsValue.fill("0");
      await page.waitForSelector("form.new-run .issues li");
      assert.match(await page.locator("form.new-run .issues").innerText(), /steps: Expected a number ≥ 1/);
      assert.equal(await page.locator("form.new-run button[type=submit]").isDisabled(), true);
      await stepsValue.fill("4000000");
      await page.click("form.new-run button.add");
      await page.locator("form.new-run .override .path").nth(1).fill("record.everyMs");
      await page.locator("form.new-run .override .value").nth(1).fill("150");
      assert.equal(await page.locator("form.new-run .issues li").count(), 0);
      await page.click("form.new-run button[type=submit]");

      await page.waitForURL(/#\/run\//);
      const id = decodeURIComponent(new URL(page.url()).hash.slice(6));
      assert.ok(server.runner.summary(id), `run ${id} exists`);
      await page.waitForSelector('figure[data-metric="angle_gap"] path.line');
      const lossPath = page.locator('figure[data-metric="loss"] path.line');
      const firstD = await lossPath.getAttribute("d");
      await page.waitForFunction(
        (d) => document.querySelector('figure[data-metric="loss"] path.line')?.getAttribute("d") !== d,
        firstD,
        { timeout: 20_000 },
      );
      assert.ok((await page.locator(".grid.metrics figure.chart").count()) >= 10, "one chart per metric");
      assert.ok(await page.locator("figure.problem").count() >= 2, "separator and margin views");

      await page.waitForSelector(".run-header .badge.done", { timeout: 60_000 });
      await page.waitForSelector("figure.problem line.reference");
      const axisTitle = page.locator('figure[data-metric="loss"] .axis-title').first();
      assert.match(await axisTitle.textContent() ?? "", /step \(iterations, log scale\)/);
      const points = Number(await lossPath.getAttribute("data-points"));
      assert.ok(points > 50 && points <= 4 * 284 + 3, `${points} points drawn`);

      // Hover read-out on a metric chart.
      const angle = page.locator('figure[data-metric="angle_gap"] .brush .overlay');
      const box = (await angle.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2);
      await page.waitForSelector('figure[data-metric="angle_gap"] .readout b');
      assert.match(await page.locator('figure[data-metric="angle_gap"] .readout').innerText(), /step [\d.,e+k]+/);

      await Deno.mkdir(ARTIFACTS, { recursive: true });
      const shot = new URL("viewer_run.png", ARTIFACTS);
      await page.screenshot({ path: shot.pathname, fullPage: true });
      assert.ok(Deno.statSync(shot).size > 20_000);

      // Drag to zoom the steps: the charts redraw over the dragged range, and the read-out, where the pointer
      // still rests, follows the redraw to the step now under it instead of keeping the old scale's.
      const readoutStep = async () =>
        Number((await page.locator('figure[data-metric="angle_gap"] .readout b').innerText()).replace(/^step\s*/, ""));
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
      const before = await readoutStep();
      const fullD = await lossPath.getAttribute("d");
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      await page.waitForFunction(
        (d) => document.querySelector('figure[data-metric="loss"] path.line')?.getAttribute("d") !== d,
        fullD,
        { timeout: 5000 },
      );
      const after = await readoutStep();
      assert.ok(after > before, `the read-out moved from step ${before} to ${after}`);
      await angle.dblclick({ position: { x: box.width * 0.3, y: box.height / 2 } });
      await page.waitForFunction(
        (d) => document.querySelector('figure[data-metric="loss"] path.line')?.getAttribute("d") === d,
        fullD,
        { timeout: 5000 },
      );
      assert.equal(await readoutStep(), before);

      // The step axis toggles to linear, and the runs list shows the run as done.
      await page.click('button[data-scale="linear"]');
      await page.waitForFunction(() =>
        document.querySelector('figure[data-metric="loss"] .axis-title')?.textContent?.includes("linear scale")
      );
      await page.click("text=← all runs");
      await page.waitForSelector(`tr >> text=${id}`);
      assert.equal(await page.locator("tbody tr .badge").first().innerText(), "done");
      await page.screenshot({ path: new URL("viewer_list.png", ARTIFACTS).pathname });

      // A sweep from the same form: overlaid runs, colored by the swept value.
      await page.locator("form.new-run .override .value").first().fill("1000000");
      await page.fill('input[name="sweep-path"]', "optimizer.lr");
      await page.fill('input[name="sweep-values"]', "0.01, 0.1, 1");
      await page.click("form.new-run button[type=submit]");
      await page.waitForURL(/#\/run\/.*,.*,/);
      await page.waitForFunction(() => document.querySelectorAll(".run-header .badge.done").length === 3, null, {
        timeout: 60_000,
      });
      await page.waitForFunction(() =>
        document.querySelectorAll('figure[data-metric="angle_gap"] path.line').length === 3
      );
      const strokes = await page.locator('figure[data-metric="angle_gap"] path.line').evaluateAll((ps) =>
        ps.map((p) => p.getAttribute("stroke"))
      );
      assert.equal(new Set(strokes).size, 3, "one color per swept value");
      assert.match(await page.locator(".run-header").first().innerText(), /optimizer\.lr = 0\.01/);
      // The sweep chart: one point per run against the swept value (log axis: 0.01 … 1 spans 100×).
      await page.waitForFunction(() => document.querySelectorAll("figure.sweep circle").length === 3);
      await page.screenshot({ path: new URL("viewer_sweep.png", ARTIFACTS).pathname, fullPage: true });

      // A stored matrix sensing run, its matrix too large to travel in records, shows its singular value
      // spectrum from the sv_k metrics, σ₁ being sv_0; it asks for no points (it has none: no 404 logged).
      await page.goto(`${server.url}#/run/matrix-run`);
      const spectrum = page.locator('.problem-views figure:has-text("singular values") path.line');
      await spectrum.first().waitFor();
      assert.equal(await spectrum.count(), 4);
      assert.deepEqual(await spectrum.evaluateAll((ps) => ps.map((p) => p.getAttribute("data-points"))), [
        "9",
        "9",
        "9",
        "9",
      ]);
      assert.equal(await page.locator('figure[data-metric="sv_0"] .title').innerText(), "σ₁");
      assert.equal(await page.locator('figure[data-metric="sv_3"] .title').innerText(), "σ₄");
      assert.match(await page.locator(".run-header .badge").innerText(), /interrupted/);
      await page.screenshot({ path: new URL("viewer_matrix.png", ARTIFACTS).pathname, fullPage: true });

      assert.deepEqual(errors, []);
      assert.deepEqual(offsite, [], "the viewer loads nothing from elsewhere");
    } finally {
      await browser.close();
      await server.close();
    }
  },
});
