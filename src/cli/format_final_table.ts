import type { FinalRecord } from "../store/final_record.ts";
import { formatRate } from "./progress_bar.ts";

/**
 * The human summary of a finished run: status, speed, where it is stored, the
 * predictor against the reference, and a table of the final metrics.
 *
 * @param final The final record.
 * @param options `dir`: where the run is stored.
 * @returns Lines of text, ending in a newline.
 *
 * @example Usage
 * ```ts
 * import { formatFinalTable } from "./format_final_table.ts";
 * import assert from "node:assert/strict";
 *
 * const text = formatFinalTable({
 *   type: "final", run: "r", status: "done", step: 10, wall: 1, metrics: { loss: 0.5 },
 *   predictor: { shape: [1], data: [2] }, reference: null, reference_error: "none",
 * });
 * assert.match(text, /loss\s+0\.5/);
 * ```
 */
export function formatFinalTable(final: FinalRecord, options: { dir?: string } = {}): string {
  const lines = [
    `run        ${final.run}`,
    `status     ${final.status}${final.message ? ` (${final.message})` : ""}`,
    `steps      ${final.step.toLocaleString("en-US")} in ${final.wall.toFixed(2)}s (${
      formatRate(final.wall > 0 ? final.step / final.wall : 0)
    })`,
  ];
  if (options.dir) lines.push(`stored in  ${options.dir}`);
  lines.push(
    final.predictor ? `predictor  ${formatVector(final.predictor.data)}` : "predictor  (too large for the record)",
  );
  lines.push(
    final.reference
      ? `reference  ${formatVector(final.reference.data)} (${final.reference.kind})`
      : `reference  none: ${final.reference_error ?? "unknown"}`,
  );
  const names = Object.keys(final.metrics);
  const width = Math.max(6, ...names.map((n) => n.length));
  lines.push("", `${"metric".padEnd(width)}  value`, `${"-".repeat(width)}  ${"-".repeat(14)}`);
  for (const name of names) lines.push(`${name.padEnd(width)}  ${formatNumber(final.metrics[name])}`);
  return lines.join("\n") + "\n";
}

function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return "n/a";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  if (v === 0) return "0";
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e6 ? String(Number(v.toPrecision(8))) : v.toExponential(6);
}

function formatVector(data: number[]): string {
  const shown = data.slice(0, 8).map(formatNumber).join(", ");
  return `[${shown}${data.length > 8 ? `, … (${data.length} entries)` : ""}]`;
}
