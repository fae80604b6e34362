import { readZoneMarker, type ZoneReading } from '../time/zoneMarker';
import { dateProblem } from '../time/zones';
import { blankHiddenInline } from '../text/hiddenInline';

/**
 * The grammar of one timeline entry's text (what follows the list bullet or sits in a table cell):
 *
 *   2026-11-20 14:09Z [detected] (alert) Pager alert on checkout 5xx rate
 *   14:12 [mitigated] Rolled back the deploy
 *   **2026-11-20T14:20:00+01:00** - [resolved] Error rate back to baseline
 *
 * Date and zone are optional (they are inherited); milestone markers and one source tag are optional.
 */
export interface TimelineStamp {
  /** Character span of the written time (and date, zone) inside the text, wrappers excluded. */
  readonly start: number;
  readonly end: number;
  readonly date?: { year: number; month: number; day: number };
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /**
   * Zone to read the time in, as the marker names it (`Z`, `UTC`, `+02:00`, `PST`, `America/Los_Angeles`
   * for `PT`, `-03:00` for `UTC−3`), undefined when none was written.
   */
  readonly zone?: string;
  /** The meanings of an ambiguous marker (`IST`): the document's `timezone:` chooses, else the entry is reported. */
  readonly zoneReadings?: readonly ZoneReading[];
  /** How an abbreviation only the time-zone data knows was read ("IRST read as Iran Standard Time (UTC+3:30), …"), for timeline/not-utc to say. */
  readonly zoneTaken?: string;
  /** The fraction of a second as written after the seconds (`512` in `14:15:07.512` or `14:15:07,512`), kept when the stamp is rewritten. */
  readonly fraction?: string;
  /** The end of a time range (`14:05-14:20`): read in the same zone as the start, on the same day or the next. */
  readonly rangeEnd?: { readonly hour: number; readonly minute: number; readonly second: number; readonly separator: string; readonly written: string };
}

export interface ParsedEntryText {
  readonly stamp?: TimelineStamp;
  /** Why no stamp could be read, when the text starts like a time but is not one. */
  readonly stampProblem?: string;
  /** The characters the problem is about (the seconds of `23:59:60`, the date of `2026-02-30`). */
  readonly stampProblemSpan?: { readonly start: number; readonly end: number };
  readonly milestones: readonly string[];
  readonly source?: string;
  readonly description: string;
}

export const MILESTONES = ['started', 'detected', 'acknowledged', 'escalated', 'mitigated', 'resolved'] as const;
const MILESTONE_ANYWHERE = /(?<!\\)(?:\*\*|__)?\[(started|detected|acknowledged|escalated|mitigated|resolved)\](?:\*\*|__)?/gi;

