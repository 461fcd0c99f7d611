import { unitaryDft } from "../../src/math/unitary_dft.ts";
import { lpNorm } from "../../src/math/lp_norm.ts";
import { assertAllClose, assertClose } from "../_assert_close.ts";

Deno.test("unitaryDft() matches numpy.fft.fft(x)/√d on a fixed vector", () => {
  // numpy: np.fft.fft([0.9, -0.4, -0.7, 0.5, 0.6, -0.8, -0.3, 0.2]) / np.sqrt(8)
  const { re, im } = unitaryDft([0.9, -0.4, -0.7, 0.5, 0.6, -0.8, -0.3, 0.2]);
  assertAllClose(
    re,
    [
      -7.850462293418875e-17,
      0.13106601717798214,
      0.8838834764831843,
      0.08106601717798213,
      0.3535533905932738,
      0.08106601717798213,
      0.8838834764831843,
      0.13106601717798214,
    ],
    { atol: 1e-15 },
  );
  assertAllClose(
    im,
    [
      0,
      -0.03357864376269051,
      0.6717514421272202,
      -0.3164213562373095,
      0,
      0.3164213562373095,
      -0.6717514421272202,
      0.03357864376269051,
    ],
    { atol: 1e-15 },
  );
});

Deno.test("unitaryDft() preserves the ℓ2 norm and inner products (Parseval)", () => {
  const x = [1, -2, 0.5, 3, 0, -1, 2], y = [0.3, 1, -1, 2, 0.5, 0.25, -3];
  const fx = unitaryDft(x), fy = unitaryDft(y);
  const norm = Math.hypot(...fx.re, ...fx.im);
  assertClose(norm, lpNorm(x, 2), { rtol: 1e-14 });
  let dot = 0, reDot = 0;
  for (let k = 0; k < x.length; k++) {
    dot += x[k]! * y[k]!;
    reDot += fx.re[k]! * fy.re[k]! + fx.im[k]! * fy.im[k]!;
  }
  assertClose(reDot, dot, { rtol: 1e-13 });
});

Deno.test("unitaryDft() of a convolution is √d times the product of the transforms", () => {
  const a = [1, 2, 0, -1, 3], b = [0.5, -1, 2, 0, 1], d = a.length;
  const conv = Array.from({ length: d }, (_, i) => a.reduce((s, aj, j) => s + aj * b[(i - j + d) % d]!, 0));
  const fa = unitaryDft(a), fb = unitaryDft(b), fc = unitaryDft(conv);
  for (let k = 0; k < d; k++) {
    const re = fa.re[k]! * fb.re[k]! - fa.im[k]! * fb.im[k]!, im = fa.re[k]! * fb.im[k]! + fa.im[k]! * fb.re[k]!;
    assertClose(fc.re[k]!, Math.sqrt(d) * re, { atol: 1e-13 });
    assertClose(fc.im[k]!, Math.sqrt(d) * im, { atol: 1e-13 });
  }
});
