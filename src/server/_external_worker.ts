/**
 * The Worker that analyses one external run for the server, off the event
 * loop that answers requests: compile → reference (solved once) → each record
 * the user's loop sends, as a snapshot, through the run's default analysis
 * pipeline (the same operators as internal runs). Posts what a run Worker
 * posts, plus an `ack` per batch once its snapshots are posted.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import { Subject } from "rxjs";
import { compileRun } from "../run/compile_run.ts";
import type { Tensor } from "../math/tensor.ts";
import { lpNorm } from "../math/lp_norm.ts";
import { analysisPipeline } from "../run/analysis_pipeline.ts";
import { solveReference } from "../run/solve_reference.ts";
import { referenceInput } from "./_reference_input.ts";
import type { ReferenceResult } from "../reference/reference.ts";
import { toFinalRecord } from "../store/final_record.ts";
import { type SnapshotRecord, toSnapshotRecord } from "../store/snapshot_record.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import type { ExternalRecord, FromExternalWorker, ToExternalWorker } from "./_external_protocol.ts";

function post(message: FromExternalWorker): void {
  self.postMessage(message);
}

interface Analysis {
  analyse(record: ExternalRecord): Snapshot;
  reference: ReferenceResult;
  last: Snapshot | null;
  lastRecord: SnapshotRecord | null;
}

async function setUp(id: string, spec: unknown, last: SnapshotRecord | undefined): Promise<Analysis> {
  const compiled = compileRun(spec);
  const problem = compiled.problem;
  const reference = await solveReference(compiled);
  post(referenceInput(reference));
  const predictorShape = problem.predictor(compiled.init).shape;
  // Linear models: the flat parameters are the predictor, so a logged predictor also gives loss and gradient.
  const probe = Float64Array.from({ length: problem.size }, (_, i) => i + 1);
  const probed = problem.predictor(probe).data;
  const direct = probed.length === probe.length && probed.every((v, i) => v === probe[i]);
  const grad = new Float64Array(problem.size);
  const input = new Subject<Snapshot>();
  let out: Snapshot | null = null;
  input.pipe(analysisPipeline(compiled, reference)).subscribe((s) => (out = s));

  const state: Analysis = {
    reference,
    last: null,
    lastRecord: last ?? null,
    analyse(record) {
      const userMetrics: Record<string, number> = {};
      for (const [k, v] of Object.entries(record.metrics)) userMetrics[k] = v ?? NaN;
      const base = {
        run: id,
        step: record.step,
        wall: record.wall,
        status: "running" as const,
        trigger: record.trigger,
      };
      let predictor: Tensor | null = null;
      let params: Float64Array | null = null;
      if (record.params) {
        params = Float64Array.from(record.params);
        predictor = problem.predictor(params);
      } else if (record.predictor) {
        predictor = { shape: [...predictorShape], data: Float64Array.from(record.predictor.data) } as Tensor;
        if (direct) params = predictor.data as Float64Array;
      }
      if (predictor === null) {
        // Metrics only: nothing to analyse; kept as the user sent them.
        const s = { ...base, metrics: userMetrics, loss: NaN, gradNorm: NaN, params: {}, predictor: emptyTensor() };
        return s as Snapshot;
      }
      let loss = NaN, gradNorm = NaN;
      if (params !== null) {
        loss = problem.gradient(params, grad, true);
        gradNorm = lpNorm(grad, 2); // as the CPU engine reports it
      }
      out = null;
      input.next({
        ...base,
        metrics: userMetrics,
        loss,
        gradNorm,
        params: params === null ? {} : problem.params(params),
        predictor,
      } as Snapshot);
      const analysed = out as Snapshot | null;
      if (analysed === null) throw new Error(`The analysis of step ${record.step} produced no snapshot`);
      if (params === null) {
        // No parameters (a factorized problem logged by its predictor): no loss or gradient norm of ours.
        const metrics = { ...analysed.metrics };
        if (!("loss" in userMetrics)) delete metrics.loss;
        else metrics.loss = userMetrics.loss!;
        delete metrics.grad_norm;
        return { ...analysed, metrics };
      }
      return analysed;
    },
  };
  return state;
}

function emptyTensor(): Tensor {
  return { shape: [0], data: new Float64Array(0) } as Tensor;
}

let ready: Promise<Analysis> | null = null;
let chain: Promise<void> = Promise.resolve();

function handle(msg: ToExternalWorker, analysis: Analysis): void {
  if (msg.type === "records") {
    for (const record of msg.records) {
      const s = analysis.analyse(record);
      const stored = toSnapshotRecord(s);
      if (s.predictor.data.length === 0) delete stored.predictor;
      if (s.predictor.data.length > 0) analysis.last = s;
      analysis.lastRecord = stored;
      post({ type: "snapshot", record: stored });
    }
    post({ type: "ack", batch: msg.batch });
    return;
  }
  if (msg.type === "finish") {
    const at = analysis.last;
    const lastRecord = analysis.lastRecord!;
    const ending = {
      status: msg.status,
      ...(msg.message === undefined ? {} : { message: msg.message }),
    };
    const final = at !== null && at.step === lastRecord.step
      ? toFinalRecord({ ...at, ...ending }, analysis.reference)
      : {
        // The last record had no predictor (or came before a restart): end on what was stored.
        ...toFinalRecord(
          { ...(at ?? { loss: NaN, gradNorm: NaN, params: {}, predictor: emptyTensor() }), ...ending } as Snapshot,
          analysis.reference,
        ),
        run: lastRecord.run,
        step: lastRecord.step,
        wall: lastRecord.wall,
        metrics: { ...lastRecord.metrics },
        ...(lastRecord.predictor ? { predictor: lastRecord.predictor } : {}),
      };
    post({ type: "final", record: final });
    post({ type: "ack", batch: msg.batch });
  }
}

self.onmessage = (e: MessageEvent<ToExternalWorker>) => {
  const msg = e.data;
  if (msg.type === "start") {
    ready = setUp(msg.id, msg.spec, msg.last);
    ready.catch((err) => post({ type: "failed", message: err instanceof Error ? err.message : String(err) }));
    return;
  }
  chain = chain.then(async () => {
    const analysis = await ready!;
    try {
      handle(msg, analysis);
    } catch (err) {
      post({ type: "ack", batch: msg.batch, error: err instanceof Error ? err.message : String(err) });
    }
  }).catch(() => {});
};
