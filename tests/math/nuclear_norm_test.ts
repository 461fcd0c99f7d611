import { nuclearNorm } from "../../src/math/nuclear_norm.ts";
import { assertClose } from "../_assert_close.ts";

Deno.test("nuclearNorm() equals the trace of a PSD matrix", () => {
  // W·Wᵀ with W = [[1, 2], [0, 1], [3, -1]]
  const w = [[1, 2], [0, 1], [3, -1]];
  const x = new Float64Array(9);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) x[i * 3 + j] = w[i]![0]! * w[j]![0]! + w[i]![1]! * w[j]![1]!;
  assertClose(nuclearNorm(x, 3), x[0]! + x[4]! + x[8]!, { rtol: 1e-13 });
});

Deno.test("nuclearNorm() of a rank-one matrix is the product of the factor norms", () => {
  const u = [1, -2, 2], v = [3, 4];
  const x = new Float64Array(6);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) x[i * 2 + j] = u[i]! * v[j]!;
  assertClose(nuclearNorm(x, 3), 3 * 5, { rtol: 1e-13 });
});
