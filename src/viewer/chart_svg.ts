/// <reference lib="dom" />

const STYLE_PROPS = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "opacity",
  "font-size",
  "font-family",
  "font-weight",
  "text-anchor",
] as const;
const DROP = ".brush, .dots, .rule, .empty";

/**
 * A chart of the viewer as a standalone SVG document, as drawn: the figure's
 * title as a `<text>`, its SVG with the page's styles written onto each
 * element (so it looks the same outside the page, dark mode included), a
 * canvas layer (the margin heat map) embedded as an image, and the
 * interactive parts (brush, hover dots and rule) left out. Theory-layer
 * elements keep their class `theory`.
 *
 * This module is browser compatible.
 *
 * @param figure The chart's `<figure>` (it must be in the page, to read styles).
 * @returns The SVG document's text.
 *
 * @example Usage
 * ```ts ignore
 * const svg = chartSvg(document.querySelector('figure[data-metric="loss"]')!);
 * ```
 */
export function chartSvg(figure: HTMLElement): string {
  const svg = figure.querySelector("svg")!;
  const [, , vw, vh] = (svg.getAttribute("viewBox") ?? "0 0 360 220").split(/\s+/).map(Number) as number[];
  const W = vw!, H0 = vh!, titleH = 22;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  // Copy computed styles element by element (same tree shape before anything is removed).
  const src = [svg, ...svg.querySelectorAll("*")];
  const dst = [clone, ...clone.querySelectorAll("*")];
  src.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const out = dst[i] as SVGElement;
    if (cs.display === "none") return out.setAttribute("data-drop", "");
    for (const p of STYLE_PROPS) {
      const v = cs.getPropertyValue(p);
      if (v && !(p === "opacity" && v === "1")) out.setAttribute(p, v);
    }
  });
  clone.querySelectorAll(`${DROP}, [data-drop]`).forEach((el) => el.remove());
  const ns = "http://www.w3.org/2000/svg";
  const body = document.createElementNS(ns, "g");
  body.setAttribute("transform", `translate(0,${titleH})`);
  body.append(...clone.childNodes);
  const canvas = figure.querySelector("canvas");
  if (canvas) {
    const s = svg.getBoundingClientRect(), c = canvas.getBoundingClientRect(), k = W / s.width;
    const img = document.createElementNS(ns, "image");
    img.setAttribute("href", canvas.toDataURL("image/png"));
    for (const [a, v] of [["x", c.left - s.left], ["y", c.top - s.top], ["width", c.width], ["height", c.height]]) {
      img.setAttribute(a as string, String((v as number) * k));
    }
    body.prepend(img);
  }
  const root = document.createElementNS(ns, "svg");
  root.setAttribute("xmlns", ns);
  root.setAttribute("width", String(W));
  root.setAttribute("height", String(H0 + titleH));
  root.setAttribute("viewBox", `0 0 ${W} ${H0 + titleH}`);
  root.setAttribute("font-family", getComputedStyle(figure).fontFamily);
  const bg = document.createElementNS(ns, "rect");
  bg.setAttribute("width", "100%");
  bg.setAttribute("height", "100%");
  bg.setAttribute("fill", getComputedStyle(figure).backgroundColor || "#ffffff");
  const title = document.createElementNS(ns, "text");
  title.setAttribute("x", "8");
  title.setAttribute("y", "16");
  title.setAttribute("font-size", "13");
  title.setAttribute("font-weight", "bold");
  title.setAttribute("fill", getComputedStyle(figure).color);
  title.setAttribute("class", "title");
  title.textContent = figure.querySelector("figcaption .title")?.textContent ?? "";
  root.append(bg, title, body);
  return new XMLSerializer().serializeToString(root);
}
