import { z } from "zod";

/** A run id as the store writes them: letters, digits, `.`, `_`, `-`, not starting with a dot. */
export const RunIdSchema = z.string().regex(/^[\w-][\w.-]*$/, {
  message: "Expected a run id of letters, digits, ., _ and -",
}).max(200);

/** Overrides of a preset: field path → value, e.g. `{ "optimizer.lr": 0.05 }`. */
const OverridesSchema = z.record(z.string().min(1), z.unknown());

/** `POST /api/runs` with a preset instead of a full spec. */
export const PresetRequestSchema = z.strictObject({
  preset: z.string().min(1),
  overrides: OverridesSchema.optional(),
});

/** `POST /api/sweeps`: a spec (or preset + overrides), the field to vary and its values. */
export const SweepRequestSchema = z.strictObject({
  spec: z.unknown().optional(),
  preset: z.string().min(1).optional(),
  overrides: OverridesSchema.optional(),
  path: z.string().min(1),
  values: z.array(z.unknown()).min(1, { message: "Expected at least one value to sweep" }),
}).superRefine((body, ctx) => {
  if ((body.spec === undefined) === (body.preset === undefined)) {
    ctx.addIssue({ code: "custom", path: ["spec"], message: "Expected either spec or preset, not both or neither" });
  }
  if (body.spec !== undefined && body.overrides !== undefined) {
    ctx.addIssue({ code: "custom", path: ["overrides"], message: "Overrides go with a preset, not with a spec" });
  }
});

/** `GET /api/runs/:id/export` query. */
export const ExportQuerySchema = z.strictObject({
  format: z.enum(["csv", "ndjson"]).default("ndjson"),
  token: z.string().optional(),
});

/** `Last-Event-ID`: the step of the last snapshot event the client has. */
export const LastEventIdSchema = z.string().regex(/^\d{1,16}$/, {
  message: "Expected Last-Event-ID to be a step (a non-negative integer)",
}).transform(Number);
