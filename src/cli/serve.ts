/**
 * Entry point of `deno task serve`. See {@link serveCommand}.
 *
 * @module
 */
import { serveCommand } from "./serve_command.ts";

if (import.meta.main) {
  const controller = new AbortController();
  Deno.addSignalListener("SIGINT", () => controller.abort());
  Deno.exit(await serveCommand(Deno.args, { signal: controller.signal }));
}
