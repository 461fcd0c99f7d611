import { relErrTo } from "../../src/operators/rel_err_to.ts";
import { assertClose } from "../_assert_close.ts";
import { metricsOf, snapshotOf } from "../_snapshot.ts";

Deno.test("relErrTo() adds the relative Frobenius error to a target, under any name", async () => {
  const s = snapshotOf([2, 2], [1, 0, 0, 2]);
  assertClose((await metricsOf(relErrTo([1, 0, 0, 1]), s)).rel_err_ref!, 1 / Math.SQRT2, { rtol: 1e-15 });
  const truth = { shape: [2, 2], data: new Float64Array([1, 0, 0, 2]) };
  assertClose((await metricsOf(relErrTo(truth, { name: "rel_err_truth" }), s)).rel_err_truth!, 0);
});
