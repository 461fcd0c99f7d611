import assert from "node:assert/strict";
import { metricInfo } from "../../src/viewer/metric_info.ts";

Deno.test("`metricInfo()` labels the default metrics with units and scales", () => {
  assert.deepEqual(
    ["loss", "margin", "cos_ref"].map((m) => [metricInfo(m).unit, metricInfo(m).scale]),
    [["nats", "log"], ["", "linear"], ["", "linear"]],
  );
});

Deno.test("`metricInfo()` names singular values σᵢ from σ₁ (sv_0, the largest) and falls back to the name", () => {
  assert.deepEqual(["sv_0", "sv_1", "sv_11"].map((m) => metricInfo(m).label), ["σ₁", "σ₂", "σ₁₂"]);
  assert.deepEqual(metricInfo("my_metric"), { label: "my_metric", unit: "", scale: "log", help: "my_metric" });
});
