import { asciiDigits } from '../../text/halfWidth';
import { monthOf } from '../../time/monthNames';
import { ZONE_ABBREVIATIONS, isValidDate, isValidTimeZone } from '../../time/zones';
import { seasonPair, ZONE_WORDS } from './zoneWords';
import { ianaZoneAt } from './zoneNameAfterTime';

/**
 * Dates and times as people write them in post-mortems. Every expression here is anchored at
 * the position being read and uses bounded or unambiguous repetition, so reading a line is linear
 * in its length (lines are user text).
 */

/** A date read from free text; `ambiguous` when `03/04/2026` could be March 4 or April 3. */
export interface LooseDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly ambiguous?: boolean;
}

export interface LooseStamp {
  /** Span of the stamp in the text, wrappers (`**`, `_`, `[`) included. */
  readonly start: number;
  readonly end: number;
  readonly date?: LooseDate;
  readonly hour?: number;
  readonly minute?: number;
  /** Seconds as written (`21:05:30`): kept, not dropped without a word (trial14a F23). */
  readonly second?: number;
  readonly zone?: string;
  /**
   * `16:00-16:30 CEST`, `4:00-4:30 PM PST`: the end of a range whose zone (or am/pm) is written
   * after the end. The zone is the stamp's, for both ends (trial14a F3).
   */
  readonly rangeEnd?: RangeEnd;
  /**
   * `01:10 -06:00`: a space before the hyphen only, so `zone` may be an offset written after the time
   * or the end of a range (01:10 to 06:00). Not decided here: the timeline keeps the entry as written.
   */
  readonly rangeOrOffset?: true;
  /** `14:05 Europe/Berln`: a name in an IANA area written after the time that names no zone; `zone` is then unset. */
  readonly unknownZone?: string;
  /** The stamp as written, for messages. */
  readonly raw: string;
}

/** A range's end as read: its clock, and as written for an end kept as written. */
export interface RangeEnd {
  readonly hour: number;
  readonly minute: number;
  readonly written: string;
}

/** How to read `03/04/2026`: told by the document ("Date: 24/07/2025", a non-English document) or unknown. */
export interface DateReading {
  /** The year of dates written without one ("Jan 14", "19. April"). */
  readonly year?: number;
  /** true: day first; false: month first; undefined: month first, flagged as ambiguous. */
  readonly dayFirst?: boolean;
  /**
   * The timeline writes its times with a dot (`20.00`, `21.05 Uhr`): a bare `21.05` leading an
   * entry is a time of day there, not the 21st of May (see `dottedTimes`).
   */
  readonly dottedTimes?: boolean;
}

const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?\s{1,3}/i;
const ISO = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/;
const JAPANESE = /^(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日(?:\s?[(（][月火水木金土日][)）])?/;
const NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d:])/;
const MONTH_FIRST = /^(\p{L}{3,10}\.?)\s{1,3}(\d{1,2})(?:st|nd|rd|th)?(?!\d|:\d)(?:,?\s{1,3}(\d{4})(?!\d))?/u;
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th|\.)?\s{1,3}(?:de\s)?(\p{L}{3,10}\.?)(?!\p{L})(?:,?\s{1,3}(?:de\s)?(\d{4})(?!\d))?/u;

/**
 * A span of days with the year written once, at its end: `January 14-19, 2026`, `Nov 11 to Nov 15,
 * 2025`, `November 11 and November 15, 2025`, `Dec 30 - Jan 2, 2026`, `14-19 January 2026`,
 * `14 Jan - 19 Jan 2026`. Read as its first day (trial17c F7/F8: the span was not read, or its end
 * was taken, the only day with a year). Bounded patterns, no nested repetition: linear.
 */
