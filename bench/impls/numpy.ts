import type { Workload } from "../workloads/workload.ts";
import type { Impl, Runner } from "./impl.ts";

const PEER = new URL("../peers/numpy_peer.py", import.meta.url).pathname;

/** A running numpy_peer.py, one JSON line per request. */
class Peer {
  #child: Deno.ChildProcess;
  #writer: WritableStreamDefaultWriter<Uint8Array>;
  #lines: AsyncIterator<string>;

  constructor(python: string) {
    this.#child = new Deno.Command(python, { args: [PEER], stdin: "piped", stdout: "piped", stderr: "inherit" })
      .spawn();
    this.#writer = this.#child.stdin.getWriter();
    this.#lines = this.#child.stdout.pipeThrough(new TextDecoderStream()).pipeThrough(lineSplitter())[
      Symbol.asyncIterator
    ]();
  }

  async ask(cmd: Record<string, unknown>): Promise<Record<string, unknown>> {
    await this.#writer.write(new TextEncoder().encode(JSON.stringify(cmd) + "\n"));
    const next = await this.#lines.next();
    if (next.done) throw new Error(`The NumPy peer exited while answering ${JSON.stringify(cmd.cmd)}`);
    const out = JSON.parse(next.value) as Record<string, unknown>;
    if (typeof out.error === "string") throw new Error(`The NumPy peer failed: ${out.error}`);
    return out;
  }

  async close(): Promise<void> {
    await this.#writer.close();
    await this.#child.status;
  }
}

function lineSplitter(): TransformStream<string, string> {
  let buffer = "";
  return new TransformStream({
    transform(chunk, controller) {
      buffer += chunk;
      let i;
      while ((i = buffer.indexOf("\n")) >= 0) {
        controller.enqueue(buffer.slice(0, i));
        buffer = buffer.slice(i + 1);
      }
    },
  });
}

async function writeF64(path: string, a: Float64Array): Promise<void> {
  await Deno.writeFile(path, new Uint8Array(a.buffer, a.byteOffset, a.byteLength)); // x86 and ARM: little-endian
}

let versions: Promise<Record<string, unknown> | string> | undefined;

/**
 * NumPy's versions, or why it cannot run (no python3, or no numpy).
 *
 * @param python The interpreter.
 * @returns `{ python, numpy }` versions, or a reason.
 */
export function numpyVersions(python = "python3"): Promise<Record<string, unknown> | string> {
  versions ??= (async () => {
    try {
      const peer = new Peer(python);
      const hello = await peer.ask({ cmd: "hello" });
      await peer.close();
      return hello;
    } catch (e) {
      return `python3 with numpy is not available (${e instanceof Error ? e.message : e})`;
    }
  })();
  return versions;
}

/**
 * NumPy, in a Python subprocess running bench/peers/numpy_peer.py: the
 * straightforward vectorized loop, timed inside Python (no IPC in the time).
 *
 * @param python The interpreter (default `python3`).
 * @returns The implementation.
 *
 * @example Usage
 * ```ts ignore
 * import { numpy } from "./numpy.ts";
 * import { workloads } from "../workloads/workload.ts";
 *
 * const runner = await numpy().setup(workloads("d=2")[0]!);
 * console.log(100 / await runner.run(100), "steps/s");
 * await runner.dispose();
 * ```
 */
export function numpy(python = "python3"): Impl {
  return {
    id: "numpy",
    label: "NumPy",
    bits: 64,
    async skip() {
      const v = await numpyVersions(python);
      return typeof v === "string" ? v : null;
    },
    async setup(w: Workload): Promise<Runner> {
      const dir = await Deno.makeTempDir({ prefix: "biasflow-bench-" });
      const peer = new Peer(python);
      if (w.kind === "logistic") {
        await writeF64(`${dir}/x.bin`, w.data.x);
        await writeF64(`${dir}/y.bin`, w.data.y);
        await peer.ask({ cmd: "load", kind: "logistic", dir, n: w.data.n, d: w.data.d, lr: w.lr });
      } else {
        await writeF64(`${dir}/a.bin`, w.data.a);
        await writeF64(`${dir}/y.bin`, w.data.y);
        await writeF64(`${dir}/u0.bin`, w.data.u0);
        await peer.ask({ cmd: "load", kind: "sensing", dir, n: w.data.n, m: w.data.m, lr: w.lr });
      }
      await Deno.remove(dir, { recursive: true });
      return {
        async run(k) {
          return (await peer.ask({ cmd: "run", k })).seconds as number;
        },
        async params() {
          return Float64Array.from((await peer.ask({ cmd: "params" })).params as number[]);
        },
        dispose: () => peer.close(),
      };
    },
  };
}
