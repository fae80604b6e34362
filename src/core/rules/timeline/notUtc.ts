import type { PostmortemDocument, SectionUnit, TimelineEntry } from '../../document/model';
import type { Rule, RuleReport } from '../../lint/rule';
import type { RawTimelineEntry } from '../../timeline/extract';
import { TimelineResolver } from '../../timeline/resolve';
import { seasonNameIn } from '../../time/abbreviationSeasons';
import { abbreviationOutOfSeason, clockInForce, notInForce, outOfSeason, type OutOfSeason } from '../../time/outOfSeason';
import { describeLocalTimeIssue, formatUtcDate, offsetAtInstant, utcOffset, zoneOffsetMinutes } from '../../time/zones';
import type { Fix } from '../../types';
import { assumedDates, dateChains, readingsOf } from './assumedDates';
import { carriedReadings } from './carriedReading';
import { nextDayReadings } from './nextDayReading';
import { clockReading, ReadingFixes, type Reading } from './readingFix';
import { entriesOf, formatEntryStamp, isUtcZone, timelineContext, timelineSections } from './shared';
import { dependentPins, rewritten, stampEdit, type Pin } from './stampRewrite';
import { zoneWideReport } from './zoneWideFix';

/**
 * Timeline entries are written in UTC, like the front matter, so readers in other zones and the
 * metrics agree. An entry whose written zone is not UTC is flagged where it is. Entries without a zone
 * while the front matter's `timezone` is not UTC are a documented choice: they get one diagnostic on
 * the Timeline heading (see zoneWideFix), not one each. A local time that a DST change skips or
 * repeats has no single UTC time, so it is reported and left out of every automatic fix (a repeated
 * one gets a fix per reading, for the writer to choose); so is an abbreviation out of season. The fix rewrites the
 * stamp as `YYYY-MM-DD HH:MMZ`; an entry that left the date out keeps it out when it stays on the
 * previous entry's UTC day and the date it inherits still gives the same instant.
 */
export const timelineNotUtc: Rule = {
  code: 'timeline/not-utc',
  defaultSeverity: 'warning',
  description: 'Timeline times are written in UTC (`14:09Z`): a zone written on an entry is converted there; entries read in a non-UTC `timezone` get one warning on the Timeline heading with one fix; an abbreviation naming the other season than its region\'s clock showed (`23:30 BST` in a London December) is said with both readings, neither converted unseen; local times a DST change skips or repeats are reported (`timeline/ambiguous-time`), never converted unseen.',
  subCodes: ['timeline/ambiguous-time'],
  check({ doc, report }) {
    for (const section of timelineSections(doc)) {
      const entries = entriesOf(doc, section);
      const choices = new ReadingFixes(doc, section, entries);
      // A local time that a DST change skips or repeats has no one UTC time: say so, convert nothing
      // unseen; a repeated one gets a fix per reading, for the writer to choose.
      for (const [index, entry] of entries.entries()) {
        if (!entry.localTimeIssue || !entry.stampRange) continue;
        report({ code: 'timeline/ambiguous-time', range: entry.stampRange, message: `Expected a time that exists once: ${describeLocalTimeIssue(entry.localTimeIssue)}`, fixes: repeatedReadings(choices, index, entry) });
      }
      if (!entries.some((e) => needsRewrite(doc, e))) continue;
      const { plans, raws } = planRewrites(doc, section, entries);
      // Entries without a zone follow the front matter's `timezone`, a documented choice: one
      // diagnostic and one fix for all of them. A zone written on an entry is reported there.
      const zoneWide = plans.filter((p) => !p.entry.zoneWritten);
      if (zoneWide.length > 0) {
        report(zoneWideReport(doc, section, entries, raws, zoneWide, stampEdit));
      }
      const readings = { nextDay: nextDayReadings(entries), carried: carriedReadings(entries) };
      const chains = dateChains(entries);
      for (const { index, entry, newText, pins } of plans) {
        if (!entry.zoneWritten) continue;
        const found = stampText(doc, entry);
        // The name as written (`BST`, `CST`: the entry's zone is the offset of the meaning read), judged in the document's region.
        const written = raws[index]?.parsed.stamp?.zone ?? entry.zone;
        const season = outOfSeason(written, entry.instant!, { documentZone: doc.timezone, readAs: offsetAtInstant(entry.zone, entry.instant!) });
        // A time read on the next day (timeline/next-day) or on the day of an entry in another zone
        // (timeline/carried-date) is written down with that date: said, and left out of Fix All when in doubt.
        const assumed = assumedDates(doc, readingsOf(readings, chains, [entry, ...pins.map((p) => p.entry)]));
        // `CST` read as US Central because nothing chose (timeline/ambiguous-zone): converting it
        // would write the guess down as fact, so the fix names the reading and Fix All leaves it.
        const guess = entry.zoneGuess;
        // `IRST`, `IDT`: names only the time-zone data knows are read as its clock, and said so (trial16a F18).
        const taken = raws[index]?.parsed.stamp?.zoneTaken;
        const from = guess ? `${guess.written}, read as ${guess.reading.label},` : taken ? `${taken.split(' read as ')[0]} (${entry.zone})` : entry.zone;
        const clock = season && clockReading(season, entry);
        if (season && clock) {
          report(outOfSeasonReport(choices, { index, entry, found, newText, season, clock, assumed }));
          continue;
        }
        // Out of season at the very hour of a DST change (`02:00 CET` as Berlin springs forward): the
        // clock's reading does not exist, so the name as written is converted, and said.
        const summer = season && abbreviationOutOfSeason(written, entry.instant!, { documentZone: doc.timezone, readAs: season.readAs });
        report({
          range: entry.stampRange!,
          message: `Expected a UTC time, like ${newText}, found ${found}${summer ? ` (${summer})` : ''}${taken ? ` (${taken})` : ''}`,
          fixes: [{
            title: `Convert from ${from} to UTC: ${newText}${pins.length ? ` (and ${pins.length} later time-only ${pins.length === 1 ? 'entry' : 'entries'} that depend on its date)` : ''}${assumed ? ` (${assumed.note})` : ''}`,
            // A pin replaces the whole stamp (not an insertion before it), so fix-all sees it overlap the entry's own fix.
            edits: [stampEdit(doc, entry, newText), ...pins.map((p) => (p.converted || p.entry.dateCell ? stampEdit(doc, p.entry, p.newText) : { range: p.entry.stampRange!, newText: p.newText }))],
            isPreferred: !assumed?.suspect && !guess,
            // Later entries without a zone converted with it are read in the document's zone: said, and one zone per fix-all run.
            ...zonelessPins(pins, found, doc.timezone),
            // `lint --fix` says what it wrote: an out-of-season name is converted as written, maybe an hour off.
            ...(assumed || summer ? { note: [assumed?.fixNote, summer && `converted ${found}: ${summer}`].filter(Boolean).join('; ') } : {}),
          }],
        });
      }
    }
  },
};

