import { dataPath } from "./_data_path.ts";
import type { DataSpec } from "./data_schema.ts";
import { SpecError } from "../../spec/spec_error.ts";
import { type LabeledData, labeledData } from "./labeled_data.ts";
import { separableData } from "./separable_data.ts";
import { soudryFig1 } from "./soudry_fig1.ts";
import { readCsvData } from "./read_csv_data.ts";

/** Options of {@link loadData}. */
export interface LoadDataOptions {
  /** Directory against which a relative CSV path is resolved (default: the working directory). */
  baseDir?: string;
  /** Field path of the data spec, for error messages (default `problem.data`). */
  path?: string;
}

/**
 * Materializes a data spec: inline points, a generated set, a CSV file or a
 * named data set.
 *
 * @param spec A validated data spec.
 * @param options Where relative paths start, and how to name the field in errors.
 * @returns The labelled data.
 * @throws {SpecError} when a CSV file is missing or malformed.
 *
 * @example Usage
 * ```ts
 * import { loadData } from "./load_data.ts";
 * import assert from "node:assert/strict";
 *
 * const data = loadData({ kind: "dataset", name: "soudry-fig1" });
 * assert.equal(data.n, 16);
 * ```
 */
export function loadData(spec: DataSpec, options: LoadDataOptions = {}): LabeledData {
  const field = options.path ?? "problem.data";
  switch (spec.kind) {
    case "points":
      return labeledData(spec.x, spec.y);
    case "separable":
      return separableData(spec);
    case "dataset":
      return soudryFig1();
    case "csv": {
      const file = dataPath(spec.path, options.baseDir);
      try {
        return readCsvData(file);
      } catch (e) {
        throw new SpecError([{ path: `${field}.path`, message: (e as Error).message, input: spec.path }]);
      }
    }
  }
}
