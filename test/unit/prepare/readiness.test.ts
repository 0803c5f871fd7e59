import { describe, expect, it } from 'vitest';
import { dropGroupsStep, featureVerdict, fixingSteps, fixingStepsText, groupHintText, preparedColumns, rareLabelColumns, readinessOf, readinessText, scaleHintText, scalingStep } from '../../../src/prepare/readiness';
import { viewOf } from '../../../src/prepare/frame-view';
import { fitPipeline } from '../../../src/prepare/pipeline';
import { layoutOf } from '../../../src/train/training-data';
import { col, frameOf } from './tables';

const columns = [
  { name: 'id', kind: 'identifier', missing: 0 },
  { name: 'city', kind: 'categorical', missing: 3 },
  { name: 'items', kind: 'numeric', missing: 4 },
  { name: 'coupon', kind: 'boolean', missing: 2 },
  { name: 'shop', kind: 'categorical', missing: 0 },
  { name: 'when', kind: 'datetime', missing: 1 },
  { name: 'price', kind: 'numeric', missing: 0 },
  { name: 'review', kind: 'text', missing: 9 },
  { name: 'y', kind: 'categorical', missing: 5 },
] as const;

describe('readinessOf', () => {
  it('sorts the prepared columns as Train does, leaving the target out', () => {
    const r = readinessOf(columns, 'y');
    expect(r).toEqual({
      features: ['price'],
      categories: ['city', 'shop'],
      rareLabels: [],
      categoryGaps: ['city'],
      groups: [],
      groupedBy: null,
      dates: [],
      gaps: [
        { name: 'items', kind: 'numeric', missing: 4 },
        { name: 'coupon', kind: 'boolean', missing: 2 },
        { name: 'when', kind: 'datetime', missing: 1 },
      ],
      leftOut: ['id', 'review'],
      farFromScale: [],
    });
    expect(readinessText(r)).toBe('Train would refuse these columns: “city” and “shop” hold categories, which a model cannot read as numbers; “items” (4 gaps), “coupon” (2 gaps) and “when” (1 gap) have gaps in the training rows.');
  });

  it('agrees with what Train refuses and reads, column for column', () => {
    const f = frameOf(col('c', 'categorical', ['a', 'b']), col('x', 'numeric', ['1', '']), col('ok', 'numeric', ['1', '2']), col('y', 'numeric', ['1', '2']));
    const r = readinessOf(f.table.columns.map((c) => ({ name: c.name, kind: c.kind, missing: c.name === 'x' ? 1 : 0 })), 'y');
    const layout = layoutOf(f, 'y', 'classification');
    expect(layout.ok).toBe(false);
    expect(!layout.ok && layout.problem).toContain('"c" holds categories');
    expect(!layout.ok && layout.problem).toContain('"x" has 1 missing value');
    expect([r.categories, r.gaps.map((g) => g.name)]).toEqual([['c'], ['x']]);
    const fixed = frameOf(col('ok', 'numeric', ['1', '2']), col('t', 'text', ['a b', 'c d']), col('y', 'numeric', ['1', '2']));
    const fine = layoutOf(fixed, 'y', 'classification');
    expect(fine.ok && fine.layout.features).toEqual(readinessOf(fixed.table.columns.map((c) => ({ name: c.name, kind: c.kind, missing: 0 })), 'y').features);
  });

  it('says what Train reads when nothing stops it', () => {
    expect(readinessText(readinessOf([{ name: 'a', kind: 'numeric', missing: 0 }, { name: 'y', kind: 'numeric', missing: 0 }], 'y'))).toBe('Train will read 1 feature.');
    expect(readinessText(readinessOf([{ name: 'a', kind: 'numeric', missing: 0 }, { name: 'b', kind: 'boolean', missing: 0 }, { name: 'id', kind: 'identifier', missing: 0 }], null))).toBe(
      'Train will read 2 features; “id” is left out (Train reads no identifiers or free text).',
    );
  });

  it('reads a gap only in a column that could be a feature', () => {
    expect(featureVerdict('text', 3)).toBe('left-out');
    expect(featureVerdict('categorical', 0)).toBe('category');
    expect(featureVerdict('boolean', 1)).toBe('gaps');
    expect(featureVerdict('datetime', 0)).toBe('feature');
  });
});