/**
 * `23:30 BST` on a December date in a London review (clocks showed GMT), `15:00 EST` in a New York
 * July: the name says one offset, the calendar another, and either may be what the writer meant — the
 * name as written, or the clock then in force (people write the standard name all year, or the
 * summer one out of habit). Said with both readings, and a fix for each, neither preferred.
 */
function outOfSeasonReport(
  choices: ReadingFixes,
  on: { index: number; entry: TimelineEntry; found: string; newText: string; season: OutOfSeason; clock: Reading; assumed: ReturnType<typeof assumedDates> },
): RuleReport {
  const { index, entry, found, newText, season, clock, assumed } = on;
  const asWritten = { instant: entry.instant!, ...(entry.rangeEndInstant !== undefined ? { rangeEndInstant: entry.rangeEndInstant } : {}) };
  const because = assumed ? ` (${assumed.note})` : '';
  const fixes = [
    choices.fix(index, asWritten, `${season.abbreviation} as written, ${utcOffset(season.readAs)}${because}`),
    choices.fix(index, clock, `${season.region}'s clock then, ${clockInForce(season)}${because}`),
  ].filter((f): f is Fix => f !== undefined);
  return {
    range: entry.stampRange!,
    message: `Expected a UTC time, found ${found}; ${notInForce(season)}: as written (${utcOffset(season.readAs)}) it is ${newText}, by the clock then in force ${formatEntryStamp(clock, undefined, true)}; convert the one meant`,
    fixes,
  };
}

/**
 * A local time the clocks repeat (`01:40` on the night London goes back) has two UTC readings: a fix
 * for each ("00:40Z — BST (UTC+1), the first 01:40"). A time the clocks skip has none that is more
 * likely than the other reading of a typo, so it gets no fix. A range whose end would come before a
 * reading's start is not offered that reading (its end would be lost).
 */
function repeatedReadings(choices: ReadingFixes, index: number, entry: TimelineEntry): Fix[] | undefined {
  const issue = entry.localTimeIssue!;
  if (issue.kind !== 'overlap' || !issue.instants) return undefined;
  const clock = `${String(issue.local.hour).padStart(2, '0')}:${String(issue.local.minute).padStart(2, '0')}`;
  const fixes = issue.instants.map((instant, i) => {
    const offset = zoneOffsetMinutes(issue.zone, instant)!;
    const end = rangeEndFor(issue.zone, entry, instant, offset);
    if (end === null) return undefined;
    const name = seasonNameIn(issue.zone, offset);
    const label = `${name ? `${name} (${utcOffset(offset)})` : utcOffset(offset)}, the ${i === 0 ? 'first' : 'second'} ${clock}`;
    return choices.fix(index, { instant, ...(end !== undefined ? { rangeEndInstant: end } : {}) }, label);
  }).filter((f): f is Fix => f !== undefined);
  return fixes.length ? fixes : undefined;
}

/**
 * A range's end for one reading of its start (`01:40-01:50` on the night London goes back): on the
 * same clock as the start when that clock still showed it (00:50Z with BST's 00:40Z), else the end
 * as read; null when that end would come before the start (the reading is not offered, never an
 * end dropped). Undefined for an entry without a range.
 */
