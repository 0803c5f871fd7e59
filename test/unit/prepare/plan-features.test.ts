import { describe, expect, it } from 'vitest';
import { beyondPlanText, columnsBeyondPlan } from '../../../src/prepare/plan-features';

const dataset = ['id', 'island', 'bill', 'flipper', 'sex', 'species'];

describe('columnsBeyondPlan', () => {
  it('is none when the plan lists no candidates', () => {
    expect(columnsBeyondPlan([], dataset, null, 'species')).toEqual([]);
  });

  it('lists the dataset’s other columns in its order, never the target', () => {
    expect(columnsBeyondPlan(['flipper', 'bill'], dataset, null, 'species')).toEqual(['id', 'island', 'sex']);
  });

  it('leaves out the columns a step has dropped or replaced, and ignores columns a step made', () => {
    const prepared = ['island', 'bill', 'flipper', 'sex=female', 'sex=male', 'species', 'ratio'];
    expect(columnsBeyondPlan(['flipper', 'bill'], dataset, prepared, 'species')).toEqual(['island']);
  });

  it('ignores candidates the dataset lacks', () => {
    expect(columnsBeyondPlan(['bill', 'weight'], ['bill', 'sex', 'species'], null, 'species')).toEqual(['sex']);
  });
});

describe('beyondPlanText', () => {
  it('names one column or several', () => {
    expect(beyondPlanText(['id'])).toBe('The plan’s candidate features leave out a column that still reaches the model: “id”.');
    expect(beyondPlanText(['id', 'island', 'sex'])).toBe('The plan’s candidate features leave out 3 columns that still reach the model: “id”, “island” and “sex”.');
  });
});
