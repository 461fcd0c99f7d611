import assert from "node:assert/strict";
import { loadViewerAssets } from "../../src/server/load_viewer_assets.ts";

// The viewer validates specs with the server's zod parseSpec, which reaches the problem kinds' data loaders: a
// `node:` import anywhere on that path would leave the page without a form (browsers cannot load node: modules).
// (Dynamic `import("node:…")` inside libraries' Node-only branches never runs in a browser and is allowed.)
Deno.test("the viewer bundle imports no node: module statically", async () => {
  const { js } = await loadViewerAssets();
  assert.deepEqual(js.match(/\bfrom\s*["']node:[a-z_/]+["']/g) ?? [], []);
});
