import { futureTimeNote, isFutureTime } from '../time/plausibleTime';
import { formatIsoUtc } from '../time/zones';
import { MILESTONE_KEYS } from './readSummary';
import type { Milestones, PostmortemSummary } from './summary';

/**
 * The summary as of `nowMs`: a milestone that has not happened yet (lint's time/implausible) is
 * left out, with a problem naming it and the likeliest cause, as the reader leaves out a time out of
 * order. Durations, MTTR, the row's date and the review deadline would otherwise rest on it (trial12
 * T2: a `resolved_at` in 2099 made a 26,689-day MTTR). Applied where a view or report is built, not in
 * the reader, because "now" moves on and the index keeps a file's summary until the file changes.
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
  if (!kept) return summary;
  const adjusted: PostmortemSummary = { ...summary, milestones: kept, problems: [...summary.problems, ...problems] };
  if (kept.resolved === undefined) delete (adjusted as { resolvedAt?: string }).resolvedAt;
  return adjusted;
}
