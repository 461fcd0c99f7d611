import assert from "node:assert/strict";
import { OKABE_ITO, runColors } from "../../src/viewer/colors.ts";

Deno.test("`runColors()` uses the Okabe–Ito palette for runs that are not a numeric sweep", () => {
  assert.deepEqual(runColors(["a", 1]), OKABE_ITO.slice(0, 2));
  assert.equal(runColors(Array(10).fill(undefined))[8], OKABE_ITO[0]);
});

Deno.test("`runColors()` orders a numeric sweep along viridis, on a log scale over decades", () => {
  const [a, b, c] = runColors([0.001, 0.01, 0.1]);
  assert.equal(runColors([0.1, 0.001, 0.01])[1], a); // color follows the value, not the order
  assert.notEqual(a, b);
  assert.notEqual(b, c);
  // log scale: 0.01 sits in the middle of the ramp
  assert.equal(runColors([0.001, 0.01, 0.1])[1], runColors([1, 2, 3])[1]);
});
