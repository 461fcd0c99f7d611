import { gpuTest } from "../_with_gpu.ts";
import { assertTiledParity, net } from "./_mlp_tiled_checks.ts";

// Its own file: 17 chunks per step make ~6,500 dispatches, ~25 s on llvmpipe (a few ms each).
gpuTest(
  "full-batch GD on 16,400 rows (17 chunks per step) takes more steps per submission than SGD's row buffer holds for that batch",
  async (gpu) => {
    // The rows of 53 steps of 16,400 would overflow SGD's 2²⁰-index buffer (64 steps per submission): full-batch runs
    // use the identity rows and once took that same cap, failing past 63 steps' worth.
    await assertTiledParity(gpu, [[net([4], 16_400), { kind: "gd", lr: 0.5 }]], 64, 1e-4);
  },
);
