/** The lifecycle stages, in loop order, as the stage bar and the router know them. */

export type StageKey = 'plan' | 'data' | 'prepare' | 'train' | 'evaluate' | 'ship' | 'monitor';

export interface StageInfo {
  key: StageKey;
  label: string;
  /** What the user does there, in one line; also shown while a stage is not built yet. */
  purpose: string;
  /** Whether this version of Looplab has built the stage. */
  built: boolean;
}

export const STAGES: readonly StageInfo[] = [
  { key: 'plan', label: 'Plan', purpose: 'State the problem, the target, what success means, and the risks.', built: true },
  { key: 'data', label: 'Data', purpose: 'Import CSV files, profile every column, explore and merge.', built: true },
  { key: 'prepare', label: 'Prepare', purpose: 'Clean the data step by step, split it, edit labels and augment the training part.', built: true },
  { key: 'train', label: 'Train', purpose: 'Pick a model and its settings, train it in the background and keep every run.', built: true },
  { key: 'evaluate', label: 'Evaluate', purpose: 'Read the metrics, cross-validate, study the errors and check the success criteria.', built: true },
  { key: 'ship', label: 'Ship', purpose: 'Download the model with its model card, and share the whole project as one file.', built: false },
  { key: 'monitor', label: 'Monitor', purpose: 'Predict on new files, watch for drift, and start the next iteration.', built: false },
];

export function isStageKey(value: string): value is StageKey {
  return STAGES.some((s) => s.key === value);
}

export function stageInfo(key: StageKey): StageInfo {
  return STAGES.find((s) => s.key === key)!;
}

/**
 * The stages a message sends the learner to ("… in Prepare", "choose it in Plan"), in loop order,
 * for links beside it. Example: stagesNamed('add a one-hot step for it in Prepare') → ['prepare'].
 */
export function stagesNamed(message: string): StageKey[] {
  return STAGES.filter((s) => s.built && new RegExp(`\\bin ${s.label}\\b`).test(message)).map((s) => s.key);
}

/**
 * Which stages hold something, from the plan and the row counts of later stages. A stage not
 * built yet never does: its dot would promise content on a page that says it is not built
 * (Ship's artifacts exist as soon as a run has a model).
 */
export function stagesWithContent(
  planHasContent: boolean,
  counts: { datasets: number; recipes: number; runs: number; evaluations: number; artifacts: number; batches: number },
): Record<StageKey, boolean> {
  const held: Record<StageKey, boolean> = {
    plan: planHasContent,
    data: counts.datasets > 0,
    prepare: counts.recipes > 0,
    train: counts.runs > 0,
    evaluate: counts.evaluations > 0,
    ship: counts.artifacts > 0,
    monitor: counts.batches > 0,
  };
  for (const stage of STAGES) held[stage.key] &&= stage.built;
  return held;
}
