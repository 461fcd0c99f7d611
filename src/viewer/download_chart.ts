/// <reference lib="dom" />
import { chartSvg } from "./chart_svg.ts";

/**
 * Downloads a chart as SVG, or as PNG (the SVG drawn on a canvas at 2 px per
 * unit).
 *
 * This module is browser compatible.
 *
 * @param figure The chart's `<figure>`.
 * @param format `svg` or `png`.
 * @param name The file name without extension.
 * @returns Resolves once the download is handed to the browser.
 *
 * @example Usage
 * ```ts ignore
 * await downloadChart(figure, "png", "loss");
 * ```
 */
export async function downloadChart(figure: HTMLElement, format: "svg" | "png", name: string): Promise<void> {
  const svg = chartSvg(figure);
  let blob = new Blob([svg], { type: "image/svg+xml" });
  if (format === "png") {
    const url = URL.createObjectURL(blob);
    try {
      const img = new Image();
      img.src = url;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth * 2;
      canvas.height = img.naturalHeight * 2;
      canvas.getContext("2d")!.drawImage(img, 0, 0, canvas.width, canvas.height);
      blob = await new Promise<Blob>((ok, fail) =>
        canvas.toBlob((b) => (b ? ok(b) : fail(new Error("Cannot encode the PNG"))), "image/png")
      );
    } finally {
      URL.revokeObjectURL(url);
    }
  }
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `${name}.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