describe('fixingSteps', () => {
  it('a category’s gaps filled as a label of their own first, a one-hot step per category column, the median for number and date gaps, the most frequent value for yes/no gaps', () => {
    const r = readinessOf(columns, 'y');
    expect(fixingSteps(r)).toEqual([
      { kind: 'impute', params: { columns: ['city'], strategy: 'constant', constant: 'missing', indicator: false } },
      { kind: 'one-hot', params: { column: 'city', maxCategories: 20 } },
      { kind: 'one-hot', params: { column: 'shop', maxCategories: 20 } },
      { kind: 'impute', params: { columns: ['items', 'when'], strategy: 'median', constant: '', indicator: false } },
      { kind: 'impute', params: { columns: ['coupon'], strategy: 'most-frequent', constant: '', indicator: false } },
    ]);
    expect(fixingStepsText(r)).toBe('Fill the gaps of “city” with “missing”; one-hot encode “city” and “shop”; fill “items” and “when” with the median; fill “coupon” with the most frequent value.');
    expect(fixingSteps(readinessOf([{ name: 'a', kind: 'numeric', missing: 0 }], null))).toEqual([]);
  });

  it('drops a category column of mostly rare labels, gaps and all, rather than encoding it', () => {
    const r = readinessOf(columns, 'y', { rare: new Set(['city']) });
    expect([r.categories, r.rareLabels, r.categoryGaps]).toEqual([['city', 'shop'], ['city'], []]);
    expect(fixingSteps(r).slice(0, 2)).toEqual([
      { kind: 'drop-columns', params: { columns: ['city'] } },
      { kind: 'one-hot', params: { column: 'shop', maxCategories: 20 } },
    ]);
    expect(fixingStepsText(r)).toMatch(/^Drop “city”, whose labels are mostly rare; one-hot encode “shop”; fill/);
  });

  it('fills a column missing in most training rows with a “was missing” column beside it, the others without', () => {
    const gaps = [
      { name: 'income', kind: 'numeric', missing: 70 },
      { name: 'age', kind: 'numeric', missing: 3 },
      { name: 'member', kind: 'boolean', missing: 60 },
    ] as const;
    const r = readinessOf(gaps, null, { trainRows: 100 });
    expect(fixingSteps(r)).toEqual([
      { kind: 'impute', params: { columns: ['age'], strategy: 'median', constant: '', indicator: false } },
      { kind: 'impute', params: { columns: ['income'], strategy: 'median', constant: '', indicator: true } },
      { kind: 'impute', params: { columns: ['member'], strategy: 'most-frequent', constant: '', indicator: true } },
    ]);
    expect(fixingStepsText(r)).toBe(
      'Fill “age” with the median; fill “income” with the median, keeping “income was missing” as a column of its own, as most training rows have no value; fill “member” with the most frequent value, keeping “member was missing” as a column of its own, as most training rows have no value.',
    );
    // Without the training rows' count, nothing is mostly missing.
    expect(fixingSteps(readinessOf(gaps, null)).every((s) => s.params.indicator === false)).toBe(true);
  });

  it('drops the column a grouped split groups by, gaps and all, rather than encoding or filling it', () => {
    const r = readinessOf(columns, 'y', { groupColumn: 'city' });
    expect([r.categories, r.groups, r.categoryGaps]).toEqual([['city', 'shop'], ['city'], []]);
    expect(fixingSteps(r)).toEqual([
      { kind: 'drop-columns', params: { columns: ['city'] } },
      { kind: 'one-hot', params: { column: 'shop', maxCategories: 20 } },
      { kind: 'impute', params: { columns: ['items', 'when'], strategy: 'median', constant: '', indicator: false } },
      { kind: 'impute', params: { columns: ['coupon'], strategy: 'most-frequent', constant: '', indicator: false } },
    ]);
    expect(fixingStepsText(r)).toMatch(/^Drop “city”, by which the split groups rows \(validation and test hold values of it training never saw\); one-hot encode “shop”; /);
    // A group column with gaps is dropped, not filled first.
    const gappy = readinessOf(columns, 'y', { groupColumn: 'items' });
    expect(fixingSteps(gappy)[0]).toEqual({ kind: 'drop-columns', params: { columns: ['items'] } });
    expect(fixingSteps(gappy).some((s) => s.kind === 'impute' && (s.params.columns as string[]).includes('items'))).toBe(false);
  });

  it('names a number column the split groups by, which Train would read, with its own step; never one Train leaves out', () => {
    const r = readinessOf([{ name: 'patient', kind: 'numeric', missing: 0, mean: 5000, spread: 2900 }, { name: 'age', kind: 'numeric', missing: 0, mean: 0, spread: 1 }], null, { groupColumn: 'patient' });
    expect(r.groups).toEqual(['patient']);
    expect(r.farFromScale).toEqual([]); // dropped, not scaled
    expect(groupHintText(r)).toBe('The split groups rows by “patient”, so validation and test rows hold values of it that training never saw: nothing a model learns from it carries over to them, or to new rows.');
    expect(dropGroupsStep(r)).toEqual({ kind: 'drop-columns', params: { columns: ['patient'] } });
    expect(readinessOf(columns, 'y', { groupColumn: 'id' }).groups).toEqual([]);
    // Already one-hot encoded: its columns are the ones to drop, and the hint says what they are.
    const encoded = readinessOf([{ name: 'patient=P1', kind: 'boolean', missing: 0 }, { name: 'patient=other', kind: 'boolean', missing: 0 }, { name: 'patients', kind: 'numeric', missing: 0 }], null, { groupColumn: 'patient' });
    expect([encoded.groups, encoded.groupedBy]).toEqual([['patient=P1', 'patient=other'], 'patient']);
    expect(groupHintText(encoded)).toMatch(/^The split groups rows by “patient”, whose one-hot columns \(2 columns\) the model would read, so validation/);
    expect(groupHintText(readinessOf(columns, 'y'))).toBeNull();
  });
});

