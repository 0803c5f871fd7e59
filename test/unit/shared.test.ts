import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Dexie } from 'dexie';
import { debounce } from '../../src/shared/debounce';
import { UserFacingError, describeError } from '../../src/shared/errors';
import { flushAll, hasUnsavedWork, onFlush } from '../../src/shared/flush-registry';
import { briefNumber, formatBytes, formatPercent, formatSeconds, formatStat, formatTimestamp, formatValue } from '../../src/shared/format';
import { newId, newSeed } from '../../src/shared/ids';

describe('ids', () => {
  test('are 32 hex digits and do not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, newId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    const seed = newSeed();
    expect(Number.isInteger(seed) && seed >= 0 && seed < 1_000_000).toBe(true);
  });
});

describe('format', () => {
  test('a value of the data reads as the table shows it, not to four digits; none reads –', () => {
    expect([12345, 1000.25, 667.225, undefined, Number.NaN].map(formatValue)).toEqual(['12345', '1000.25', '667.225', '–', '–']);
  });

  test('a statistic that is rounding left over against its scale reads 0; without a scale it is kept', () => {
    expect(formatStat(-8.881784197001252e-17, 2.1)).toBe('0');
    expect(formatStat(-8.881784197001252e-17)).toBe('-8.882e-17');
    expect(formatStat(0.0004, 2.1)).toBe('0.0004000');
    expect(formatStat(12.34567, 100)).toBe('12.35');
  });

  test('durations: under a millisecond, milliseconds, seconds, minutes', () => {
    expect([0.0004, 0.0404, 0.9994, 2.345, 59.6, 125.4].map(formatSeconds)).toEqual(['under 1 ms', '40 ms', '999 ms', '2.3 s', '60 s', '2 min 5 s']);
  });

  test('a number in a table cell: as written when short, six significant digits when long, whole from 100,000', () => {
    expect(briefNumber(3750)).toBe('3750');
    expect(briefNumber(0.30000000000000004)).toBe('0.3');
    expect(briefNumber(-0.4940454816964806)).toBe('-0.494045');
    expect(briefNumber(1.234567891e-7)).toBe('1.23457e-7');
    expect(briefNumber(1234567.891)).toBe('1234568');
    expect(briefNumber(Number.NaN)).toBe('NaN');
  });

  test('bytes, percentages and timestamps', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.50 KB');
    expect(formatBytes(1_572_864)).toBe('1.50 MB');
    expect(formatBytes(5 * 1024 ** 4)).toBe('5.00 TB');
    expect(formatBytes(-1)).toBe('unknown');
    expect(formatBytes(Number.NaN)).toBe('unknown');
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe('unknown');
    expect(formatTimestamp(new Date(2026, 0, 2, 3, 4).getTime())).toBe('2026-01-02 03:04');
  });
});

describe('describeError', () => {
  test('turns browser errors into sentences with what to do', () => {
    expect(describeError(new DOMException('full', 'QuotaExceededError'))).toContain('storage for Looplab is full');
    expect(describeError({ name: 'OpenFailedError', inner: { name: 'VersionError' } })).toContain('newer version of Looplab');
    expect(describeError({ name: 'DatabaseClosedError', message: 'x' })).toContain('Reload this page');
    expect(describeError(new UserFacingError('Bad value.', 'file a.csv, row 3, column "x"'))).toBe('Bad value. (file a.csv, row 3, column "x")');
    expect(describeError(new Error('boom'))).toBe('Something went wrong: boom');
    expect(describeError('text')).toBe('Something went wrong: text');
    expect(describeError(undefined)).toBe('Something went wrong, and the browser gave no reason.');
  });

  test('finds a full disk inside a bulk write’s failures, and inside a wrapped BulkError', () => {
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const bulk = new Dexie.BulkError('chunks.bulkAdd(): 1 of 3 operations failed', { 2: full });
    expect(describeError(bulk)).toContain('storage for Looplab is full');
    expect(describeError(new Dexie.AbortError('Transaction aborted', bulk))).toContain('storage for Looplab is full');
    // Only `failuresByPos`, as a plain object.
    expect(describeError({ name: 'BulkError', message: 'x', failuresByPos: { 0: { name: 'QuotaExceededError' } } })).toContain('storage for Looplab is full');
    const other = new Dexie.BulkError('runs.bulkAdd(): 1 of 1 operations failed', { 0: new Dexie.ConstraintError('Key already exists') });
    expect(describeError(other)).toMatch(/^Something went wrong: .*Key already exists/);
  });

  test('an abort that names its reason in its message, as Dexie’s does and as one crossing from a worker keeps it, is that reason', () => {
    // What Comlink hands the page for a Dexie AbortError whose inner error was QuotaExceededError.
    const fromWorker = Object.assign(new Error('QuotaExceededError Encountered full disk quota'), { name: 'AbortError' });
    expect(describeError(fromWorker)).toContain('storage for Looplab is full');
    expect(describeError(Object.assign(new Error('Transaction aborted'), { name: 'AbortError' }))).toBe('The operation was cancelled before it finished; nothing was changed.');
    expect(describeError(Object.assign(new Error('SomeOddError happened'), { name: 'AbortError' }))).toBe('The operation was cancelled before it finished; nothing was changed.');
  });
});

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('runs once after the last call, and flush runs a pending task now', async () => {
    const task = vi.fn(async () => undefined);
    const d = debounce(task, 100);
    d.schedule();
    vi.advanceTimersByTime(60);
    d.schedule();
    vi.advanceTimersByTime(60);
    expect(task).not.toHaveBeenCalled();
    expect(d.pending).toBe(true);
    vi.advanceTimersByTime(40);
    expect(task).toHaveBeenCalledTimes(1);
    expect(d.pending).toBe(false);

    d.schedule();
    await d.flush();
    expect(task).toHaveBeenCalledTimes(2);
    await d.flush();
    expect(task).toHaveBeenCalledTimes(2);
    d.schedule();
    d.cancel();
    vi.advanceTimersByTime(500);
    expect(task).toHaveBeenCalledTimes(2);
  });
});

describe('flush registry', () => {
  test('flushes every registered place and reports unsaved work', async () => {
    let dirty = true;
    const flush = vi.fn(async () => {
      dirty = false;
    });
    const failing = vi.fn(async () => {
      throw new Error('disk');
    });
    const off1 = onFlush(flush, () => dirty);
    const off2 = onFlush(failing, () => false);
    expect(hasUnsavedWork()).toBe(true);
    await flushAll();
    expect(flush).toHaveBeenCalledOnce();
    expect(failing).toHaveBeenCalledOnce();
    expect(hasUnsavedWork()).toBe(false);
    off1();
    off2();
    dirty = true;
    expect(hasUnsavedWork()).toBe(false);
  });
});

describe('APP_VERSION', () => {
  test('is package.json’s version', async () => {
    const { readFileSync } = await import('node:fs');
    const { APP_VERSION } = await import('../../src/shared/version');
    expect(APP_VERSION).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });
});
