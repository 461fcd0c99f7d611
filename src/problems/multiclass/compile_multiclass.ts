import type { MulticlassSpec } from "./multiclass_schema.ts";
import { SpecError } from "../../spec/spec_error.ts";
import type { LabeledData } from "../shared/labeled_data.ts";
import type { LoadDataOptions } from "../shared/load_data.ts";
import { loadTargetData } from "../shared/load_target_data.ts";
import { type Multiclass, multiclass } from "./multiclass.ts";

/** Loads a multiclass problem's data, settles k, and checks every label is a class in 0..k−1. */
export function compileMulticlass(spec: MulticlassSpec, options: Pick<LoadDataOptions, "baseDir">): Multiclass {
  const data = loadTargetData(spec.data, { ...options, path: "problem.data" });
  let k = spec.classes;
  if (spec.data.kind === "separable") {
    if (k !== undefined && k !== spec.data.classes) {
      throw new SpecError([{
        path: "problem.classes",
        message: `Expected the data's ${spec.data.classes} classes`,
        input: k,
      }]);
    }
    k = spec.data.classes;
  }
  checkLabels(data, k, "problem.data");
  k ??= Math.max(...data.y) + 1;
  if (k < 2) {
    throw new SpecError([{ path: "problem.data.y", message: "Expected at least 2 classes but every label is 0" }]);
  }
  const test = spec.test ? loadTargetData(spec.test, { ...options, path: "problem.test", testFor: data }) : null;
  if (test) checkLabels(test, k, "problem.test");
  return multiclass(data, { classes: k, reduction: spec.reduction, test });
}

function checkLabels(data: LabeledData, k: number | undefined, path: string): void {
  const bad = data.y.findIndex((v) => !Number.isInteger(v) || v < 0 || (k !== undefined && v >= k));
  if (bad < 0) return;
  const range = k === undefined ? "an integer ≥ 0" : `an integer in 0..${k - 1}`;
  throw new SpecError([{
    path: `${path}.y[${bad}]`,
    message: `Expected a class label, ${range}`,
    input: data.y[bad],
  }]);
}
