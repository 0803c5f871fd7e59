/** What the dataset in use says to the feasibility checklist's rough rule: ten rows per feature. */

/** '1 row', '442 rows' (data/words.ts count, which Plan, the first stage, may not import). */
const count = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

export const ROWS_PER_FEATURE = 10;

/** e.g. 'The dataset in use has 442 rows for 10 features: 44 per feature, within the rule.' */
export function rowsPerFeatureText(rows: number, features: number): string | null {
  if (features <= 0) return null;
  const per = Math.floor(rows / features);
  const verdict = per >= ROWS_PER_FEATURE ? 'within the rule' : `under the rule’s ${ROWS_PER_FEATURE}: fewer features, or a simple model, suits it better`;
  return `The dataset in use has ${count(rows, 'row')} for ${count(features, 'feature')}: ${per.toLocaleString('en')} per feature, ${verdict}.`;
}
