import type { GpuContext } from "./device.ts";
import { guard } from "./_guard.ts";

/**
 * Two MAP_READ buffers used in turn: a readback copies into one while the
 * host may still be reading the other, so the GPU never waits on an unmap.
 */
export interface Staging {
  /** The buffer the next copy goes to, once it is free (encode the copy, submit, then `map`). */
  acquire(): Promise<GPUBuffer>;
  /** Maps `buffer` after the submitted copy and returns a copy of its first `size` bytes. */
  map(buffer: GPUBuffer, size: number): Promise<ArrayBuffer>;
  destroy(): void;
}

export function createStaging(gpu: GpuContext, label: string, size: number): Staging {
  const buffers = [0, 1].map((i) =>
    gpu.device.createBuffer({
      label: `${label} staging ${i}`,
      size: Math.max(16, Math.ceil(size / 4) * 4),
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    })
  );
  const busy = new Map<GPUBuffer, Promise<unknown>>();
  let turn = 0;
  return {
    async acquire(): Promise<GPUBuffer> {
      const buffer = buffers[turn]!;
      turn ^= 1;
      await busy.get(buffer);
      return buffer;
    },
    map(buffer: GPUBuffer, bytes: number): Promise<ArrayBuffer> {
      const done = (async () => {
        await guard(gpu, buffer.mapAsync(GPUMapMode.READ, 0, Math.ceil(bytes / 4) * 4));
        try {
          return buffer.getMappedRange(0, Math.ceil(bytes / 4) * 4).slice(0, bytes);
        } finally {
          buffer.unmap();
        }
      })();
      busy.set(buffer, done.catch(() => {}));
      return done;
    },
    destroy() {
      for (const b of buffers) b.destroy();
    },
  };
}
