import { createCpuEngine } from "../../src/cpu/cpu_engine.ts";
import type { CompiledRun } from "../../src/run/compile_run.ts";
import type { Engine } from "../../src/engine/engine.ts";

/** How far a WebGPU predictor is from the float64 one. */
export interface ParityError {
  /** 1 − cos(β_gpu, β_cpu). */
  readonly cosGap: number;
  /** |‖β_gpu‖ / ‖β_cpu‖ − 1|. */
  readonly normError: number;
}

/** 1 − cos and relative norm error of `actual` against `expected`. */
export function parityError(actual: ArrayLike<number>, expected: ArrayLike<number>): ParityError {
  let dot = 0, aa = 0, ee = 0;
  for (let i = 0; i < expected.length; i++) {
    dot += actual[i]! * expected[i]!;
    aa += actual[i]! ** 2;
    ee += expected[i]! ** 2;
  }
  return { cosGap: 1 - dot / Math.sqrt(aa * ee), normError: Math.abs(Math.sqrt(aa / ee) - 1) };
}

/**
 * Advances GPU engines and float64 CPU engines of the same runs to each
 * checkpoint and returns the parity errors per checkpoint and run.
 */
export async function parityAt(
  runs: readonly CompiledRun[],
  gpu: readonly Engine[],
  checkpoints: readonly number[],
): Promise<ParityError[][]> {
  const cpu = runs.map((run) => createCpuEngine(run));
  const out: ParityError[][] = [];
  for (const t of checkpoints) {
    await Promise.all([...cpu, ...gpu].map((e) => e.advance(t - e.step)));
    const want = await Promise.all(cpu.map((e) => e.read()));
    const got = await Promise.all(gpu.map((e) => e.read()));
    out.push(got.map((g, i) => parityError(g.predictor.data, want[i]!.predictor.data)));
  }
  return out;
}
