import { localClockOf, offsetAtInstant, offsetText } from '../time/zones';
import type { LibraryEntry } from './entry';

/**
 * A list is ordered by the instant each incident started, and shows each date on its post-mortem's
 * own calendar. When the listed post-mortems start on different UTC offsets the two disagree: a
 * 6 December morning in Auckland starts before a 5 December evening in St John's, so "newest first"
 * showed 2026-12-05 above 2026-12-06 with no hint (trial 14a F32). Then each row shows the local
 * start time with its offset (`2026-12-05 20:00 UTC-03:30`), which says the instant, and the list
 * says how it is ordered.
 */
export function startsOnSeveralOffsets(entries: readonly LibraryEntry[]): boolean {
  let first: number | undefined;
  for (const e of entries) {
    if (e.started === undefined) continue;
    const offset = offsetAtInstant(e.summary.timezone, e.started) ?? 0;
    if (first === undefined) first = offset;
    else if (offset !== first) return true;
  }
  return false;
}

/** `2026-12-05 20:00 UTC-03:30`: the local start of the entry and its offset, or undefined when undated. */
export function startWithOffset(entry: LibraryEntry): string | undefined {
  if (entry.started === undefined) return undefined;
  const offset = offsetAtInstant(entry.summary.timezone, entry.started) ?? 0;
  return `${localClockOf(entry.started, entry.summary.timezone).clock} UTC${offsetText(offset)}`;
}

/** What the list says about its order when rows carry offsets. */
export const ORDER_BY_INSTANT_NOTE = 'newest first by the instant each incident started; each date and time is in its post-mortem\'s own zone (its `timezone:`), with the UTC offset beside it';