function rangeEndFor(zone: string, entry: TimelineEntry, instant: number, offset: number): number | undefined | null {
  const end = entry.rangeEndInstant;
  if (end === undefined) return undefined;
  const wall = (ms: number) => ms + (zoneOffsetMinutes(zone, ms) ?? 0) * 60000;
  const sameClock = instant + (wall(end) - wall(entry.instant!));
  if (sameClock > instant && zoneOffsetMinutes(zone, sameClock) === offset) return sameClock;
  return end > instant ? end : null;
}

function stampText(doc: PostmortemDocument, entry: TimelineEntry): string {
  return doc.lines.lineText(entry.line).slice(entry.stampRange!.start.character, entry.stampRange!.end.character);
}

export function needsRewrite(doc: PostmortemDocument, entry: TimelineEntry): boolean {
  // A DST-ambiguous time is never converted: its instant is a guess.
  if (entry.instant === undefined || !entry.stampRange || entry.localTimeIssue) return false;
  return !isUtcZone(entry.zoneWritten ? entry.zone : doc.timezone);
}

/**
 * Decides, entry by entry, whether a rewritten stamp can leave the date out. It may only when the
 * entry reads as the same instant both with every fix applied (fix-all) and with only its own fix
 * applied (a single quick fix) — otherwise the date is written.
 */
export function planRewrites(doc: PostmortemDocument, section: SectionUnit, entries: readonly TimelineEntry[]): { plans: Plan[]; raws: readonly RawTimelineEntry[] } {
  const ctx = timelineContext(doc);
  const allFixed = new TimelineResolver(ctx);
  const noneFixed = new TimelineResolver(ctx);
  const converted = new Map<number, { raw: RawTimelineEntry; newText: string }>();
  // The raw entries the parser read (with their sub-heading dates), to resolve hypothetical rewrites exactly as it did.
  const raws = section.rawTimeline ?? [];
  if (raws.length !== entries.length) return { plans: [], raws };
  let previousUtcDay: string | undefined;
  // The untouched reading: the resolver's state before each entry.
  const before: TimelineResolver[] = [];
  const walk = new TimelineResolver(ctx);
  for (const raw of raws) {
    before.push(walk.fork());
    walk.next(raw, 0);
  }
  for (const [i, entry] of entries.entries()) {
    const raw = raws[i];
    const stamp = raw.parsed.stamp;
    if (!needsRewrite(doc, entry) || !stamp) {
      if (entry.instant !== undefined) previousUtcDay = formatUtcDate(entry.instant);
      allFixed.next(raw, 0);
      noneFixed.next(raw, 0);
      continue;
    }
    const instant = entry.instant!;
    let withDate = stamp.date !== undefined;
    if (!withDate) {
      const dateless = rewritten(raw, stamp, instant, false, entry.rangeEndInstant);
      const all = allFixed.fork().next(dateless, 0);
      const own = noneFixed.fork().next(dateless, 0);
      // A new UTC day gets its date written, even where the midnight rule would read it right; so
      // does a time whose day would come from an entry above in another zone (timeline/carried-date
      // would ask for the date on the very line the fix wrote: trial 13a F27, after DST-ambiguous
      // entries). Entries without a zone are converted together (one fix); one with its own zone
      // has its own fix, which may be applied alone.
      const carried = all.carriedAcrossZones !== undefined || (entry.zoneWritten && own.carriedAcrossZones !== undefined);
      withDate = (previousUtcDay !== undefined && previousUtcDay !== formatUtcDate(instant)) || all.instant !== instant || own.instant !== instant || carried;
    }
    previousUtcDay = formatUtcDate(instant);
    const fixedRaw = rewritten(raw, stamp, instant, withDate, entry.rangeEndInstant);
    allFixed.next(fixedRaw, 0);
    noneFixed.next(raw, 0);
    converted.set(i, { raw: fixedRaw, newText: formatEntryStamp(entry, raw, withDate) });
  }
  const plans = [...converted].map(([i, c]) => ({ index: i, raw: c.raw, entry: entries[i], newText: c.newText, pins: dependentPins(c.raw, i, raws, entries, before, converted) }));
  return { plans, raws };
}

export interface Plan {
  /** Index of the entry in its section, and its raw entry as rewritten. */
  readonly index: number;
  readonly raw: RawTimelineEntry;
  readonly entry: TimelineEntry;
  readonly newText: string;
  /** Later time-only entries that would change meaning once this stamp changes, with their new stamps. */
  readonly pins: readonly Pin[];
}

/** A fix converting later entries without a zone with the one it converts reads them in the document's zone: said (`Fix.readsZone`). */
function zonelessPins(pins: readonly { converted: boolean; entry: TimelineEntry }[], found: string, zone: string): { readsZone?: { zone: string; said: string } } {
  const n = pins.filter((p) => p.converted && !p.entry.zoneWritten).length;
  return n ? { readsZone: { zone, said: `converted ${n} later ${n === 1 ? 'time' : 'times'} without a zone with ${found}, read as ${zone}, the front matter's timezone` } } : {};
}
