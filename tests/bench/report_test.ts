import assert from "node:assert/strict";
import { formatRate, README_MARKERS, renderTable, rewriteReadme } from "../../bench/report.ts";

Deno.test("formatRate() keeps three significant digits with k and M", () => {
  assert.equal(formatRate(6_780_000), "6.78M");
  assert.equal(formatRate(403_200), "403k");
  assert.equal(formatRate(8_990), "8.99k");
  assert.equal(formatRate(77.94), "77.9");
  assert.equal(formatRate(0.5123), "0.512");
});

Deno.test("renderTable() shows rates with ratios and numbers the reasons for skipped cells", () => {
  const table = renderTable({
    impls: [{ id: "a", label: "A", bits: 64 }, { id: "b", label: "B", bits: 32 }, {
      id: "np",
      label: "NumPy",
      bits: 64,
    }],
    baseline: "np",
    workloads: [
      {
        name: "w1",
        multiplyAddsPerStep: 1,
        results: [
          { id: "a", stepsPerSec: 2_000_000, ratio: 20 },
          { id: "b", skipped: "no adapter" },
          { id: "np", stepsPerSec: 100_000, ratio: 1 },
        ],
      },
      {
        name: "w2",
        multiplyAddsPerStep: 1,
        results: [
          { id: "a", stepsPerSec: 50, ratio: 0.75 },
          { id: "b", skipped: "no adapter" },
          { id: "np", stepsPerSec: 66, ratio: 1 },
        ],
      },
    ],
  });
  const lines = table.split("\n");
  assert.equal(lines[0], "| workload | A | B (f32) | NumPy |");
  assert.equal(lines[2], "| w1 | 2.00M (20×) | — [1] | 100k (1.0×) |");
  assert.equal(lines[3], "| w2 | 50.0 (0.75×) | — [1] | 66.0 (1.0×) |");
  assert.ok(lines.includes("- [1] no adapter"), "one note for the repeated reason");
  assert.ok(!table.includes("[2]"));
});

Deno.test("rewriteReadme() replaces only the text between the markers", () => {
  const [start, end] = README_MARKERS;
  const readme = `# biasflow\n\nintro\n\n## Benchmarks\n\n${start}\nold table\n${end}\n\n## Next\n`;
  const out = rewriteReadme(readme, `${start}\nnew table\n${end}`);
  assert.equal(out, `# biasflow\n\nintro\n\n## Benchmarks\n\n${start}\nnew table\n${end}\n\n## Next\n`);
});

Deno.test("rewriteReadme() appends a Benchmarks section to a README without markers", () => {
  const [start, end] = README_MARKERS;
  assert.equal(rewriteReadme("# x\n", `${start}\nt\n${end}`), `# x\n\n## Benchmarks\n\n${start}\nt\n${end}\n`);
  assert.equal(rewriteReadme("", `${start}\nt\n${end}`), `## Benchmarks\n\n${start}\nt\n${end}\n`);
});
