import { describe, expect, test } from 'vitest';
import { columnSummary } from '../../../src/prepare/preview';
import { summaryText } from '../../../src/prepare/preview-summary';
import { col } from './tables';

const summaryOf = (...args: Parameters<typeof col>) => summaryText(columnSummary(col(...args), args[2].length));

describe('the step preview’s figures of a column', () => {
  test('min and max read as the data table shows values; mean and std to 4 digits', () => {
    expect(summaryOf('x', 'numeric', ['12345', '67890.5', '', '12345'])).toBe('1 missing, 2 distinct; mean 30860, std 32070, min 12345, max 67890.5');
    expect(summaryOf('x', 'numeric', ['0.000123456', '0.1'])).toBe('0 missing, 2 distinct; mean 0.05006, std 0.07062, min 0.000123456, max 0.1');
  });

  test('a date column’s figures are dates (with the time only when not midnight UTC), its spread in days', () => {
    expect(summaryOf('t', 'datetime', ['2024-01-01', '2024-01-03', ''])).toBe('1 missing, 2 distinct; mean 2024-01-02, std 1.414 days, min 2024-01-01, max 2024-01-03');
    expect(summaryOf('t', 'datetime', ['2024-01-01T12:30:00Z', '2024-01-01T13:30:00Z'])).toBe('0 missing, 2 distinct; mean 2024-01-01T13:00:00Z, std 0.02946 days, min 2024-01-01T12:30:00Z, max 2024-01-01T13:30:00Z');
  });

  test('none: a dash; no values: dashes; labels: the top three', () => {
    expect(summaryText(null)).toBe('—');
    expect(summaryOf('t', 'datetime', ['', ''])).toBe('2 missing, 0 distinct; mean –, std –, min –, max –');
    expect(summaryOf('c', 'categorical', ['a', 'b', 'a', 'c', 'd'])).toBe('0 missing, 4 distinct; top: a (2), b (1), c (1)');
  });
});
