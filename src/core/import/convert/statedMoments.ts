import type { TextStart } from './startOffDate';
import type { ZonedTime } from './zonedTimesInText';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Moments the text states whole (a date, a time and a zone) that contradict a start the original
 * states elsewhere (another tool's `start_time:`), for reportStartOffTime (trial 15a F17: Flowdock's
 * `start_time: 2020-04-21T01:30:00Z` above "caused it to hang at ~13:30 UTC on April 21, 2020"
 * was written as started_at without a word; list then showed 44 h for a 32 h incident).
 *
 * Only when no moment of the text is the stated start (to the minute), two kinds:
 * - the first moment stated in the opening paragraph that gives a time (where a review says when
 *   it began), an hour or more from the stated start;
 * - any moment exactly 12 hours from it: the same clock on a 12-hour dial, an AM/PM slip.
 * Later moments of the text (when it was noticed, fixed, the end) are not taken for the start.
 */
export function momentsAgainstStart(statedMs: number, opening: readonly ZonedTime[], all: readonly ZonedTime[], instantOf: (t: ZonedTime) => number | undefined): TextStart[] {
  const at = (t: ZonedTime) => instantOf(t);
  if (all.some((t) => { const ms = at(t); return ms !== undefined && Math.abs(ms - statedMs) <= MINUTE; })) return [];
  if (opening.some((t) => { const ms = at(t); return ms !== undefined && Math.abs(ms - statedMs) <= MINUTE; })) return [];
  const found: TextStart[] = [];
  const first = opening[0];
  const firstMs = first && at(first);
  if (first && firstMs !== undefined && Math.abs(firstMs - statedMs) >= HOUR) {
    found.push({ ms: firstMs, line: first.line, what: 'the opening paragraph', written: `"${first.written}"`, sameClock: false });
  }
  for (const t of all) {
    const ms = at(t);
    if (ms === undefined || found.length >= 2 || Math.abs(Math.abs(ms - statedMs) - 12 * HOUR) > MINUTE) continue;
    if (!found.some((f) => f.line === t.line && f.ms === ms)) found.push({ ms, line: t.line, what: 'the text', written: `"${t.written}"`, sameClock: false });
  }
  return found;
}
