import type { TimelineEntry } from '../document/model';
import type { Range } from '../types';
import { localTimeIssue, offsetAtInstant, utcMsOf, zonedToUtc, type LocalDateTime, type LocalTimeIssue } from '../time/zones';
import { ambiguousZoneProblem, chooseReading } from '../time/zoneMarker';
import type { RawTimelineEntry } from './extract';
import { resolveHeadingDay } from './headingDay';

export interface TimelineContext {
  /** IANA zone (front matter `timezone`) applied to times written without a zone. */
  readonly timezone: string;
  /** `started_at` in epoch ms: gives the date to leading entries written with a time only. */
  readonly startedAt?: number;
}

/** Problems set on entries by `resolveTimeline`, exported so rules can tell them apart. */
export const NO_TIME_PROBLEM = 'Expected the entry to start with a time, as "YYYY-MM-DD HH:MMZ"';
export const NO_DATE_PROBLEM = 'Expected a date on the first timeline entry (or `started_at` in the front matter) to date this time';

const UNKNOWN_ZONE_PREFIX = 'Expected a known `timezone` in the front matter to read this time';

/** The problem of a time without a zone while the front matter's `timezone` is not a zone the tools know. */
export function unknownDocumentZone(zone: string): string {
  return `${UNKNOWN_ZONE_PREFIX} (it has no zone of its own), found "${zone}"`;
}

export function isUnknownDocumentZoneProblem(problem: string | undefined): boolean {
  return problem?.startsWith(UNKNOWN_ZONE_PREFIX) ?? false;
}

type CalendarDate = { year: number; month: number; day: number };

const HOUR = 3600000;

/**
 * The calendar date of `ms` in `zone` (a name, an abbreviation or an offset, read as the stamps read
 * them): the date a time-only entry read in `zone` takes from the entry above.
 */
