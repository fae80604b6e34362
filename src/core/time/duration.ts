/**
 * Durations as a person says them — "45 minutes", "1 hour 40 minutes", "4 days 20 hours",
 * "76 days" — shared by the lint messages, the CLI reports and the metrics dashboard so one
 * duration never reads three ways. Two units at most, and only as precise as a reader needs:
 * minutes under a day, hours under ten days, whole days beyond. Each value is cut (not rounded)
 * to that precision, as a clock would be: "4 days 20 hours overdue" is true until 21 hours.
 */

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 1440;
/** From ten days on, hours no longer matter to anyone reading a report. */
const WHOLE_DAYS_FROM = 10 * MINUTES_PER_DAY;

function unit(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `minutes` as words; negative or non-finite values (never a duration) are written as they are. */
export function formatDuration(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 0) return `${minutes} minutes`;
  if (minutes === 0) return '0 minutes';
  if (minutes < 1) return 'under a minute';
  const whole = Math.floor(minutes);
  if (whole < MINUTES_PER_HOUR) return unit(whole, 'minute');
  if (whole < MINUTES_PER_DAY) {
    const hours = Math.floor(whole / MINUTES_PER_HOUR);
    const rest = whole % MINUTES_PER_HOUR;
    return rest ? `${unit(hours, 'hour')} ${unit(rest, 'minute')}` : unit(hours, 'hour');
  }
  const days = Math.floor(whole / MINUTES_PER_DAY);
  if (whole >= WHOLE_DAYS_FROM) return unit(days, 'day');
  const hours = Math.floor((whole % MINUTES_PER_DAY) / MINUTES_PER_HOUR);
  return hours ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
}

/**
 * A statistic (a median, a p90, a mean) rounded to the precision the words show it in: to the
 * nearest minute under a day, hour under ten days, day beyond. Elapsed times stay cut ("4 days 20
 * hours overdue"), but a p90 of 83.8 minutes is nearer 1 h 24 m than 1 h 23 m (trial T12). The
 * precision is chosen after rounding, so 23 h 59.6 m reads "1 day", never "24 hours".
 */
export function roundToShown(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0.5) return minutes;
  const toMinute = Math.round(minutes);
  if (toMinute < MINUTES_PER_DAY) return toMinute;
  const toHour = Math.round(minutes / MINUTES_PER_HOUR) * MINUTES_PER_HOUR;
  if (toHour < WHOLE_DAYS_FROM) return toHour;
  return Math.round(minutes / MINUTES_PER_DAY) * MINUTES_PER_DAY;
}

/** The same for a span in milliseconds (lint rules compare epoch times). */
export function formatDurationMs(ms: number): string {
  return formatDuration(ms / 60_000);
}

/**
 * The same precision as `formatDuration` in short units — "45 m", "1 h 40 m", "4 d 20 h", "76 d" —
 * for tables and tiles, where the long words widened every column. Hosts show the long form too
 * (a tooltip), so nothing is lost.
 */
export function formatDurationShort(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 0) return `${minutes} m`;
  if (minutes === 0) return '0 m';
  if (minutes < 1) return '< 1 m';
  const whole = Math.floor(minutes);
  if (whole < MINUTES_PER_HOUR) return `${whole} m`;
  if (whole < MINUTES_PER_DAY) {
    const rest = whole % MINUTES_PER_HOUR;
    return `${Math.floor(whole / MINUTES_PER_HOUR)} h${rest ? ` ${rest} m` : ''}`;
  }
  const days = Math.floor(whole / MINUTES_PER_DAY);
  if (whole >= WHOLE_DAYS_FROM) return `${days} d`;
  const hours = Math.floor((whole % MINUTES_PER_DAY) / MINUTES_PER_HOUR);
  return `${days} d${hours ? ` ${hours} h` : ''}`;
}
