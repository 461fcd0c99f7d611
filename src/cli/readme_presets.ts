/**
 * `deno task readme:presets`: rewrites the generated preset table in
 * README.md from the preset registry, then formats the README.
 *
 * @module
 */
import { presets } from "../presets/presets.ts";
import { presetMarkdown, replacePresetSection } from "./preset_markdown.ts";

if (import.meta.main) {
  const path = new URL("../../README.md", import.meta.url);
  Deno.writeTextFileSync(path, replacePresetSection(Deno.readTextFileSync(path), presetMarkdown(presets())));
  const fmt = await new Deno.Command(Deno.execPath(), { args: ["fmt", "-q", path.pathname] }).output();
  if (!fmt.success) throw new Error(`deno fmt README.md failed: ${new TextDecoder().decode(fmt.stderr)}`);
}
