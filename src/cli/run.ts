/**
 * Entry point of `deno task run`. See {@link runCommand}.
 *
 * @module
 */
import { runCommand } from "./run_command.ts";

if (import.meta.main) {
  const controller = new AbortController();
  Deno.addSignalListener("SIGINT", () => controller.abort());
  Deno.exit(await runCommand(Deno.args, { signal: controller.signal }));
}
