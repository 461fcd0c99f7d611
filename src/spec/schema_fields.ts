import { z } from "zod";

/** A finite number (NaN and ±∞ are refused). */
export const finite = z.number().refine(Number.isFinite, { message: "Expected a finite number" });
/** A finite number > 0. */
export const positive = finite.refine((v) => v > 0, { message: "Expected a number greater than 0" });
/** A 32-bit unsigned seed. */
export const seed = z.number().int().min(0).max(2 ** 32 - 1);
/** An integer ≥ 1. */
export const count = z.number().int().min(1);
