/**
 * The feasibility and data-privacy checklists of the Plan stage. Items are defined here once;
 * stored plans keep only {status, note} per key, so adding an item later needs no migration.
 */

export type ChecklistStatus = 'unchecked' | 'yes' | 'no' | 'unsure';
export const CHECKLIST_STATUSES: readonly ChecklistStatus[] = ['unchecked', 'yes', 'no', 'unsure'];
export const STATUS_LABELS: Record<ChecklistStatus, string> = {
  unchecked: 'Not checked',
  yes: 'Yes',
  no: 'No',
  unsure: 'Not sure',
};

export interface ChecklistEntry {
  status: ChecklistStatus;
  note: string;
}

export interface ChecklistItem {
  key: string;
  question: string;
  /** One line for learners: why the question matters. */
  help: string;
}

export const FEASIBILITY_ITEMS = [
  { key: 'enough-data', question: 'Is there enough labelled data?', help: 'A rough rule: ten rows per feature, and dozens of rows of the rarest class.' },
  { key: 'data-keeps-coming', question: 'Will new data keep coming?', help: 'Models go stale; fresh data is needed to monitor and retrain.' },
  { key: 'ml-needed', question: 'Is machine learning really needed?', help: 'A simple rule or a lookup table may do the job as well, and is easier to trust.' },
  { key: 'legal-ethical', question: 'Is the use legal and ethical?', help: 'Who could be harmed by a wrong prediction, and is this use of the data allowed?' },
  { key: 'explainability', question: 'Must each prediction be explained?', help: 'If people need reasons for a prediction, prefer simple, inspectable models.' },
  { key: 'resources', question: 'Are compute and people available?', help: 'Someone must build, check and maintain the model, on machines that can run it.' },
] as const satisfies readonly ChecklistItem[];

export const PRIVACY_ITEMS = [
  { key: 'personal-data', question: 'Does the data contain personal information?', help: 'Names, contact details, health or financial data, or anything that can single out a person.' },
  { key: 'consent', question: 'Did people consent to this use of their data?', help: 'Consent given for one purpose does not cover every other purpose.' },
  { key: 'synthetic-possible', question: 'Could synthetic data replace the real rows?', help: 'Generated rows that keep the statistics can often be shared where real rows cannot.' },
] as const satisfies readonly ChecklistItem[];

export type FeasibilityKey = (typeof FEASIBILITY_ITEMS)[number]['key'];
export type PrivacyKey = (typeof PRIVACY_ITEMS)[number]['key'];
