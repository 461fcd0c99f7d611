/** A stored, unfinished run whose records carry a 3×3 predictor diag(e^{-t/k}, …) and sv_i metrics. */
export function writeMatrixRun(dir: string): void {
  const run = `${dir}/matrix-run`;
  Deno.mkdirSync(run);
  Deno.writeTextFileSync(
    `${run}/spec.json`,
    JSON.stringify({
      name: "matrix",
      problem: { kind: "linear-classification", data: { kind: "points", x: [[1, 2, 3]], y: [1] } },
      steps: 1000,
    }),
  );
  const lines = [1, 2, 5, 10, 20, 50, 100, 200, 500].map((step) => {
    const sv = [1, 2, 3].map((k) => Math.exp(-step / (100 * k)) + 0.01 * k);
    const data = [sv[0]!, 0, 0, 0, sv[1]!, 0, 0, 0, sv[2]!];
    return JSON.stringify({
      type: "snapshot",
      run: "matrix-run",
      step,
      wall: step / 1000,
      status: "running",
      trigger: "schedule",
      metrics: { sv_1: Math.max(...sv), norm_nuclear: sv.reduce((a, b) => a + b) },
      predictor: { shape: [3, 3], data },
    });
  });
  Deno.writeTextFileSync(`${run}/events.ndjson`, lines.join("\n") + "\n");
}
