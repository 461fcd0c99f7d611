import { sensingData } from "../shared/sensing_data.ts";
import { type MatrixSensing, matrixSensing } from "./matrix_sensing.ts";
import type { MatrixSensingSpec } from "./matrix_sensing_schema.ts";

/**
 * Compiles a `matrix-sensing` spec. With a classification loss (1-bit
 * sensing) generated measurements become labels yᵢ = sign⟨Aᵢ, X*⟩ (+1 on
 * an exact 0); inline ones are the ±1 labels the spec checked. (The schema
 * filled the reduction: `sum` for a classification loss, else `mean`.)
 */
export function compileMatrixSensing(spec: MatrixSensingSpec): MatrixSensing {
  const data = sensingData(spec.measurements, { n: spec.n, symmetric: spec.symmetric });
  const loss = spec.loss ?? "squared", classify = loss !== "squared";
  if (classify && spec.measurements.kind !== "points") {
    for (let i = 0; i < data.y.length; i++) data.y[i] = data.y[i]! < 0 ? -1 : 1;
  }
  return matrixSensing(data, {
    rank: spec.rank ?? spec.n,
    symmetric: spec.symmetric,
    reduction: spec.reduction,
    loss,
  });
}
