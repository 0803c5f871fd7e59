/** A column's figures before or after a step, as one line of the step preview. */
import { formatDate } from '../data/format-cell';
import { formatStat, formatValue } from '../shared/format';
import type { ColumnSummary } from './preview';

const DAY_MS = 86_400_000;
const none = (x: number) => !Number.isFinite(x);

/**
 * Counts, then mean, std, min and max for numbers and dates, or the top labels. Min and max are
 * the column's own values, shown as the data table shows them (12345, not 12350); mean and std
 * to 4 digits. A date column's figures are dates and its spread is in days, not milliseconds.
 * Example: '0 missing, 2 distinct; mean 2024-01-02, std 1.414 days, min 2024-01-01, max 2024-01-03'.
 */
export function summaryText(p: ColumnSummary | null): string {
  if (!p) return '—';
  const base = `${p.missing.toLocaleString('en')} missing, ${p.unique.toLocaleString('en')} distinct`;
  if (p.numeric) {
    const { mean, std, min, max } = p.numeric;
    if (p.kind === 'datetime') {
      const date = (x: number) => (none(x) ? '–' : formatDate(Math.round(x)));
      return `${base}; mean ${date(mean)}, std ${none(std) ? '–' : `${formatStat(std / DAY_MS)} days`}, min ${date(min)}, max ${date(max)}`;
    }
    // Rounding left over (a scaled column's mean of -8.882e-17) reads 0, against the column's own size.
    const size = Math.max(Math.abs(min), Math.abs(max));
    return `${base}; mean ${formatStat(mean, size)}, std ${formatStat(std, size)}, min ${formatValue(min)}, max ${formatValue(max)}`;
  }
  return `${base}; top: ${p.labels?.top.slice(0, 3).map((t) => `${t.value} (${t.count})`).join(', ')}`;
}
