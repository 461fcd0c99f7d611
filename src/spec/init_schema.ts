import { z } from "zod";
import { finite, seed } from "./schema_fields.ts";

/** The initial parameters. */
export const InitSpecSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("zeros") }),
  z.strictObject({ kind: z.literal("gaussian"), scale: finite.default(1e-3), seed: seed.default(0) }),
  z.strictObject({ kind: z.literal("values"), values: z.array(finite).min(1) }),
  /** Every factor s·I (rectangular identities): U₀ = s·I for matrix sensing; factorized problems only. */
  z.strictObject({ kind: z.literal("identity"), scale: finite.default(1e-3) }),
]);

/** When snapshots are taken: log-spaced steps plus a wall-clock heartbeat. */
export const RecordSpecSchema = z.strictObject({
  perDecade: z.number().int().min(1).max(1000).default(20),
  everyMs: finite.refine((v) => v >= 0, { message: "Expected a period ≥ 0 ms (0 turns the heartbeat off)" })
    .default(1000),
});

/** Where the updates run. `auto` picks WebGPU only on a hardware adapter. */
export const BackendSchema = z.enum(["auto", "cpu", "webgpu"]);

/** A validated init spec. */
export type InitSpec = z.output<typeof InitSpecSchema>;
