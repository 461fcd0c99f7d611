import { lastValueFrom, toArray } from "rxjs";
import { compileRun } from "../../src/run/compile_run.ts";
import { analysisPipeline } from "../../src/run/analysis_pipeline.ts";
import { presetSpec } from "../../src/presets/presets.ts";
import { setAtPath } from "../../src/spec/set_at_path.ts";
import type { Snapshot } from "../../src/engine/snapshot.ts";
import { train } from "../../src/streams/train.ts";

/** Trains a preset with overrides (field path → value) and the default analysis; every recorded snapshot. */
export async function runPreset(name: string, overrides: Record<string, unknown>): Promise<Snapshot[]> {
  let spec: unknown = presetSpec(name);
  for (const [path, value] of Object.entries(overrides)) spec = setAtPath(spec, path, value);
  const run = compileRun(spec);
  const none = { kind: "none", predictor: null, error: "no reference for mlp" } as const;
  return await lastValueFrom(train(run).pipe(analysisPipeline(run, none), toArray()));
}
