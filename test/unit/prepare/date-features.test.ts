import { describe, expect, it } from 'vitest';
import { dateHintText, dateSteps } from '../../../src/prepare/date-features';
import { fitPipeline } from '../../../src/prepare/pipeline';
import { readinessOf } from '../../../src/prepare/readiness';
import { layoutOf } from '../../../src/train/training-data';
import { col, frameOf } from './tables';

describe('date features', () => {
  it('are the dates Train would read, each named with what a model makes of it', () => {
    const r = readinessOf([{ name: 'visit date', kind: 'datetime', missing: 0 }, { name: 'age', kind: 'numeric', missing: 0 }, { name: 'born', kind: 'datetime', missing: 2 }], null);
    expect(r.dates).toEqual(['visit date']); // a date with gaps is filled first
    expect(dateHintText(r.dates)).toBe(
      '“visit date” is a date, which a model reads as milliseconds since 1970: far from unit scale, and no scaling step takes dates. Replace it with its day count (a trend over time), month and weekday, numbers a model can use.',
    );
    expect(dateHintText(['a', 'b'])).toMatch(/^“a” and “b” are dates, .* Replace them with their day count/);
    expect(dateHintText([])).toBeNull();
  });

  it('are replaced by their day count, month and weekday, fitted as numbers Train reads; a name taken, or one no formula can write, is passed over', () => {
    const days = ['2024-01-01', '2024-03-15', '2024-07-04', '2024-12-31'];
    const train = frameOf(col('visit date', 'datetime', days), col('y', 'numeric', ['1', '2', '3', '4']));
    const steps = dateSteps(['visit date'], ['visit date', 'y']);
    expect(steps.map((s) => s.kind)).toEqual(['derive', 'derive', 'derive', 'drop-columns']);
    const fit = fitPipeline(steps.map((s, i) => ({ id: `s${i}`, enabled: true, ...s })), train);
    if (!fit.ok) throw new Error(fit.problem);
    const layout = layoutOf(fit.train, 'y', 'regression');
    if (!layout.ok) throw new Error(layout.problem);
    expect(layout.layout.features).toEqual(['visit date days', 'visit date month', 'visit date weekday']);
    const values = (name: string) => Array.from(fit.train.table.columns.find((c) => c.name === name)!.values);
    expect(values('visit date days')).toEqual(days.map((d) => Date.parse(`${d}T00:00:00Z`) / 86_400_000));
    expect(values('visit date month')).toEqual([1, 3, 7, 12]);
    expect(values('visit date weekday')).toEqual([1, 5, 4, 2]); // ISO: Monday 1
    expect(dateSteps(['when'], ['when month']).map((s) => s.params.name ?? s.params.columns)).toEqual(['when days', 'when weekday', ['when']]);
    expect(dateSteps(['odd`name'], [])).toEqual([]);
  });
});
