import type { CompiledRun } from "../run/compile_run.ts";
import { compileRun } from "../run/compile_run.ts";
import { setAtPath } from "../spec/set_at_path.ts";

/** Compiles a preset's spec for `serve --start`, with `--steps` applied when given. */
export function admitSpecForCli(spec: unknown, steps: string | undefined): CompiledRun {
  if (steps === undefined) return compileRun(spec);
  const n = Number(steps);
  if (steps.trim() === "" || !Number.isFinite(n)) {
    throw new RangeError(`Expected --steps to be a number of steps but found ${steps}`);
  }
  return compileRun(setAtPath(spec, "steps", n));
}
