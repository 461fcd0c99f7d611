/**
 * Headless Chromium for the browser tests (the viewer, and WGSL under
 * Chromium's compiler), driven by `npm:playwright-core`. The browser is
 * Debian's `chromium` (installed by `.ci/run`) when `/usr/bin/chromium`
 * exists; on a machine without it (e.g. `npx -y deno@2.9.6 task test` with
 * only Node installed) it is the build that the npm package
 * `@sparticuz/chromium` ships inside itself (unpacked to the temp folder on
 * first use), launched with that package's own arguments. Playwright
 * downloads no browser in either case.
 *
 * @module
 */
import { type Browser, chromium } from "playwright-core";

/** The Chromium binary to prefer: env `BIASFLOW_CHROMIUM`, else Debian's `/usr/bin/chromium`. */
export const CHROMIUM: string = Deno.env.get("BIASFLOW_CHROMIUM") ?? "/usr/bin/chromium";

/** True when `BIASFLOW_SKIP_BROWSER=1` asks to skip the browser tests on purpose (for `Deno.test`'s `ignore`). */
export const SKIP_BROWSER: boolean = Deno.env.get("BIASFLOW_SKIP_BROWSER") === "1";

/** Options of {@link launchChromium}. */
export interface LaunchChromiumOptions {
  /** Offer WebGPU through SwiftShader (needs a page from localhost) instead of turning the GPU off. */
  webgpu?: boolean;
  /**
   * Which build: `"system"` ({@link CHROMIUM}), `"npm"` (`@sparticuz/chromium`), or `"auto"` (default: the system
   * build when the file exists, else npm's).
   */
  source?: "auto" | "system" | "npm";
}

/** Which build {@link launchChromium} would use with `source: "auto"` (`BIASFLOW_CHROMIUM=npm` forces npm's). */
export function chromiumSource(): "system" | "npm" {
  if (CHROMIUM === "npm") return "npm";
  try {
    Deno.statSync(CHROMIUM);
    return "system";
  } catch {
    if (Deno.env.get("BIASFLOW_CHROMIUM") !== undefined) {
      throw new Error(`Chromium is missing at BIASFLOW_CHROMIUM=${CHROMIUM}; unset it to use the npm build`);
    }
    return "npm";
  }
}

/**
 * Launches headless Chromium with `--no-sandbox` (containers, root) and
 * `--disable-background-networking` (no traffic of its own), and either
 * `--disable-gpu` or, with `webgpu`, SwiftShader's WebGPU adapter.
 *
 * @param options Whether the pages need WebGPU, and which build.
 * @returns The browser; close it in a `finally`.
 * @throws {Error} when the chosen build cannot be found or unpacked.
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
  const source = !options.source || options.source === "auto" ? chromiumSource() : options.source;
  const ours = [
    "--headless",
    "--no-sandbox",
    "--disable-background-networking",
    ...(options.webgpu ? ["--enable-unsafe-webgpu", "--use-webgpu-adapter=swiftshader"] : ["--disable-gpu"]),
  ];
  if (source === "system") return await chromium.launch({ executablePath: CHROMIUM, args: ours });
  // The npm build: its executablePath() unpacks the bundled binary (once) and its args are what it needs to start
  // outside a sandboxing zygote; ours go after them.
  const { default: npmChromium } = await import("@sparticuz/chromium");
  let executablePath: string;
  try {
    executablePath = await npmChromium.executablePath();
  } catch (e) {
    throw new Error(
      `Cannot unpack Chromium from npm:@sparticuz/chromium (${(e as Error).message}); install Debian's ` +
        "(apt-get install -y chromium) or set BIASFLOW_SKIP_BROWSER=1 to skip the browser tests on purpose",
    );
  }
  const args = [...npmChromium.args.filter((a) => !a.startsWith("--headless")), ...ours];
  return await chromium.launch({ executablePath, args });
}
