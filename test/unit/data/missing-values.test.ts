import { describe, expect, test } from 'vitest';
import { isMissingToken } from '../../../src/data/missing-values';

describe('isMissingToken', () => {
  test('knows the usual spellings of missing, in any case, trimmed', () => {
    const missing = ['', ' ', '\t', '\u00a0', 'NA', 'na', 'N/A', 'n/a', 'null', 'NULL', 'Null', 'NaN', 'nan', 'None', 'none', '?', '-', '#N/A', ' NA ', '\tnull\r'];
    for (const t of missing) expect(isMissingToken(t), JSON.stringify(t)).toBe(true);
  });

  test('leaves values alone, including near misses', () => {
    const values = ['0', '1', 'N', 'n', 'A', 'nana', 'nul', 'nulls', 'none of them', 'non', 'nab', 'n-a', '--', '??', '#N/', 'N/A2', 'NAN1', ' a ', 'x', 'Ñ'];
    for (const t of values) expect(isMissingToken(t), JSON.stringify(t)).toBe(false);
  });
});
