import { describe, expect, it } from 'vitest';
import { targetNotInDataset } from '../../src/plan/target-column';

const columns = [{ name: 'sepal_length' }, { name: 'Petal Width' }, { name: 'species' }];

describe('targetNotInDataset', () => {
  it('is quiet when the target is a column, or none is chosen', () => {
    expect(targetNotInDataset('species', columns, 'Iris')).toBeNull();
    expect(targetNotInDataset('', columns, 'Iris')).toBeNull();
  });

  it('names the target and the dataset, and sends the learner to Plan or Data', () => {
    expect(targetNotInDataset('mpg', columns, 'Iris')).toBe('The plan’s target "mpg" is not a column of the dataset "Iris". Choose the target in Plan, or use a dataset that has it in Data.');
  });

  it('names a column that differs only in case, spacing, underscores or hyphens', () => {
    expect(targetNotInDataset('Species', columns, 'Iris')).toContain('Did you mean "species"?');
    expect(targetNotInDataset('petal_width', columns, 'Iris')).toContain('Did you mean "Petal Width"?');
    expect(targetNotInDataset(' sepal-length ', columns, 'Iris')).toContain('Did you mean "sepal_length"?');
    expect(targetNotInDataset('sepal', columns, 'Iris')).not.toContain('Did you mean');
  });
});
