import { presetSpec } from "../../src/presets/presets.ts";

/**
 * A stored, unfinished matrix sensing run (20 × 20: too large for records to
 * carry the predictor) whose records have the spectrum's metrics, as the
 * analysis writes them: `norm_nuclear`, `rank_eff` and `sv_0` … `sv_3`,
 * largest first, with σₖ₊₁ = e^{-t/(100(k+1))} + 0.01(k+1).
 */
export function writeMatrixRun(dir: string): void {
  const run = `${dir}/matrix-run`;
  Deno.mkdirSync(run);
  const spec = { ...(presetSpec("matrix-sensing-diagonal") as Record<string, unknown>), name: "matrix", steps: 1000 };
  Deno.writeTextFileSync(`${run}/spec.json`, JSON.stringify(spec));
  const lines = [1, 2, 5, 10, 20, 50, 100, 200, 500].map((step) => {
    const sv = [1, 2, 3, 4].map((k) => Math.exp(-step / (100 * k)) + 0.01 * k).sort((a, b) => b - a);
    return JSON.stringify({
      type: "snapshot",
      run: "matrix-run",
      step,
      wall: step / 1000,
      status: "running",
      trigger: "schedule",
      metrics: {
        loss: 1 / step,
        norm_nuclear: sv.reduce((a, b) => a + b),
        rank_eff: 2,
        ...Object.fromEntries(sv.map((v, k) => [`sv_${k}`, v])),
      },
    });
  });
  Deno.writeTextFileSync(`${run}/events.ndjson`, lines.join("\n") + "\n");
}
