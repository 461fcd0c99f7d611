import { dftMagnitudes } from "../../src/math/dft_magnitudes.ts";
import { assertAllClose } from "../_assert_close.ts";

Deno.test("dftMagnitudes() matches |numpy.fft.fft(x)|/√d and is symmetric", () => {
  const m = dftMagnitudes([0.9, -0.4, -0.7, 0.5, 0.6, -0.8, -0.3, 0.2]);
  assertAllClose(
    m,
    [
      7.850462293418875e-17,
      0.13529902503654925,
      1.1101801655587258,
      0.32664074121909414,
      0.3535533905932738,
      0.32664074121909414,
      1.1101801655587258,
      0.13529902503654925,
    ],
    { atol: 1e-15 },
  );
});

Deno.test("dftMagnitudes() of a delta is flat", () => {
  assertAllClose(dftMagnitudes([2, 0, 0, 0]), [1, 1, 1, 1], { rtol: 1e-15 });
});
