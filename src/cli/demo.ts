/**
 * Entry point of `deno task demo`: serves the viewer, starts the `soudry-fig1`
 * run (10⁹ steps: a minute or two of live convergence to the max-margin
 * direction) and prints the URL to open. Extra arguments go to
 * {@link serveCommand} (e.g. `--port 0`, `--steps 1000000`).
 *
 * @module
 */
import { serveCommand } from "./serve_command.ts";

if (import.meta.main) {
  const controller = new AbortController();
  Deno.addSignalListener("SIGINT", () => controller.abort());
  Deno.exit(
    await serveCommand(["--start", "soudry-fig1", "--steps", "1000000000", ...Deno.args], {
      signal: controller.signal,
    }),
  );
}
