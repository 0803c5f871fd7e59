/**
 * One training run, inside the train worker: read the project's plan, dataset and recipe; prepare
 * the parts; choose and start a backend; train; store the run as it goes and its model at the end.
 * A backend that fails mid-run (device lost, out of memory) hands over to the next one, and the
 * run says so.
 */
import { normalizePlan } from '../../plan/plan';
import { targetNotInDataset } from '../../plan/target-column';
import { normalizeRecipe, type Recipe } from '../../prepare/recipe';
import { binaryPlanNote } from '../../prepare/split-notes';
import { describeError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { HEARTBEAT_MS } from '../../shared/heartbeat';
import { APP_VERSION } from '../../shared/version';
import { getDb } from '../../storage/database';
import { activeDataset, loadTable } from '../../storage/datasets';
import { getProject, PROJECT_GONE } from '../../storage/projects';
import { getRecipe } from '../../storage/recipes';
import { deleteRun, finishRun, putRun, updateRun } from '../../storage/runs';
import type { HoldoutEvaluation, RunRow, RunStatus } from '../../storage/rows';
import { chooseBackend, NAMES } from '../../train/backend-choice';
import { useBackend, tfVersion } from '../../train/backends';
import type { Baseline } from '../../train/baseline';
import { predict, predictBaseline } from '../../train/predict';
import type * as tfl from '@tensorflow/tfjs-layers';
import { saveHoldout } from '../../storage/evaluations';
import { buildModel } from '../../train/build-model';
import { THROWN_AWAY } from '../../train/ending-message';
import { captureModel } from '../../train/model-io';
import { checkTrainForm, type BackendName, type TrainSpec } from '../../train/model-spec';
import { scaleNote } from '../../train/feature-scales';
import { trainLoop, type EpochRecord, type TrainControl, type TrainOutcome } from '../../train/train-loop';
import { classCountOf } from '../../train/training-data';
import type { TrainEvent, TrainRequest, TrainResult } from '../train-protocol';
import { probeBackends } from './backend-probe';
import { fitContextOf, prepareFrames, type PreparedFrames } from './prepare-report';
import { runBaseline, runMatrices, type RunMatrices } from './run-matrices';


/** How often, at most, finished epochs are sent to the page. */
const EVENT_EVERY_MS = 100;

export interface RunFlags {
  stop: boolean;
  cancel: boolean;
}

/** A run's matrices (the model's training rows, augmented ones included; the real ones the baseline is fitted on), and what made them. */
export interface TrainingData extends RunMatrices {
  spec: TrainSpec;
  target: string;
  task: 'classification' | 'regression';
  datasetId: string;
  recipeVersion: number;
  recipe: Recipe;
  frames: PreparedFrames;
}

/** Everything a run needs, read from storage and prepared; or the reason it cannot start (the form's settings checked strictly first). */
export async function trainingData(projectId: string, rawSpec: unknown): Promise<{ ok: true; data: TrainingData } | { ok: false; problem: string }> {
  const db = getDb();
  const checked = checkTrainForm(rawSpec);
  if (!checked.ok) return { ok: false, problem: checked.problems.join(' ') };
  const spec = checked.spec;
  const project = await getProject(db, projectId);
  if (!project) return { ok: false, problem: PROJECT_GONE };
  const plan = normalizePlan(project.plan);
  const task = plan.taskType === 'regression' ? 'regression' : plan.taskType === 'binary' || plan.taskType === 'multiclass' ? 'classification' : null;
  if (!plan.target || !task) return { ok: false, problem: 'Choose the task type and the target column in Plan first.' };
  const dataset = await activeDataset(db, projectId);
  if (!dataset) return { ok: false, problem: 'Import a dataset in Data first.' };
  const recipeRow = await getRecipe(db, projectId);
  const recipe = normalizeRecipe(recipeRow?.recipe, project.seed, task === 'classification');
  const { row, table } = await loadTable(db, dataset.id);
  const prepared = prepareFrames(table, { recipe, target: plan.target, task }, () => undefined, fitContextOf(row));
  if (!prepared.ok) return prepared;
  const { frames } = prepared;
  // A target the dataset never had is the plan's slip, not a step's: say so rather than ask which step dropped it.
  const absent = frames.real.table.columns.some((c) => c.name === plan.target) ? null : targetNotInDataset(plan.target, table.columns, dataset.name);
  if (absent) return { ok: false, problem: absent };
  // The layout is read, and the baseline later fitted, on the real training rows only (run-matrices.ts).
  const m = runMatrices(frames, frames.validation, frames.test, plan.target, task);
  if (!m.ok) return m;
  if (m.data.real.rows < 2) return { ok: false, problem: 'Fewer than two training rows have a target value: there is nothing to learn from.' };
  const binaryNote = plan.taskType === 'binary' ? binaryPlanNote(m.data.layout.classes ?? []) : null;
  if (binaryNote) m.data.layout.notes.push(binaryNote);
  const dates = frames.real.table.columns.filter((c) => c.kind === 'datetime').map((c) => c.name);
  const scales = scaleNote(m.data.real, m.data.layout.features, spec.model, dates);
  if (scales) m.data.layout.scaleNote = scales;
  // A run on a target Prepare changed says so with its figures, on Train and Evaluate: the learner may never have opened that step's preview.
  if (frames.targetNotes.length) m.data.layout.targetNotes = frames.targetNotes;
  return { ok: true, data: { spec, target: plan.target, task, datasetId: dataset.id, recipeVersion: recipeRow?.version ?? 0, recipe, frames, ...m.data } };
}

/** Start the chosen backend, or the next ones in order; says which and why. */
export async function startBackend(forced: BackendName | 'auto'): Promise<{ backend: BackendName; note: string; order: BackendName[] }> {
  const env = await probeBackends();
  const choice = chooseBackend(env);
  const wanted = forced === 'auto' ? choice.backend : forced;
  const order = [wanted, ...choice.order.filter((b) => b !== wanted)];
  const failures: string[] = [];
  for (const backend of order) {
    try {
      await useBackend(backend);
      const why = forced === 'auto' ? choice.reason : `${NAMES[backend]} was chosen by hand.`;
      const fell = failures.length ? ` ${failures.join(' ')} Fell back to ${NAMES[backend]}.` : '';
      return { backend, note: why + fell, order: order.slice(order.indexOf(backend) + 1) };
    } catch (e) {
      failures.push(`${NAMES[backend]} could not start (${describeError(e)}).`);
    }
  }
  throw new Error(failures.join(' '));
}


/** The model's (or, without one, the baseline's) predictions on validation and test, stored for Evaluate. */
async function storePredictions(runId: string, d: TrainingData, model: tfl.LayersModel | null, baseline: Baseline): Promise<void> {
  const classCount = classCountOf(d.layout);
  const features = d.layout.features.length;
  const rows: HoldoutEvaluation[] = [];
  for (const [part, m] of [['validation', d.validation], ['test', d.test]] as const) {
    if (m.rows === 0) continue;
    const fromBaseline = predictBaseline(baseline, m.rows);
    rows.push({
      id: newId(),
      runId,
      kind: 'holdout',
      part,
      rows: m.rowIds ?? new Uint32Array(0),
      yTrue: m.yTrue,
      predictions: model ? await predict(model, m, features, classCount) : fromBaseline,
      baseline: fromBaseline,
      classes: d.layout.classes,
      createdAt: Date.now(),
    });
  }
  await saveHoldout(getDb(), runId, rows);
}

export async function runTraining(request: TrainRequest, flags: RunFlags, onEvent: (e: TrainEvent) => void): Promise<TrainResult> {
  const db = getDb();
  const prepared = await trainingData(request.projectId, request.spec);
  if (!prepared.ok) return prepared;
  const d = prepared.data;
  let started: Awaited<ReturnType<typeof startBackend>>;
  try {
    started = await startBackend(d.spec.backend);
  } catch (e) {
    return { ok: false, problem: `No compute backend could start: ${describeError(e)}` };
  }
  const classCount = classCountOf(d.layout);
  const baselineScores = runBaseline(d);
  const baseline = baselineScores.model;
  const now = Date.now();
  const run: RunRow = {
    id: request.runId,
    projectId: request.projectId,
    status: 'running',
    name: request.name,
    createdAt: now,
    updatedAt: now,
    heartbeatAt: now,
    datasetId: d.datasetId,
    recipeVersion: d.recipeVersion,
    recipe: d.recipe,
    target: d.target,
    task: d.task,
    spec: d.spec,
    backend: started.backend,
    backendNote: started.note,
    history: [],
    bestEpoch: 0,
    layout: d.layout,
    pipeline: d.frames.fitted,
    baseline: baselineScores,
    rows: { train: d.train.rows, validation: d.validation.rows, test: d.test.rows },
    unseenClassRows: d.unseenClass,
    unlabelledRows: d.unlabelled,
    flaggedRows: d.flagged,
    seconds: 0,
    message: null,
    tags: request.tags ?? [],
    notes: '',
    starred: false,
    versions: { app: APP_VERSION, tfjs: tfVersion() },
  };
  try {
    await putRun(db, run);
  } catch (e) {
    // Described here, where Dexie's error still holds the browser's (a full disk), not after Comlink strips it.
    return { ok: false, problem: `The run could not be stored, so it did not start: ${describeError(e)}` };
  }
  onEvent({ kind: 'started', runId: run.id, backend: started.backend, backendNote: started.note, rows: run.rows, epochs: d.spec.model === 'baseline' ? 0 : d.spec.epochs });
  const heartbeat = setInterval(() => void updateRun(db, run.id, { heartbeatAt: Date.now() }).catch(() => undefined), HEARTBEAT_MS);
  const t0 = performance.now();
  try {
    if (d.spec.model === 'baseline') {
      await storePredictions(run.id, d, null, baseline);
      await finishRun(db, run.id, { status: 'completed', seconds: (performance.now() - t0) / 1000, heartbeatAt: Date.now() }, null);
      return { ok: true, runId: run.id, status: 'completed', message: null };
    }
    const history: EpochRecord[] = [];
    let lastWrite = -Infinity;
    // Epochs reach the page in batches, at most one message per EVENT_EVERY_MS: a small model
    // can finish hundreds of epochs a second, and one message (and redrawn chart) per epoch
    // would swamp the page, Stop button included.
    let unsent: EpochRecord[] = [];
    let lastSent = -Infinity;
    const sendEpochs = () => {
      if (unsent.length) onEvent({ kind: 'epochs', runId: run.id, records: unsent });
      unsent = [];
      lastSent = performance.now();
    };
    const control: TrainControl = {
      request: () => (flags.cancel ? 'cancel' : flags.stop ? 'stop' : 'continue'),
      onEpoch: (record) => {
        history.push(record);
        unsent.push(record);
        if (performance.now() - lastSent >= EVENT_EVERY_MS) sendEpochs();
        // Stored as it goes, at most once a second: a reload mid-run keeps the curves so far.
        if (performance.now() - lastWrite > 1000) {
          lastWrite = performance.now();
          void updateRun(db, run.id, { history: [...history], heartbeatAt: Date.now() }).catch(() => undefined);
        }
      },
    };
    let backend = started.backend;
    let note = started.note;
    let outcome: TrainOutcome | null = null;
    let model = buildModel(d.spec, d.layout.features.length, d.layout.classes);
    const fallbacks = [...started.order];
    while (!outcome) {
      try {
        outcome = await trainLoop({ model, spec: d.spec, classCount, train: d.train, validation: d.validation.rows ? d.validation : null, features: d.layout.features.length }, control);
        sendEpochs();
      } catch (e) {
        // The backend failed mid-run: start again from scratch on the next one, and say so.
        const next = fallbacks.shift();
        if (!next || backend === 'cpu') throw e;
        note += ` ${NAMES[backend]} failed during training (${describeError(e)}); the run restarted on ${NAMES[next]}.`;
        await useBackend(next);
        backend = next;
        history.length = 0;
        model = buildModel(d.spec, d.layout.features.length, d.layout.classes);
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    if (outcome.ending === 'cancelled') {
      await deleteRun(db, run.id);
      return { ok: true, runId: run.id, status: 'stopped', message: THROWN_AWAY };
    }
    const status: RunStatus = outcome.ending;
    if (outcome.history.length) await storePredictions(run.id, d, model, baseline);
    const stored = outcome.history.length ? await captureModel(model) : null;
    const artifact = stored ? { runId: run.id, kind: 'model', ...stored, classes: d.layout.classes, features: d.layout.features, pipeline: d.frames.fitted, appVersion: APP_VERSION } : null;
    await finishRun(db, run.id, { status, history: outcome.history, bestEpoch: outcome.bestEpoch, seconds, message: outcome.message, backend, backendNote: note, heartbeatAt: Date.now() }, artifact);
    model.dispose();
    return { ok: true, runId: run.id, status, message: outcome.message };
  } catch (e) {
    const message = describeError(e);
    await finishRun(db, run.id, { status: 'failed', message, heartbeatAt: Date.now() }, null).catch(() => undefined);
    return { ok: false, problem: `Training failed: ${message}` };
  } finally {
    clearInterval(heartbeat);
  }
}
