/** The largest float32 whose square is finite, √(2¹²⁸) = 2⁶⁴ (less one ulp): the gradient limit of rules that square it. */
export const SQUARE_LIMIT: number = Math.fround(Math.sqrt(3.4028234663852886e38) * (1 - 2 ** -24));
