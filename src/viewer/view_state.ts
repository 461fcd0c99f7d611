/** What the run view keeps in its URL, so that a reload or a shared link shows the same view. */
export interface ViewState {
  /** Step axis. */
  x: "log" | "linear";
  /** Zoomed step range, or null. */
  zoom: [number, number] | null;
  /** Theory layer shown. */
  theory: boolean;
  /** Value axis scale per metric, where the user changed it. */
  y: Record<string, "log" | "linear" | "symlog">;
}

/**
 * Reads the run view's state from the query part of its hash
 * (`#/run/<ids>?x=linear&zoom=10,100000&theory=0&y=loss:linear,norm:log`);
 * anything missing or malformed takes its default (log steps, no zoom,
 * theory on, each metric's own scale).
 *
 * This module is browser compatible.
 *
 * @param query The text after `?` (or "").
 * @returns The state.
 *
 * @example Usage
 * ```ts
 * import { parseViewState } from "./view_state.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(parseViewState("x=linear&zoom=10,1e5&theory=0&y=loss:linear"), {
 *   x: "linear", zoom: [10, 1e5], theory: false, y: { loss: "linear" },
 * });
 * assert.deepEqual(parseViewState(""), { x: "log", zoom: null, theory: true, y: {} });
 * ```
 */
export function parseViewState(query: string): ViewState {
  const q = new URLSearchParams(query);
  const zoom = (q.get("zoom") ?? "").split(",").map(Number);
  const y: ViewState["y"] = {};
  for (const pair of (q.get("y") ?? "").split(",")) {
    const [metric, scale] = pair.split(":");
    if (metric && (scale === "log" || scale === "linear" || scale === "symlog")) y[metric] = scale;
  }
  return {
    x: q.get("x") === "linear" ? "linear" : "log",
    zoom: zoom.length === 2 && zoom.every(Number.isFinite) && zoom[0]! < zoom[1]! ? [zoom[0]!, zoom[1]!] : null,
    theory: q.get("theory") !== "0",
    y,
  };
}
