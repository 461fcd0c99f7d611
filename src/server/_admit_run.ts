import { type CompiledRun, compileRun } from "../run/compile_run.ts";
import { presetSpec } from "../presets/presets.ts";
import { parseSpec } from "../run/spec_parser.ts";
import { setAtPath } from "../spec/set_at_path.ts";
import { SpecError, type SpecIssue } from "../spec/spec_error.ts";
import { apiError } from "./api_error.ts";
import type { ServerLimits } from "./server_limits.ts";

/**
 * A preset's spec with overrides applied (`{ "optimizer.lr": 0.05 }`).
 * Unknown presets and malformed paths are 400s naming the field.
 */
export function presetWithOverrides(preset: string, overrides: Record<string, unknown> = {}): unknown {
  let spec: unknown;
  try {
    spec = presetSpec(preset);
  } catch (e) {
    throw apiError(400, (e as Error).message, [{ path: "preset", message: (e as Error).message, input: preset }]);
  }
  for (const [path, value] of Object.entries(overrides)) {
    try {
      spec = setAtPath(spec, path, value);
    } catch (e) {
      const message = (e as Error).message;
      throw apiError(400, message, [{ path: `overrides.${path}`, message, input: value }]);
    }
  }
  return spec;
}

/**
 * Validates a spec for the server: zod (a `SpecError`: 400 with every issue), data given
 * inline or generated (CSV paths would read the server's disk: 422), and the
 * limits on steps and data size (422). Compiles it to catch data errors before
 * anything is stored.
 */
export function admitRun(raw: unknown, limits: ServerLimits): CompiledRun {
  const spec = parseSpec(raw); // a SpecError: the app's onError answers 400 with every issue
  const data = (spec.problem as { data?: Record<string, unknown> }).data;
  if (data?.kind === "csv") {
    throw limitError(
      "CSV data is read from the server's disk and is not accepted over HTTP; send the points inline (kind points)",
      { path: "problem.data.kind", message: "Expected inline or generated data", input: "csv" },
    );
  }
  if (spec.steps > limits.maxSteps) {
    throw limitError(`The run asks for ${spec.steps} steps; this server allows at most ${limits.maxSteps}`, {
      path: "steps",
      message: `Expected at most ${limits.maxSteps} steps`,
      input: spec.steps,
    });
  }
  checkDataSize(declaredDataSize(data), limits);
  let run: CompiledRun;
  try {
    run = compileRun(spec);
  } catch (e) {
    if (e instanceof SpecError) throw e; // the app's onError: 400 with its issues
    if (e instanceof RangeError || e instanceof TypeError) {
      throw apiError(400, (e as Error).message, [{ path: "", message: (e as Error).message }]);
    }
    throw e;
  }
  checkDataSize(run.problem.examples * run.problem.size, limits);
  return run;
}

function declaredDataSize(data: Record<string, unknown> | undefined): number {
  if (data?.kind === "separable") return Number(data.n) * Number(data.d);
  if (data?.kind === "points" && Array.isArray(data.x)) {
    return data.x.length * (Array.isArray(data.x[0]) ? data.x[0].length : 0);
  }
  return 0;
}

function checkDataSize(size: number, limits: ServerLimits): void {
  if (size > limits.maxDataSize) {
    throw limitError(
      `The data has ${size} entries (points × dimensions); this server allows at most ${limits.maxDataSize}`,
      { path: "problem.data", message: `Expected at most ${limits.maxDataSize} points × dimensions`, input: size },
    );
  }
}

function limitError(message: string, issue: SpecIssue): Error {
  return apiError(422, message, [issue]);
}
