/**
 * The helper thread of a two-thread kernel run (a `node:worker_threads`
 * Worker, see _linear_gd_helper.ts): instantiates the kernel on the host's
 * shared memory, then runs runB for each job the host starts, until it is
 * terminated.
 *
 * @module
 */
import { workerData } from "node:worker_threads";
import { HELPER_ARGS, helperWords } from "./_linear_gd_helper_words.ts";
import { instantiateLinearGd } from "./_linear_gd_module.ts";

const memory = (workerData as { memory: WebAssembly.Memory }).memory;
const kernel = instantiateLinearGd(0, memory);
if (kernel === null) throw new Error("The kernel's helper thread has no WebAssembly SIMD or threads");
const words = new Int32Array(memory.buffer);
const HELPER_WORDS = helperWords();
const args = new Float64Array(memory.buffer, HELPER_WORDS.args * 8, HELPER_ARGS);
let seen = Atomics.load(words, HELPER_WORDS.job);
Atomics.store(words, HELPER_WORDS.ready, 1);
for (;;) {
  Atomics.wait(words, HELPER_WORDS.job, seen);
  seen = Atomics.load(words, HELPER_WORDS.job);
  const [blocks, nb, cb, dp, w, g, gb, ua, ub, expLoss, fast, k, pa] = args;
  kernel.runB(blocks!, nb!, cb!, dp!, w!, g!, gb!, ua!, ub!, expLoss!, fast!, k!, pa!);
  Atomics.store(words, HELPER_WORDS.ack, seen);
  Atomics.notify(words, HELPER_WORDS.ack);
}
