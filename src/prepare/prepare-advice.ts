/**
 * What the Prepare page tells the learner about its data against the plan and against Train,
 * read from the page's state as it changes, with the steps that act on it one click away: a
 * target the dataset lacks, the columns the plan's candidate features leave out, what Train will
 * make of the prepared columns (readiness.ts: the split's group column and the dates among them).
 * The state edits the recipe; this only reads it and asks for changes through it.
 */
import { newId } from '../shared/ids';
import { targetNotInDataset } from '../plan/target-column';
import type { PrepareState } from './prepare.svelte';
import { dateSteps } from './date-features';
import { columnsBeyondPlan } from './plan-features';
import { dropGroupsStep, fixingSteps, rareLabelColumns, readinessOf, scalingStep, type Readiness } from './readiness';

export class PrepareAdvice {
  readonly #prep: PrepareState;
  /** the plan's candidate features, as the page opened */
  readonly #candidates: readonly string[];

  constructor(prep: PrepareState, candidates: readonly string[]) {
    this.#prep = prep;
    this.#candidates = [...candidates];
  }

  /** Why the plan's target is neither a column of the dataset nor one a step makes (a formula); null when it is either, or none is chosen. */
  get targetProblem(): string | null {
    const { dataset, target, report } = this.#prep;
    if (!dataset || !target || report?.columns.some((c) => c.name === target)) return null;
    return targetNotInDataset(target, dataset.columns, dataset.name);
  }

  /** The dataset's columns the plan leaves out of its candidate features that still reach the model (plan-features.ts). */
  get beyondPlan(): string[] {
    const { dataset, target, report } = this.#prep;
    if (!dataset) return [];
    const prepared = report?.columns.length ? report.columns.map((c) => c.name) : null;
    return columnsBeyondPlan(this.#candidates, dataset.columns.map((c) => c.name), prepared, target);
  }

  /** What Train would make of the prepared columns (readiness.ts); null until a report has them (none while a step fails). */
  get readiness(): Readiness | null {
    const { dataset, target, report, recipe } = this.#prep;
    if (!report?.columns.length) return null;
    const groupColumn = recipe?.split.strategy === 'grouped' ? recipe.split.groupColumn : null;
    // The training rows after the last step that ran, else as the split dealt them: the rows the missing counts are over.
    const split = report.split.ok ? report.split.parts.find((p) => p.part === 'train')?.rows : undefined;
    const trainRows = report.steps.filter((s) => s.rowsAfter !== undefined).at(-1)?.rowsAfter ?? split ?? null;
    return readinessOf(report.columns, target, { rare: dataset ? rareLabelColumns(dataset) : undefined, groupColumn, trainRows });
  }

  /** The steps that make every prepared column trainable (readiness.ts fixingSteps), added at the end as one change: one undo takes them back. */
  fixForTraining(): Promise<boolean> {
    const readiness = this.readiness;
    return readiness ? this.#addAll(fixingSteps(readiness)) : Promise.resolve(false);
  }

  /** The date features replaced by their day count, month and weekday (date-features.ts), as one change. */
  replaceDates(): Promise<boolean> {
    const readiness = this.readiness;
    const taken = this.#prep.report?.columns.map((c) => c.name) ?? [];
    return readiness?.dates.length ? this.#addAll(dateSteps(readiness.dates, taken)) : Promise.resolve(false);
  }

  #addAll(made: readonly { kind: string; params: Record<string, unknown> }[]): Promise<boolean> {
    const steps = made.map(({ kind, params }) => ({ id: newId(), kind, enabled: true, params }));
    return this.#prep.change('add', (r) => void r.steps.push(...steps), steps[0]?.id);
  }

  /** A standard scaling step for the number features far from unit scale (readiness.ts). */
  scaleFarFeatures(): Promise<boolean> {
    const readiness = this.readiness;
    if (!readiness?.farFromScale.length) return Promise.resolve(false);
    const { kind, params } = scalingStep(readiness);
    return this.#prep.addStep(kind, params);
  }

  /** A "Drop columns" step for the split's group column, where Train would read it. */
  dropGroups(): Promise<boolean> {
    const readiness = this.readiness;
    if (!readiness?.groups.length) return Promise.resolve(false);
    const { kind, params } = dropGroupsStep(readiness);
    return this.#prep.addStep(kind, params);
  }

  /** A "Drop columns" step for the columns the plan leaves out of its candidate features. */
  dropBeyondPlan(): Promise<boolean> {
    return this.#prep.addStep('drop-columns', { columns: this.beyondPlan });
  }
}
