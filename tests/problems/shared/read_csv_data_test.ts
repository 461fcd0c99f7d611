import assert from "node:assert/strict";
import { parseCsvData, readCsvData } from "../../../src/problems/shared/read_csv_data.ts";

Deno.test("parseCsvData() reads rows with or without a header, skipping blanks and comments", () => {
  const a = parseCsvData("x1,x2,label\n0.5, 1.5, 1\n\n# a comment\n-1,-2,-1\n", "a.csv");
  assert.deepEqual({ n: a.n, d: a.d, x: Array.from(a.x), y: Array.from(a.y) }, {
    n: 2,
    d: 2,
    x: [0.5, 1.5, -1, -2],
    y: [1, -1],
  });
  const b = parseCsvData("1e-3,2,1\r\n3,4,-1\r\n", "b.csv");
  assert.deepEqual(Array.from(b.x), [1e-3, 2, 3, 4]);
});

Deno.test("parseCsvData() names the line of ragged rows, bad numbers and bad labels", () => {
  assert.throws(
    () => parseCsvData("1,2,1\n1,1\n", "f.csv"),
    SyntaxError,
    "f.csv: line 2 has 2 fields but line 1 has 3",
  );
  assert.throws(() => parseCsvData("1,2,1\n1,x,1\n", "f.csv"), SyntaxError, "line 2 field 2 is not a finite number");
  assert.throws(() => parseCsvData("1,2,1\n1,x,1\n", "inline"), SyntaxError, 'not a finite number (saw "x")');
  assert.throws(() => parseCsvData("1,2,0\n", "f.csv"), SyntaxError, "line 1 has label 0");
  assert.throws(() => parseCsvData("a,b\n", "f.csv"), SyntaxError, "no data rows");
  assert.throws(() => parseCsvData("1\n", "f.csv"), SyntaxError, "at least one feature");
});

Deno.test("readCsvData() reports a missing file as a SyntaxError naming it", () => {
  assert.throws(() => readCsvData("/nonexistent/points.csv"), SyntaxError, "Cannot read CSV /nonexistent/points.csv");
});

Deno.test("readCsvData() never echoes a file's content in its errors (issue 15: a spec naming /etc/shadow)", async () => {
  const path = await Deno.makeTempFile({ suffix: ".csv" });
  Deno.writeTextFileSync(path, "root:$6$secret-hash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n");
  const err = (() => {
    try {
      readCsvData(path);
    } catch (e) {
      return e as Error;
    }
  })();
  assert.ok(err instanceof SyntaxError);
  assert.match(err.message, /line 2 field 1 is not a finite number$/);
  assert.doesNotMatch(err.message, /secret|daemon|19000/);
});
