import { SpecError } from "../../spec/spec_error.ts";
import type { LabeledData } from "./labeled_data.ts";

/** Returns `test` after checking it has the training set's number of features (SpecError at `path` otherwise). */
export function sameWidth(test: LabeledData, train: LabeledData, path: string): LabeledData {
  if (test.d !== train.d) {
    throw new SpecError([{
      path,
      message: `Expected ${train.d} features per point like the training data but found ${test.d}`,
      input: test.d,
    }]);
  }
  return test;
}