function localDate(ms: number, zone: string): CalendarDate {
  const offset = offsetAtInstant(zone, ms) ?? 0;
  const d = new Date(ms + offset * 60000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A date and a clock as one local time (a fresh object of one shape). */
function localTime(date: CalendarDate, clock: { readonly hour: number; readonly minute: number; readonly second: number }): LocalDateTime {
  return { year: date.year, month: date.month, day: date.day, hour: clock.hour, minute: clock.minute, second: clock.second };
}

function isoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

function nextDay(date: CalendarDate): CalendarDate {
  const d = new Date(utcMsOf(date.year, date.month - 1, date.day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Turns raw entries (lines relative to their section) into dated UTC entries at absolute lines.
 *
 * A time without a date takes the calendar date, in the zone the time is read in, of the previous
 * entry's instant (or of `started_at`). Not the digits of the date written on that entry: after
 * `2026-12-06 05:52Z` (21:52 the day before in Los Angeles), a Los Angeles `22:15` is on the 5th.
 * When the written date would give another day, the entry records it (`carriedAcrossZones`) and
 * timeline/carried-date states it. When the date carried would put the time more than 12 hours
 * before the previous entry, the clock has crossed midnight ("23:50 … 00:10"), so it takes the next
 * day — usually what the writer meant, but a typo (`13:20`, then `00:50`) reads the same way, so
 * the entry records it (`nextDay`) and timeline/next-day states it; the entries after it carry that
 * date quietly. A date written as a sub-heading (`### 2026-11-21`) starts that day for the entries
 * under it.
 */
export function resolveTimeline(raw: readonly RawTimelineEntry[], sectionStartLine: number, ctx: TimelineContext): TimelineEntry[] {
  const resolver = new TimelineResolver(ctx);
  return raw.map((r) => resolver.next(r, sectionStartLine));
}

/**
 * The entry-by-entry state of `resolveTimeline` (the carried date and the previous instant). `fork`
 * lets a rule ask "how would this entry read if it were written differently?" without re-resolving
 * the whole timeline.
 */
export class TimelineResolver {
  /** The date of the last dated entry as written in its own zone (or a sub-heading's date, or `started_at`'s local date). */
  private carriedDate: CalendarDate | undefined;
  private previousInstant: number | undefined;
  /** The line of the entry that set `previousInstant` (named when the next one is read on the next day). */
  private previousLine: number | undefined;
  /** The zone the entry that set `previousInstant` was read in: in the same zone, its date is the day carried. */
  private previousZone: string | undefined;
  private headingDate: RawTimelineEntry['headingDate'];
  /** True when the sub-heading above the entries gave them a day (a day heading read, not one that could not be). */
  private headingDated = false;

  constructor(private readonly ctx: TimelineContext) {
    this.carriedDate = ctx.startedAt !== undefined ? localDate(ctx.startedAt, ctx.timezone) : undefined;
  }

  /** The date of the last entry read, in its own zone: what pins that entry's stamp to the day it reads as. */
  get carried(): CalendarDate | undefined {
    return this.carriedDate;
  }

  /**
   * The date a time-only entry read in `zone` takes: the day, in `zone`, of the previous entry's
   * instant (of `started_at` before any), or the date of the sub-heading it is under.
   */
  private carriedDateIn(zone: string): CalendarDate | undefined {
    // Read in the zone the entry above was read in, its date is that day (no zone lookup, the slow part).
    if (this.previousInstant !== undefined) return zone === this.previousZone && this.carriedDate ? this.carriedDate : localDate(this.previousInstant, zone);
    if (this.headingDated) return this.carriedDate;
    if (this.ctx.startedAt !== undefined) return localDate(this.ctx.startedAt, zone);
    return undefined;
  }

  /** True when both would read the next entries the same way. */
  sameStateAs(other: TimelineResolver): boolean {
    const a = this.carriedDate;
    const b = other.carriedDate;
    const sameDate = a === b || (!!a && !!b && a.year === b.year && a.month === b.month && a.day === b.day);
    return sameDate && this.previousInstant === other.previousInstant && this.headingDate === other.headingDate;
  }

  fork(): TimelineResolver {
    const copy = new TimelineResolver(this.ctx);
    copy.carriedDate = this.carriedDate;
    copy.previousInstant = this.previousInstant;
    copy.previousLine = this.previousLine;
    copy.previousZone = this.previousZone;
    copy.headingDate = this.headingDate;
    copy.headingDated = this.headingDated;
    return copy;
  }

  next(r: RawTimelineEntry, sectionStartLine: number): TimelineEntry {
    let dayHeading: TimelineEntry['dayHeading'];
    if (r.headingDate && r.headingDate !== this.headingDate) {
      // Entries under `### 2026-11-21` are on that day, whatever the previous entry said. A day in
      // words takes its year from the day above (or started_at); `Day 2` counts from started_at; a
      // heading that looks like a day but is none leaves the day above, and is said (trial19c F7).
      this.headingDate = r.headingDate;
      const h = r.headingDate;
      let day: CalendarDate | undefined;
      if (h.unread === undefined && !h.inWords && h.year !== undefined && h.month !== undefined && h.day !== undefined) day = { year: h.year, month: h.month, day: h.day };
      else {
        const started = this.ctx.startedAt !== undefined ? localDate(this.ctx.startedAt, this.ctx.timezone) : undefined;
        const reading = resolveHeadingDay(h, this.carriedDate ?? started, started);
        day = reading.date;
        const note: Mutable<NonNullable<TimelineEntry['dayHeading']>> = {};
        if (reading.date) note.date = isoDate(reading.date);
        if (reading.inferred) note.inferred = reading.inferred;
        if (reading.problem) note.problem = reading.problem;
        if (h.weekday !== undefined) note.weekday = h.weekday;
        if (h.dayNumber !== undefined) note.dayNumber = h.dayNumber;
        dayHeading = note;
      }
      if (day) {
        this.headingDated = true;
        this.carriedDate = day;
        this.previousInstant = undefined;
        this.previousLine = undefined;
        this.previousZone = undefined;
      }
    }
    const line = r.line + sectionStartLine;
    const { stamp } = r.parsed;
    let zone = stamp?.zone ?? this.ctx.timezone;
    let zoneGuess: TimelineEntry['zoneGuess'];
    // Entries are built field by field, never by spreading (`{ ...base, … }`, `{ ...date, ...clock }`):
    // with dates of several shapes (heading, carried, written) the spreads took most of an index
    // build's timeline time. Keys keep the order they always had (JSON output and summary comparison).
    const entry = (stampRange: Range | undefined, instant: number | undefined, problem: string | undefined, issue?: LocalTimeIssue): TimelineEntry => {
      const e: Mutable<TimelineEntry> = {
        line,
        range: { start: { line, character: 0 }, end: { line, character: r.lineLength } },
        textStart: r.textStart,
        text: r.text,
        form: r.form,
        milestones: r.parsed.milestones,
        source: r.parsed.source,
        description: r.parsed.description,
        zone,
        zoneWritten: stamp?.zone !== undefined,
        dateInherited: !stamp?.date && !r.cellDate,
        stampRange,
      };
      if (r.dateCell) e.dateCell = r.dateCell;
      if (problem !== undefined) e.problem = problem;
      else e.instant = instant;
      if (issue) e.localTimeIssue = issue;
      if (zoneGuess) e.zoneGuess = zoneGuess;
      if (dayHeading) e.dayHeading = dayHeading;
      return e;
    };
    if (!stamp) {
      const span = r.parsed.stampProblemSpan;
      // A time that was written but is wrong points at the wrong part (the seconds of 23:59:60).
      const problemRange = span && { start: { line, character: r.textStart + span.start }, end: { line, character: r.textStart + span.end } };
      return entry(problemRange, undefined, r.parsed.stampProblem ?? NO_TIME_PROBLEM);
    }
    const stampRange = {
      start: { line, character: r.textStart + stamp.start },
      end: { line, character: r.textStart + stamp.end },
    };
    // A date in the row's own Date column (`| 2026-02-28 | 23:30 |`) dates the time as if written with it.
    const written = stamp.date ?? r.cellDate;
    if (!written && this.previousInstant === undefined && !this.headingDated && this.ctx.startedAt === undefined) {
      return entry(stampRange, undefined, NO_DATE_PROBLEM);
    }
    if (stamp.zoneReadings) {
      // `IST`, `CT`: read in the meaning the document's zone gives it, else reported (never guessed).
      const chosen = chooseReading(stamp.zoneReadings, this.ctx.timezone);
      if (!chosen) {
        const e = entry(stampRange, undefined, ambiguousZoneProblem(stamp.zone ?? '', stamp.zoneReadings));
        (e as Mutable<TimelineEntry>).zoneChoices = { written: stamp.zone ?? '', readings: stamp.zoneReadings };
        return e;
      }
      zone = chosen.reading.zone;
      // `CST` read as US Central because nothing chose: kept on the entry, so it is said (timeline/ambiguous-zone).
      if (!chosen.byDocument) zoneGuess = { written: stamp.zone ?? '', reading: chosen.reading, others: stamp.zoneReadings.filter((r) => r !== chosen.reading) };
    }
    // Carried in the zone this time is read in, now that the zone is known.
    const carried = written ? undefined : this.carriedDateIn(zone);
    let date = written ?? carried;
    if (!date) return entry(stampRange, undefined, NO_DATE_PROBLEM);
    let instant = zonedToUtc(localTime(date, stamp), zone);
    if (instant === undefined) {
      // Not read in UTC instead: a typo in `timezone:` would move every time by hours, silently.
      const problem = stamp.zone !== undefined ? `Expected a known time zone, found "${zone}"` : unknownDocumentZone(zone);
      return entry(stampRange, undefined, problem);
    }
    let rolledFrom: number | undefined;
    const previous = this.previousInstant;
    if (!written && previous !== undefined) {
      const rolled = this.pastMidnight(date, stamp, zone, instant);
      if (rolled) {
        date = rolled.date;
        instant = rolled.instant;
        rolledFrom = this.previousLine;
      }
    }
    // The date written on the entry above, taken as this entry's date, would give another day: a
    // reading across zones, kept on the entry so it is stated (timeline/carried-date), never silent.
    let across: TimelineEntry['carriedAcrossZones'];
    if (!written && previous !== undefined && this.previousLine !== undefined && carried && this.carriedDate && isoDate(this.carriedDate) !== isoDate(carried)) {
      let asWritten = this.carriedDate;
      let asWrittenInstant = zonedToUtc(localTime(asWritten, stamp), zone);
      const rolled = asWrittenInstant !== undefined ? this.pastMidnight(asWritten, stamp, zone, asWrittenInstant) : undefined;
      if (rolled) {
        asWritten = rolled.date;
        asWrittenInstant = rolled.instant;
      }
      if (asWrittenInstant !== undefined && isoDate(asWritten) !== isoDate(date)) {
        across = { date: isoDate(date), asWritten: isoDate(asWritten), asWrittenInstant, previousLine: this.previousLine };
      }
    }
    this.carriedDate = date;
    this.previousInstant = instant;
    this.previousLine = line;
    this.previousZone = zone;
    // Only a zone name (the document's, or `PT`, `Europe/London` on the entry) can skip or repeat a
    // local time; offsets and abbreviations are fixed.
    const e = entry(stampRange, instant, undefined, localTimeIssue(localTime(date, stamp), zone));
    // The next day is a reading (a midnight crossing, or a typo): kept on the entry so it is stated, never silent.
    if (rolledFrom !== undefined) (e as Mutable<TimelineEntry>).nextDay = { date: isoDate(date), previousLine: rolledFrom };
    if (across) (e as Mutable<TimelineEntry>).carriedAcrossZones = across;
    if (stamp.rangeEnd) {
      // The range's end, in the same zone: on the same day, or the next when the clock wrapped.
      let end = zonedToUtc(localTime(date, stamp.rangeEnd), zone);
      if (end !== undefined && end <= instant) end = zonedToUtc(localTime(nextDay(date), stamp.rangeEnd), zone);
      if (end !== undefined) (e as Mutable<TimelineEntry>).rangeEndInstant = end;
    }
    return e;
  }

  /** The next day's reading of a time-only entry that `date` puts more than 12 hours before the previous entry. */
  private pastMidnight(date: CalendarDate, clock: { readonly hour: number; readonly minute: number; readonly second: number }, zone: string, instant: number): { date: CalendarDate; instant: number } | undefined {
    if (this.previousInstant === undefined || instant >= this.previousInstant - 12 * HOUR) return undefined;
    const rolled = nextDay(date);
    const rolledInstant = zonedToUtc(localTime(rolled, clock), zone);
    return rolledInstant === undefined ? undefined : { date: rolled, instant: rolledInstant };
  }
}
