/**
 * The Worker that trains one run for the server, off the event loop that
 * answers requests: compile → reference → train → analysis, posting each
 * record to the main thread, which stores and broadcasts it.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import { lastValueFrom, tap } from "rxjs";
import { compileRun } from "../run/compile_run.ts";
import { analysisPipeline } from "../run/analysis_pipeline.ts";
import { solveReference } from "../run/solve_reference.ts";
import { referenceInput } from "./_reference_input.ts";
import { toFinalRecord } from "../store/final_record.ts";
import { toSnapshotRecord } from "../store/snapshot_record.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import { train } from "../streams/train.ts";
import type { FromWorker, ToWorker } from "./_worker_protocol.ts";

const controller = new AbortController();

function post(message: FromWorker): void {
  self.postMessage(message);
}

async function run(id: string, spec: unknown, sweep?: { path: string; value: unknown }): Promise<void> {
  const compiled = compileRun(spec);
  const reference = await solveReference(compiled);
  post(referenceInput(reference));
  let last: Snapshot | undefined;
  await lastValueFrom(
    train(compiled, { runId: id, signal: controller.signal, ...(sweep ? { sweep } : {}) }).pipe(
      analysisPipeline(compiled, reference),
      tap((s) => {
        last = s;
        post({ type: "snapshot", record: toSnapshotRecord(s) });
      }),
    ),
  );
  const params = compiled.problem.kind === "mlp" ? { params: last!.predictor.data } : {};
  post({ type: "final", record: toFinalRecord(last!, reference), ...params });
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  if (msg.type === "stop") {
    controller.abort();
    return;
  }
  run(msg.id, msg.spec, msg.sweep).catch((err) => {
    post({ type: "failed", message: err instanceof Error ? err.message : String(err) });
  });
};
