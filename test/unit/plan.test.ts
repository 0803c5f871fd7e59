import { describe, expect, test } from 'vitest';
import { cleanFeatureList, emptyPlan, normalizePlan, parseFeatureText, planHasContent } from '../../src/plan/plan';
import { FEASIBILITY_ITEMS, PRIVACY_ITEMS } from '../../src/plan/checklists';

describe('normalizePlan', () => {
  test('anything that is not an object gives the empty plan', () => {
    for (const raw of [undefined, null, 42, 'plan', []]) expect(normalizePlan(raw)).toEqual(emptyPlan());
  });

  test('a complete plan reads back unchanged', () => {
    const plan = emptyPlan();
    plan.problem = 'p';
    plan.taskType = 'regression';
    plan.features = ['a', 'b'];
    plan.criteria = [{ id: 'c', metric: 'rmse', comparison: '<=', threshold: 3 }];
    plan.feasibility['ml-needed'] = { status: 'unsure', note: 'maybe a rule' };
    plan.privacy.consent = { status: 'yes', note: '' };
    expect(normalizePlan(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
  });

  test('each damaged field falls back alone and the rest is kept', () => {
    const plan = normalizePlan({
      problem: 12,
      objective: 'kept',
      taskType: 'clustering',
      features: ['x', 3, ' y ', 'x', ''],
      criteria: [
        { id: 'ok', metric: 'accuracy', comparison: '>=', threshold: 0.9 },
        { id: 'bad-metric', metric: 'fun', comparison: '>=', threshold: 1 },
        { id: 'nan', metric: 'mae', comparison: '<=', threshold: Number.NaN },
        'junk',
      ],
      feasibility: { 'enough-data': { status: 'maybe', note: 'n' }, 'no-such-item': { status: 'yes', note: '' } },
      privacy: 'none',
    });
    expect(plan.problem).toBe('');
    expect(plan.objective).toBe('kept');
    expect(plan.taskType).toBe('');
    expect(plan.features).toEqual(['x', 'y']);
    expect(plan.criteria).toEqual([
      { id: 'ok', metric: 'accuracy', comparison: '>=', threshold: 0.9 },
      { id: 'nan', metric: 'mae', comparison: '<=', threshold: null },
    ]);
    expect(plan.feasibility['enough-data']).toEqual({ status: 'unchecked', note: 'n' });
    expect(Object.keys(plan.feasibility)).toEqual(FEASIBILITY_ITEMS.map((i) => i.key));
    expect(Object.keys(plan.privacy)).toEqual(PRIVACY_ITEMS.map((i) => i.key));
  });
});

describe('feature lists', () => {
  test('are trimmed, without empties or repeats, in the user’s order', () => {
    expect(parseFeatureText('age, income ,, age ,zip')).toEqual(['age', 'income', 'zip']);
    expect(parseFeatureText('   ')).toEqual([]);
    expect(cleanFeatureList(['b', 'a', 'b'])).toEqual(['b', 'a']);
  });
});

describe('planHasContent', () => {
  test('is false for the empty plan and true after any choice', () => {
    expect(planHasContent(emptyPlan())).toBe(false);
    const a = emptyPlan();
    a.notes = 'x';
    expect(planHasContent(a)).toBe(true);
    const b = emptyPlan();
    b.privacy['personal-data'].status = 'no';
    expect(planHasContent(b)).toBe(true);
    expect(planHasContent(normalizePlan({ taskType: 'binary' }))).toBe(true);
  });
});
