import type { TimelineEntry } from '../document/model';

/**
 * An entry's instant when the tools may compare it with others: undefined when its time cannot be
 * read, and also when a DST change skips or repeats its local time (`02:30` on 2026-03-29 in
 * Europe/Berlin). Such an entry's `instant` is a guess, reported as `timeline/ambiguous-time`;
 * ordering, window and milestone checks built on the guess would report mistakes that are not there.
 */
export function knownInstant(entry: Pick<TimelineEntry, 'instant' | 'localTimeIssue'>): number | undefined {
  return entry.localTimeIssue ? undefined : entry.instant;
}
