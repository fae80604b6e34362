import { formatIsoUtc, formatLocalDate, utcMsOf } from '../../time/zones';
import type { ConvertLog } from './model';
import { formatMinutes } from './statedDurations';
import { readLeadingStamp, type DateReading, type LooseDate } from './stamps';

/** A `Date:` / `Date/time:` / `Incident date:` field of the original: the date read, its line, label and value as written. */
export interface DateField {
  readonly date: LooseDate;
  readonly line: number;
  readonly label: string;
  readonly text: string;
}

/** What started_at was derived from when the original states no start: an entry or a sentence, and its line. */
export interface StartOrigin {
  readonly line: number;
  readonly what: string;
}

const DAY = 86_400_000;
/** "2023-11-27 – 2024-05-28", "2024-05-03 to 2024-05-05": the field gives a span of days. */
const RANGE_JOIN = /^\s{0,3}(?:-|–|—|to\s|through\s|until\s|till\s)\s{0,3}/i;

const iso = (d: LooseDate) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/**
 * One check, at the precision of what the original states: the start the original gives in one place
 * (a Date field, a start field, another tool's `start_time:`) against the start its text or
 * timeline gives. A Date field gives a day, so days are compared (reportStartOffDate); a start
 * time gives a minute, so instants are (reportStartOffTime). Either way the two values, the one
 * written and where each came from are said (`convert/start-off-date`, a warning: exit 1).
 *
 * Trial T7: a started_at the converter derived (from the timeline, a start marker, a sentence) that
 * falls on another day than the original's Date field said nothing, and a start months from the
 * stated date went unnoticed. The days are compared in the zone the times were read in (UTC when
 * none is known: the written days then stand as written), so "Date: 2016-11-07" and an entry at
 * 16:27 Pacific that day, 00:27Z the next, agree. A field that spans days ("2023-11-27 – 2024-05-28")
 * agrees with a start inside the span; one whose end cannot be read is not compared. Said as a
 * warning naming both values and the one written: which is the incident's start only the writer knows.
 */
export function reportStartOffDate(startedAt: string, origin: StartOrigin, field: DateField, zone: string | undefined, reading: DateReading, log: ConvertLog): void {
  const startMs = Date.parse(startedAt);
  const span = fieldSpan(field, reading);
  if (Number.isNaN(startMs) || !span) return;
  const readIn = zone ?? 'UTC';
  // The day at the start's own offset (`offsetAtInstant`), not at the UTC clock read as local.
  const localDay = formatLocalDate(startMs, readIn);
  const dayNumber = Date.parse(localDay) / DAY;
  const before = utcMsOf(field.date.year, field.date.month - 1, field.date.day) / DAY - dayNumber;
  const after = dayNumber - utcMsOf(span.last.year, span.last.month - 1, span.last.day) / DAY;
  if (before <= 0 && after <= 0) return;
  const days = Math.max(before, after);
  const apart = `${days === 1 ? 'the day' : `${days} days`} ${before > 0 ? 'before' : 'after'}`;
  const where = zone ? `${localDay} in ${zone}` : `${localDay}, read as UTC`;
  log.flag('start-off-date', field.line,
    `The original's "${field.label}" field says ${span.written}, but started_at was written as ${startedAt} (${where}), ${apart}: `
    + `taken from ${origin.what} (line ${origin.line + 1}), not from the "${field.label}" field — check which is the incident's start (${before > 0
      ? 'the field may be when the post-mortem was written, or the timeline may open with what led up to the incident'
      : 'a date in the field or in the timeline may be mistyped'})`);
}

/**
 * The days a field gives, as written: one ("2023-08-26 21:14 PDT") or a span ("2023-11-27 – 2024-05-28");
 * undefined for a span whose end cannot be read (not compared).
 */
