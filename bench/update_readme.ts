import { type BenchResult, renderReadmeSection, rewriteReadme } from "./report.ts";

/**
 * The newest result file in bench/results/.
 *
 * @returns Its path, or null when there is none.
 */
export async function latestResult(): Promise<string | null> {
  const dir = new URL("./results/", import.meta.url);
  const names: string[] = [];
  try {
    for await (const e of Deno.readDir(dir)) if (e.isFile && e.name.endsWith(".json")) names.push(e.name);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
  const stats = await Promise.all(names.map(async (n) => ({ n, t: (await Deno.stat(new URL(n, dir))).mtime })));
  stats.sort((a, b) => (b.t?.getTime() ?? 0) - (a.t?.getTime() ?? 0));
  return stats[0] ? new URL(stats[0].n, dir).pathname : null;
}

/**
 * Regenerates the README's benchmark section from a result file.
 *
 * @param resultPath The JSON (default: the newest in bench/results/).
 * @param readmePath The README (default: the repository's).
 * @returns The README path written.
 */
export async function updateReadme(resultPath?: string, readmePath?: string): Promise<string> {
  const path = resultPath ?? await latestResult();
  if (!path) throw new Error("Cannot update the README: no results in bench/results/; run `deno task bench` first");
  const result = JSON.parse(await Deno.readTextFile(path)) as BenchResult;
  const readme = readmePath ?? new URL("../README.md", import.meta.url).pathname;
  let text = "";
  try {
    text = await Deno.readTextFile(readme);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  await Deno.writeTextFile(readme, rewriteReadme(text, renderReadmeSection(result)));
  // Leave it as `deno fmt` would (tables aligned, lines wrapped), so that fmt --check passes.
  await new Deno.Command(Deno.execPath(), { args: ["fmt", "--quiet", readme] }).output();
  return readme;
}

if (import.meta.main) {
  console.log(`Updated ${await updateReadme(Deno.args[0])}`);
}
