import * as highsModule from "highs";
import type { Highs } from "highs";

// The package's types describe an ES default export, but it ships as CommonJS;
// Deno exposes the loader as the namespace's `default`.
type Loader = () => Promise<Highs>;
const loader = (highsModule as unknown as { default: Loader }).default;
let instance: Promise<Highs> | undefined;

/** The HiGHS solver (WebAssembly), loaded once per process. */
export function loadHighs(): Promise<Highs> {
  instance ??= loader();
  return instance;
}

/** Formats a linear expression Σ cⱼ·wⱼ in CPLEX LP syntax, skipping zeros. */
export function lpExpression(coefs: ArrayLike<number>, offset: number, d: number): string {
  const parts: string[] = [];
  for (let j = 0; j < d; j++) {
    const c = coefs[offset + j]!;
    if (c === 0) continue;
    // String(v) is the shortest decimal that round-trips, e.g. 1e-7; HiGHS reads it exactly.
    parts.push(`${c < 0 ? "-" : "+"} ${String(Math.abs(c))} w${j}`);
  }
  return parts.join(" ");
}
