/// <reference lib="webworker" />
/** The evaluate worker: every figure of the Evaluate page, computed from stored predictions off the page. */
import * as Comlink from 'comlink';
import { compareRuns } from '../evaluate/compare';
import { holdoutReport } from '../evaluate/holdout';
import { likelyLabelErrors, worstRows } from '../evaluate/rows-to-check';
import { getDb } from '../storage/database';
import { evaluationsOf, evaluationsOfRuns } from '../storage/evaluations';
import type { CvEvaluation, HoldoutEvaluation, RunRow } from '../storage/rows';
import { getRun } from '../storage/runs';
import type { EvaluateWorkerApi, RunReport } from './evaluate-protocol';
import { largestErrorRows } from './in-worker/largest-errors';

const api: EvaluateWorkerApi = {
  async report(runId, part): Promise<RunReport> {
    const evaluations = await evaluationsOf(getDb(), runId);
    const holdout = evaluations.find((e): e is HoldoutEvaluation => e.kind === 'holdout' && e.part === part);
    const cv = evaluations.find((e): e is CvEvaluation => e.kind === 'cv') ?? null;
    const binary =
      holdout?.classes?.length === 2 ? { yTrue: holdout.yTrue, positive: Float32Array.from({ length: holdout.yTrue.length }, (_, i) => holdout.predictions[i * 2 + 1]!), classes: holdout.classes } : null;
    const result: RunReport = {
      part: holdout ? { report: holdoutReport(holdout), worst: holdout.classes ? worstRows(holdout) : await largestErrorRows(holdout), binary } : null,
      cv: cv ? { id: cv.id, runId: cv.runId, kind: cv.kind, k: cv.k, folds: cv.folds, mean: cv.mean, std: cv.std, seconds: cv.seconds, note: cv.note, createdAt: cv.createdAt } : null,
      labelErrors: cv ? likelyLabelErrors(cv) : [],
    };
    return binary ? Comlink.transfer(result, [binary.positive.buffer as ArrayBuffer]) : result;
  },

  async compare(runIds, firstCriterion) {
    const db = getDb();
    const runs = (await Promise.all(runIds.map((id) => getRun(db, id)))).filter((r): r is RunRow => r !== undefined);
    const evaluations = (await evaluationsOfRuns(db, runIds)).filter((e) => e.kind === 'cv' || e.part === 'validation');
    return compareRuns(runs, evaluations, firstCriterion);
  },
};

Comlink.expose(api);
