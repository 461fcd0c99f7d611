/**
 * Memory over a long mlp run: trains SGD for `epochs` epochs (default 100) on
 * MNIST 10×10 with the default analysis (a record at every epoch's end), and
 * samples the process's RSS at each epoch. Flat means the last quarter's
 * largest RSS is within 5% of the first quarter's largest.
 *
 * Run: deno run -A bench/mlp_memory.ts [epochs = 100] [n = 2000] [width = 256]
 *
 * @module
 */
import { lastValueFrom, tap } from "rxjs";
import { compileRun } from "../src/run/compile_run.ts";
import { analysisPipeline } from "../src/run/analysis_pipeline.ts";
import { train } from "../src/streams/train.ts";

const [epochs = 100, n = 2000, width = 256] = Deno.args.map(Number);
const run = compileRun({
  problem: {
    kind: "mlp",
    widths: [width],
    data: { kind: "mnist", n, resize: 10 },
    test: { kind: "mnist", split: "test", n: 2000, resize: 10 },
  },
  optimizer: { kind: "sgd", lr: 0.2, batch: 64 },
  epochs,
  record: { perDecade: 2, everyMs: 0 },
});
const rss: number[] = [];
const t0 = performance.now();
await lastValueFrom(
  train(run).pipe(
    analysisPipeline(run, { kind: "none", predictor: null, error: "" }),
    tap((s) => {
      if (Number.isInteger(s.metrics.epoch)) rss.push(Deno.memoryUsage().rss);
    }),
  ),
);
const q = Math.max(1, Math.floor(rss.length / 4));
const early = Math.max(...rss.slice(0, q)), late = Math.max(...rss.slice(-q));
const mib = (b: number) => (b / 2 ** 20).toFixed(1);
console.log(JSON.stringify({
  epochs,
  n,
  width,
  seconds: +((performance.now() - t0) / 1000).toFixed(1),
  samples: rss.length,
  firstQuarterMaxMiB: +mib(early),
  lastQuarterMaxMiB: +mib(late),
  growth: +(late / early - 1).toFixed(4),
  flat: late <= early * 1.05,
}));
