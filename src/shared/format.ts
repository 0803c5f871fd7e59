/** Display formatting shared by several stages. Pure: no DOM, no locale surprises. */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * Bytes in the units a person reads, powers of 1024, three significant digits.
 * Example: formatBytes(1_572_864) === '1.50 MB'; formatBytes(512) === '512 B'.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'unknown';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${value} B`;
  return `${value.toPrecision(3)} ${UNITS[unit]}`;
}

/** A share as a percentage with one decimal, e.g. formatPercent(0.1234) === '12.3%'. */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return 'unknown';
  return `${(share * 100).toFixed(1)}%`;
}

/** A timestamp (epoch ms) as 'YYYY-MM-DD HH:MM' in local time. */
export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A statistic to four significant digits, without exponent noise for everyday numbers; '–' for
 * none. With `scale` (the size of the numbers it summarises), a value under a billionth of it is
 * rounding left over and reads 0: the mean of standard-scaled values is 0, not -8.882e-17.
 */
export function formatStat(x: number | undefined, scale = 0): string {
  if (x === undefined || Number.isNaN(x)) return '–';
  if (Math.abs(x) < Math.abs(scale) * 1e-9) return '0';
  if (Math.abs(x) >= 1e6 || (Math.abs(x) < 1e-3 && x !== 0)) return x.toPrecision(4);
  return String(Number(x.toPrecision(4)));
}

/** A value of the data (a min, a quantile, an actual value), shown as the data table shows values; '–' for none. Statistics use formatStat. */
export function formatValue(x: number | undefined): string {
  return x === undefined || Number.isNaN(x) ? '–' : briefNumber(x);
}

/**
 * A number short enough to read in a table cell: as JavaScript writes it when that is short,
 * else six significant digits ('-0.494045', '1.23457e-7'), whole numbers from 100,000 up.
 */
export function briefNumber(x: number): string {
  const exact = String(x);
  if (exact.length <= 10 || !Number.isFinite(x)) return exact;
  if (Math.abs(x) >= 1e5 && Math.abs(x) < 1e15) return String(Math.round(x));
  return String(Number(x.toPrecision(6)));
}

/** A duration for people: '0.4 ms' is noise, so under a millisecond says so; ms below a second, then seconds, then minutes. */
export function formatSeconds(seconds: number): string {
  if (seconds < 0.001) return 'under 1 ms';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 120) return `${Math.round(seconds)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}
