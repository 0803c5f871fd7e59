/**
 * Permutation importance of a stored run, in the train worker: its stored model and fitted
 * pipeline applied unchanged to its validation rows, each feature shuffled in turn.
 */
import { permutationImportance } from '../../evaluate/importance';
import { accuracy, confusionMatrix } from '../../evaluate/metrics/classification';
import { r2 } from '../../evaluate/metrics/regression';
import { datasetFrame } from '../../prepare/frame';
import { applyPipeline, framesOfParts, type FittedPipeline } from '../../prepare/pipeline';
import { describeError } from '../../shared/errors';
import { getDb } from '../../storage/database';
import { getArtifact } from '../../storage/runs';
import { normalizeTrainSpec } from '../../train/model-spec';
import { restoreModel, type StoredModel } from '../../train/model-io';
import { predict } from '../../train/predict';
import { toMatrices, type Layout } from '../../train/training-data';
import type { ImportanceOutcome } from '../train-protocol';
import { runContext } from './cross-validation-run';
import { startBackend } from './training-run';

export async function runImportance(runId: string, repeats: number, onFeature: (done: number, total: number) => void): Promise<ImportanceOutcome> {
  const found = await runContext(runId);
  if (!found.ok) return found;
  const { run, table, parts } = found.context;
  const artifact = await getArtifact(getDb(), runId, 'model');
  if (!artifact) return { ok: false, problem: 'This run has no stored model (a baseline, or a run that ended before its first epoch).' };
  const layout = run.layout as Layout;
  const frames = framesOfParts(datasetFrame(table), parts);
  const part = frames.validation.table.rowCount > 0 ? 'validation' : 'test';
  const rows = applyPipeline(run.pipeline as FittedPipeline, part === 'validation' ? frames.validation : frames.test);
  const m = toMatrices(rows, layout, run.target).matrices;
  if (m.rows < 2) return { ok: false, problem: 'The run has too few validation rows to measure importance.' };
  try {
    await startBackend(normalizeTrainSpec(run.spec).backend);
    const model = await restoreModel(artifact as unknown as StoredModel);
    const features = layout.features.length;
    const classCount = layout.classes?.length ?? null;
    const yTrue = Array.from(m.y);
    // scikit-learn's default scores: accuracy for a classifier, R² for a regressor.
    const score = async (x: Float32Array) => {
      const p = await predict(model, { rows: m.rows, x, y: m.y }, features, classCount);
      if (classCount === null) return r2(yTrue, Array.from(p));
      const predicted = yTrue.map((_, i) => {
        let best = 0;
        for (let c = 1; c < classCount; c++) if (p[i * classCount + c]! > p[i * classCount + best]!) best = c;
        return best;
      });
      return accuracy(confusionMatrix(yTrue, predicted, classCount));
    };
    const result = await permutationImportance(m.x, m.rows, layout.features, score, repeats, normalizeTrainSpec(run.spec).seed, (done) => onFeature(done, features));
    model.dispose();
    return { ok: true, part, metric: classCount === null ? 'R²' : 'accuracy', ...result };
  } catch (e) {
    return { ok: false, problem: `Importance could not be measured: ${describeError(e)}` };
  }
}
