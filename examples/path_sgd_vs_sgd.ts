/**
 * Neyshabur, Salakhutdinov & Srebro (NIPS 2015), seed slide 7: Path-SGD and
 * SGD on a two-hidden-layer ReLU net on MNIST, each from a balanced init and
 * from a rescaled ("unbalanced") copy that computes the same function. Prints
 * both optimizers' train and test error curves per epoch: Path-SGD's two
 * curves coincide (it is invariant to node rescaling), SGD's do not.
 *
 * Run: deno run -A examples/path_sgd_vs_sgd.ts [n = 1000] [width = 64] [epochs = 4]
 * (the presets' full size: 50,000 examples, 4,000 units per layer)
 *
 * @module
 */
import { filter, lastValueFrom, toArray } from "rxjs";
import { analyze, compileRun, presetSpec, train } from "../mod.ts";
import { setAtPath } from "../src/spec/set_at_path.ts";

const n = Number(Deno.args[0] ?? 1000);
const width = Number(Deno.args[1] ?? 64);
const epochs = Number(Deno.args[2] ?? 4);
console.log(`MNIST 10×10, ${n} training examples, 2,000 test images, widths ${width}-${width}, batch 64\n`);
for (const preset of ["path-sgd-mnist", "sgd-mnist"]) {
  for (const init of [{ kind: "balanced", seed: 0 }, { kind: "unbalanced", seed: 0, spread: 10 }]) {
    let spec = presetSpec(preset);
    for (
      const [p, v] of [["problem.data.n", n], ["problem.test.n", 2000], ["problem.widths", [width, width]], [
        "epochs",
        epochs,
      ], ["init", init]] as const
    ) spec = setAtPath(spec, p, v) as typeof spec;
    const run = compileRun(spec);
    const ends = await lastValueFrom(
      train(run).pipe(analyze(run), filter((s) => Number.isInteger(s.metrics.epoch) && s.step > 0), toArray()),
    );
    const curve = ends.map((s) => `${s.metrics.train_error!.toFixed(3)}/${s.metrics.test_error!.toFixed(3)}`);
    console.log(`${preset.padEnd(15)} ${init.kind.padEnd(10)} train/test error per epoch: ${curve.join("  ")}`);
  }
}
