/**
 * The `variant` and constants of update.wgsl's `lp_map` for ∇½‖·‖²_q: kind 0
 * (q = 2), 1 (q = ∞), 2 (q = 1) or 3 (general q, with q, 1/q, 2 − q, q − 1
 * computed in float64).
 */
export function lpMapHyper(q: number): { variant: number; constants: number[] } {
  if (q === 2) return { variant: 0, constants: [] };
  if (q === Infinity) return { variant: 1, constants: [] };
  if (q === 1) return { variant: 2, constants: [] };
  return { variant: 3, constants: [q, 1 / q, 2 - q, q - 1] };
}
