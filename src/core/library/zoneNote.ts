import { isFrontMatterUnreadProblem, isUnknownZoneProblem, isUnreadTimeProblem } from '../index/readSummary';
import { readAsUtcNote } from '../time/readAsUtcNote';
import type { LibraryEntry } from './entry';

/**
 * When a row's date and duration rest on a reading of its times (or its front matter could not be read at all), what the row says: a short tag for
 * a one-line view and the full note — the same notes `postmortem list` prints under the row (zone-less
 * front-matter times read as UTC while the writer is elsewhere; an unknown `timezone:` whose times
 * were not read; a local time a clock change skips or repeats). Undefined when the row's times are what they say.
 */
export function entryZoneNote(entry: LibraryEntry, writerZone: string | undefined): { readonly tag: string; readonly note: string } | undefined {
  // Invalid YAML leaves every front-matter value unread: the row has no date, severity or status, and says why (trial C19).
  const unreadYaml = entry.summary.problems.find(isFrontMatterUnreadProblem);
  if (unreadYaml) return { tag: 'front matter not read', note: unreadYaml };
  const unread = entry.summary.problems.find(isUnreadTimeProblem);
  if (unread) return { tag: isUnknownZoneProblem(unread) ? 'unknown timezone' : 'time not read', note: unread };
  const note = readAsUtcNote(entry.summary.readAsUtc, writerZone);
  return note ? { tag: 'times read as UTC', note } : undefined;
}
