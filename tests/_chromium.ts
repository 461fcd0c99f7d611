/**
 * Headless Chromium for the browser tests (the viewer, and WGSL under
 * Chromium's compiler), driven by `npm:playwright-core` with Debian's
 * `chromium` (installed by `.ci/run`): playwright downloads no browser here.
 *
 * @module
 */
import { type Browser, chromium } from "playwright-core";

/** The Chromium binary: env `BIASFLOW_CHROMIUM`, else Debian's `/usr/bin/chromium`. */
export const CHROMIUM: string = Deno.env.get("BIASFLOW_CHROMIUM") ?? "/usr/bin/chromium";

/** True when `BIASFLOW_SKIP_BROWSER=1` asks to skip the browser tests on purpose (for `Deno.test`'s `ignore`). */
export const SKIP_BROWSER: boolean = Deno.env.get("BIASFLOW_SKIP_BROWSER") === "1";

/** Options of {@link launchChromium}. */
export interface LaunchChromiumOptions {
  /** Offer WebGPU through SwiftShader (needs a page from localhost) instead of turning the GPU off. */
  webgpu?: boolean;
}

/**
 * Launches headless Chromium with `--no-sandbox` (containers, root) and
 * `--disable-background-networking` (no traffic of its own), and either
 * `--disable-gpu` or, with `webgpu`, SwiftShader's WebGPU adapter.
 *
 * @param options Whether the pages need WebGPU.
 * @returns The browser; close it in a `finally`.
 * @throws {Error} saying how to install Chromium, or to skip on purpose, when it is missing.
 *
 * @example Usage
 * ```ts ignore
 * const browser = await launchChromium();
 * try {
 *   const page = await browser.newPage();
 *   await page.goto(url);
 * } finally {
 *   await browser.close();
 * }
 * ```
 */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  try {
    Deno.statSync(CHROMIUM);
  } catch {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install it (apt-get install -y chromium) or set BIASFLOW_CHROMIUM; ` +
        "set BIASFLOW_SKIP_BROWSER=1 only to skip this test on purpose",
    );
  }
  return await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-background-networking",
      ...(options.webgpu ? ["--enable-unsafe-webgpu", "--use-webgpu-adapter=swiftshader"] : ["--disable-gpu"]),
    ],
  });
}
