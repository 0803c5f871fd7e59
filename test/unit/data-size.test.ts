import { expect, test } from 'vitest';
import { rowsPerFeatureText } from '../../src/plan/data-size';

test('the dataset in use against the rule of ten rows per feature', () => {
  expect(rowsPerFeatureText(442, 10)).toBe('The dataset in use has 442 rows for 10 features: 44 per feature, within the rule.');
  expect(rowsPerFeatureText(1500, 200)).toBe('The dataset in use has 1,500 rows for 200 features: 7 per feature, under the rule’s 10: fewer features, or a simple model, suits it better.');
  expect(rowsPerFeatureText(10, 1)).toBe('The dataset in use has 10 rows for 1 feature: 10 per feature, within the rule.');
  expect(rowsPerFeatureText(10, 0)).toBeNull();
});
