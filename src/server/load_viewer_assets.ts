import { fileURLToPath } from "node:url";

/** The viewer's files, as served at `/`, `/viewer.js` and `/viewer.css`. */
export interface ViewerAssets {
  /** The page. */
  readonly html: string;
  /** The bundled script (d3 included: no CDN). */
  readonly js: string;
  /** The style sheet. */
  readonly css: string;
}

let cached: Promise<ViewerAssets> | null = null;

/**
 * Bundles the viewer (`src/viewer/main.ts` and d3) for the browser with
 * `deno bundle --platform browser`, once per process, and reads its page and
 * style sheet.
 *
 * @returns The assets.
 * @throws {Error} with the bundler's output when bundling fails.
 *
 * @example Usage
 * ```ts ignore
 * const app = createApp({ runner, viewer: await loadViewerAssets() });
 * ```
 */
export function loadViewerAssets(): Promise<ViewerAssets> {
  cached ??= bundle().catch((e) => {
    cached = null;
    throw e;
  });
  return cached;
}

async function bundle(): Promise<ViewerAssets> {
  const dir = new URL("../viewer/", import.meta.url);
  const config = new URL("../../deno.json", import.meta.url);
  const out = await Deno.makeTempFile({ prefix: "biasflow-viewer-", suffix: ".js" });
  try {
    const { code, stderr } = await new Deno.Command(Deno.execPath(), {
      args: [
        "bundle",
        "--quiet",
        "--platform",
        "browser",
        "--minify",
        "--config",
        fileURLToPath(config),
        "--output",
        out,
        fileURLToPath(new URL("main.ts", dir)),
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (code !== 0) {
      throw new Error(`Cannot bundle the viewer: deno bundle exited with ${code}: ${new TextDecoder().decode(stderr)}`);
    }
    const [js, html, css] = await Promise.all([
      Deno.readTextFile(out),
      Deno.readTextFile(new URL("index.html", dir)),
      Deno.readTextFile(new URL("viewer.css", dir)),
    ]);
    return { html, js, css };
  } finally {
    await Deno.remove(out).catch(() => {});
  }
}
