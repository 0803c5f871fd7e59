/**
 * k-fold cross-validation of a stored run, inside the train worker: the run's settings and the
 * recipe version it was trained with, each fold refitted from scratch (evaluate/cross-validate.ts),
 * the result stored with the run.
 */
import { crossValidate, CvCancelled, type FoldPredictions } from '../../evaluate/cross-validate';
import { flaggedFoldsNote, foldPredictionsOf, heldOutMatrices, leaveOutNoTarget, noTargetNote } from '../../evaluate/fold-rows';
import { editedTable } from '../../prepare/edited-table';
import { datasetFrame, type Frame } from '../../prepare/frame';
import { assignFolds } from '../../prepare/folds';
import type { SplitInputs } from '../../prepare/split';
import { StepProblem } from '../../prepare/step-problem';
import { describeError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { getDb } from '../../storage/database';
import { loadTable } from '../../storage/datasets';
import { saveCv } from '../../storage/evaluations';
import { getProject } from '../../storage/projects';
import { getRecipe } from '../../storage/recipes';
import { getRun } from '../../storage/runs';
import type { RunRow } from '../../storage/rows';
import type { Table } from '../../shared/column';
import type { Recipe } from '../../prepare/recipe';
import type { FitContext } from '../../prepare/step';
import { buildModel } from '../../train/build-model';
import { normalizeTrainSpec } from '../../train/model-spec';
import { predict } from '../../train/predict';
import { trainLoop } from '../../train/train-loop';
import { classCountOf } from '../../train/training-data';
import type { CvOutcome } from '../train-protocol';
import { fitContextOf, splitRows } from './prepare-report';
import { recipeOfRun } from './run-recipe';
import { foldBaseline, runMatrices } from './run-matrices';
import { startBackend, type RunFlags } from './training-run';

export interface RunContext {
  run: RunRow;
  recipe: Recipe;
  /** a sentence when the recipe used differs from the run's */
  note: string | null;
  table: Table;
  /** how the dataset's file was written, as each fold's refit is told it */
  fitContext: FitContext;
  /** the run's split of the dataset's rows */
  parts: Uint8Array;
  /** the class and group codes the split read */
  inputs: SplitInputs;
}

/** A stored run with its dataset, the recipe version it was trained with, and its split; or why not. */
export async function runContext(runId: string): Promise<{ ok: true; context: RunContext } | { ok: false; problem: string }> {
  const db = getDb();
  const run = await getRun(db, runId);
  if (!run) return { ok: false, problem: 'This run no longer exists.' };
  const project = await getProject(db, run.projectId);
  const recipeRow = await getRecipe(db, run.projectId);
  const { recipe, note } = recipeOfRun(run, recipeRow, project?.seed ?? 1);
  let table: Table;
  let fitContext: FitContext;
  try {
    const loaded = await loadTable(db, run.datasetId);
    [table, fitContext] = [loaded.table, fitContextOf(loaded.row)];
  } catch (e) {
    return { ok: false, problem: `The run's dataset cannot be read: ${describeError(e)}` };
  }
  // The same split as training's, by the labels as the recipe's edit step leaves them; the classes
  // are read whatever the split's strategy, as the folds stratify by them.
  const split = splitRows(table, recipe, run.target, run.task === 'classification', { context: fitContext });
  if (!split.ok) return split;
  return { ok: true, context: { run, recipe, note, table, fitContext, parts: split.parts, inputs: split.inputs } };
}

const ORDERED_NOTE =
  'The split is in time order, so the folds are too: the rows are cut into k + 1 blocks by date, and each fold trains on the blocks before it and is scored on the next (forward chaining, as scikit-learn’s TimeSeriesSplit). The oldest block is only ever trained on.';

export async function runCrossValidation(runId: string, k: number, flags: RunFlags, onFold: (done: number, total: number) => void): Promise<CvOutcome> {
  const db = getDb();
  const t0 = performance.now();
  if (!Number.isInteger(k) || k < 2 || k > 20) return { ok: false, problem: 'Choose between 2 and 20 folds.' };
  const found = await runContext(runId);
  if (!found.ok) return found;
  const { run, recipe, note, table, fitContext, inputs, parts: splitParts } = found.context;
  const spec = normalizeTrainSpec(run.spec);
  // Rows without a target (as the split reads the labels) are left out like test rows, before the
  // folds are dealt: every fold then holds rows it can score (evaluate/fold-rows.ts says why).
  const { parts, noTarget } = leaveOutNoTarget(editedTable(table, recipe.steps, fitContext), run.target, splitParts);
  const noTargetSentence = noTargetNote(noTarget);
  let folds: Uint8Array;
  // In time order like the split, else grouped like it, else stratified by the classes it read.
  const strategy = inputs.order ? 'ordered' : inputs.groups ? 'grouped' : inputs.classes ? 'stratified' : 'random';
  try {
    // Folds over the train and validation rows only: test rows get none and are never used.
    folds = assignFolds(k, inputs, spec.seed, strategy, parts, recipe.split.dealing);
  } catch (e) {
    return { ok: false, problem: [describeError(e), noTargetSentence].filter((s) => s !== null).join(' ') };
  }
  await startBackend(spec.backend);
  // Each fold trains for the epochs the run kept, with no early stopping: the held-out fold is for scoring only.
  const foldSpec = { ...spec, epochs: Math.max(1, run.bestEpoch || spec.epochs), patience: 0 };
  let flaggedHeldOut = 0;
  const fitAndPredict = async (train: Frame, heldOut: Frame, fold: number, real: Frame): Promise<FoldPredictions> => {
    // The layout and the baseline from the fold's real training rows; the model trains on the augmented ones too.
    const m = runMatrices({ train, real }, heldOut, null, run.target, run.task);
    if (!m.ok) throw new StepProblem(`Fold ${fold + 1}: ${m.problem}`);
    const { layout } = m.data;
    // Held-out rows of a class this fold never trained on stay in, to be scored as wrong.
    const held = heldOutMatrices(heldOut, layout, run.target);
    flaggedHeldOut += held.flagged;
    if (spec.model === 'baseline') return foldPredictionsOf(held, foldBaseline({ ...m.data, validation: held.matrices }).predictions);
    const features = layout.features.length;
    const [trainM, heldM] = [m.data.train, held.matrices];
    const classCount = classCountOf(layout);
    const model = buildModel(foldSpec, features, layout.classes);
    try {
      {
        const outcome = await trainLoop({ model, spec: foldSpec, classCount, train: trainM, validation: null, features }, { request: () => (flags.cancel ? 'cancel' : 'continue'), onEpoch: () => undefined });
        if (outcome.ending === 'cancelled') throw new CvCancelled();
      }
      return foldPredictionsOf(held, await predict(model, heldM, features, classCount));
    } finally {
      model.dispose();
    }
  };
  try {
    const result = await crossValidate(
      { frame: datasetFrame(table), parts, folds, k, recipe, target: run.target, task: run.task, forward: strategy === 'ordered', context: fitContext },
      fitAndPredict,
      (done) => onFold(done, k),
      () => flags.cancel,
    );
    const seconds = (performance.now() - t0) / 1000;
    // One note a line, shown one a paragraph: the per-fold ones are easier to find so.
    const notes = [note, strategy === 'ordered' ? ORDERED_NOTE : null, noTargetSentence, ...result.notes, flaggedFoldsNote(flaggedHeldOut)].filter((n) => n !== null);
    await saveCv(db, { id: newId(), runId, kind: 'cv', k, folds: result.folds, mean: result.mean, std: result.std, outOfFold: result.outOfFold, seconds, note: notes.join('\n') || null, createdAt: Date.now() });
    return { ok: true, seconds, mean: result.mean, std: result.std };
  } catch (e) {
    if (e instanceof CvCancelled) return { ok: false, problem: 'Cross-validation was cancelled; nothing was stored.' };
    if (e instanceof StepProblem) return { ok: false, problem: e.message };
    return { ok: false, problem: `Cross-validation failed: ${describeError(e)}` };
  }
}
