import type { PostmortemDocument, TimelineEntry } from '../../document/model';
import { formatDurationMs } from '../../time/duration';
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
    // The entry above is a neighbour in line order (the resolver compared with the last dated one).
    let previous: TimelineEntry | undefined;
    for (let j = i - 1; j >= 0 && !previous; j--) if (entries[j].line === entry.nextDay.previousLine) previous = entries[j];
    const before = previous && knownInstant(previous);
    const at = knownInstant(entry);
    const gapMs = before !== undefined && at !== undefined ? at - before : undefined;
    readings.push({ entry, date: entry.nextDay.date, previous, gapMs, suspect: gapMs !== undefined && gapMs > TYPO_GAP_MS });
  }
  return readings;
}

/** The stamp as written on the entry's line (`00:50`, `12:10 AM`). */
export function writtenStamp(doc: PostmortemDocument, entry: TimelineEntry): string {
  const r = entry.stampRange;
  return r ? doc.lines.lineText(entry.line).slice(r.start.character, r.end.character) : '';
}

/**
 * What a fix title adds when the times it converts rest on a next-day reading:
 * "assuming 00:50 on line 15 is the next day, 2026-12-02". `suspect` when any of them looks like a
 * typo: such a fix is then not applied by Fix All / `--fix` (it would write the guess down as fact).
 */
export function assumedNextDay(doc: PostmortemDocument, readings: readonly NextDayReading[]): { note: string; fixNote: string; suspect: boolean } | undefined {
  if (readings.length === 0) return undefined;
  const suspect = readings.some((r) => r.suspect);
  const first = readings[0];
  const what = readings.length === 1
    ? `${writtenStamp(doc, first.entry)} on line ${first.entry.line + 1} is the next day, ${first.date}`
    : `the next day for ${readings.length} times without a date (lines ${readings.slice(0, 3).map((r) => r.entry.line + 1).join(', ')}${readings.length > 3 ? ', …' : ''})`;
  const check = suspect ? `; check it, the gap before it is ${formatDurationMs(readings.find((r) => r.suspect)!.gapMs!)}: not applied by Fix All` : '';
  // What `lint --fix` prints once it has applied the conversion (the date is then written, so no diagnostic is left to say it).
  const fixNote = `converted assuming ${what} (more than 12 hours before the entry above, so past midnight); if the time is a typo, correct it`;
  return { note: `assuming ${what}${check}`, fixNote, suspect };
}
