import denoJson from "../deno.json" with { type: "json" };
import { gpuAdapter } from "./impls/gpu_adapter.ts";
import { numpyVersions } from "./impls/numpy.ts";

/** Where a benchmark ran. */
export interface MachineInfo {
  /** Host name. */
  readonly host: string;
  /** CPU model as /proc/cpuinfo names it, with family/model and vector extensions. */
  readonly cpu: string;
  /** Logical cores. */
  readonly cores: number;
  /** OS and architecture. */
  readonly os: string;
  /** The WebGPU adapter, or why there is none. */
  readonly gpu: string;
  /** Runtime and peer versions. */
  readonly versions: Record<string, string>;
}

async function cpuName(): Promise<string> {
  try {
    const info = await Deno.readTextFile("/proc/cpuinfo");
    const field = (k: string) => new RegExp(`^${k}\\s*:\\s*(.*)$`, "m").exec(info)?.[1]?.trim();
    const flags = field("flags")?.split(" ") ?? [];
    const simd = ["avx512f", "avx2", "sse4_2"].find((f) => flags.includes(f));
    return `${field("model name") ?? "unknown"} (family ${field("cpu family")}, model ${field("model")}${
      simd ? `, ${simd}` : ""
    })`;
  } catch {
    return `unknown ${Deno.build.arch} CPU`;
  }
}

/**
 * Describes this machine and the versions of everything benchmarked.
 *
 * @returns The description.
 *
 * @example Usage
 * ```ts ignore
 * import { machineInfo } from "./machine.ts";
 *
 * console.log(await machineInfo());
 * ```
 */
export async function machineInfo(): Promise<MachineInfo> {
  const adapter = await gpuAdapter();
  const np = await numpyVersions();
  const jax = /@jax-js\/jax@([\w.-]+)/.exec(denoJson.imports["@jax-js/jax"])?.[1] ?? "?";
  return {
    host: Deno.hostname(),
    cpu: await cpuName(),
    cores: navigator.hardwareConcurrency,
    os: `${Deno.build.os} ${Deno.build.arch}`,
    gpu: adapter ? `${adapter.name}${adapter.software ? " (software)" : ""}` : "no WebGPU adapter",
    versions: {
      deno: Deno.version.deno,
      v8: Deno.version.v8,
      "jax-js": jax,
      ...(typeof np === "string" ? { numpy: np } : { python: String(np.python), numpy: String(np.numpy) }),
    },
  };
}
