import type { GpuContext } from "./device.ts";
import { driverBindGroupLayout } from "./_batch_pipelines.ts";
import { scoped } from "./_guard.ts";
import { structLayouts } from "./_struct_layouts.ts";

/** The GPU buffers and bind groups of a batch. */
export interface BatchResources {
  readonly state: GPUBuffer;
  readonly info: GPUBuffer;
  readonly hyper: GPUBuffer;
  readonly partials: GPUBuffer;
  readonly rows: GPUBuffer;
  readonly data: readonly GPUBuffer[];
  /** Control records: [0] full fused dispatches, [1] the remainder, [2] reports. */
  readonly ctl: readonly GPUBuffer[];
  /** Bind groups over ctl[0], ctl[1], ctl[2]. */
  readonly groups: readonly GPUBindGroup[];
  destroy(): void;
}

/** Sizes, in bytes. */
export interface BatchSizes {
  readonly runs: number;
  readonly params: number;
  /** State slots per parameter (`SLOTS`). */
  readonly slots: number;
  readonly partials: number;
  readonly rows: number;
  readonly data: readonly number[];
}

/**
 * Creates a batch's buffers and bind groups (every object labelled) inside
 * error scopes, so that a buffer over the device's limits rejects here, with
 * what was too large, instead of surfacing later as an uncaptured error.
 */
export async function createBatchResources(
  gpu: GpuContext,
  label: string,
  sizes: BatchSizes,
): Promise<BatchResources> {
  const { device } = gpu;
  const limit = device.limits.maxStorageBufferBindingSize;
  const { runs: k, params: p, slots } = sizes;
  const wanted: [string, number][] = [
    ["state", k * slots * p * 4],
    ["partials", sizes.partials],
    ["rows", sizes.rows],
    ...sizes.data.map((b, i): [string, number] => [`data ${i}`, b]),
  ];
  for (const [name, bytes] of wanted) {
    if (bytes > limit) {
      throw new RangeError(
        `Cannot run ${label} on this device: its ${name} buffer needs ${bytes} bytes but bindings hold at most ${limit}`,
      );
    }
  }
  const made: GPUBuffer[] = [];
  let resources: BatchResources | null = null;
  const S = GPUBufferUsage.STORAGE, DST = GPUBufferUsage.COPY_DST, SRC = GPUBufferUsage.COPY_SRC;
  try {
    await scoped(gpu, `the buffers of ${label}`, () => {
      const buffer = (name: string, size: number, usage: number) => {
        const b = device.createBuffer({
          label: `${label} ${name}`,
          size: Math.max(16, Math.ceil(size / 4) * 4),
          usage,
        });
        made.push(b);
        return b;
      };
      const state = buffer("state", k * slots * p * 4, S | DST | SRC);
      const { info: infoWords, hyper: hyperWords } = structLayouts();
      const info = buffer("info", k * 4 * infoWords.words, S | DST | SRC);
      const hyper = buffer("hyper", k * 4 * hyperWords.words, S | DST);
      const partials = buffer("partials", sizes.partials, S);
      const rows = buffer("rows", sizes.rows, S | DST);
      const data = sizes.data.map((bytes, i) => buffer(`data ${i}`, bytes, S | DST));
      const ctl = ["steps", "rest", "report"].map((name) => buffer(`ctl ${name}`, 16, GPUBufferUsage.UNIFORM | DST));
      const layout = driverBindGroupLayout(device, data.length);
      const groups = ctl.map((c) =>
        device.createBindGroup({
          label: `${c.label} bindings`,
          layout,
          entries: [c, state, info, hyper, partials, rows].map((b, binding) => ({ binding, resource: { buffer: b } }))
            .concat(data.map((b, j) => ({ binding: 8 + j, resource: { buffer: b } }))),
        })
      );
      resources = {
        state,
        info,
        hyper,
        partials,
        rows,
        data,
        ctl,
        groups,
        destroy() {
          for (const b of made) b.destroy();
        },
      };
    });
  } catch (e) {
    for (const b of made) b.destroy();
    throw e;
  }
  return resources!;
}
