/** An order p for messages and kinds, with at most 6 significant digits (4/3 → "1.33333", ∞ → "∞"). */
export function formatOrder(p: number): string {
  return p === Infinity ? "∞" : String(Number(p.toPrecision(6)));
}
