/**
 * Permutation importance of a stored run, in the train worker: each column of its validation
 * rows, as imported, shuffled in turn, then its fitted pipeline applied unchanged and its stored
 * model scored.
 */
import { permutationImportance, shownImportances, withPermutedColumn, type Scored } from '../../evaluate/importance';
import { accuracy, confusionMatrix } from '../../evaluate/metrics/classification';
import { logLoss } from '../../evaluate/metrics/probabilistic';
import { mse, r2 } from '../../evaluate/metrics/regression';
import { datasetFrame } from '../../prepare/frame';
import { applyPipeline, framesOfParts, type FittedPipeline } from '../../prepare/pipeline';
import { describeError } from '../../shared/errors';
import { getDb } from '../../storage/database';
import { getArtifact } from '../../storage/runs';
import { normalizeTrainSpec } from '../../train/model-spec';
import { restoreModel, type StoredModel } from '../../train/model-io';
import { predict } from '../../train/predict';
import { classCountOf, toMatrices, type Layout } from '../../train/training-data';
import type { ImportanceOutcome } from '../train-protocol';
import { runContext } from './cross-validation-run';
import { startBackend } from './training-run';

export async function runImportance(runId: string, repeats: number, onFeature: (done: number, total: number) => void): Promise<ImportanceOutcome> {
  const found = await runContext(runId);
  if (!found.ok) return found;
  const { run, table, parts, note } = found.context;
  const artifact = await getArtifact(getDb(), runId, 'model');
  if (!artifact) return { ok: false, problem: 'This run has no stored model (a baseline, or a run that ended before its first epoch).' };
  const layout = run.layout as Layout;
  const frames = framesOfParts(datasetFrame(table), parts);
  const part = frames.validation.table.rowCount > 0 ? 'validation' : 'test';
  const raw = part === 'validation' ? frames.validation : frames.test;
  const fitted = run.pipeline as FittedPipeline;
  // Rows to predict are never dropped (imputed or flagged), so every shuffle keeps the same rows.
  const m = toMatrices(applyPipeline(fitted, raw), layout, run.target).matrices;
  if (m.rows < 2) return { ok: false, problem: `The run has too few ${part} rows to measure importance.` };
  const columns = raw.table.columns.map((c) => c.name).filter((name) => name !== run.target);
  try {
    await startBackend(normalizeTrainSpec(run.spec).backend);
    const model = await restoreModel(artifact as unknown as StoredModel);
    const features = layout.features.length;
    const classCount = classCountOf(layout);
    const yTrue = Array.from(m.yTrue);
    // scikit-learn's default scores: accuracy for a classifier, R² for a regressor; the loss ranks ties.
    const score = async (column: number | null, order: Int32Array | null): Promise<Scored> => {
      const frame = column === null ? raw : withPermutedColumn(raw, columns[column]!, order!);
      const x = column === null ? m.x : toMatrices(applyPipeline(fitted, frame), layout, run.target).matrices.x;
      const p = await predict(model, { rows: m.rows, x, y: m.y }, features, classCount);
      if (classCount === null) {
        const predicted = Array.from(p);
        return { score: r2(yTrue, predicted), loss: mse(yTrue, predicted) };
      }
      const proba = yTrue.map((_, i) => Array.from(p.subarray(i * classCount, (i + 1) * classCount)));
      const predicted = proba.map((row) => row.indexOf(Math.max(...row)));
      return { score: accuracy(confusionMatrix(yTrue, predicted, classCount)), loss: logLoss(yTrue, proba) };
    };
    const result = await permutationImportance(raw.table.rowCount, columns, score, repeats, normalizeTrainSpec(run.spec).seed, (done) => onFeature(done, columns.length));
    model.dispose();
    return { ok: true, part, rows: m.rows, metric: classCount === null ? 'R²' : 'accuracy', loss: classCount === null ? 'squared error' : 'log loss', baseline: result.baseline, importances: shownImportances(result.importances, layout.features), note };
  } catch (e) {
    return { ok: false, problem: `Importance could not be measured: ${describeError(e)}` };
  }
}
