import { distTo } from "../../src/operators/dist_to.ts";
import { assertClose } from "../_assert_close.ts";
import { metricsOf } from "./_apply.ts";
import { snapshotOf } from "./_snapshot.ts";

Deno.test("distTo() adds the distance between unit directions", async () => {
  const m = await metricsOf(distTo([2, 0]), snapshotOf([0, 5]));
  assertClose(m.dist_ref!, Math.SQRT2, { rtol: 1e-15 });
});
