import assert from "node:assert/strict";
import { renderLinearGdWasm } from "../../../src/cpu/kernels/_build_wasm.ts";

Deno.test("renderLinearGdWasm() reproduces the checked-in module from linear_gd.wat", async () => {
  const checkedIn = await Deno.readTextFile(new URL("../../../src/cpu/kernels/_linear_gd_wasm.ts", import.meta.url));
  assert.equal(
    await renderLinearGdWasm(),
    checkedIn,
    "src/cpu/kernels/_linear_gd_wasm.ts is stale: run `deno task build:wasm`",
  );
});
