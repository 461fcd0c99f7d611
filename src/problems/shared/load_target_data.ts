import { dataPath } from "./_data_path.ts";
import type { MulticlassDataSpec, RegressionDataSpec } from "./data_schema.ts";
import { SpecError } from "../../spec/spec_error.ts";
import { gaussianRegressionData } from "./gaussian_regression_data.ts";
import type { LabeledData } from "./labeled_data.ts";
import type { LoadDataOptions } from "./load_data.ts";
import { readCsvData } from "./read_csv_data.ts";
import { separableMulticlassData } from "./separable_multiclass_data.ts";
import { wilsonData } from "./wilson_data.ts";
import { wilsonTestData } from "./wilson_test_data.ts";

/** A data spec whose labels are not ±1: real targets or class indices. */
export type TargetDataSpec = RegressionDataSpec | MulticlassDataSpec;

/** Options of {@link loadTargetData}. */
export interface LoadTargetDataOptions extends LoadDataOptions {
  /**
   * The training set, when loading a held-out set for it: the held-out set
   * must have as many features, and a `wilson` spec then draws test points
   * ({@link wilsonTestData}) in the training set's coordinates.
   */
  testFor?: LabeledData;
}

/**
 * Materializes a data spec of a least-squares or multiclass problem: inline
 * points, a CSV file (last column the target), or a generated set. Labels
 * are taken as given; the problem checks them.
 *
 * @param spec A validated data spec.
 * @param options Where relative paths start, the field name for errors, and
 *   the training set when this is a held-out set.
 * @returns The data.
 * @throws {SpecError} when a file is missing or malformed, a generator's
 *   options are impossible, or a held-out set's width differs from training.
 *
 * @example Usage
 * ```ts
 * import { loadTargetData } from "./load_target_data.ts";
 * import assert from "node:assert/strict";
 *
 * const train = loadTargetData({ kind: "wilson", n: 8, p: 0.75, seed: 0 });
 * const test = loadTargetData({ kind: "wilson", n: 100, p: 0.75, seed: 1 }, { testFor: train });
 * assert.equal(test.d, train.d);
 * ```
 */
export function loadTargetData(spec: TargetDataSpec, options: LoadTargetDataOptions = {}): LabeledData {
  const field = options.path ?? (options.testFor ? "problem.test" : "problem.data");
  let data: LabeledData;
  try {
    data = materialize(spec, options);
  } catch (e) {
    if (!(e instanceof RangeError || e instanceof SyntaxError)) throw e;
    const path = spec.kind === "csv" ? `${field}.path` : field;
    throw new SpecError([{ path, message: e.message, input: spec.kind === "csv" ? spec.path : spec.kind }]);
  }
  const train = options.testFor;
  if (train && data.d !== train.d) {
    throw new SpecError([{
      path: field,
      message: `Expected ${train.d} features per point like the training data but found ${data.d}`,
      input: data.d,
    }]);
  }
  return data;
}

function materialize(spec: TargetDataSpec, options: LoadTargetDataOptions): LabeledData {
  switch (spec.kind) {
    case "points": {
      const n = spec.x.length, d = spec.x[0]?.length ?? 0;
      const x = new Float64Array(n * d);
      spec.x.forEach((row, i) => {
        if (row.length !== d) throw new RangeError(`Point ${i} has ${row.length} features but point 0 has ${d}`);
        x.set(row, i * d);
      });
      if (spec.y.length !== n) throw new RangeError(`${n} points but ${spec.y.length} targets`);
      return { n, d, x, y: Float64Array.from(spec.y) };
    }
    case "csv": {
      const file = dataPath(spec.path, options.baseDir);
      return readCsvData(file, { labels: "real" });
    }
    case "gaussian":
      return gaussianRegressionData(spec);
    case "wilson":
      return options.testFor ? wilsonTestData({ ...spec, d: options.testFor.d }) : wilsonData(spec);
    case "separable":
      return separableMulticlassData(spec);
  }
}