describe('the fixing steps, fitted', () => {
  it('leave columns Train reads, the gaps of a category kept as a column of their own', () => {
    const train = frameOf(
      col('city', 'categorical', ['Lyon', '', 'Nice', 'Lyon', '']),
      col('items', 'numeric', ['1', '', '3', '4', '5']),
      col('coupon', 'boolean', ['true', 'false', '', 'true', 'true']),
      col('y', 'categorical', ['a', 'b', 'a', 'b', 'a']),
    );
    // The columns' kinds and training-row gaps, as Prepare's report gives them.
    const infos = [
      { name: 'city', kind: 'categorical' as const, missing: 2 },
      { name: 'items', kind: 'numeric' as const, missing: 1 },
      { name: 'coupon', kind: 'boolean' as const, missing: 1 },
      { name: 'y', kind: 'categorical' as const, missing: 0 },
    ];
    const steps = fixingSteps(readinessOf(infos, 'y')).map((s, i) => ({ id: `s${i}`, enabled: true, ...s }));
    const fit = fitPipeline(steps, train);
    if (!fit.ok) throw new Error(fit.problem);
    const layout = layoutOf(fit.train, 'y', 'classification');
    if (!layout.ok) throw new Error(layout.problem);
    expect(new Set(layout.layout.features)).toEqual(new Set(['city=Lyon', 'city=missing', 'city=Nice', 'items', 'coupon']));
  });
});

describe('rareLabelColumns', () => {
  it('names the dataset’s category columns whose stored label counts are mostly rare', () => {
    const dataset = {
      rowCount: 398,
      columns: [
        { name: 'name', kind: 'categorical' as const, missing: 0, dictionarySize: 304 },
        { name: 'origin', kind: 'categorical' as const, missing: 0, dictionarySize: 3 },
        // Half missing: 40 labels over 60 rows with a value is mostly rare.
        { name: 'dealer', kind: 'categorical' as const, missing: 338, dictionarySize: 40 },
        { name: 'id', kind: 'identifier' as const, missing: 0 },
      ],
    };
    expect([...rareLabelColumns(dataset)]).toEqual(['name', 'dealer']);
  });
});

