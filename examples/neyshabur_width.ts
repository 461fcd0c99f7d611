/**
 * Neyshabur, Tomioka & Srebro (ICLR 2015 workshop), seed slides 2–5: one
 * hidden ReLU layer of growing width on MNIST (10×10), SGD without any
 * regularization. Prints width → train error, test error, path norm and ‖θ‖
 * as each run finishes: the test error keeps falling after the training set
 * is fit.
 *
 * Run: deno run -A examples/neyshabur_width.ts [n = 4000] [epochs = 60] [widths = 16,64,256,1024]
 * (the preset's full size is n = 50000, widths 4 … 4096, each until 0 training errors or 150 epochs:
 * `deno task run neyshabur-width`). `epochs` is the cap; the preset's stop rule still ends a width that fits
 * the training set earlier (the epoch column says when).
 *
 * @module
 */
import { lastValueFrom } from "rxjs";
import { analyze, compileRun, presets, presetSpec, train } from "../mod.ts";
import { setAtPath } from "../src/spec/set_at_path.ts";

const n = Number(Deno.args[0] ?? 4000);
const epochs = Number(Deno.args[1] ?? 60);
const widths = (Deno.args[2] ?? "16,64,256,1024").split(",").map(Number);
const { path } = presets()["neyshabur-width"]!.sweep!;
const base = setAtPath(setAtPath(presetSpec("neyshabur-width"), "problem.data.n", n), "epochs", epochs);
console.log(`MNIST 10×10, ${n} training examples, the 10,000 test images, SGD lr 0.2 batch 64, ${epochs} epochs\n`);
console.log(
  ["width", "epochs", "train error", "test error", "path norm", "‖θ‖", "seconds"].map((h) => h.padStart(12)).join(""),
);
for (const width of widths) {
  const run = compileRun(setAtPath(base, path, width));
  const last = await lastValueFrom(train(run).pipe(analyze(run)));
  const m = last.metrics;
  console.log(
    [
      String(width),
      String(m.epoch),
      m.train_error!.toFixed(4),
      m.test_error!.toFixed(4),
      m.path_norm!.toFixed(2),
      m.norm!.toFixed(2),
    ]
      .map((c) => c.padStart(12)).join("") + last.wall.toFixed(1).padStart(12),
  );
}
