import type { LabeledData } from "./labeled_data.ts";

/** Options of {@link parseCsvData} and {@link readCsvData}. */
export interface CsvDataOptions {
  /** `binary` (default): labels must be ±1; `real`: any finite number (targets, class indices). */
  labels?: "binary" | "real";
}

/**
 * Parses CSV text of labelled points: each line is features…, label (±1, or
 * any finite number with `labels: "real"`).
 * A first line that is not all numbers is taken as a header; blank lines and
 * lines starting with `#` are skipped.
 *
 * @param text The CSV text.
 * @param source Name of the source for error messages (e.g. the file path).
 * @param options Which labels are allowed.
 * @returns The data.
 * @throws {SyntaxError} naming the line and what was wrong with it.
 *
 * @example Usage
 * ```ts
 * import { parseCsvData } from "./read_csv_data.ts";
 * import assert from "node:assert/strict";
 *
 * const data = parseCsvData("x1,x2,y\n0.5,1.5,1\n-1,-2,-1\n", "inline");
 * assert.equal(data.n, 2);
 * assert.equal(data.d, 2);
 * ```
 */
export function parseCsvData(text: string, source: string, options: CsvDataOptions = {}): LabeledData {
  const binary = (options.labels ?? "binary") === "binary";
  const rows: number[][] = [];
  let width = -1, firstLine = 0;
  const lines = text.split(/\r?\n/);
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!.trim();
    if (line === "" || line.startsWith("#")) continue;
    const fields = line.split(",").map((f) => f.trim());
    const values = fields.map((f) => (f === "" ? NaN : Number(f)));
    if (rows.length === 0 && width === -1 && values.some(Number.isNaN)) {
      width = fields.length; // a header
      firstLine = li + 1;
      continue;
    }
    if (width === -1) {
      width = fields.length;
      firstLine = li + 1;
    }
    if (fields.length !== width) {
      throw new SyntaxError(
        `Cannot read CSV ${source}: line ${li + 1} has ${fields.length} fields but line ${firstLine} has ${width}`,
      );
    }
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      throw new SyntaxError(
        `Cannot read CSV ${source}: line ${li + 1} field ${bad + 1} is not a finite number` +
          // A file's content is never echoed (a spec could name any file the process can read); inline text is the user's.
          (source === "inline" ? ` (saw ${JSON.stringify(fields[bad]!.slice(0, 20))})` : ""),
      );
    }
    const label = values[values.length - 1]!;
    if (binary && label !== 1 && label !== -1) {
      throw new SyntaxError(`Cannot read CSV ${source}: line ${li + 1} has label ${label}; labels must be -1 or 1`);
    }
    rows.push(values);
  }
  if (rows.length === 0) throw new SyntaxError(`Cannot read CSV ${source}: it has no data rows`);
  if (width < 2) throw new SyntaxError(`Cannot read CSV ${source}: rows need at least one feature and a label`);
  const d = width - 1, n = rows.length;
  const x = new Float64Array(n * d), y = new Float64Array(n);
  rows.forEach((r, i) => {
    x.set(r.slice(0, d), i * d);
    y[i] = r[d]!;
  });
  return { n, d, x, y };
}

/**
 * Reads labelled points from a CSV file (see {@link parseCsvData} for the format).
 *
 * @param path The file.
 * @param options Which labels are allowed.
 * @returns The data.
 * @throws {SyntaxError} when the file cannot be read or parsed.
 *
 * @example Usage
 * ```ts ignore
 * import { readCsvData } from "./read_csv_data.ts";
 * const data = readCsvData("points.csv");
 * ```
 */
export function readCsvData(path: string, options: CsvDataOptions = {}): LabeledData {
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch (e) {
    throw new SyntaxError(`Cannot read CSV ${path}: ${(e as Error).message}`);
  }
  return parseCsvData(text, path, options);
}
