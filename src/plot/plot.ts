/**
 * Entry point of `deno task plot`. See {@link plotCommand}.
 *
 * @module
 */
import { plotCommand } from "./plot_command.ts";

if (import.meta.main) Deno.exit(await plotCommand(Deno.args));
