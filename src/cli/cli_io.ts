/** Where a command writes, so tests can capture it. */
export interface CliIo {
  /** Writes to standard output. */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /** Whether standard error is a terminal (progress bars redraw in place). */
  readonly stderrIsTerminal: boolean;
}

const encoder = new TextEncoder();

/**
 * The process's real standard streams.
 *
 * @returns An {@link CliIo} writing to stdout and stderr.
 *
 * @example Usage
 * ```ts
 * import { denoIo } from "./cli_io.ts";
 * denoIo().stderr("hello\n");
 * ```
 */
export function denoIo(): CliIo {
  return {
    stdout(text) {
      writeAllSync(Deno.stdout, encoder.encode(text));
    },
    stderr(text) {
      writeAllSync(Deno.stderr, encoder.encode(text));
    },
    stderrIsTerminal: Deno.stderr.isTerminal(),
  };
}

function writeAllSync(w: { writeSync(p: Uint8Array): number }, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) off += w.writeSync(bytes.subarray(off));
}
