/**
 * Whether an item's `done:` date is after the writer's today (both `YYYY-MM-DD` on the writer's
 * calendar): a day that has not come cannot be when the work ended (a typo, or a planned date that
 * belongs in `due:`). One decision for lint (actions/done-in-future), the summary's note and the
 * metrics' time to close (trial13a F10: `done:2026-12-31` counted as 24 days to close, no word).
 */
export function isDoneAfterToday(doneDate: string | undefined, today: string): boolean {
  return doneDate !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(doneDate) && doneDate > today;
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD`. */
export function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
