import type { CliIo } from "./cli_io.ts";

/** A progress display for a run of known length. */
export interface ProgressBar {
  /** Reports that `step` steps are done after `wall` seconds. */
  update(step: number, wall: number): void;
  /** Clears the bar (on a terminal) before other output. */
  clear(): void;
}

/**
 * A progress bar on standard error: redrawn in place on a terminal (at most
 * 10 times a second), one line per 10% otherwise. Shows steps/s and the ETA.
 *
 * @param io Where to write.
 * @param total The run's total steps.
 * @returns The bar.
 *
 * @example Usage
 * ```ts
 * import { createProgressBar } from "./progress_bar.ts";
 *
 * let out = "";
 * const bar = createProgressBar({ stdout() {}, stderr: (s) => out += s, stderrIsTerminal: false }, 100);
 * bar.update(50, 1);
 * ```
 */
export function createProgressBar(io: CliIo, total: number): ProgressBar {
  let lastDraw = -Infinity, lastDecile = -1, drawn = false;
  return {
    update(step, wall) {
      const frac = Math.min(1, step / total);
      const rate = wall > 0 ? step / wall : 0;
      const eta = rate > 0 ? (total - step) / rate : NaN;
      const text = `${bar(frac)} ${(100 * frac).toFixed(0).padStart(3)}%  ${step.toLocaleString("en-US")}/${
        total.toLocaleString("en-US")
      } steps  ${formatRate(rate)}  ETA ${formatSeconds(eta)}`;
      if (io.stderrIsTerminal) {
        const now = performance.now();
        if (now - lastDraw < 100 && frac < 1) return;
        lastDraw = now;
        io.stderr(`\r\x1b[2K${text}`);
        drawn = true;
      } else {
        const decile = Math.floor(frac * 10);
        if (decile > lastDecile) {
          lastDecile = decile;
          io.stderr(`${text}\n`);
        }
      }
    },
    clear() {
      if (io.stderrIsTerminal && drawn) io.stderr("\r\x1b[2K");
      drawn = false;
    },
  };
}

function bar(frac: number): string {
  const width = 24, full = Math.round(frac * width);
  return `[${"#".repeat(full)}${"-".repeat(width - full)}]`;
}

/**
 * Formats a rate of steps per second compactly (`4.81M steps/s`).
 *
 * @param rate Steps per second.
 * @returns The text.
 *
 * @example Usage
 * ```ts
 * import { formatRate } from "./progress_bar.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatRate(4_810_000), "4.81M steps/s");
 * ```
 */
export function formatRate(rate: number): string {
  if (!(rate > 0)) return "- steps/s";
  const units: [number, string][] = [[1e9, "G"], [1e6, "M"], [1e3, "k"]];
  for (const [scale, unit] of units) if (rate >= scale) return `${(rate / scale).toPrecision(3)}${unit} steps/s`;
  return `${rate.toPrecision(3)} steps/s`;
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return "-";
  if (s < 60) return `${s.toFixed(1)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${Math.round(s % 60).toString().padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${Math.round((s % 3600) / 60).toString().padStart(2, "0")}m`;
}
