import assert from "node:assert/strict";
import { join } from "node:path";
import { runCommand } from "../../../src/cli/run_command.ts";
import { parseSpec } from "../../../src/run/spec_parser.ts";

const points = { kind: "points", x: [[0, 1], [1, 0]], y: [0, 1] };
const mlpSpec = (problem: Record<string, unknown>, rest: Record<string, unknown> = {}) => ({
  problem: { kind: "mlp", widths: [4], data: points, ...problem },
  steps: 10,
  ...rest,
});

Deno.test("parseSpec fills the mlp defaults: relu, biases, cross-entropy, mean, PyTorch's init", () => {
  const spec = parseSpec(mlpSpec({}));
  assert.deepEqual(
    { ...spec.problem, data: undefined },
    {
      kind: "mlp",
      widths: [4],
      activation: "relu",
      bias: true,
      loss: "cross-entropy",
      reduction: "mean",
      data: undefined,
    },
  );
  assert.deepEqual(spec.init, { kind: "pytorch", seed: 0 });
});

const BAD: [string, unknown, RegExp][] = [
  [
    "backend webgpu on a net too wide for the row kernel, with a rule the tiled kernels lack",
    mlpSpec({ widths: [400] }, { backend: "webgpu", optimizer: { kind: "normalized-gd", lr: 0.1 } }),
    /at backend: the WebGPU mlp kernel keeps a chunk's activations in workgroup memory: widths 2-400-2 need 13024 bytes .*; the tiled mlp kernels \(any width\) run only .*, not normalized-gd; use backend cpu \(saw "webgpu"\)/,
  ],
  [
    "empty widths",
    mlpSpec({ widths: [] }),
    /at problem\.widths: expected at least one hidden layer \(widths is empty\)/,
  ],
  ["a zero width", mlpSpec({ widths: [4, 0] }), /at problem\.widths\[1\]: expected a width ≥ 1 \(saw 0\)/],
  [
    "a width over the limit",
    mlpSpec({ widths: [20000] }),
    /at problem\.widths\[0\]: expected a width of at most 16384 \(saw 20000\)/,
  ],
  [
    "one digit",
    mlpSpec({ data: { kind: "mnist", n: 10, digits: [3] } }),
    /at problem\.data\.digits: expected at least two digits.*\(saw \[3\]\)/,
  ],
  [
    "path-sgd on linear classification",
    {
      problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
      optimizer: { kind: "path-sgd", lr: 0.1 },
      steps: 10,
    },
    /at optimizer\.kind: expected an mlp problem for path-sgd .* \(saw "path-sgd"\)/,
  ],
  [
    "binary labels that are not ±1",
    mlpSpec({ loss: "logistic" }),
    /at problem\.data\.y\[0\]: expected a label of -1 or 1 for a binary loss \(saw 0\)/,
  ],
  [
    "a test set of another width",
    mlpSpec({ data: { kind: "mnist", n: 10, resize: 7 }, test: { kind: "mnist", split: "test", n: 10, resize: 14 } }),
    /at problem\.test: expected 49 features per example like the training data but found 196 \(saw 196\)/,
  ],
  ["a pytorch init on another kind", {
    problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
    init: { kind: "pytorch" },
    steps: 1,
  }, /at init\.kind: expected an mlp problem for a pytorch init/],
  [
    "classes with a binary loss",
    mlpSpec({ loss: "exp", classes: 2 }),
    /at problem\.classes: expected no classes with the exp loss/,
  ],
];

for (const [what, spec, message] of BAD) {
  Deno.test(`deno task run refuses an mlp spec with ${what}: exit 2, one line, nothing written`, async () => {
    const dir = await Deno.makeTempDir();
    try {
      const file = join(dir, "spec.json");
      await Deno.writeTextFile(file, JSON.stringify(spec));
      let err = "";
      const io = { stdout() {}, stderr: (s: string) => err += s, stderrIsTerminal: false };
      assert.equal(await runCommand([file, "--out", join(dir, "runs")], { io }), 2);
      assert.match(err, message);
      assert.equal(err.trim().split("\n").length, 1);
      assert.throws(() => Deno.statSync(join(dir, "runs")), Deno.errors.NotFound);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
}
