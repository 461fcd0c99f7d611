import { margin } from "../../src/operators/margin.ts";
import { assertClose } from "../_assert_close.ts";
import { metricsOf } from "./_apply.ts";
import { snapshotOf } from "./_snapshot.ts";

Deno.test("margin() adds the normalized margin in the chosen norm", async () => {
  const data = { z: new Float64Array([0.5, 1.5, 1.5, 0.5]) };
  const m = await metricsOf(margin(data), snapshotOf([1, 1]));
  assertClose(m.margin!, 2 / Math.SQRT2, { rtol: 1e-15 });
  const m1 = await metricsOf(margin(data, { p: 1, name: "margin_l1" }), snapshotOf([1, 1]));
  assertClose(m1.margin_l1!, 1, { rtol: 1e-15 });
});
