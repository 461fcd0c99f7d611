/**
 * Composing your own analysis operators with `.pipe()`.
 *
 * Two operators of our own, next to biasflow's `norm()` and `cosineTo()`:
 *  - `metric()` turns any function of a snapshot into an operator;
 *  - `normGrowthPerDecade()` is stateful: it compares ‖w(t)‖ with ‖w(t/10)‖,
 *    which Soudry et al. predict tends to ‖ŵ‖·ln 10.
 *
 * Run: deno run -A examples/custom_operator.ts [steps]
 *
 * @module
 */
import { lastValueFrom, map, type OperatorFunction, pipe, scan, tap } from "rxjs";
import { cosineTo, metric, norm, presetSpec, type Snapshot, train, withMetrics } from "../mod.ts";

/** Adds `norm_growth_decade`: ‖w(t)‖ − ‖w(t/10)‖, from the recorded history (needs `norm`). */
function normGrowthPerDecade(): OperatorFunction<Snapshot, Snapshot> {
  return pipe(
    scan(
      (acc: { history: Map<number, number>; out: Snapshot | null }, s: Snapshot) => {
        acc.history.set(s.step, s.metrics.norm!);
        const before = s.step > 0 ? acc.history.get(s.step / 10) : undefined;
        acc.out = withMetrics(s, { norm_growth_decade: before === undefined ? NaN : s.metrics.norm! - before });
        return acc;
      },
      { history: new Map<number, number>(), out: null },
    ),
    map((acc) => acc.out!),
  );
}

/** Adds `slope`: the ratio w₂/w₁ of the separator (1 for the max-margin one). */
const slope = metric("slope", (s) => s.predictor.data[1]! / s.predictor.data[0]!);

const steps = Number(Deno.args[0] ?? 100_000);
const spec = { ...presetSpec("soudry-fig1"), steps, record: { perDecade: 1, everyMs: 0 } };
console.log("step      norm      growth/decade  (→ ‖ŵ‖ ln 10 = 1.62820)   slope      cos to ŵ");
const last = await lastValueFrom(
  train(spec).pipe(
    norm(),
    normGrowthPerDecade(),
    slope,
    cosineTo([0.5, 0.5]),
    tap((s) => {
      const m = s.metrics;
      console.log(
        String(s.step).padEnd(9),
        m.norm!.toFixed(5).padEnd(9),
        m.norm_growth_decade!.toFixed(5).padEnd(40),
        m.slope!.toFixed(6).padEnd(10),
        m.cos_ref!.toFixed(10),
      );
    }),
  ),
);
console.log(`final growth per decade: ${last.metrics.norm_growth_decade}`);