const MONTH_SPAN = /^(\p{L}{3,10}\.?)\s{1,3}(\d{1,2})(?:st|nd|rd|th)?\s{0,3}(?:[-–—]|to|through|thru|until|till|and)\s{0,3}(?:(\p{L}{3,10}\.?)\s{1,3})?(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(\d{4})(?!\d)/u;
const DAY_SPAN = /^(\d{1,2})(?:st|nd|rd|th|\.)?(?:\s{1,3}(\p{L}{3,10}\.?))?\s{0,3}(?:[-–—]|to|through|until|and)\s{0,3}(\d{1,2})(?:st|nd|rd|th|\.)?\s{1,3}(\p{L}{3,10}\.?),?\s{1,3}(\d{4})(?!\d)/u;

function readSpanAt(text: string): { date: LooseDate; length: number } | undefined {
  const m = MONTH_SPAN.exec(text);
  const d = m ? undefined : DAY_SPAN.exec(text);
  if (!m && !d) return undefined;
  const [firstMonth, firstDay, lastMonth, lastDay, year] = m ? [m[1], +m[2], m[3] ?? m[1], +m[4], +m[5]] : [d![2] ?? d![4], +d![1], d![4], +d![3], +d![5]];
  const from = monthOf(firstMonth);
  const to = monthOf(lastMonth);
  if (!from || !to || !isValidDate(year, to, lastDay)) return undefined;
  // `Dec 30 - Jan 2, 2026`: the year written is the end's; the start is in the year before.
  const startYear = from > to ? year - 1 : year;
  if (!isValidDate(startYear, from, firstDay) || (from === to && firstDay >= lastDay)) return undefined;
  return { date: { year: startYear, month: from, day: firstDay }, length: (m ?? d)![0].length };
}

function readDateAt(text: string, reading: DateReading): { date: LooseDate; length: number } | undefined {
  const w = WEEKDAY.exec(text);
  if (w) {
    const rest = readDateAt(text.slice(w[0].length), reading);
    return rest ? { date: rest.date, length: w[0].length + rest.length } : undefined;
  }
  const span = /^\p{L}{3}|^\d{1,2}(?:st|nd|rd|th|\.)?\s{0,3}(?:[-–—\p{L}])/u.test(text) ? readSpanAt(text) : undefined;
  if (span) return span;
  let m = ISO.exec(text) ?? JAPANESE.exec(text);
  if (m) {
    const [y, mo, d] = m[0].includes('年') ? [+m[1], +m[2], +m[3]] : [+m[1], +m[3], +m[4]];
    return isValidDate(y, mo, d) ? { date: { year: y, month: mo, day: d }, length: m[0].length } : undefined;
  }
  m = NUMERIC.exec(text);
  if (m) {
    const a = +m[1];
    const b = +m[3];
    const year = m[4].length === 2 ? 2000 + +m[4] : +m[4];
    // Dotted dates (24.07.2025) are day first everywhere they are written.
    const dayFirst = m[2] === '.' || a > 12 ? true : b > 12 ? false : reading.dayFirst;
    const [day, month] = dayFirst ? [a, b] : [b, a];
    const ambiguous = dayFirst === undefined && a !== b;
    if (!isValidDate(year, month, day)) return undefined;
    return { date: ambiguous ? { year, month, day, ambiguous } : { year, month, day }, length: m[0].length };
  }
  m = MONTH_FIRST.exec(text);
  // Without a year, only a capitalised month ("Jan 14"): "may 10 users" is not a date.
  if (m && (m[3] || m[1][0] !== m[1][0].toLowerCase())) {
    const month = monthOf(m[1]);
    const year = m[3] ? +m[3] : reading.year;
    if (month && year && isValidDate(year, month, +m[2])) return { date: { year, month, day: +m[2] }, length: m[0].length };
  }
  m = DAY_FIRST.exec(text);
  if (m) {
    const month = monthOf(m[2]);
    const year = m[3] ? +m[3] : reading.year;
    if (month && year && isValidDate(year, month, +m[1])) return { date: { year, month, day: +m[1] }, length: m[0].length };
  }
  return undefined;
}

const ZONE_TOKEN = /^\(?((?:UTC|GMT)\s?[+-]\s?\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|Z|[A-Z]{2,5})\)?(?![A-Za-z0-9])/;
/** `14:05`, `17h30`, `21H05`, `21u05` (Belgian Dutch), `14時05分`, with seconds: `21:05:30`. */
const CLOCK = /^(\d{1,2})(?::|[hH]|u|時)(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:分|min(?![A-Za-z]))?/;
/** `2105Z`, `1405 UTC`, `0930 hrs`: four digits are a time only with the zone or `hrs` after them. */
const CLOCK_FOUR = /^([01]\d|2[0-3])([0-5]\d)(?=\s?(?:Z|UTC|GMT|hrs?)(?![A-Za-z]))/;
/** `21 h 05` (French typography). Not `2 h 30 min`, a duration. */
const CLOCK_SPACED_H = /^(\d{1,2})\s[hH]\s(\d{2})(?!\d)(?!\s?min)/;
const CLOCK_DOTTED = /^(\d{1,2})\.(\d{2})(?![\d.])/;
const MERIDIEM = /^\s{0,2}([AaPp])\.?[Mm]\.?(?![A-Za-z0-9])/;
const HOUR_ONLY = /^(\d{1,2})(?=\s{0,2}[AaPp]\.?[Mm]\.?(?![A-Za-z0-9]))/;
/**
 * `9時`, `9時5分`, `9時半` (Japanese), `9시 5분` (Korean), `9点05分` (Chinese): the hour marker, then
 * minutes with their own marker, or half past. Two-digit minutes without 分 are CLOCK's.
 */
const CJK_CLOCK = /^(\d{1,2})\s?(?:時|시|点|點)(?![間间간])(?:\s?(\d{1,2})\s?(?:分|분)|\s?(半|반))?(?!\s?\d)/;
/** `午後9時05分`, `오후 9시`, `下午9点`: am/pm written before the time. */
const CJK_MERIDIEM = /^(午前|午後|오전|오후|上午|下午|早上|凌晨|晚上)\s?/;
/** `21h`, `21 Uhr`, `21 uur`: an hour alone with its marker. Not `2h later`, `12h outage`, `4h+` (durations). */
const HOUR_MARKED = /^(\d{1,2})(?:\s?Uhr|\s?uur|[hH])(?![\p{L}\p{N}])(?!\+|\s{1,3}(?:later|after|before|ago|into|in|of|total|outage|downtime|window|late|delay|delayed|degraded|degradation|lag|backlog|wait|old|long|max|timeout|retention|ttl|sla|mttr|rto|rpo)\b)/u;
/** After a clock: `Uhr` (German), `uur` (Dutch), `h` / `hrs` (`21:05h`, `21.05 hrs`), a glued `u` (`21.05u`). */
const CLOCK_MARKER = /^(?:\s?(?:Uhr|uur|hrs?)|[hu])(?![\p{L}\p{N}])/u;
/** `16.00 – 16.30 Uhr`: the marker after a range's end makes its dotted start a time too. */
const MARKED_RANGE_END = /^\s?[-–—]\s?\d{1,2}\.\d{2}(?:\s?(?:Uhr|uur|hrs?)|[hu])(?![\p{L}\p{N}])/u;
/**
 * Words for "at" before a clock: `kl. 21.05` (Scandinavian), `klo 21.05` (Finnish), `um 21.05 Uhr`,
 * `om 21.05 uur`, `godz. 21:05` (Polish), `ore 21.05` / `alle 21.05` (Italian).
 */
const CLOCK_WORD = /^(?:(kl\.?|klo\.?|klockan|klokka|kello|um|godz\.?|ore)|om|alle)\s{1,2}(?=\d)/i;
/**
 * A bare hour after such a word (`kl. 21`, `um 9`). Not after `om`, which is also "in" (`om 2 timer`,
 * in two hours), nor before a word for hours (`um 2 Stunden`).
 */
const WORDED_HOUR = /^(\d{1,2})(?![\d.:,])(?!\s{0,2}(?:Stunden?|Std|timer?|timmar|tim|tuntia?|hours?)(?![\p{L}]))/u;
const OPENERS = /^(?:\*\*\*|___|\*\*|__|\*|_|`|\[|\(|~\s?|ca\.\s?|approx\.\s?|around\s|about\s)?/i;

/** The zone as written, if it is one we can convert: `Z`, `UTC+2`, `+02:00`, `PST`, `CEST`. */
export function knownZone(zone: string): boolean {
  return /^(Z|[+-]\d{2}:?\d{2}|(UTC|GMT)\s?([+-]\s?\d{1,2}(:?\d{2})?)?)$/i.test(zone) || zone.toUpperCase() in ZONE_ABBREVIATIONS || isValidTimeZone(zone);
}

/** Normalises `UTC+2` / `GMT-05:30` to `+02:00` / `-05:30`; other zones unchanged. */
export function normaliseZone(zone: string): string {
  const m = /^(?:UTC|GMT)\s?([+-])\s?(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  if (m) return `${m[1]}${m[2].padStart(2, '0')}:${m[3] ?? '00'}`;
  const o = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  return o ? `${o[1]}${o[2]}:${o[3]}` : zone;
}

interface Clock { hour: number; minute: number; second?: number; length: number; zone?: string; unknownZone?: string; rangeOrOffset?: true; rangeEnd?: RangeEnd; meridiem?: 'a' | 'p'; marked?: true }

/** US regions written after a time without standard/daylight: "PT", "ET", "Pacific Time". */
const REGION_ZONE = /^\(?(?:US\/)?(PT|ET|CT|MT|Pacific|Eastern|Central|Mountain)(?:\s(?:Standard|Daylight))?(?:\s[Tt]ime)?\)?(?![A-Za-z0-9])/;
export const REGION_ZONES: Readonly<Record<string, string>> = { P: 'America/Los_Angeles', E: 'America/New_York', C: 'America/Chicago', M: 'America/Denver' };

interface ClockContext {
  /** After a date: `05.12.2026 21.05` is a time with a dot. */
  readonly afterDate: boolean;
  /** After `kl.`, `um`, `om`: a dotted hour is a time. */
  readonly worded?: boolean;
  /** After `kl.` or `um` (not `om`): a bare hour is a time too. */
  readonly wordedHour?: boolean;
  /** The timeline writes its times with a dot. */
  readonly dotted?: boolean;
  /** Reading a range's end: no range after it. */
  readonly end?: boolean;
}

/** The hour on a 24-hour clock; 12 with 午前/午後 is noon to some writers and midnight to others: not read (the timeline says so). */
function cjkHour(hour: number, meridiem: string): number | undefined {
  if (hour > 12) return undefined;
  const pm = meridiem === '午後' || meridiem === '오후' || meridiem === '下午' || meridiem === '晚上';
  if (hour === 12) return meridiem.startsWith('午') || meridiem === '晚上' ? undefined : pm ? 12 : 0;
  return hour + (pm ? 12 : 0);
}

/**
 * A time of day at the start of `text`: `14:05`, `2:14 pm`, `9 AM`, `17h30`, `21h`, `21.05 Uhr`,
 * `14時05分`, `午後9時05分`, with a zone after it, or after a range's end (`16:00-16:30 CEST`).
 */
function readClock(text: string, ctx: ClockContext): Clock | undefined {
  const cjkMer = CJK_MERIDIEM.exec(text);
  let at = cjkMer ? cjkMer[0].length : 0;
  const rest = cjkMer ? text.slice(at) : text;
  // "2026 UTC" is as likely a year: 20:00-20:59 in four digits only glued to Z or before "hrs".
  const four = CLOCK_FOUR.exec(rest);
  const c = CLOCK.exec(rest) ?? CLOCK_SPACED_H.exec(rest) ?? (four && (four[1] !== '20' || /^(?:Z|\s?hrs?)(?![A-Za-z])/.test(rest.slice(4))) ? four : null);
  const dotted = c ? null : CLOCK_DOTTED.exec(rest);
  // A dot between hour and minutes is a time after a date, after `kl.`, with `Uhr`/`h`/am-pm after
  // it, or in a timeline that writes its times so; alone it may be a date (`21.05` = 21 May).
  const after = dotted ? rest.slice(dotted[0].length) : '';
  const dottedOk = dotted !== null && !cjkMer && (ctx.afterDate || ctx.worded || ctx.dotted || CLOCK_MARKER.test(after) || MERIDIEM.test(after) || (!ctx.end && MARKED_RANGE_END.test(after)));
  let hour: number;
  let minute = 0;
  let second: number | undefined;
  const cjk = c || dottedOk ? null : CJK_CLOCK.exec(rest);
  if (c || (dotted && dottedOk)) {
    const m = (c ?? dotted)!;
    hour = +m[1];
    minute = +m[2];
    if (m[3] !== undefined && c === m) second = +m[3];
    at += m[0].length;
  } else if (cjk) {
    hour = +cjk[1];
    minute = cjk[2] !== undefined ? +cjk[2] : cjk[3] ? 30 : 0;
    at += cjk[0].length;
  } else {
    if (cjkMer) return undefined;
    const h = HOUR_ONLY.exec(rest) ?? HOUR_MARKED.exec(rest) ?? (ctx.wordedHour ? WORDED_HOUR.exec(rest) : null);
    if (!h) return undefined;
    hour = +h[1];
    at += h[0].length;
  }
  if (cjkMer) {
    const h = cjkHour(hour, cjkMer[1]);
    if (h === undefined) return undefined;
    hour = h;
  }
  // "14:05 Uhr", "21:05h": the word for o'clock belongs to the time.
  const marker = CLOCK_MARKER.exec(text.slice(at));
  if (marker) at += marker[0].length;
  const mer = marker || cjkMer ? null : MERIDIEM.exec(text.slice(at));
  if (mer) {
    // "17:14pm" is a 24-hour time with a stray suffix: keep the hour.
    if (hour === 0) return undefined;
    if (hour <= 12) hour = (hour % 12) + (mer[1].toLowerCase() === 'p' ? 12 : 0);
    at += mer[0].length;
  }
  if (hour > 23 || minute > 59 || (second !== undefined && second > 59)) return undefined;
  // A digit or letter glued to the time ("14:05abc", "10:00-17:00" is fine) means it was not one.
  if (/^[A-Za-z0-9]/.test(text.slice(at)) && !/^\s/.test(text.slice(at)) && !mer) {
    if (!/^(?:Z|UTC|GMT)/.test(text.slice(at))) return undefined;
  }
  const space = /^\s{0,2}/.exec(text.slice(at))![0].length;
  const z = ZONE_TOKEN.exec(text.slice(at + space));
  let zone: string | undefined;
  // Bare capitals must be a zone abbreviation we know ("14:05 GB free" is not Great Britain time).
  // "13:30-13:45" is a range, not an offset: a glued "-HH:MM" is not read as a zone.
  const range = z !== null && space === 0 && z[1].startsWith('-');
  // "01:10 -06:00": spaced before the hyphen only, as an offset is written, but a clock that is a
  // real offset (up to 12:00, in quarter hours) may as well end a range: said by the timeline, never guessed.
  let rangeOrOffset: true | undefined;
  // "19:30 US/Pacific", "14:05 (Europe/Berlin)": a zone by its IANA name, with its daylight saving.
  const named = ianaZoneAt(text.slice(at));
  let unknownZone: string | undefined;
  if (named && 'zone' in named) {
    zone = named.zone;
    at += named.length;
  } else if (named) {
    // "14:05 Europe/Berln": a zone meant but not one; the timeline says so and keeps the entry as written.
    unknownZone = named.unknown;
    at += named.length;
  } else if (z && !range && (/^[A-Z]{2,5}$/.test(z[1]) ? z[1] in ZONE_ABBREVIATIONS : knownZone(z[1].replace(/\s/g, '')))) {
    zone = normaliseZone(z[1].replace(/\s/g, ''));
    at += space + z[0].length;
    const clockLike = /^-(\d{2}):(\d{2})$/.exec(z[1]);
    if (clockLike && space > 0 && +clockLike[1] * 60 + +clockLike[2] <= 720 && +clockLike[2] % 15 === 0) rangeOrOffset = true;
  } else if (!range) {
    // "11:50 PM PT", "9:00 Pacific Time": the region's zone, with its daylight saving.
    const w = REGION_ZONE.exec(text.slice(at + space));
    if (w) {
      zone = REGION_ZONES[w[1].slice(0, 1).toUpperCase()];
      at += space + w[0].length;
    }
  }
  const clock: Clock = { hour, minute, ...(second !== undefined ? { second } : {}), length: at, zone, ...(rangeOrOffset ? { rangeOrOffset } : {}), ...(unknownZone ? { unknownZone } : {}), ...(mer ? { meridiem: mer[1].toLowerCase() as 'a' | 'p' } : {}), ...(marker ? { marked: true as const } : {}) };
  return zone || unknownZone || ctx.end ? clock : withRangeEnd(text, clock, ctx);
}

/**
 * `16:00-16:30 CEST`, `4:00–4:30 PM PST`, `16.00-16.30 Uhr`: a range whose zone, am/pm or marker
 * is written once, after its end, holds for both ends. A plain end (`13:30-13:45 text`) is left to
 * the timeline, which reads it in the start's zone.
 */
function withRangeEnd(text: string, start: Clock, ctx: ClockContext): Clock {
  const dash = /^\s?[-–—]\s?(?=\d)/.exec(text.slice(start.length));
  if (!dash) return start;
  const end = readClock(text.slice(start.length + dash[0].length), { ...ctx, end: true });
  if (!end || end.rangeEnd || end.rangeOrOffset || !(end.zone || end.unknownZone || end.meridiem || end.marked)) return start;
  let hour = start.hour;
  // "4:00-4:30 PM": the start takes the end's half of the day when it is not after the end then.
  if (end.meridiem && !start.meridiem && hour >= 1 && hour <= 12) {
    const same = (hour % 12) + (end.meridiem === 'p' ? 12 : 0);
    hour = same * 60 + start.minute <= end.hour * 60 + end.minute ? same : hour % 12;
  }
  const written = `${String(end.hour).padStart(2, '0')}:${String(end.minute).padStart(2, '0')}`;
  return { ...start, hour, length: start.length + dash[0].length + end.length, zone: end.zone, ...(end.unknownZone ? { unknownZone: end.unknownZone } : {}), rangeEnd: { hour: end.hour, minute: end.minute, written } };
}

/**
 * Reads a date and/or time at the start of `text` (after list bullets are removed): `2026-11-20
 * 14:09 UTC`, `**16:58 UTC** -`, `[14:05]`, `_12:02_`, `11:40am`, `Feb 27, 2018 9:16 PM PDT`,
 * `10/14/2022`, `07-27-2023 2:14 pm`, `Mon, Oct 14`, `2024年1月15日 14:05`, `ca. 18:30`.
 */
export function readLeadingStamp(written: string, context?: number | DateReading): LooseStamp | undefined {
  const reading: DateReading = typeof context === 'number' ? { year: context } : context ?? {};
  // Read with full-width digits as ASCII (same positions), kept as written in `raw`.
  const text = asciiDigits(written);
  const opener = OPENERS.exec(text)![0];
  let at = opener.length;
  const d = readDateAt(text.slice(at), reading);
  const date = d?.date;
  if (d) at += d.length;
  const sep = d ? /^(?:,?\s{1,3}(?:at\s|um\s|à\s|a las\s|às\s|kl\.?\s|klo\s|om\s)?(?:ca\.\s?|approx\.\s?|around\s|~\s?)?\s{0,2}|T|\s?[-–—]\s?(?=\d{1,2}:))/i.exec(text.slice(at)) : null;
  // "kl. 21.05", "um 21.05 Uhr": a word for "at" before the clock makes a dotted or bare hour a time.
  const word = d ? null : CLOCK_WORD.exec(text.slice(at));
  const clockAt = at + (sep?.[0].length ?? 0) + (word?.[0].length ?? 0);
  const clock = d && !sep ? undefined : readClock(text.slice(clockAt), { afterDate: d !== undefined, worded: word !== null, wordedHour: word?.[1] !== undefined, dotted: reading.dottedTimes });
  // "23:42 CHADT, Dec 3", "23:42, 3 Dec", "11:42 PM PST on Dec 3": the date after the time is the
  // entry's (trial18c F1: it was left in the text, and the entry read on the day before it, a day late).
  const dateAfter = clock && !d ? dateAfterClock(text.slice(clockAt + clock.length), reading) : undefined;
  const stamp = !clock ? (date ? finish(text, opener, at, { date }) : undefined)
    : finish(text, opener, clockAt + clock.length + (dateAfter?.length ?? 0), {
      date: date ?? dateAfter?.date, hour: clock.hour, minute: clock.minute, zone: clock.zone,
      ...(clock.second !== undefined ? { second: clock.second } : {}),
      ...(clock.rangeOrOffset ? { rangeOrOffset: clock.rangeOrOffset } : {}),
      ...(clock.unknownZone ? { unknownZone: clock.unknownZone } : {}),
      ...(clock.rangeEnd ? { rangeEnd: clock.rangeEnd } : {}),
    });
  return stamp && text !== written ? { ...stamp, raw: written.slice(0, stamp.end) } : stamp;
}

/**
 * A date written right after a time: `, Dec 3`, `, 3 Dec 2026`, ` on Thu, Dec 3`: after a comma or
 * "on", and followed by the end of the stamp. "14:05, 3 servers", "14:05, May 10 users" are no dates.
 */
function dateAfterClock(rest: string, reading: DateReading): { date: LooseDate; length: number } | undefined {
  const sep = /^(?:,\s{1,3}(?:on\s{1,3})?|\s{1,3}on\s{1,3})/i.exec(rest);
  if (!sep) return undefined;
  const d = readDateAt(rest.slice(sep[0].length, sep[0].length + 60), reading);
  // What follows ends the stamp (a dash, a colon, its closing `**`, the end): "14:05, May 10 users" is no date.
  if (!d || !/^(?:\s*$|\s{0,3}[-–—:|)*_\]]|,\s)/.test(rest.slice(sep[0].length + d.length))) return undefined;
  return { date: d.date, length: sep[0].length + d.length };
}

/**
 * The stamp's time is written in a form that is only ever a time of day: `21.05 Uhr`, `kl. 21.05`,
 * `21h05`, `21h`, `9時`, `9시`, `9点`, `2105Z`. A line led by one is an entry even without a dash after
 * the time (`- 20.00 Uhr Deployment gestartet`), as a date or brackets make `- 2026-12-05 20:00 x` one.
 */
export function writtenAsTime(stamp: LooseStamp): boolean {
  if (stamp.hour === undefined || stamp.raw.length > 80) return false;
  return /Uhr|uur|[時시点點]|\d[hHu]\d{2}|\d\s?[hH](?![A-Za-z])|\d{4}Z/.test(stamp.raw) || /^\W{0,3}(?:kl|klo|klockan|klokka|kello|um|godz|ore)\b/i.test(stamp.raw);
}

const CLOSERS: Readonly<Record<string, string>> = { '***': '***', ___: '___', '**': '**', __: '__', '*': '*', _: '_', '`': '`', '[': ']', '(': ')' };

function finish(text: string, opener: string, at: number, parts: Omit<LooseStamp, 'start' | 'end' | 'raw'>): LooseStamp {
  let end = at;
  // The closing wrapper (`**16:58 UTC**`, `[14:05]`), possibly after a space: part of the stamp.
  const close = CLOSERS[opener.trim()];
  if (close) {
    const k = text.indexOf(close, end);
    if (k !== -1 && k - end <= 3 && text.slice(end, k).trim() === '') end = k + close.length;
  }
  return { start: 0, end, ...parts, raw: text.slice(0, end) };
}

/** A date anywhere in a line (a heading "### 2018/02/26", a title "… on June 13, 2025"). */
export function findDate(written: string, context?: number | DateReading): LooseDate | undefined {
  const text = asciiDigits(written);
  const reading: DateReading = typeof context === 'number' ? { year: context } : context ?? {};
  const limit = Math.min(text.length, 2000);
  for (let i = 0; i < limit; i++) {
    if (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1])) continue;
    if (!/[\p{L}\p{N}]/u.test(text[i])) continue;
    const d = readDateAt(text.slice(i, i + 60), reading);
    if (d) return d.date;
  }
  return undefined;
}

/** "All times in X", "Times are X", "Timezone: X", "(all times X)", "Zeitzone: X", "時刻は JST". */
// "Time zone: X" before "Times X": the latter read "Time zone" as a statement of the zone "zone" (trial18c F5).
const ZONE_STATEMENT = /(?:\btime\s?zone\s{0,2}[:=]?\s{0,2}|\b(?:all\s{1,3})?times?\s{1,3}(?:are\s{1,3}|is\s{1,3})?(?:(?:shown|given|listed|written|reported|displayed)\s{1,3})?(?:in\s{1,3}|as\s{1,3})?(?:the\s{1,3})?|\bzeitzone\s{0,2}:?\s{0,2}|\b(?:alle\s)?(?:uhr)?zeiten\s(?:in\s)?|\bheures?\s(?:(?:sont|indiquées)\s)?(?:en\s)?|\b(?:horas?|horários?|horarios?)\s(?:(?:son|são|estão|están|está)\s)?(?:en\s|em\s)?|時刻は\s?|時間は\s?)([A-Za-z][A-Za-z_]{0,30}(?:\/[A-Za-z_]{1,30})?(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?)/i;
const ZONE_IN_PARENS = /\((?:in\s)?((?:UTC|GMT)(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?|[A-Z]{2,4}T|JST|MEZ|MESZ)\)\s{0,3}$/;
const OFFSET_IN_PARENS = /\((?:UTC|GMT)\s?([+-]\s?\d{1,2}(?::?\d{2})?)\)/;

/** "All times PST", "(all times in UTC)", "Times are in Europe/Berlin", "Timeline (PDT)", "All times in PST/PDT". */
export function statedZone(text: string): string | undefined {
  const line = text.length > 600 ? text.slice(0, 600) : text;
  // A table's time column header: "| Time (UTC) | Event |".
  const header = /\b(?:time|timestamp|when|zeit|uhrzeit|heure|hora|時刻|時間)\s?\(((?:UTC|GMT)(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?|[A-Z]{2,4}T|JST)\)/i.exec(line);
  if (header && knownZone(header[1].replace(/\s/g, ''))) return normaliseZone(header[1].replace(/\s/g, ''));
  const m = ZONE_STATEMENT.exec(line) ?? ZONE_IN_PARENS.exec(line);
  if (!m) return undefined;
  const tail = line.slice(m.index);
  // Where the zone's name starts: at the end of a statement, before the ")" in parentheses
  // ("Timeline (CET)" was read from "ET)", US Eastern).
  const nameAt = m.index + m[0].lastIndexOf(m[1]);
  const written = line.slice(nameAt, nameAt + 80);
  // An explicit offset in parentheses is the most precise: "CEST (UTC+2)", "Zurich time (UTC+1)".
  const offset = OFFSET_IN_PARENS.exec(tail);
  if (offset) return normaliseZone(`UTC${offset[1].replace(/\s/g, '')}`);
  for (const [re, zone] of ZONE_WORDS) if (re.exec(written)?.index === 0) return zone;
  const pair = seasonPair(written);
  if (pair) return pair;
  const zone = m[1].replace(/\s/g, '');
  if (knownZone(zone)) return normaliseZone(zone);
  // "Central European Time (CET)": the abbreviation in the parentheses that follow.
  const abbr = /\(([A-Z]{2,5})\)/.exec(tail.slice(0, 80));
  return abbr && knownZone(abbr[1]) ? normaliseZone(abbr[1]) : undefined;
}
