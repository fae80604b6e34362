/** Calendar periods in UTC: `2026-03` by month, `2026-Q1` by quarter. */
export type Granularity = 'month' | 'quarter';

export function periodOf(ms: number, by: Granularity): string {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  return by === 'month' ? `${year}-${String(month + 1).padStart(2, '0')}` : `${year}-Q${Math.floor(month / 3) + 1}`;
}

/** Every period from the one holding `fromMs` to the one holding `toMs`, inclusive, oldest first. */
export function periodsBetween(fromMs: number, toMs: number, by: Granularity): string[] {
  const out: string[] = [];
  const step = by === 'month' ? 1 : 3;
  const start = new Date(fromMs);
  let year = start.getUTCFullYear();
  let month = by === 'month' ? start.getUTCMonth() : Math.floor(start.getUTCMonth() / 3) * 3;
  const last = periodOf(toMs, by);
  // Bounded: a window of more than 100 years is a typo, not a report.
  for (let i = 0; i < 1200; i++) {
    const p = periodOf(Date.UTC(year, month, 1), by);
    out.push(p);
    if (p === last) break;
    month += step;
    if (month >= 12) {
      month -= 12;
      year++;
    }
  }
  return out;
}
