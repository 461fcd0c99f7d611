import type { CompiledRun } from "../run/compile_run.ts";
import { sharedGpu } from "./device.ts";
import { createGpuBatch, type GpuBatch, type WebGpuEngineOptions } from "./_gpu_batch.ts";
import { lockstepEngines, type WebGpuEngine } from "./_lockstep.ts";
import { createTiledMlpBatch } from "./_mlp_tiled_batch.ts";
import { mlpRoute } from "./_mlp_route.ts";

export type { WebGpuEngineOptions } from "./_gpu_batch.ts";
export type { WebGpuEngine, WebGpuPlan } from "./_lockstep.ts";

/**
 * WebGPU engines for several runs at once: runs of the same problem and
 * optimizer kind (a sweep over step size, momentum, init or seed) share one
 * batch, stepped as K workgroups of one dispatch (or K rows of workgroups on
 * the multi-workgroup path), while each run keeps its own {@link Engine}.
 * `mlp` runs on the tiled kernels (wide nets, `_mlp_route.ts`) all share one
 * batch whatever their widths, each submission holding steps of every run.
 *
 * Every engine of a batch must keep advancing or be disposed: the batch
 * advances as far as all its live engines have asked.
 *
 * @param runs Compiled runs.
 * @param options Device, path, and kernels.
 * @returns One engine per run, in order.
 * @throws {RangeError} when a run's problem or optimizer has no WebGPU kernel.
 *
 * @example Usage
 * ```ts ignore
 * import { createWebGpuEngines } from "./create_webgpu_engines.ts";
 * import { sweepRuns } from "../streams/sweep.ts";
 *
 * const runs = sweepRuns({ problem: { kind: "linear-classification",
 *   data: { kind: "dataset", name: "soudry-fig1" } }, steps: 1000 }, "optimizer.lr", [0.1, 0.2]);
 * const engines = await createWebGpuEngines(runs);
 * await Promise.all(engines.map((e) => e.advance(1000)));
 * ```
 */
export async function createWebGpuEngines(
  runs: readonly CompiledRun[],
  options: WebGpuEngineOptions = {},
): Promise<WebGpuEngine[]> {
  const gpu = options.gpu ?? await sharedGpu();
  const groups = new Map<string, number[]>();
  const tiled: number[] = [];
  runs.forEach((run, i) => {
    if (run.problem.kind === "mlp" && options.kernels === undefined) {
      // A forced driver path (fused, multi) is the row kernel's; otherwise the route chooses.
      const forced = options.path === "fused" || options.path === "multi" ? "rows" : "auto";
      const route = mlpRoute(run, options.mlpKernel ?? forced);
      if (route === "tiled") {
        tiled.push(i);
        return;
      }
      if (route !== "rows") throw new RangeError(route);
    }
    const key = `${run.spec.optimizer.kind}|${JSON.stringify(run.spec.problem)}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [i]);
    else group.push(i);
  });
  const engines: WebGpuEngine[] = new Array(runs.length);
  const made: WebGpuEngine[] = [];
  try {
    // Every tiled mlp run (any widths, gd / sgd / path-sgd) shares one batch: a width sweep advances together.
    const batches: [number[], (members: CompiledRun[]) => Promise<GpuBatch>][] = [
      ...[...groups.values()].map((g): [number[], (m: CompiledRun[]) => Promise<GpuBatch>] => [
        g,
        (m) => createGpuBatch(gpu, m, options),
      ]),
      ...(tiled.length > 0
        ? [
          [tiled, (m: CompiledRun[]) => createTiledMlpBatch(gpu, m)] as [
            number[],
            (m: CompiledRun[]) => Promise<GpuBatch>,
          ],
        ]
        : []),
    ];
    for (const [indices, create] of batches) {
      const members = indices.map((i) => runs[i]!);
      const views = lockstepEngines(await create(members), members);
      indices.forEach((i, j) => engines[i] = views[j]!);
      made.push(...views);
    }
  } catch (e) {
    for (const engine of made) engine.dispose();
    throw e;
  }
  return engines;
}
