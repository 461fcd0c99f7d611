import { relErrTo } from "../../src/operators/rel_err_to.ts";
import { assertClose } from "../_assert_close.ts";
import { metricsOf } from "./_apply.ts";
import { snapshotOf } from "./_snapshot.ts";

Deno.test("relErrTo() adds rel_err_ref = ‖β − ref‖/‖ref‖", async () => {
  const m = await metricsOf(relErrTo({ shape: [2], data: Float64Array.of(3, 0) }), snapshotOf([3, 4]));
  assertClose(m.rel_err_ref!, 4 / 3, { rtol: 1e-15 });
});

Deno.test("relErrTo() measures matrices in the Frobenius norm, under any name", async () => {
  const s = snapshotOf([], { predictor: { shape: [2, 2], data: Float64Array.of(1, 0, 0, 2) } });
  const m = await metricsOf(
    relErrTo({ shape: [2, 2], data: Float64Array.of(1, 0, 0, 1) }, { name: "rel_err_truth" }),
    s,
  );
  assertClose(m.rel_err_truth!, 1 / Math.SQRT2, { rtol: 1e-15 });
});
