/**
 * Entry point of `deno task demo`: the `soudry-fig1` preset for 10⁶ steps,
 * with its final metrics against the max-margin SVM.
 *
 * @module
 */
import { runCommand } from "./run_command.ts";

if (import.meta.main) {
  const controller = new AbortController();
  Deno.addSignalListener("SIGINT", () => controller.abort());
  Deno.exit(await runCommand(["soudry-fig1", "--steps", "1000000", ...Deno.args], { signal: controller.signal }));
}
