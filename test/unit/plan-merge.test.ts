import { describe, expect, test } from 'vitest';
import { emptyPlan, type Plan } from '../../src/plan/plan';
import { fieldOfInput, mergeNotice, mergePlans, PLAN_FIELDS } from '../../src/plan/plan-merge';

const plan = (changes: Partial<Plan> = {}): Plan => ({ ...emptyPlan(), ...changes });

describe('merging a plan edited in two tabs, field by field', () => {
  test('each side keeps the fields it changed; nothing else moves', () => {
    const base = plan({ problem: 'a', notes: 'x', risks: 'r' });
    const merge = mergePlans(base, { ...base, problem: 'b' }, { ...base, notes: 'y' });
    expect(merge.plan).toEqual({ ...base, problem: 'b', notes: 'y' });
    expect(merge.mine.map((f) => f.key)).toEqual(['problem']);
    expect(merge.theirs.map((f) => f.key)).toEqual(['notes']);
    expect(merge.both).toEqual([]);
    expect(mergeNotice(merge)).toBe('This plan was also changed in another tab; both sets of changes are kept.');
  });

  test('a field changed in both keeps this tab’s value, and the notice names it', () => {
    const base = plan({ problem: 'a' });
    const merge = mergePlans(base, { ...base, problem: 'mine', taskType: 'binary' }, { ...base, problem: 'theirs', risks: 'r' });
    expect(merge.plan).toMatchObject({ problem: 'mine', taskType: 'binary', risks: 'r' });
    expect(merge.both.map((f) => f.key)).toEqual(['problem']);
    expect(mergeNotice(merge)).toBe(
      'This plan was also changed in another tab; both sets of changes are kept. “Problem statement” was changed in both; this tab’s text was kept.',
    );
  });

  test('both making the same change is no conflict', () => {
    const base = plan();
    const merge = mergePlans(base, { ...base, target: 'y' }, { ...base, target: 'y' });
    expect(merge.both).toEqual([]);
    expect(merge.plan.target).toBe('y');
  });

  test('checklist answers and notes merge one by one; lists merge whole', () => {
    const base = plan({ features: ['a'] });
    const mine = structuredClone(base);
    mine.feasibility['enough-data'].status = 'yes';
    mine.features = ['a', 'b'];
    const theirs = structuredClone(base);
    theirs.feasibility['enough-data'].note = '150 rows';
    theirs.privacy.consent.status = 'no';
    theirs.features = ['a', 'c'];
    theirs.criteria = [{ id: 'c1', metric: 'accuracy', comparison: '>=', threshold: 0.9 }];
    const merge = mergePlans(base, mine, theirs);
    expect(merge.plan.feasibility['enough-data']).toEqual({ status: 'yes', note: '150 rows' });
    expect(merge.plan.privacy.consent.status).toBe('no');
    expect(merge.plan.features).toEqual(['a', 'b']);
    expect(merge.plan.criteria).toEqual(theirs.criteria);
    expect(mergeNotice(merge)).toBe(
      'This plan was also changed in another tab; both sets of changes are kept. “Candidate features” was changed in both; this tab’s list was kept.',
    );
    // The merge is a new object: neither input is touched.
    expect(mine.feasibility['enough-data'].note).toBe('');
    expect(theirs.features).toEqual(['a', 'c']);
  });

  test('nothing changed elsewhere: no notice; only elsewhere: the plan is shown as it is now', () => {
    const base = plan();
    expect(mergeNotice(mergePlans(base, { ...base, problem: 'p' }, base))).toBeNull();
    expect(mergeNotice(mergePlans(base, base, { ...base, problem: 'p' }))).toBe('This plan was changed in another tab; it is shown as it is now.');
  });

  test('an input of the page names the field it edits', () => {
    expect(fieldOfInput('plan-problem')).toBe('problem');
    expect(fieldOfInput('plan-task')).toBe('taskType');
    expect(fieldOfInput('feasibility-enough-data-note')).toBe('feasibility.enough-data.note');
    expect(fieldOfInput('privacy-consent-status')).toBe('privacy.consent.status');
    expect(fieldOfInput('criterion-abc-threshold')).toBe('criteria');
    expect(fieldOfInput('')).toBeNull();
  });

  test('every field of a plan is one the merge knows: a field added later cannot be dropped by a merge', () => {
    const known = new Set(PLAN_FIELDS.map((f) => f.key.split('.')[0]));
    expect(Object.keys(emptyPlan()).filter((key) => !known.has(key))).toEqual([]);
  });
});
