import assert from "node:assert/strict";
import { lastValueFrom, toArray } from "rxjs";
import { compileRun } from "../../src/engine/compile_run.ts";
import { cosine } from "../../src/math/cosine.ts";
import { onebitMetrics } from "../../src/operators/onebit_metrics.ts";
import type { MatrixSensing } from "../../src/problems/matrix_sensing.ts";
import { solveReference } from "../../src/reference/solve_reference.ts";
import { train } from "../../src/streams/train.ts";
import { assertClose } from "../_assert_close.ts";

Deno.test("onebitMetrics() adds the normalized nuclear margin, its gap and ratio, and the angle to X̄", async () => {
  // Labels on X₀₀ (+1) and X₁₁ (−1) of a general 2×2 X: X̄ = diag(1, −1), margin ½.
  const run = compileRun({
    problem: {
      kind: "matrix-sensing",
      n: 2,
      symmetric: false,
      loss: "exp",
      measurements: { kind: "points", a: [[[1, 0], [0, 0]], [[0, 0], [0, 1]]], y: [1, -1] },
    },
    optimizer: { kind: "gd", lr: 0.1 },
    init: { kind: "gaussian", scale: 0.3, seed: 2 },
    steps: 50,
  });
  const reference = await solveReference(run);
  assert.ok(reference.predictor, reference.predictor === null ? reference.error : "");
  assertClose(reference.margin!, 0.5, { rtol: 1e-8 });
  const last = await lastValueFrom(train(run).pipe(onebitMetrics(run.problem as MatrixSensing, reference)));
  const x = last.predictor.data, m = last.metrics;
  const sv = [m.sv_0!, m.sv_1!];
  assertClose(m.margin_nuclear!, Math.min(x[0]!, -x[3]!) / (sv[0]! + sv[1]!), { rtol: 1e-12 });
  assertClose(m.margin_gap!, 0.5 - m.margin_nuclear!, { rtol: 1e-12 });
  assertClose(m.margin_ratio!, m.margin_nuclear! / 0.5, { rtol: 1e-12 });
  assertClose(m.cos_ref!, cosine(x, [1, 0, 0, -1]), { rtol: 1e-7 });
  assert.ok(m.angle_gap! >= 0);
  const none = await lastValueFrom(
    train(run).pipe(onebitMetrics(run.problem as MatrixSensing, { kind: "none", predictor: null, error: "x" })),
  );
  assert.deepEqual(Object.keys(none.metrics).sort(), ["margin_nuclear", "norm_nuclear", "rank_eff", "sv_0", "sv_1"]);
});

/** margin_ratio at the given steps of a run of n = 5, m = 8 Gaussian 1-bit sensing (X = UUᵀ, logistic, sum). */
async function ratios(seed: number, optimizer: { kind: string; lr: number }, steps: number, at: number[]) {
  const spec = {
    problem: {
      kind: "matrix-sensing",
      n: 5,
      loss: "logistic",
      measurements: { kind: "gaussian", m: 8, truthRank: 1, seed },
    },
    optimizer,
    init: { kind: "identity", scale: 1e-3 },
    steps,
    backend: "cpu",
    record: { perDecade: 1 },
  };
  const run = compileRun(spec);
  const reference = await solveReference(run);
  assert.ok(reference.predictor, reference.predictor === null ? reference.error : "");
  const all = await lastValueFrom(train(run).pipe(onebitMetrics(run.problem as MatrixSensing, reference), toArray()));
  return at.map((step) => all.find((s) => s.step === step)!.metrics.margin_ratio!);
}

Deno.test("GD's normalized nuclear margin rises toward the reference's over decades; normalized GD gets closer in 10× fewer steps", async () => {
  const rows: string[] = [];
  for (const seed of [0, 1, 2, 3, 4]) {
    const gd = await ratios(seed, { kind: "gd", lr: 0.05 }, 100_000, [100, 1000, 10_000, 100_000]);
    const [ngd] = await ratios(seed, { kind: "normalized-gd", lr: 0.002 }, 10_000, [10_000]);
    rows.push(`seed ${seed}: GD ${gd.map((r) => r.toFixed(3)).join(" → ")}; normalized GD at 10⁴ ${ngd!.toFixed(3)}`);
    // Rising over every decade from 10² on (the theory: in direction, like 1/log t), below the optimum.
    for (let k = 1; k < gd.length; k++) assert.ok(gd[k]! > gd[k - 1]!, rows.at(-1));
    assert.ok(gd[3]! > 0.7 && gd[3]! < 1, rows.at(-1));
    // Normalized GD (the shifted ∇ log L): within 5% of the optimum, at most 55% of GD's remaining gap (4–25× less on the other draws).
    assert.ok(ngd! > 0.95 && ngd! <= 1 + 1e-9, rows.at(-1));
    assert.ok(1 - ngd! < 0.55 * (1 - gd[3]!), rows.at(-1));
  }
  console.log(`  margin_ratio (steps 10², 10³, 10⁴, 10⁵):\n  ${rows.join("\n  ")}`);
});
