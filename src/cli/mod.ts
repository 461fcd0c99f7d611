/**
 * The command-line entry points behind `deno task run`, `deno task serve` and `deno task demo`.
 *
 * @example Usage
 * ```ts ignore
 * import { runCommand } from "./mod.ts";
 * Deno.exit(await runCommand(["soudry-fig1", "--steps", "10000"]));
 * ```
 *
 * @module
 */
export * from "./cli_io.ts";
export * from "./progress_bar.ts";
export * from "./format_final_table.ts";
export * from "./load_spec_arg.ts";
export * from "./run_command.ts";
export * from "./serve_command.ts";
