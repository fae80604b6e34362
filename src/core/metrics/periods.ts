/** Calendar periods in UTC: `2026-03` by month, `2026-Q1` by quarter. */
export type Granularity = 'month' | 'quarter';

/**
 * The most periods a trend holds: 25 years by month, 50 by quarter. Real archives reach back to a
 * famous 1994 incident, and a template's placeholder date can say 1900; the trend then keeps the
 * newest periods and the report says which incidents it left out (they still count in the totals).
 */
export const MAX_TREND_PERIODS: Readonly<Record<Granularity, number>> = { month: 300, quarter: 200 };

export function periodOf(ms: number, by: Granularity): string {
  const d = new Date(ms);
  // Four digits, so periods sort as text and a typo year reads "0226-12", not "226-12".
  const year = String(d.getUTCFullYear()).padStart(4, '0');
  const month = d.getUTCMonth();
  return by === 'month' ? `${year}-${String(month + 1).padStart(2, '0')}` : `${year}-Q${Math.floor(month / 3) + 1}`;
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
