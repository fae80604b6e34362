import { zoneOffsetMinutes } from '../time/zones';

/**
 * Calendar periods: `2026-03` by month, `2026-Q1` by quarter. An incident's period is taken from its
 * start on its own calendar (the document's `timezone:`, UTC when it has none), the day the
 * Post-mortems view and `postmortem list` date it by: New Year's Eve 23:30 in Los Angeles is
 * 2025-12 in every view, not 2026-01 in the metrics (trial U16).
 */
export type Granularity = 'month' | 'quarter';

/**
 * The most periods a trend holds: 25 years by month, 50 by quarter. Real archives reach back to a
 * famous 1994 incident, and a template's placeholder date can say 1900; the trend then keeps the
 * newest periods and the report says which incidents it left out (they still count in the totals).
 */
export const MAX_TREND_PERIODS: Readonly<Record<Granularity, number>> = { month: 300, quarter: 200 };

export function periodOf(ms: number, by: Granularity, zone = 'UTC'): string {
  const d = new Date(ms + (zone === 'UTC' ? 0 : (zoneOffsetMinutes(zone, ms) ?? 0) * 60_000));
  // Four digits, so periods sort as text and a typo year reads "0226-12", not "226-12".
  const year = String(d.getUTCFullYear()).padStart(4, '0');
  const month = d.getUTCMonth();
  return by === 'month' ? `${year}-${String(month + 1).padStart(2, '0')}` : `${year}-Q${Math.floor(month / 3) + 1}`;
}

/** The first day (UTC midnight) of a period written by `periodOf`. */
export function periodStart(period: string): number {
  const q = /-Q([1-4])$/.exec(period);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(Number(period.slice(0, 4)), q ? (Number(q[1]) - 1) * 3 : Number(period.slice(5, 7)) - 1, 1);
  return d.getTime();
}

/**
 * Every period from the one holding `fromMs` to the one holding `toMs`, inclusive, oldest first; at
 * most MAX_TREND_PERIODS of them, the newest (a report is read from its end).
 */
export function periodsBetween(fromMs: number, toMs: number, by: Granularity): string[] {
  const step = by === 'month' ? 1 : 3;
  const max = MAX_TREND_PERIODS[by];
  const startOf = (ms: number): { year: number; month: number } => {
    const d = new Date(ms);
    return { year: d.getUTCFullYear(), month: by === 'month' ? d.getUTCMonth() : Math.floor(d.getUTCMonth() / 3) * 3 };
  };
  const first = startOf(fromMs);
  const last = startOf(toMs);
  const span = ((last.year - first.year) * 12 + (last.month - first.month)) / step + 1;
  // Count back from the last period when the span is longer than a trend holds.
  let { year, month } = span > max ? { year: last.year, month: last.month - (max - 1) * step } : first;
  while (month < 0) {
    month += 12;
    year--;
  }
  const out: string[] = [];
  for (let i = 0; i < Math.min(span, max); i++) {
    // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
    const d = new Date(0);
    d.setUTCFullYear(year, month, 1);
    out.push(periodOf(d.getTime(), by));
    month += step;
    if (month >= 12) {
      month -= 12;
      year++;
    }
  }
  return out;
}

/**
 * The first day of "the last N months" on the writer's calendar (`YYYY-MM-DD`): the same day N
 * months ago, so on 2026-12-06 "last 12 months" starts on 2025-12-06 and an incident of 2025-12-20
 * is inside it (it used to start on 2026-01-01: calendar months, trial T20). When that month is
 * shorter the window starts on its last day (31 May − 3 months = 28 February). On the 1st at 00:30
 * in Berlin the day is the 1st, whatever UTC says. Undefined for `months <= 0` (all time). The
 * dashboard's window and `postmortem metrics --last N` both take it.
 */
export function windowStartDay(nowMs: number, months: number, zone = 'UTC'): string | undefined {
  if (months <= 0) return undefined;
  const local = new Date(nowMs + (zoneOffsetMinutes(zone, nowMs) ?? 0) * 60_000);
  const first = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  first.setUTCFullYear(local.getUTCFullYear(), local.getUTCMonth() - months, 1);
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(first.getUTCFullYear(), first.getUTCMonth() + 1, 0);
  first.setUTCDate(Math.min(local.getUTCDate(), lastDay.getUTCDate()));
  return `${String(first.getUTCFullYear()).padStart(4, '0')}-${String(first.getUTCMonth() + 1).padStart(2, '0')}-${String(first.getUTCDate()).padStart(2, '0')}`;
}