describe('features far from unit scale', () => {
  it('are the number features whose typical size is over 10, or spread under 0.1, farthest first, with a standard scaling step for them', () => {
    const r = readinessOf(
      [
        { name: 'weight', kind: 'numeric', missing: 0, mean: 2970, spread: 843 },
        { name: 'tiny', kind: 'numeric', missing: 0, mean: 0, spread: 0.04 },
        { name: 'rare', kind: 'numeric', missing: 0, mean: 0.001, spread: 0.0316, indicator: true },
        { name: 'year', kind: 'numeric', missing: 0, mean: 76, spread: 3.7 },
        { name: 'cylinders', kind: 'numeric', missing: 0, mean: 5.5, spread: 1.7 },
        { name: 'constant', kind: 'numeric', missing: 0, mean: 100, spread: 0 },
        { name: 'flag', kind: 'boolean', missing: 0 },
        { name: 'y', kind: 'numeric', missing: 0, mean: 23, spread: 7.8e3 },
      ],
      'y',
    );
    expect(r.farFromScale.map((f) => f.name)).toEqual(['weight', 'year', 'tiny']);
    expect(scaleHintText(r)).toBe('These features are far from unit scale, which slows a linear model or an MLP: “weight” (mean 2970, spread 843), “year” (mean 76, spread 3.7) and “tiny” (mean 0, spread 0.04).');
    expect(scalingStep(r)).toEqual({ kind: 'scale', params: { columns: ['weight', 'year', 'tiny'], method: 'standard' } });
    expect(scaleHintText(readinessOf([{ name: 'scaled', kind: 'numeric', missing: 0, mean: 0.3, spread: 1 }], null))).toBeNull();
    // Past five, the farthest five by name and a count of the rest.
    const many = readinessOf(Array.from({ length: 7 }, (_, k) => ({ name: `f${k}`, kind: 'numeric' as const, missing: 0, mean: 0, spread: 0.05 - k * 0.005 })), null);
    expect(scaleHintText(many)).toMatch(/: “f6” \(mean 0, spread 0\.02\), “f5” .*, “f2” \(mean 0, spread 0\.04\) and 2 more\.$/);
    expect(scalingStep(many).params.columns).toHaveLength(7);
  });

  it('preparedColumns gives each number column its spread over the view’s rows (over n), and none to others', () => {
    const view = viewOf(frameOf(col('x', 'numeric', ['1', '2', '3', '4']), col('c', 'categorical', ['a', 'b', 'a', 'b'])));
    const [x, c] = preparedColumns(view);
    // Over n, as the standard scaling step divides by it.
    expect(x!.spread).toBeCloseTo(Math.sqrt([1, 2, 3, 4].reduce((a, v) => a + (v - 2.5) ** 2, 0) / 4), 12);
    expect(x).toMatchObject({ name: 'x', kind: 'numeric', missing: 0 });
    expect(c).toEqual({ name: 'c', kind: 'categorical', missing: 0 });
  });

  it('preparedColumns marks a number column of 0s and 1s an indicator when its spread is small: a rare yes is not a scale problem', () => {
    const ones = (k: number) => Array.from({ length: 200 }, (_, i) => (i < k ? '1' : '0'));
    const rare = preparedColumns(viewOf(frameOf(col('rare', 'numeric', ones(1)), col('small', 'numeric', ones(1).map((v) => (v === '1' ? '0.5' : '0'))))));
    expect(rare[0]).toMatchObject({ name: 'rare', indicator: true });
    expect(rare[1]!.indicator).toBeUndefined();
    expect(readinessOf(rare, null).farFromScale.map((f) => f.name)).toEqual(['small']);
    // A common yes has a spread near 0.5: nothing to ask.
    expect(preparedColumns(viewOf(frameOf(col('common', 'numeric', ones(100)))))[0]!.indicator).toBeUndefined();
  });
});
