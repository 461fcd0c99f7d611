/**
 * The architecture, as a test: reads the import graph of every module under
 * `src/` (`deno info --json`, type-only imports included) and fails on an
 * import cycle between modules or folders, or on an import that goes against
 * the declared order of layers below. A folder may import only folders of
 * lower layers; folders of one layer are independent of each other (the
 * problem kinds, the two engines).
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

/** The layers, lowest first. A `*` stands for every subfolder (each problem kind). */
export const LAYERS: readonly (readonly string[])[] = [
  ["math", "random"],
  ["spec"], // SpecError, paths, the optimizer/init/record schemas
  ["engine"], // the engine contract: ProblemBase, Engine, Snapshot
  ["optimizers"],
  ["reference"], // solvers the theorems name
  ["problems/shared"], // data sets, loaders, data schemas, the ProblemKind contract
  ["operators"],
  ["problems/*"], // one folder per problem kind, independent of each other
  ["problems"], // the registry, the Problem union, the problem spec union
  ["run"], // the run spec, parseSpec, compileRun, solveReference, analyze
  ["cpu", "webgpu"], // the two engines
  ["backend"], // createEngine(s): the choice between them
  ["streams"], // train, sweep
  ["store", "presets"],
  ["server", "client"], // the client (remoteRun) imports no other folder
  ["cli", "viewer"],
  ["plot"], // deno task plot: figures of stored runs with the viewer's theory layer, without a browser
];

const root = new URL("../", import.meta.url);
const src = new URL("src/", root);

/** The folder unit of a module under src/ (`problems/linear_net`, `webgpu`, …), or null outside src/. */
export function unitOf(path: string): string | null {
  const parts = path.split("/");
  if (parts.length < 2) return null;
  if (parts[0] === "problems") return parts.length > 2 ? `problems/${parts[1]}` : "problems";
  return parts[0]!;
}

/** The layer index of a unit. */
export function layerOf(unit: string): number {
  const exact = LAYERS.findIndex((layer) => layer.includes(unit));
  if (exact >= 0) return exact;
  const parent = unit.split("/")[0];
  const star = LAYERS.findIndex((layer) => layer.includes(`${parent}/*`));
  if (star >= 0 && unit.includes("/")) return star;
  throw new Error(`Folder src/${unit}/ is in no layer of tests/architecture_test.ts: add it to LAYERS`);
}

async function sourceFiles(dir: URL, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isDirectory) out.push(...await sourceFiles(new URL(`${entry.name}/`, dir), `${prefix}${entry.name}/`));
    else if (entry.name.endsWith(".ts")) out.push(`${prefix}${entry.name}`);
  }
  return out;
}

/** Module → the modules it imports (code or type), for every module under src/. */
async function importGraph(): Promise<Map<string, Set<string>>> {
  const files = await sourceFiles(src);
  const entry = await Deno.makeTempFile({ suffix: ".ts" });
  try {
    await Deno.writeTextFile(entry, files.map((f) => `import ${JSON.stringify(new URL(f, src).href)};`).join("\n"));
    const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
      args: ["info", "--json", "--config", fileURLToPath(new URL("deno.json", root)), entry],
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (code !== 0) throw new Error(`deno info failed: ${new TextDecoder().decode(stderr)}`);
    const info = JSON.parse(new TextDecoder().decode(stdout)) as {
      modules: { specifier: string; dependencies?: { code?: { specifier: string }; type?: { specifier: string } }[] }[];
    };
    const graph = new Map<string, Set<string>>();
    const local = (specifier: string) => specifier.startsWith(src.href) ? specifier.slice(src.href.length) : null;
    for (const m of info.modules) {
      const from = local(m.specifier);
      if (from === null) continue;
      const to = new Set<string>();
      for (const dep of m.dependencies ?? []) {
        for (const target of [dep.code?.specifier, dep.type?.specifier]) {
          const path = target === undefined ? null : local(target);
          if (path !== null && path.endsWith(".ts")) to.add(path);
        }
      }
      graph.set(from, to);
    }
    return graph;
  } finally {
    await Deno.remove(entry);
  }
}

/** One cycle of a directed graph, as a path that starts and ends at the same node, or null. */
export function findCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | null {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") return [...stack.slice(stack.indexOf(next)), next];
      if (state.get(next) === undefined) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of graph.keys()) {
    if (state.get(node) === undefined) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return null;
}

const graph = await importGraph();

Deno.test("the import graph covers every module under src/", async () => {
  const files = await sourceFiles(src);
  assert.ok(files.length > 100, `found only ${files.length} modules`);
  for (const f of files) assert.ok(graph.has(f), `deno info did not list src/${f}`);
});

Deno.test("no module under src/ imports itself through a cycle", () => {
  const cycle = findCycle(graph);
  assert.equal(cycle, null, `Import cycle: ${cycle?.map((m) => `src/${m}`).join(" → ")}`);
});

Deno.test("folders import only folders of lower layers, and have no cycles between them", () => {
  const violations: string[] = [];
  const folders = new Map<string, Set<string>>();
  for (const [from, targets] of graph) {
    const a = unitOf(from);
    if (a === null) continue;
    for (const to of targets) {
      const b = unitOf(to);
      if (b === null || b === a) continue;
      if (!folders.has(a)) folders.set(a, new Set());
      folders.get(a)!.add(b);
      if (layerOf(b) >= layerOf(a)) violations.push(`src/${from} (${a}) imports src/${to} (${b})`);
    }
  }
  assert.deepEqual(violations, [], `Imports against the layers:\n${violations.join("\n")}`);
  const cycle = findCycle(folders);
  assert.equal(cycle, null, `Folder cycle: ${cycle?.join(" → ")}`);
});

Deno.test("findCycle() finds a cycle and layerOf() places each problem kind in the kinds' layer", () => {
  assert.deepEqual(findCycle(new Map([["a", new Set(["b"])], ["b", new Set(["a"])]])), ["a", "b", "a"]);
  assert.equal(findCycle(new Map([["a", new Set(["b"])], ["b", new Set()]])), null);
  assert.equal(layerOf("problems/some_new_kind"), layerOf("problems/linear_net"));
  assert.ok(layerOf("problems/shared") < layerOf("problems/linear_net"));
  assert.ok(layerOf("problems/linear_net") < layerOf("problems"));
  assert.throws(() => layerOf("nowhere"), /is in no layer/);
  assert.equal(unitOf("webgpu/kernels/multiclass.ts"), "webgpu");
});
