import assert from "node:assert/strict";
import { mnistData } from "../../../src/problems/shared/mnist_data.ts";
import { MnistDataSchema } from "../../../src/problems/shared/mnist_schema.ts";
import { assertAllClose } from "../../_assert_close.ts";

// The first test image, read straight from the package's IDX file (16-byte header).
const raw = Deno.readFileSync(new URL("./data/t10k-images-idx3-ubyte", import.meta.resolve("mnist-data")));
const image0 = raw.subarray(16, 16 + 784);
const pixel = (r: number, c: number) => (r >= 0 && r < 28 && c >= 0 && c < 28 ? image0[r * 28 + c]! : 0);

function blockMeans(size: number, block: number, pad: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      let s = 0;
      for (let u = 0; u < block; u++) {
        for (let v = 0; v < block; v++) s += pixel(i * block + u - pad, j * block + v - pad);
      }
      out.push(s / (block * block) / 255);
    }
  }
  return out;
}

const spec = (fields: Record<string, unknown>) => MnistDataSchema.parse({ kind: "mnist", split: "test", ...fields });

Deno.test("mnistData() resizes by exactly the documented block means", () => {
  const at = (resize: number) => Array.from(mnistData(spec({ n: 1, resize }), { labels: "classes" }).x);
  assertAllClose(at(28), Array.from(image0, (v) => v / 255), { rtol: 0 });
  assertAllClose(at(14), blockMeans(14, 2, 0), { rtol: 1e-15 });
  assertAllClose(at(7), blockMeans(7, 4, 0), { rtol: 1e-15 });
  assertAllClose(at(10), blockMeans(10, 3, 1), { rtol: 1e-15 }); // 30×30 after one zero pixel on every side
});

Deno.test("mnistData() labels digits, relabels a digit list, and gives ±1 for two digits", () => {
  assert.deepEqual(Array.from(mnistData(spec({ n: 5, resize: 7 }), { labels: "classes" }).y), [7, 2, 1, 0, 4]);
  const some = mnistData(spec({ n: 4, resize: 7, digits: [1, 7] }), { labels: "classes" });
  assert.deepEqual(Array.from(some.y), [1, 0, 0, 0]); // test digits 7, 1, 1, 1 … (7 comes first in file order)
  const pm = mnistData(spec({ n: 4, resize: 7, digits: [1, 7] }), { labels: "binary" });
  assert.deepEqual(Array.from(pm.y), [-1, 1, 1, 1]);
  const shifted = mnistData(spec({ n: 2, offset: 2, resize: 7, digits: [1, 7] }), { labels: "classes" });
  assert.deepEqual(Array.from(shifted.x), Array.from(some.x.subarray(2 * 49)));
  assert.equal(mnistData(spec({ resize: 7 }), { labels: "classes" }).n, 10_000);
});

Deno.test("mnistData() refuses examples beyond the split and binary labels without two digits", () => {
  assert.throws(
    () => mnistData(spec({ n: 9_999, offset: 2, resize: 7 }), { labels: "classes" }),
    /at problem\.data\.n: expected n \+ offset \(9999 \+ 2\) within the 10000 examples of the test split \(saw 9999\)/,
  );
  assert.throws(
    () => mnistData(spec({ offset: 20_000 }), { labels: "classes" }),
    /at problem\.data\.offset: expected an offset below the 10000 examples of the test split/,
  );
  assert.throws(
    () => mnistData(spec({ n: 2, digits: [1, 2, 3] }), { labels: "binary", path: "problem.test" }),
    /at problem\.test\.digits: expected two digits for binary labels/,
  );
});

Deno.test("MnistDataSchema names bad fields and values", () => {
  const issue = (fields: Record<string, unknown>) => {
    const r = MnistDataSchema.safeParse({ kind: "mnist", ...fields });
    assert.equal(r.success, false);
    return `${r.error!.issues[0]!.path.join(".")}: ${r.error!.issues[0]!.message}`;
  };
  assert.match(issue({ split: "validation" }), /^split: Expected a split of "train" or "test"/);
  assert.match(issue({ resize: 12 }), /^resize: Expected a resize of 28, 14, 10 or 7/);
  assert.match(issue({ digits: [3, 11] }), /^digits\.1: Expected a digit 0–9/);
  assert.match(issue({ digits: [3] }), /^digits: Expected at least two digits/);
});
