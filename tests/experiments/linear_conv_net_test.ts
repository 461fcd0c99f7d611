/**
 * Linear convolutional networks, docs/experiments.md §7 (Gunasekar, Lee, Soudry &
 * Srebro, NeurIPS 2018): a two-layer full-width circular convolutional net is
 * biased towards the ℓ1 norm of β's Fourier transform, a fully connected one
 * towards the ℓ2 norm of β.
 */
import assert from "node:assert/strict";
import { concentration, linearConvNet } from "../../examples/linear_conv_net.ts";

// Experiment 7: on one example, the L = 2 conv net's |DFT(β)| concentrates on argmax_k |x̂ₖ| and its
// conjugate (the ℓ1-DFT max margin), while the fully connected net gives β ∝ x (the L2 max margin).
Deno.test("linearConvNet() concentrates β̂ on the example's strongest frequency; the fully connected net keeps β ∝ x", async () => {
  const { x, k, conv, fullyConnected } = await linearConvNet({ steps: 100_000 });
  assert.equal(k, 2);
  const own = concentration(x, k); // x itself has 63.5% of its DFT mass there
  const lateConv = conv.filter((p) => p.step >= 1000), lastConv = lateConv.at(-1)!;
  assert.ok(lastConv.concentration > 0.999, `conv: ${lastConv.concentration}`);
  for (let i = 1; i < lateConv.length; i++) assert.ok(lateConv[i]!.concentration > lateConv[i - 1]!.concentration);
  assert.ok(lastConv.angleGap < 1e-6, `conv: gap to the ℓ1-DFT max margin ${lastConv.angleGap}`);
  assert.ok(lastConv.cosX < 0.95, "the conv net's β is not ∝ x");
  const lastFc = fullyConnected.at(-1)!;
  assert.ok(lastFc.cosX > 0.9998, `fully connected: cos(β, x) = ${lastFc.cosX}`);
  assert.ok(Math.abs(lastFc.concentration - own) < 0.01, `fully connected share ${lastFc.concentration} vs x's ${own}`);
  assert.ok(lastFc.angleGap < 2e-4, `fully connected: gap to the L2 max margin ${lastFc.angleGap}`);
});
