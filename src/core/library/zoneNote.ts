import { isUnknownZoneProblem } from '../index/readSummary';
import { readAsUtcNote } from '../time/readAsUtcNote';
import type { LibraryEntry } from './entry';

/**
 * When a row's date and duration rest on a reading of its times, what the row says: a short tag for
 * a one-line view and the full note — the same notes `postmortem list` prints under the row (zone-less
 * front-matter times read as UTC while the writer is elsewhere; an unknown `timezone:` whose times
 * were not read). Undefined when the row's times are what they say.
 */
export function entryZoneNote(entry: LibraryEntry, writerZone: string | undefined): { readonly tag: string; readonly note: string } | undefined {
  const unknown = entry.summary.problems.find(isUnknownZoneProblem);
  if (unknown) return { tag: 'unknown timezone', note: unknown };
  const note = readAsUtcNote(entry.summary.readAsUtc, writerZone);
  return note ? { tag: 'times read as UTC', note } : undefined;
}
