import type { TimelineEntry } from '../document/model';
import type { Range } from '../types';
import { localTimeIssue, zonedToUtc, zoneOffsetMinutes, type LocalDateTime, type LocalTimeIssue } from '../time/zones';
import { ambiguousZoneProblem, chooseReading } from '../time/zoneMarker';
import type { RawTimelineEntry } from './extract';

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

/** The local calendar date of `ms` in `zone`, used to carry a date forward to time-only entries. */
function localDate(ms: number, zone: string): CalendarDate {
  const offset = zoneOffsetMinutes(zone, ms) ?? 0;
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
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Turns raw entries (lines relative to their section) into dated UTC entries at absolute lines.
 *
 * A time without a date takes the date carried from the previous dated entry (or `started_at`).
 * When that would put it more than 12 hours before the previous entry, the clock has crossed
 * midnight ("23:50 … 00:10"), so it takes the next day — usually what the writer meant, but a typo
 * (`13:20`, then `00:50`) reads the same way, so the entry records it (`nextDay`) and
 * timeline/next-day states it; the entries after it carry that date quietly. A date
 * written as a sub-heading (`### 2026-11-21`) starts that day for the entries under it.
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
  private carriedDate: CalendarDate | undefined;
  private previousInstant: number | undefined;
  /** The line of the entry that set `previousInstant` (named when the next one is read on the next day). */
  private previousLine: number | undefined;
  private headingDate: RawTimelineEntry['headingDate'];

  constructor(private readonly ctx: TimelineContext) {
    this.carriedDate = ctx.startedAt !== undefined ? localDate(ctx.startedAt, ctx.timezone) : undefined;
  }

  /** The date carried to the next time-only entry (the local date of the last dated entry). */
  get carried(): CalendarDate | undefined {
    return this.carriedDate;
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
    copy.headingDate = this.headingDate;
    return copy;
  }

  next(r: RawTimelineEntry, sectionStartLine: number): TimelineEntry {
    if (r.headingDate && r.headingDate !== this.headingDate) {
      // Entries under `### 2026-11-21` are on that day, whatever the previous entry said.
      this.headingDate = r.headingDate;
      this.carriedDate = r.headingDate;
      this.previousInstant = undefined;
      this.previousLine = undefined;
    }
    const line = r.line + sectionStartLine;
    const { stamp } = r.parsed;
    let zone = stamp?.zone ?? this.ctx.timezone;
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
    let date = stamp.date ?? r.cellDate ?? this.carriedDate;
    if (!date) {
      return entry(stampRange, undefined, NO_DATE_PROBLEM);
    }
    if (stamp.zoneReadings) {
      // `IST`, `CT`: read in the meaning the document's zone gives it, else reported (never guessed).
      const reading = chooseReading(stamp.zoneReadings, this.ctx.timezone);
      if (!reading) return entry(stampRange, undefined, ambiguousZoneProblem(stamp.zone ?? '', stamp.zoneReadings));
      zone = reading.zone;
    }
    let instant = zonedToUtc(localTime(date, stamp), zone);
    if (instant === undefined) {
      // Not read in UTC instead: a typo in `timezone:` would move every time by hours, silently.
      const problem = stamp.zone !== undefined ? `Expected a known time zone, found "${zone}"` : unknownDocumentZone(zone);
      return entry(stampRange, undefined, problem);
    }
    let rolledFrom: number | undefined;
    if (!stamp.date && !r.cellDate && this.previousInstant !== undefined && instant < this.previousInstant - 12 * HOUR) {
      const rolled = nextDay(date);
      const rolledInstant = zonedToUtc(localTime(rolled, stamp), zone);
      if (rolledInstant !== undefined) {
        date = rolled;
        instant = rolledInstant;
        rolledFrom = this.previousLine;
      }
    }
    this.carriedDate = date;
    this.previousInstant = instant;
    this.previousLine = line;
    // Only a zone name (the document's, or `PT`, `Europe/London` on the entry) can skip or repeat a
    // local time; offsets and abbreviations are fixed.
    const e = entry(stampRange, instant, undefined, localTimeIssue(localTime(date, stamp), zone));
    // The next day is a reading (a midnight crossing, or a typo): kept on the entry so it is stated, never silent.
    if (rolledFrom !== undefined) (e as Mutable<TimelineEntry>).nextDay = { date: isoDate(date), previousLine: rolledFrom };
    if (stamp.rangeEnd) {
      // The range's end, in the same zone: on the same day, or the next when the clock wrapped.
      let end = zonedToUtc(localTime(date, stamp.rangeEnd), zone);
      if (end !== undefined && end <= instant) end = zonedToUtc(localTime(nextDay(date), stamp.rangeEnd), zone);
      if (end !== undefined) (e as Mutable<TimelineEntry>).rangeEndInstant = end;
    }
    return e;
  }
}
