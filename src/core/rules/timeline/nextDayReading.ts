import type { PostmortemDocument, TimelineEntry } from '../../document/model';
import { knownInstant } from '../../timeline/knownInstant';

/**
 * A gap longer than this, made by reading a dateless time on the next day, looks more like a typo
 * (`13:20`, then `00:50` for `12:50`) than the clock crossing midnight (`23:50`, then `00:10`).
 * Six hours: an overnight pause is possible, so this only asks, it never decides.
 */
export const TYPO_GAP_MS = 6 * 3600000;

/** One entry the resolver put on the next day (TimelineEntry.nextDay), with what a reader needs to judge it. */
export interface NextDayReading {
  readonly entry: TimelineEntry;
  readonly date: string;
  /** The entry above it, whose time it was more than 12 hours before. */
  readonly previous: TimelineEntry | undefined;
  /** From the entry above to this one, as read. */
  readonly gapMs: number | undefined;
  /** The gap is long enough to suggest a typo in the time. */
  readonly suspect: boolean;
}

/** The next-day readings among `entries` (one Timeline section, in line order). */
export function nextDayReadings(entries: readonly TimelineEntry[]): NextDayReading[] {
  const readings: NextDayReading[] = [];
  for (const [i, entry] of entries.entries()) {
    if (!entry.nextDay) continue;
    const { previous, gapMs } = entryAbove(entries, i, entry.nextDay.previousLine);
    readings.push({ entry, date: entry.nextDay.date, previous, gapMs, suspect: gapMs !== undefined && gapMs > TYPO_GAP_MS });
  }
  return readings;
}

/**
 * The entry on `previousLine` above `entries[i]`, the instant it was read as, and the time from it
 * to `entries[i]` as read (undefined when either has no instant). The entry above is a neighbour in
 * line order: the resolver compared with the last dated one.
 */
export function entryAbove(entries: readonly TimelineEntry[], i: number, previousLine: number): { previous: TimelineEntry | undefined; before: number | undefined; gapMs: number | undefined } {
  let previous: TimelineEntry | undefined;
  for (let j = i - 1; j >= 0 && !previous; j--) if (entries[j].line === previousLine) previous = entries[j];
  const before = previous && knownInstant(previous);
  const at = knownInstant(entries[i]);
  return { previous, before, gapMs: before !== undefined && at !== undefined ? at - before : undefined };
}

/** The stamp as written on the entry's line (`00:50`, `12:10 AM`). */
export function writtenStamp(doc: PostmortemDocument, entry: TimelineEntry): string {
  const r = entry.stampRange;
  return r ? doc.lines.lineText(entry.line).slice(r.start.character, r.end.character) : '';
}
