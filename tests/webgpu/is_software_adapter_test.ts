import assert from "node:assert/strict";
import { isSoftwareAdapter } from "../../src/webgpu/is_software_adapter.ts";

Deno.test("isSoftwareAdapter() recognizes Mesa's llvmpipe and lavapipe, SwiftShader and WARP", () => {
  for (
    const description of [
      "llvmpipe (LLVM 15.0.6, 256 bits)",
      "Mesa lavapipe (LLVM 15.0.6)",
      "SwiftShader Device (Subzero)",
      "Microsoft Basic Render Driver",
    ]
  ) assert.equal(isSoftwareAdapter({ description }), true, description);
  assert.equal(isSoftwareAdapter({ vendor: "google", architecture: "swiftshader" }), true);
});

Deno.test("isSoftwareAdapter() trusts the fallback flag", () => {
  assert.equal(isSoftwareAdapter({ description: "", isFallbackAdapter: true }), true);
});

Deno.test("isSoftwareAdapter() accepts hardware adapters, Mesa's hardware drivers included", () => {
  for (
    const description of [
      "NVIDIA H100 80GB HBM3",
      "AMD Radeon RX 7900 XTX (RADV NAVI31)",
      "Apple M2",
      "Intel(R) Arc(tm)",
    ]
  ) assert.equal(isSoftwareAdapter({ description, vendor: "mesa" }), false, description);
  assert.equal(isSoftwareAdapter({}), false);
});
