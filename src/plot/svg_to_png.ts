import { createRequire } from "node:module";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
// Imported so that Deno installs the package; its TTF files are read below.
import _dejavu from "dejavu-fonts-ttf/package.json" with { type: "json" };

let ready: Promise<Uint8Array[]> | null = null;

function _init(): Promise<Uint8Array[]> {
  ready ??= (async () => {
    void _dejavu;
    const require = createRequire(import.meta.url);
    await initWasm(await Deno.readFile(require.resolve("@resvg/resvg-wasm/index_bg.wasm")));
    return await Promise.all(
      ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => Deno.readFile(require.resolve(`dejavu-fonts-ttf/ttf/${f}`))),
    );
  })();
  return ready;
}

/**
 * Rasterizes an SVG document to PNG with resvg (its WebAssembly build, so
 * no native library and no browser), with the DejaVu Sans fonts of the npm
 * package `dejavu-fonts-ttf` (no system fonts are read: the same pixels on
 * every machine).
 *
 * @param svg The SVG document's text.
 * @param scale Pixels per SVG unit (default 2, for print-sharp figures).
 * @returns The PNG file's bytes.
 *
 * @example Usage
 * ```ts
 * import { svgToPng } from "./svg_to_png.ts";
 * import assert from "node:assert/strict";
 *
 * const png = await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"><text y="4">σ</text></svg>');
 * assert.deepEqual([...png.slice(1, 4)], [80, 78, 71]); // "PNG"
 * assert.equal(new DataView(png.buffer).getUint32(16), 20); // width: 10 × 2
 * ```
 */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
  const fontBuffers = await _init();
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? NaN);
  const resvg = new Resvg(svg, {
    font: { fontBuffers, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
    ...(Number.isFinite(width) ? { fitTo: { mode: "width" as const, value: Math.round(width * scale) } } : {}),
    background: "#ffffff",
  });
  try {
    const image = resvg.render();
    const png = image.asPng();
    image.free();
    return png;
  } finally {
    resvg.free();
  }
}
