import { angleGap } from "../../src/operators/angle_gap.ts";
import { assertClose } from "../_assert_close.ts";
import { metricsOf } from "./_apply.ts";
import { snapshotOf } from "./_snapshot.ts";

Deno.test("angleGap() adds 1 − cos with full precision near alignment", async () => {
  const t = 1e-7;
  const m = await metricsOf(angleGap([1, 0]), snapshotOf([Math.cos(t), Math.sin(t)]));
  assertClose(m.angle_gap!, 2 * Math.sin(t / 2) ** 2, { rtol: 1e-8 });
});
