import type { SnapshotRecord } from "../store/snapshot_record.ts";

/**
 * Snapshot records as CSV: `step,wall,status,trigger`, then one column per
 * metric (in order of first appearance); empty cells for missing or
 * non-finite values.
 */
export function recordsToCsv(records: readonly SnapshotRecord[]): string {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    for (const k of Object.keys(r.metrics)) {
      if (!seen.has(k)) {
        seen.add(k);
        names.push(k);
      }
    }
  }
  const lines = [["step", "wall", "status", "trigger", ...names].map(cell).join(",")];
  for (const r of records) {
    const values = names.map((k) => {
      const v = r.metrics[k] as number | null | undefined;
      return typeof v === "number" && Number.isFinite(v) ? String(v) : "";
    });
    lines.push([String(r.step), String(r.wall), r.status, r.trigger, ...values].map(cell).join(","));
  }
  return lines.join("\n") + "\n";
}

function cell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
