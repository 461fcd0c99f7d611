import assert from "node:assert/strict";

/**
 * Imports `mod.ts` in a fresh process in which every float64 array
 * construction and every `Math.sqrt` call is counted (the data sets,
 * σ_max and step sizes of the presets all need both), and returns the counts
 * seen during the import alone.
 */
async function workDuringImport(module: string): Promise<{ arrays: number; sqrts: number }> {
  const script = `
    let arrays = 0, sqrts = 0;
    const F64 = globalThis.Float64Array, sqrt = Math.sqrt;
    globalThis.Float64Array = new Proxy(F64, { construct(t, a) { arrays++; return Reflect.construct(t, a); } });
    Math.sqrt = (x) => { sqrts++; return sqrt(x); };
    await import(${JSON.stringify(new URL(module, import.meta.url).href)});
    globalThis.Float64Array = F64; Math.sqrt = sqrt;
    console.log(JSON.stringify({ arrays, sqrts }));
  `;
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["eval", "--ext=js", script],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(code, 0, new TextDecoder().decode(stderr));
  return JSON.parse(new TextDecoder().decode(stdout));
}

Deno.test("importing mod.ts does no numeric work: no float64 array, no square root beyond a constant", async () => {
  const seen = await workDuringImport("../mod.ts");
  assert.equal(seen.arrays, 0);
  // One module constant (the largest float32 whose square is finite) is a square root; data need hundreds.
  assert.ok(seen.sqrts <= 1, `${seen.sqrts} square roots`);
});

Deno.test("the measurement sees numeric work: building the presets allocates and takes square roots", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const file = `${dir}/eager.ts`;
    const presets = new URL("../src/presets/presets.ts", import.meta.url).href;
    await Deno.writeTextFile(file, `import { presets } from ${JSON.stringify(presets)};\npresets();\n`);
    const seen = await workDuringImport(new URL(`file://${file}`).href);
    assert.ok(seen.arrays > 10 && seen.sqrts > 10, JSON.stringify(seen));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("mod.ts exports at most 40 names, types included", async () => {
  const { code, stdout } = await new Deno.Command(Deno.execPath(), {
    args: ["doc", "--json", new URL("../mod.ts", import.meta.url).pathname],
    stdout: "piped",
    stderr: "null",
  }).output();
  assert.equal(code, 0);
  const doc = JSON.parse(new TextDecoder().decode(stdout));
  const nodes = Object.values(doc.nodes as Record<string, { symbols?: unknown[] }>)[0]!;
  const count = (nodes.symbols ?? []).length;
  assert.ok(count > 20 && count <= 40, `mod.ts exports ${count} names`);
});
