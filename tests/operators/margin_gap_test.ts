import { marginGap } from "../../src/operators/margin_gap.ts";
import { assertClose } from "../_assert_close.ts";
import { metricsOf } from "./_apply.ts";
import { snapshotOf } from "./_snapshot.ts";

Deno.test("marginGap() adds the reference margin minus the predictor's", async () => {
  const data = { z: new Float64Array([0.5, 1.5, 1.5, 0.5]) };
  const m = await metricsOf(marginGap(data, Math.SQRT2), snapshotOf([1, 0]));
  assertClose(m.margin_gap!, Math.SQRT2 - 0.5, { rtol: 1e-15 });
  const at = await metricsOf(marginGap(data, Math.SQRT2), snapshotOf([3, 3]));
  assertClose(at.margin_gap!, 0, { atol: 1e-15 });
});
