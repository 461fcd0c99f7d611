/** Formats Σⱼ cⱼ·name(j) in CPLEX LP syntax, skipping zero coefficients (`String(v)` round-trips exactly). */
export function lpTerms(coefs: ArrayLike<number>, offset: number, d: number, name: (j: number) => string): string {
  const parts: string[] = [];
  for (let j = 0; j < d; j++) {
    const c = coefs[offset + j]!;
    if (c === 0) continue;
    parts.push(`${c < 0 ? "-" : "+"} ${String(Math.abs(c))} ${name(j)}`);
  }
  return parts.join(" ");
}

/** Tight tolerances for the reference LPs (HiGHS's defaults are 1e-7). */
export const LP_OPTIONS = { primal_feasibility_tolerance: 1e-10, dual_feasibility_tolerance: 1e-10 } as const;
