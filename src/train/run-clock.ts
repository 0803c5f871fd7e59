/**
 * A training run's elapsed or remaining time, for a clock that ticks once a second: rounded to
 * whole seconds before it is split, so 119.6 s reads '2 min 0 s', never '1 min 60 s'. Minutes and
 * seconds from a minute; hours and minutes from an hour, where seconds are noise.
 * Example: formatRunClock(42.4) === '42 s'; formatRunClock(3725) === '1 h 2 min'.
 */
export function formatRunClock(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'unknown';
  // The page's clock can read a moment before the run's start.
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  const minutes = Math.round(whole / 60);
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