function fieldSpan(field: DateField, reading: DateReading): { last: LooseDate; written: string } | undefined {
  const stamp = readLeadingStamp(field.text, reading);
  if (!stamp) return { last: field.date, written: iso(field.date) };
  const rest = field.text.slice(stamp.end);
  const join = RANGE_JOIN.exec(rest);
  const tail = join ? rest.slice(join[0].length) : '';
  const end = join ? readLeadingStamp(tail, { ...reading, year: field.date.year }) : undefined;
  if (end?.date) {
    const ordered = utcMsOf(end.date.year, end.date.month - 1, end.date.day) >= utcMsOf(field.date.year, field.date.month - 1, field.date.day);
    return ordered ? { last: end.date, written: field.text.slice(0, stamp.end + join![0].length + end.end).trim() } : undefined;
  }
  // "January 14-19": a span whose end is no date read here; "2024-05-28 - see below" is one day.
  if (join && /^\d/.test(tail)) return undefined;
  return { last: field.date, written: stamp.raw.trim() };
}

/** A start the original states as a time (another tool's `start_time:`, a `Start:` field): what started_at was written from. */
export interface StatedStart {
  readonly ms: number;
  /** "start_time", "the "Fault occurs" field". */
  readonly label: string;
  readonly line: number;
  /** The value as a field writes it ("2024-03-01 10:00"), when it is not the ISO time. */
  readonly written?: string;
}

/** A moment the text gives as the start, or at the stated start's clock: its instant, its line, and how it is written. */
export interface TextStart {
  readonly ms: number;
  readonly line: number;
  /** "the timeline entry the original marks as the start", "the sentence …", "line 33". */
  readonly what: string;
  /** As written ("30 July 2012, 02:33 IST"), or the local time the entry was read as. */
  readonly written: string;
  /** The written clock (date, hour and minute) equals the stated start's in UTC, in another zone. */
  readonly sameClock: boolean;
}

const MINUTE = 60_000;

/**
 * Trial 11 T4: another tool's `start_time: 2012-07-30T02:33:00Z` above a text that says "30 July
 * 2012, 02:33 IST" (21:03Z the day before) was written as started_at, and the report said "times
 * read in IST" without a word about the 5 h 30 m between them. A stated start is written as stated;
 * when the text gives the start at another instant (more than a minute apart) — an entry it marks as
 * the start, the sentence that states the start, or a date and time at the stated start's clock in
 * another zone (a local time written as UTC, or the reverse) — both values are said and which one
 * was written. The first such moment is reported, once.
 */
export function reportStartOffTime(stated: StatedStart, candidates: readonly TextStart[], log: ConvertLog): void {
  const off = candidates.find((c) => Math.abs(c.ms - stated.ms) > MINUTE);
  if (!off) return;
  const diff = off.ms - stated.ms;
  const written = formatIsoUtc(stated.ms);
  log.flag('start-off-date', stated.line,
    `The original's ${stated.label} says ${stated.written && stated.written !== written ? `${stated.written} (${written})` : written}, but ${off.what} (line ${off.line + 1}) gives ${off.written} (${formatIsoUtc(off.ms)}), `
    + `${formatMinutes(Math.abs(diff) / MINUTE)} ${diff < 0 ? 'earlier' : 'later'}: started_at was written as ${written}, from the original's ${stated.label}, not from the text — check which is the incident's start (${off.sameClock
      ? 'the same clock time in two zones: one of them may be a local time written as UTC'
      : Math.abs(Math.abs(diff) - 12 * 60 * MINUTE) <= MINUTE
        ? 'exactly 12 hours apart: one of them may be an afternoon time written without its PM, or a 12-hour clock read as 24-hour'
        : 'one of them may be mistyped, or name another moment, such as when the incident was noticed'})`);
  // Said in the file too: list and metrics compute with started_at long after this report is gone.
  log.inFile.push(`started_at (${written}) is the original's ${stated.label}; its text gives ${off.written} (line ${off.line + 1} of the original, ${formatIsoUtc(off.ms)}), ${formatMinutes(Math.abs(diff) / MINUTE)} ${diff < 0 ? 'earlier' : 'later'}: check which is the incident's start.`);
}
