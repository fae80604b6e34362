import { futureTimeNote, isFutureTime } from '../time/plausibleTime';
import { formatIsoUtc } from '../time/zones';
import { writerToday } from '../time/writerZone';
import { isDoneAfterToday } from '../actions/doneAfterToday';
import { MILESTONE_KEYS } from './readSummary';
import type { Milestones, PostmortemSummary } from './summary';

/**
 * The summary as of `nowMs`: a milestone that has not happened yet (lint's time/implausible) is
 * left out, with a problem naming it and the likeliest cause, as the reader leaves out a time out of
 * order. Durations, MTTR, the row's date and the review deadline would otherwise rest on it (trial12
 * T2: a `resolved_at` in 2099 made a 26,689-day MTTR). Applied where a view or report is built, not in
 * the reader, because "now" moves on and the index keeps a file's summary until the file changes.
 * A `done:` date after today is named too (the item stays done; the metrics leave it out of time to close).
 * The same object when every time has happened, so hosts that compare summaries by identity see no change.
 */
export function summaryAsOf(summary: PostmortemSummary, nowMs: number, writerZone?: string): PostmortemSummary {
  let kept: { -readonly [K in keyof Milestones]: Milestones[K] } | undefined;
  const problems: string[] = [];
  for (const [key, field] of MILESTONE_KEYS) {
    const ms = summary.milestones[key];
    if (ms === undefined || !isFutureTime(ms, nowMs)) continue;
    kept ??= { ...summary.milestones };
    delete kept[key];
    const zoneless = summary.zonelessKeys?.includes(field) === true;
    const note = futureTimeNote(ms, nowMs, { zoneless, readIn: summary.timezone, ...(writerZone ? { writerZone } : {}) });
    problems.push(`Time not read: \`${field}\` (${formatIsoUtc(ms)}) is ${note.fact}, which lint flags (time/implausible); not used. ${note.cause}`);
  }
  const doneLater = doneAfterTodayProblem(summary, nowMs, writerZone);
  if (doneLater) problems.push(doneLater);
  if (!kept && !doneLater) return summary;
  const adjusted: PostmortemSummary = { ...summary, milestones: kept ?? summary.milestones, problems: [...summary.problems, ...problems] };
  if (kept && kept.resolved === undefined) delete (adjusted as { resolvedAt?: string }).resolvedAt;
  return adjusted;
}

/** Items named in the note, at most; the count says the rest. */
const NAMED_DONE_LATER = 3;

/**
 * `done:` dates after today where the writer is (lint: actions/done-in-future): the metrics leave
 * those items out of time to close, and this note says which (trial13a F10). One note per file.
 */
function doneAfterTodayProblem(summary: PostmortemSummary, nowMs: number, writerZone: string | undefined): string | undefined {
  const today = writerToday(nowMs, writerZone);
  const later = summary.actionItems.filter((a) => isDoneAfterToday(a.doneDate, today));
  if (later.length === 0) return undefined;
  const named = later.slice(0, NAMED_DONE_LATER).map((a) => `line ${a.line + 1} done:${a.doneDate}`).join(', ') + (later.length > NAMED_DONE_LATER ? `, and ${later.length - NAMED_DONE_LATER} more` : '');
  const one = later.length === 1;
  return `Time not read: ${one ? 'a done: date' : `${later.length} done: dates`} after today (${today}${writerZone ? `, ${writerZone}` : ' in UTC'}): ${named}, which lint flags (actions/done-in-future); ${one ? 'that item is' : 'those items are'} not counted in time to close`;
}
