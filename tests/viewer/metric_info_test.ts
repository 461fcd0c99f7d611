import assert from "node:assert/strict";
import { metricInfo } from "../../src/viewer/metric_info.ts";

Deno.test("`metricInfo()` labels the default metrics with units and scales", () => {
  assert.deepEqual(
    ["loss", "margin", "cos_ref"].map((m) => [metricInfo(m).unit, metricInfo(m).scale]),
    [["nats", "log"], ["", "linear"], ["", "linear"]],
  );
});

Deno.test("`metricInfo()` names singular values σᵢ and falls back to the name", () => {
  assert.equal(metricInfo("sv_12").label, "σ₁₂");
  assert.deepEqual(metricInfo("my_metric"), { label: "my_metric", unit: "", scale: "log", help: "my_metric" });
});
