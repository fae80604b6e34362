import type { PostmortemDocument, SectionUnit, TimelineEntry } from '../../document/model';
import type { OutOfSeason } from '../../time/outOfSeason';
import type { RawTimelineEntry } from '../../timeline/extract';
import { TimelineResolver } from '../../timeline/resolve';
import { formatUtcDate, zoneOffsetMinutes } from '../../time/zones';
import type { Fix } from '../../types';
import { formatEntryStamp, timelineContext } from './shared';
import { dependentPins, rewritten, stampEdit } from './stampRewrite';

/** One way to read an entry's time: its instant (and its range's end) in UTC. */
export interface Reading {
  readonly instant: number;
  readonly rangeEndInstant?: number;
}

/**
 * Past this many entries with a choice in one timeline, the rest are still reported but get no
 * fixes: each fix walks the entries after its own (dependent pins), and a hostile file of thousands
 * of repeated-hour times must not make lint quadratic.
 */
const MAX_CHOICES = 200;

/**
 * Fixes for an entry whose time has more than one reading — `01:40` on the night the clocks go back,
 * `23:30 BST` in December — one per reading, each writing that reading in UTC and none preferred:
 * only the writer knows which was meant, so `lint --fix` and Fix All leave the entry as it is.
 * Each fix is exact on its own (applied alone, it moves no other entry): the date is written unless
 * the time alone reads the same, and later time-only entries whose date depended on the entry get it.
 */
export class ReadingFixes {
  private before: TimelineResolver[] | undefined;
  private given = 0;

  constructor(private readonly doc: PostmortemDocument, private readonly section: SectionUnit, private readonly entries: readonly TimelineEntry[]) {}

  /** The fix writing `reading` for the entry at `index` (of `entries`), titled "Convert to <new stamp> — <label>"; undefined past the bound or when the entry cannot be rewritten. */
  fix(index: number, reading: Reading, label: string): Fix | undefined {
    const raws = this.raws();
    const entry = this.entries[index];
    const raw = raws[index];
    const stamp = raw?.parsed.stamp;
    if (!stamp || !entry?.stampRange || this.given >= MAX_CHOICES) return undefined;
    this.given++;
    const before = this.resolvers();
    let withDate = stamp.date !== undefined;
    if (!withDate) {
      // The time alone is enough when it reads as this instant where it stands, stays on the UTC day
      // of the entry above and takes no date across zones.
      const dateless = before[index].fork().next(rewritten(raw, stamp, reading.instant, false, reading.rangeEndInstant), 0);
      const above = this.previousInstant(index);
      withDate = dateless.instant !== reading.instant || dateless.carriedAcrossZones !== undefined || (above !== undefined && formatUtcDate(above) !== formatUtcDate(reading.instant));
    }
    const fixedRaw = rewritten(raw, stamp, reading.instant, withDate, reading.rangeEndInstant);
    const newText = formatEntryStamp(reading, raw, withDate);
    const pins = dependentPins(fixedRaw, index, raws, this.entries, before, new Map());
    return {
      title: `Convert to ${newText} — ${label}${pins.length ? ` (and ${pins.length} later time-only ${pins.length === 1 ? 'entry' : 'entries'} that depend on its date)` : ''}`,
      edits: [stampEdit(this.doc, entry, newText), ...pins.map((p) => (p.entry.dateCell ? stampEdit(this.doc, p.entry, p.newText) : { range: p.entry.stampRange!, newText: p.newText }))],
      isPreferred: false,
    };
  }

  private raws(): readonly RawTimelineEntry[] {
    const raws = this.section.rawTimeline ?? [];
    return raws.length === this.entries.length ? raws : [];
  }

  /** The resolver's state before each entry, as the timeline reads now: built once per timeline, on the first fix asked. */
  private resolvers(): TimelineResolver[] {
    if (!this.before) {
      const walk = new TimelineResolver(timelineContext(this.doc));
      this.before = [];
      for (const raw of this.raws()) {
        this.before.push(walk.fork());
        walk.next(raw, 0);
      }
    }
    return this.before;
  }

  /** The instant of the nearest entry above `index` that has one. */
  private previousInstant(index: number): number | undefined {
    for (let i = index - 1; i >= 0; i--) if (this.entries[i].instant !== undefined) return this.entries[i].instant;
    return undefined;
  }
}

/**
 * The entry read on the clock then in force in the season's region (`23:30 BST` in a London December
 * as 23:30 GMT), undefined when that clock did not show the time once (the hour of a DST change).
 */
export function clockReading(season: OutOfSeason, entry: TimelineEntry): Reading | undefined {
  const shift = (season.readAs - season.inForce) * 60000;
  const instant = entry.instant! + shift;
  const end = entry.rangeEndInstant !== undefined ? entry.rangeEndInstant + shift : undefined;
  const holds = (ms: number) => zoneOffsetMinutes(season.region, ms) === season.inForce;
  if (!holds(instant) || (end !== undefined && !holds(end))) return undefined;
  return { instant, ...(end !== undefined ? { rangeEndInstant: end } : {}) };
}