// AM/PM (`am`, `PM`, `a.m.`) only as a whole token, and the stamp ends at a word boundary: the
// letters of "ambiguous", "Amazon" or "pm2" belong to the entry's text, never to its time. What
// follows the clock (a range's end, a zone) is read by `afterClock`, not by this expression.
const CLOCK =
  /^(\*\*|__|`)?(?:(\d{4})-(\d{2})-(\d{2})(T|[ \t\u00a0\u202f]+|,\s*))?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\.\d+)?(?!\d)(?:\s?([AaPp])(?:[Mm]|\.[Mm]\.?)(?![A-Za-z0-9]|\.[A-Za-z0-9]))?/;
/** The end of a time range: `14:05-14:20`, `14:25 - 14:40`, `14:45–15:00`, `2:00 PM to 3:30 PM`. */
const RANGE_END = /^([ \t]*)(-|\u2013|\u2014|to(?=[ \t]))([ \t]*)(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d)(?:[ \t]?([AaPp])(?:[Mm]|\.[Mm]\.?)(?![A-Za-z0-9]|\.[A-Za-z0-9]))?/;
const CLOSE = /^(\*\*|__|`)?(?![A-Za-z0-9])/;
const DATE_ONLY = /^(\*\*|__|`)?\d{4}-\d{2}-\d{2}\b/;
const DATE_WITHOUT_TIME = 'Expected a time after the date, as "YYYY-MM-DD HH:MMZ"';

interface AfterClock {
  /** Characters read after the clock (range end and zone, not the closing wrapper). */
  readonly length: number;
  readonly zone?: string;
  readonly zoneReadings?: readonly ZoneReading[];
  readonly zoneTaken?: string;
  readonly rangeEnd?: TimelineStamp['rangeEnd'];
  readonly problem?: string;
  readonly problemAt?: { readonly start: number; readonly end: number };
}

/**
 * Reads what follows a clock: a range's end (`-14:20`) and a zone marker, in that order. `14:05-14:20`
 * is a range, not 14:05 at UTC−14:20: a hyphen and a clock time are read as an offset only in the ISO
 * form (`2026-11-20T14:05:00-08:00`), or, without spaces, when the range would run backwards and the
 * offset is a real one (`15:10-08:00`): then the writer is asked which was meant.
 */
type Clock = { hour: number; minute: number; iso: boolean; meridiem: boolean; written: string };
type RangeRead = { readonly rangeEnd: NonNullable<TimelineStamp['rangeEnd']>; readonly length: number } | { readonly problem: string; readonly length: number };

/** A range's end at the start of `text`, undefined when there is none (or, `zoned` false, when it is an ISO offset). */
function readRangeEnd(text: string, clock: Clock, zoned: boolean): RangeRead | undefined {
  const r = RANGE_END.exec(text);
  if (!r) return undefined;
  const [endHour, endMinute] = [Number(r[4]), Number(r[5])];
  // After a zone (`14:05Z-14:20Z`) a hyphen and a clock can only be a range.
  const offsetLike = !zoned && r[2] === '-' && r[3] === '' && r[4].length === 2 && r[6] === undefined && r[7] === undefined;
  const tight = offsetLike && r[1] === '';
  // `14:05 -06:00`: spaced before the hyphen only, as an offset is written after a time (a range
  // has its spaces on both sides or none). Read as a range it ran backwards, silently.
  const spaced = offsetLike && r[1] !== '';
  const realOffset = offsetLike && endHour * 60 + endMinute <= 12 * 60 && endMinute % 15 === 0;
  const endMeridiem = r[7]?.toLowerCase();
  const endClock = endMeridiem ? (endHour % 12) + (endMeridiem === 'p' ? 12 : 0) : endHour;
  const forwards = endClock * 60 + endMinute > clock.hour * 60 + clock.minute;
  // ISO 8601: `T14:05-08:00` is an offset, read as a zone.
  if (tight && clock.iso && realOffset) return undefined;
  if (tight && clock.iso) return { length: r[0].length, problem: `Expected a UTC offset from −12:00 to +14:00 after the time, found "-${r[4]}:${r[5]}"` };
  // Spaced before the hyphen only (`01:10 -06:00`), it is asked even when the range would run
  // forwards: that is how an offset is written. Glued and forwards (`01:10-06:00`) is a range.
  if (realOffset && (spaced || (tight && !forwards))) {
    // The offset's spelling no reader takes for a range: `UTC-06:00`.
    return {
      length: r[0].length,
      problem: `Expected either a time range or a UTC offset, found "${clock.written}${r[1]}-${r[4]}:${r[5]}": write "${clock.written} UTC-${r[4]}:${r[5]}" for the offset UTC−${r[4]}:${r[5]}, or "${clock.written}–${r[4]}:${r[5]}" (en dash) for a range`,
    };
  }
  // Not a clock time: left as the entry's text.
  if (endHour > (endMeridiem ? 12 : 23) || (endMeridiem && endHour < 1) || endMinute > 59) return undefined;
  if (!!endMeridiem !== clock.meridiem && endHour <= 12 && (endMeridiem || clock.hour <= 12)) {
    return { length: r[0].length, problem: `Expected AM or PM on both ends of the range, found "${r[0].trim()}" after the time` };
  }
  return { length: r[0].length, rangeEnd: { hour: endClock, minute: endMinute, second: Number(r[6] ?? 0), separator: r[1] + r[2] + r[3], written: r[0].slice(r[1].length + r[2].length + r[3].length) } };
}

function problemAfter(text: string, from: number, to: number, problem: string): AfterClock {
  const lead = from + (text.slice(from).length - text.slice(from).trimStart().length);
  return { length: to, problem, problemAt: { start: lead, end: to } };
}

/**
 * Reads what follows a clock: a range's end (`-14:20`) and a zone marker, in either order
 * (`14:05-14:20 UTC`, `14:05Z-14:20Z`, `14:05 PST - 14:20 PST`). `14:05-14:20` is a range, not 14:05
 * at UTC−14:20: a hyphen and a clock time are read as an offset only in the ISO form
 * (`2026-11-20T14:05:00-08:00`); without spaces, when the range would run backwards and the offset is
 * a real one (`15:10-08:00`), the writer is asked which was meant.
 */
function afterClock(text: string, clock: Clock): AfterClock {
  const range = readRangeEnd(text, clock, false);
  if (range && 'problem' in range) return problemAfter(text, 0, range.length, range.problem);
  let at = range?.length ?? 0;
  const marker = readZoneMarker(text.slice(at));
  if (!marker) return { length: at, rangeEnd: range?.rangeEnd };
  if (marker.kind === 'problem') return problemAfter(text, at, at + marker.length, marker.problem);
  const zoneReadings = marker.kind === 'ambiguous' ? marker.readings : undefined;
  const zoneTaken = marker.kind === 'zone' ? marker.taken : undefined;
  at += marker.length;
  if (range) return { length: at, zone: marker.zone, zoneReadings, zoneTaken, rangeEnd: range.rangeEnd };
  const zonedRange = readRangeEnd(text.slice(at), clock, true);
  if (!zonedRange) return { length: at, zone: marker.zone, zoneReadings, zoneTaken };
  if ('problem' in zonedRange) return problemAfter(text, at, at + zonedRange.length, zonedRange.problem);
  const endAt = at + zonedRange.length;
  const second = readZoneMarker(text.slice(endAt));
  if (second && (second.kind === 'problem' || second.zone !== marker.zone)) {
    return problemAfter(text, endAt, endAt + second.length, `Expected one zone for both ends of the range, found "${text.slice(0, endAt + second.length).trim()}"`);
  }
  return { length: endAt + (second?.length ?? 0), zone: marker.zone, zoneReadings, zoneTaken, rangeEnd: zonedRange.rangeEnd };
}

export function parseEntryText(text: string): ParsedEntryText {
  const leading = text.length - text.trimStart().length;
  const body = text.slice(leading);
  const m = CLOCK.exec(body);
  let rest = body;
  let stamp: TimelineStamp | undefined;
  let stampProblem: string | undefined;
  let stampProblemSpan: ParsedEntryText['stampProblemSpan'];
  let rangeText = '';
  if (m) {
    let hour = Number(m[6]);
    const minute = Number(m[7]);
    const second = Number(m[8] ?? 0);
    const meridiem = m[10]?.toLowerCase();
    const at = (text: string, from = 0) => {
      const start = leading + m[0].indexOf(text, from);
      return { start, end: start + text.length };
    };
    const timeAt = m[0].indexOf(`${m[6]}:${m[7]}`, m[2] ? 10 : 0);
    if (meridiem) {
      if (hour < 1 || hour > 12) stampProblem = `Expected an hour from 1 to 12 before ${meridiem.toUpperCase()}M, found ${hour}`;
      hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
    }
    const date = m[2] ? { year: Number(m[2]), month: Number(m[3]), day: Number(m[4]) } : undefined;
    if (stampProblem) stampProblemSpan = at(m[6], timeAt);
    else if (hour > 23 || minute > 59) {
      stampProblem = `Expected a time from 00:00 to 23:59, found "${m[6]}:${m[7]}"`;
      stampProblemSpan = at(`${m[6]}:${m[7]}`, timeAt);
    } else if (second > 59) {
      // 23:59:60 is a leap second: real, but not a time the tools (or most clocks) can place.
      stampProblem = `Expected seconds from 00 to 59, found "${m[8]}" in "${m[6]}:${m[7]}:${m[8]}"${second === 60 ? ' (leap seconds are not supported: write :59)' : ''}`;
      stampProblemSpan = at(m[8], timeAt + m[6].length + m[7].length + 1);
    } else if (date && (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31)) {
      stampProblem = `Expected a date as YYYY-MM-DD, found "${m[2]}-${m[3]}-${m[4]}"`;
      stampProblemSpan = at(`${m[2]}-${m[3]}-${m[4]}`);
    } else if (date && dateProblem(date.year, date.month, date.day)) {
      // A day the month does not have is not rolled over into the next month.
      stampProblem = dateProblem(date.year, date.month, date.day);
      stampProblemSpan = at(`${m[2]}-${m[3]}-${m[4]}`);
    }
    const clockEnd = m[0].length;
    let after = afterClock(body.slice(clockEnd), { hour, minute, iso: m[5] === 'T' || m[8] !== undefined, meridiem: meridiem !== undefined, written: m[0].slice(timeAt) });
    let close = CLOSE.exec(body.slice(clockEnd + after.length));
    if (!close && after.length > 0 && !after.problem) {
      // "14:05Zebra": the letters are a word, not a zone; the clock alone may still be a stamp.
      after = { length: 0 };
      close = CLOSE.exec(body.slice(clockEnd));
    }
    if (!close) {
      stampProblem = DATE_ONLY.test(body) ? DATE_WITHOUT_TIME : undefined;
      stampProblemSpan = undefined;
    } else {
      const wrapOpen = m[1]?.length ?? 0;
      const end = clockEnd + after.length;
      if (!stampProblem && after.problem) {
        stampProblem = after.problem;
        stampProblemSpan = { start: leading + clockEnd + after.problemAt!.start, end: leading + clockEnd + after.problemAt!.end };
      }
      if (!stampProblem) {
        stamp = {
          start: leading + wrapOpen, end: leading + end, date, hour, minute, second, zone: after.zone,
          ...(after.zoneReadings ? { zoneReadings: after.zoneReadings } : {}), ...(after.zoneTaken ? { zoneTaken: after.zoneTaken } : {}),
          ...(m[9] !== undefined ? { fraction: m[9] } : {}), ...(after.rangeEnd ? { rangeEnd: after.rangeEnd } : {}),
        };
        if (after.rangeEnd) rangeText = body.slice(clockEnd, end).trim();
      }
      rest = body.slice(end + (close[1]?.length ?? 0));
    }
  } else if (DATE_ONLY.test(body)) {
    stampProblem = DATE_WITHOUT_TIME;
  }
  rest = rest.replace(/^\s*(?:[-–—:|]\s*)?/, '');
  const milestones: string[] = [];
  let source: string | undefined;
  for (;;) {
    const marker = /^\[([A-Za-z-]+)\]\s*/.exec(rest);
    if (marker && (MILESTONES as readonly string[]).includes(marker[1].toLowerCase())) {
      milestones.push(marker[1].toLowerCase());
      rest = rest.slice(marker[0].length);
      continue;
    }
    const tag = !source && /^\(([a-z][a-z-]{1,15})\)\s*/.exec(rest);
    if (tag) {
      source = tag[1];
      rest = rest.slice(tag[0].length);
      continue;
    }
    break;
  }
  // A milestone tag elsewhere in the entry counts too (`- 14:05Z Alert fired [detected]`,
  // `**[resolved]**`): people (and converted documents) put it at the end. It leaves the description.
  // Not inside a code span, a comment, an HTML tag or <code>, a link title, alt text or an autolink:
  // there it is code or markup, not a tag of the entry, and it stays in the text (trial17a F1).
  if (rest.includes('[')) {
    const shown = blankHiddenInline(rest, { autolinks: true });
    rest = rest.replace(MILESTONE_ANYWHERE, (all: string, name: string, at: number) => {
      if (shown.slice(at, at + all.length) !== all) return all;
      const milestone = name.toLowerCase();
      if (!milestones.includes(milestone)) milestones.push(milestone);
      return ' ';
    }).replace(/[ \t]{2,}/g, ' ');
  }
  return { stamp, stampProblem, stampProblemSpan, milestones, source, description: [rangeText, rest.trim()].filter(Boolean).join(' ') };
}
