import { isFrontMatterUnreadProblem, isUnknownZoneProblem, isUnreadTimeProblem } from '../index/readSummary';
import { readAsUtcNote } from '../time/readAsUtcNote';
import type { LibraryEntry } from './entry';

/**
 * When a row's date and duration rest on a reading of its times (or its front matter could not be read at all), what the row says: a short tag for
 * a one-line view and the full note — the same notes `postmortem list` prints under the row (zone-less
 * front-matter times read as UTC while the writer is elsewhere; an unknown `timezone:` whose times
 * were not read; a local time a clock change skips or repeats; a row dated by another time than
 * `started_at`). Undefined when the row's times are what they say.
 */
export function entryZoneNote(entry: LibraryEntry, writerZone: string | undefined): { readonly tag: string; readonly note: string } | undefined {
  // Invalid YAML leaves every front-matter value unread: the row has no date, severity or status, and says why (trial C19).
  const unreadYaml = entry.summary.problems.find(isFrontMatterUnreadProblem);
  if (unreadYaml) return { tag: 'front matter not read', note: unreadYaml };
  const unread = entry.summary.problems.find(isUnreadTimeProblem);
  if (unread) return { tag: isUnknownZoneProblem(unread) ? 'unknown timezone' : 'time not read', note: unread };
  const note = readAsUtcNote(entry.summary.readAsUtc, writerZone);
  if (note) return { tag: 'times read as UTC', note };
  return datedByOtherNote(entry);
}

/**
 * A row without `started_at` is dated (and ordered) by the first other time its front matter has,
 * as the metrics date it: said, so a resolution time is not taken for the start (trial16a F4).
 */
function datedByOtherNote(entry: LibraryEntry): { readonly tag: string; readonly note: string } | undefined {
  if (!entry.datedBy || entry.datedBy === 'started_at') return undefined;
  const started = entry.summary.timeline.find((e) => e.milestones.includes('started'));
  const timeline = started ? `; the timeline's [started] entry (line ${started.line + 1}) has the start: write it as started_at` : '; add started_at';
  return { tag: `dated by ${entry.datedBy}`, note: `dated by its ${entry.datedBy}: the front matter has no started_at, so the date shown is not the start${timeline}` };
}
