import type { ViewState } from "./view_state.ts";

/**
 * The query text of a run view's state (the inverse of `parseViewState`),
 * defaults left out; "" for the default view.
 *
 * This module is browser compatible.
 *
 * @param state The state.
 * @returns `x=linear&zoom=…` or "".
 *
 * @example Usage
 * ```ts
 * import { formatViewState } from "./format_view_state.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatViewState({ x: "log", zoom: [10, 1000], theory: false, y: { norm: "log" } }),
 *   "zoom=10,1000&theory=0&y=norm:log");
 * ```
 */
export function formatViewState(state: ViewState): string {
  const parts: string[] = [];
  if (state.x !== "log") parts.push(`x=${state.x}`);
  if (state.zoom) parts.push(`zoom=${state.zoom.map((v) => Number(v.toPrecision(6))).join(",")}`);
  if (!state.theory) parts.push("theory=0");
  const y = Object.entries(state.y).map(([m, s]) => `${m}:${s}`);
  if (y.length) parts.push(`y=${y.join(",")}`);
  return parts.join("&");
}
