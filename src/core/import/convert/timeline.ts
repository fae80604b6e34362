import { sayOutOfSeason } from './outOfSeason';
import { sayStrayMeridiem } from './strayMeridiem';
import type { AbbreviationReadings } from './abbreviationReading';
import { LOCAL_TIME_ADVICE, localTimeIssueFact, formatUtcDate, formatUtcTime, localTimeIssue, utcMsOf, zonedToUtc } from '../../time/zones';
import { readZoneName } from '../../time/zoneName';
import { inheritedSeasonReading, type CarriedZone } from './inheritedSeason';
import { isJsSpace, trimEndWhile } from '../../text/trimChars';
import { headingText } from './headingLine';
import type { ConvertLog, SourceLine } from './model';
import { readProseDate, readProseStamp } from './prose';
import { dottedTimes } from './dottedTimes';
import { findDate, readLeadingStamp, statedZone, type DateReading, type LooseDate, type LooseStamp } from './stamps';
import { timeShapeAtStart } from './timeShape';
import { flattenedTableAt, splitRow, tableBodyRows, tableHeaderAt } from './tables';

/** Bold or italic markers a stamp may open with (`**22:30 UTC (Oct 29)** -`), longest first. */
const EMPHASIS = ['***', '___', '**', '__', '*', '_'] as const;

/**
 * The text of an entry whose stamp opened bold or italic but did not close it: the closing marker
 * after a date in brackets (`**22:30 UTC (Oct 29)** - text`) or at the end of an entry bold as a
 * whole (`**10:07 - text**`) is markup around the time, not words of the entry (trial 13b F14: six
 * entries kept a stray `**`). A marker closed elsewhere (`**j** k`) stays: it is the text's own.
 */
function closeEmphasis(raw: string, body: string): string {
  const open = EMPHASIS.find((m) => raw.startsWith(m));
  if (!open || (raw.length > open.length && raw.endsWith(open))) return body;
  const lead = /^\s{0,3}/.exec(body)![0].length;
  if (body.startsWith(open, lead) && body.charAt(lead + open.length) !== open[0]) return body.slice(lead + open.length).replace(AFTER_STAMP, '');
  const trimmed = body.trimEnd();
  // Bold as a whole: the only marker left is the one closing the line.
  if (trimmed.endsWith(open) && trimmed.indexOf(open) === trimmed.length - open.length && trimmed.charAt(trimmed.length - open.length - 1) !== open[0]) return trimmed.slice(0, -open.length).trimEnd();
  return body;
}

export interface TimelineContext {
  /** Zone stated for the whole document ("All times PST") or given by the user. */
  zone?: string;
  /** What `IST`, `CST`, `BST` mean in this conversion (settled by the writer's zone, or said as a guess). */
  abbreviations?: AbbreviationReadings;
  /** Date carried to time-only entries: from the front matter, a Date field, the title or a date heading. */
  date?: LooseDate;
  /** The year of dates written without one when there is no `date` (a year in the title). */
  year?: number;
  /** Where `date` came from when the document does not state it (title, file name): entries using it are flagged. */
  dateInferredFrom?: string;
  /** How to read `03/04/2026` in this document. */
  dayFirst?: boolean;
  /** Told of each entry converted to UTC, with its line in the original and its text (to derive started_at). */
  onEntry?: (utcMs: number, line: number, text: string, local?: string, dated?: boolean) => void;
  /** Told of each line that continues the entry last reported by onEntry (its text wraps, "<START OF\nOUTAGE>"). */
  onContinue?: (text: string) => void;
  /** Told of each untimed list item put under the entry before it as a detail. */
  onNested?: (line: number, text: string) => void;
  /** Told of each entry kept as written because the DST change repeats or skips its local time: its earlier reading, and why. */
  onUnconverted?: (line: number, readings: readonly [number, number], fact: string) => void;
  /** Told of each line that looks like an entry but could not be read. */
  onUnread?: (line: number, text: string, why: string, said?: boolean) => void;
}

const BULLET = /^(\s*)([-*+]|\d{1,9}[.)])\s+/;
const HOURS_6 = 6 * 3_600_000;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
/** Between a stamp and its text: dashes, colons, pipes, a closing bracket. */
const AFTER_STAMP = /^\s{0,3}(?:[-–—:|,]\s{0,3}){0,3}/;
/**
 * A clock right at the start of an entry's text, after its stamp and the dash between (taken away
 * with AFTER_STAMP): the end of a range (`13:30-13:45`). Not when a zone or offset follows it
 * (`13:30-13:45 CEST`, the stamp reader's case) or more digits (`13:45:10`, `13:45-14:00`).
 */
const RANGE_END_IN_BODY = /^(\d{1,2}):([0-5]\d)(?=\s|$)(?!\s{1,3}(?:[A-Z]{2,5}\b|[+-]\d))/;

/** `–11:45Z`: a range's end read on the start's day in its zone (the next day when it would come before the start). */
function utcRangeEnd(end: { hour: number; minute: number; written: string }, day: LooseDate, zone: string, startMs: number): string {
  let ms = zonedToUtc({ ...day, hour: end.hour, minute: end.minute, second: 0 }, zone === 'Z' ? 'UTC' : zone);
  // A local time the clocks skip has no UTC time: the end is kept as written, in the zone named.
  if (ms === undefined) return `–${end.written} ${zone}`;
  if (ms < startMs) ms += 86_400_000;
  return `–${formatUtcTime(ms)}Z`;
}

/** Splits `a<br> 14:05 - b` so each `<br>`-separated part is read on its own (exports of wiki tables). */
function splitBreaks(lines: readonly SourceLine[], log: ConvertLog): SourceLine[] {
  const out: SourceLine[] = [];
  for (const l of lines) {
    if (!/<br\s?\/?>/i.test(l.text)) {
      out.push(l);
      continue;
    }
    const parts = l.text.split(/<br\s?\/?>/i);
    // The line breaks become list items: the tags are rewritten as structure (for the no-loss check).
    for (let k = 1; k < parts.length; k++) log.replaced.push('<br>');
    out.push({ line: l.line, text: parts[0] });
    for (const p of parts.slice(1)) if (p.trim()) out.push({ line: l.line, text: p.trim() });
  }
  return out;
}

/** A time in a table cell: `| _11:40_ |`, `| **11:40** |`, `| 11:40 |`. */
const TIMED_CELL = /\|\s{0,3}(?:_|\*\*|\*)?(\d{1,2}:\d{2})(?:_|\*\*|\*)?\s{0,3}\|/g;

/**
 * A `| Time | Event |` table flattened into a wrapped paragraph by a wiki export ("| Time | | |
 * --- | --- | | _11:40_ | text … | | _12:02_ | text …"): one entry per timed cell, its text up to
 * the next one. Without this, only the rows that happen to start a line were read. The header
 * and the pipes are structure (recorded as rewritten, for the no-loss check).
 */
function unflattenTables(lines: readonly SourceLine[], log: ConvertLog): SourceLine[] {
  const out: SourceLine[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const f = FENCE.exec(l.text);
    if (fence) {
      if (f?.[1].startsWith(fence)) fence = undefined;
      out.push(l);
      continue;
    }
    if (f) fence = f[1];
    // The delimiter row on the same line as other cells: the table's line breaks were lost.
    const flat = f ? undefined : flattenedTableAt(lines, i);
    if (!flat) {
      out.push(l);
      continue;
    }
    const { joined, starts, end: j } = flat;
    const cells = [...joined.matchAll(TIMED_CELL)];
    if (cells.length === 0) {
      out.push(l);
      continue;
    }
    log.replaced.push(joined.slice(0, cells[0].index));
    let at = 0;
    for (let k = 0; k < cells.length; k++) {
      const m = cells[k];
      while (at + 1 < starts.length && starts[at + 1] <= m.index) at++;
      const end = k + 1 < cells.length ? cells[k + 1].index : joined.length;
      const text = trimEndWhile(joined.slice(m.index + m[0].length, end), (c) => c === '|' || isJsSpace(c)).trim();
      out.push({ line: lines[i + at].line, text: `${m[1]} - ${text}` });
    }
    i = j - 1;
  }
  return out;
}

/**
 * Splits hard-wrapped paragraphs where an entry starts mid-line: "…#issuecomment-1834483618 00:01 -"
 * / "…fixes issue #144219. 12:09 - Fix lands": a time and a dash after a link or the end of a
 * sentence. Not in list items, headings, tables or fenced code; a time inside a sentence ("at
 * 14:05 - which …") is not preceded by a link or a sentence end, and stays. Linear in the text.
 */
function splitMidLineEntries(lines: readonly SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  let fence: string | undefined;
  for (const l of lines) {
    const f = FENCE.exec(l.text);
    if (fence || f || l.text.length > 4000 || BULLET.test(l.text) || /^\s{0,3}(?:#|\||>)|^\s{4}/.test(l.text)) {
      if (fence) {
        if (f?.[1].startsWith(fence)) fence = undefined;
      } else if (f) fence = f[1];
      out.push(l);
      continue;
    }
    let from = 0;
    for (const m of l.text.matchAll(/\s(\d{1,2}:\d{2}) ?[-–—](?=\s|$)/g)) {
      const before = l.text.slice(from, m.index);
      const token = before.slice(before.lastIndexOf(' ') + 1);
      if (!before.trim() || !(token.includes('://') || /[.!?)"”]$/.test(token))) continue;
      out.push({ line: l.line, text: before });
      from = m.index + 1;
    }
    out.push(from === 0 ? l : { line: l.line, text: l.text.slice(from) });
  }
  return out;
}

/** A stamp that is a dotted clock alone (`21.05`, `**21.05**`), no marker after it. */
const BARE_DOTTED = /^\s{0,3}(?:\*\*|__)?\d{1,2}\.\d{2}(?:\*\*|__)?\s*$/;

const CANONICAL_ENTRY = /^\s{0,3}- \d{4}-\d{2}-\d{2} \d{2}:\d{2}Z/;

/**
 * A heading that becomes an entry ("### 07:30am - First report") right after a list of notes
 * ("- [overview](https://grafana…)"): written as `- …`, the entry would join that list, and its
 * links would read as entries without a time. The notes' bullets become `*`, a list of their own.
 * Walks back over that one list only.
 */
function keepListApart(out: string[]): void {
  // The last item at the margin, over the blank lines and indented details after it.
  let k = out.length - 1;
  while (k >= 0 && (!out[k].trim() || /^\s/.test(out[k]))) k--;
  if (k < 0 || !/^- /.test(out[k]) || CANONICAL_ENTRY.test(out[k])) return;
  for (let j = k; j >= 0; j--) {
    if (/^- /.test(out[j])) {
      if (CANONICAL_ENTRY.test(out[j])) return;
      out[j] = `* ${out[j].slice(2)}`;
    } else if (out[j].trim() && !/^\s/.test(out[j])) return;
  }
}

/** A stamp at the end of a short line: "Fault occurs 2020-02-12 11:45", "First detected: 2023-06-06 10:26". */
export function trailingStamp(text: string, reading: DateReading): { stamp: LooseStamp; label: string } | undefined {
  const t = trimEndWhile(text, (c) => c === '.' || isJsSpace(c));
  if (t.length > 160) return undefined;
  for (let i = 1; i < t.length; i++) {
    if (t[i - 1] !== ' ' || !/[\p{L}\p{N}]/u.test(t[i])) continue;
    const stamp = readLeadingStamp(t.slice(i), reading);
    if (stamp?.hour !== undefined && stamp.date && stamp.end >= t.length - i) {
      const label = trimEndWhile(t.slice(0, i), (c) => c === ':' || c === ',' || c === '-' || isJsSpace(c)).trim();
      return label && label.split(/\s+/).length <= 8 ? { stamp, label } : undefined;
    }
  }
  return undefined;
}

/**
 * Rewrites the timeline as canonical entries `- YYYY-MM-DD HH:MMZ text`, converted to UTC with
 * the zone stated once ("All times PST"), on an earlier entry, or on the entry. Lines without a
 * time stay as written. `| Time | Event |` tables become lists. Time-only entries that run
 * backwards by more than six hours are taken to have crossed midnight, and flagged.
 */
/**
 * Whether the text after a date-only stamp tells an event ("The 3.32.2 release is published")
 * rather than qualifying the date ("(Tuesday)", "all times UTC"): three words or more, not in
 * parentheses. Linear: one pass of a bounded word count.
 */
function tellsAnEvent(rest: string): boolean {
  const body = rest.replace(/^[\s*_:.\-–—|,]{0,12}/, '');
  if (!body || body.startsWith('(')) return false;
  if (/^(?:all\s)?times?\b/i.test(body)) return false;
  let words = 0;
  for (const w of body.slice(0, 200).split(/\s+/)) if (/[\p{L}\p{N}]{2}/u.test(w) && ++words >= 3) return true;
  return false;
}

/**
 * A time written as unknown, wholly or in part: `??:??`, `XX:XX`, `2X:XX`, `1?:30`. One or two
 * characters, a colon, two: bounded, linear.
 */
function unknownTime(text: string): boolean {
  const m = /^(?:\*\*|__)?([\d?Xx]{1,2}):([\d?Xx]{2})(?![\p{L}\p{N}])/u.exec(text.trimStart());
  return m !== null && /[?Xx]/.test(m[1] + m[2]);
}

export function convertTimeline(input: readonly SourceLine[], heading: string, ctx: TimelineContext, log: ConvertLog): string[] {
  const lines = splitMidLineEntries(unflattenTables(splitBreaks(input, log), log));
  const out: string[] = [];
  let zone = statedZone(heading) ?? ctx.zone;
  let date = ctx.date;
  let dateInferred = ctx.dateInferredFrom;
  let previous: number | undefined;
  /** The abbreviation the last entry that wrote one carried, for times written without one below it. */
  let carried: CarriedZone | undefined;
  let dateFlagged = false;
  // "PST" in summer: said once per abbreviation, as a note (the times are read as written).
  let fence: string | undefined;
  let inParagraphEntry = false;
  let underHeadingEntry = false;
  // The last entry may go on over the next lines (wrapped text, details under it) until a blank line.
  let continuing = false;
  let yearHint: number | undefined;
  // The indent of the last entry's text ("- " after its own indent) while nothing else came after
  // it but blank lines and its details: a fenced block there belongs to that entry.
  let entryIndent: string | undefined;
  /** The last entry's text ends with ":" ("More secrets found:"): a list after it is its list. */
  let introducesList = false;
  /** A "<START OF OUTAGE>" line above the entry it marks. */
  let pendingStart: string | undefined;
  /** The last event read has a time written as unknown ("??:??"): a marker after it is its own. */
  let afterUnknown = false;
  // "20.00 Uhr", "- 09.15 Alarm": this timeline writes its times with a dot, so a bare "21.05" is one.
  const dotted = dottedTimes(lines);
  let dottedRead = false;
  /** Entries read (converted or kept as written), to tell whether a day heading had any under it. */
  let entriesRead = 0;
  /**
   * "### 2018-01-15" over a paragraph that tells what happened that day (trial17c F6): the format's
   * entries need a time of day, so such events stay as written — said on the heading, never passed over.
   */
  let dayHeading: { line: SourceLine; entries: number; event: boolean } | undefined;
  const closeDay = (): void => {
    if (dayHeading?.event && entriesRead === dayHeading.entries) ctx.onUnread?.(dayHeading.line.line, dayHeading.line.text, 'a date heading without a time of day, over events of that day');
    dayHeading = undefined;
  };
  const reading = (): DateReading => ({ year: date?.year ?? yearHint ?? ctx.year, dayFirst: ctx.dayFirst, ...(dotted ? { dottedTimes: true } : {}) });

  const entry = (src: SourceLine, stamp: LooseStamp, rawBody: string, indent: string): string | undefined => {
    if (stamp.hour === undefined) return undefined;
    // "17:14pm": a 24-hour time with am/pm after it is read as written, 17:14, never in silence
    // (trial18a F8; lint calls "13:00 PM" unparseable).
    sayStrayMeridiem(stamp.raw, src.line, log);
    let body = rawBody;
    // "~13:30-13:45", "14:02 - 14:10": the stamp is the range's start and the body starts with its
    // end. Read in the same zone and written in UTC with the start (trial14a F3: the end stayed local
    // beside a UTC start, "11:30Z (approx.) 13:45", a 15-minute window shown as 2 h 15 min).
    // `16:00-16:30 CEST`: the stamp read the end itself, with the zone written after it (both ends in that zone).
    const endClock = stamp.rangeEnd ? null : RANGE_END_IN_BODY.exec(body);
    const rangeEnd = stamp.rangeEnd ?? (endClock && Number(endClock[1]) < 24 ? { hour: Number(endClock[1]), minute: Number(endClock[2]), written: `${endClock[1].padStart(2, '0')}:${endClock[2]}` } : undefined);
    if (endClock && rangeEnd) {
      log.replaced.push(endClock![0]);
      body = body.slice(endClock![0].length).replace(/^\s{1,3}/, '');
    }
    /** An entry kept as written, not converted (a time the reader cannot settle): it dates and continues like a converted one. */
    const keptAsWritten = (day: NonNullable<typeof date>, local: string, zoneName: string): string => {
      const written = `${local}${rangeEnd ? `–${rangeEnd.written}` : ''} ${zoneName}`;
      date = day;
      entriesRead++;
      continuing = true;
      afterUnknown = false;
      log.replaced.push(stamp.raw);
      entryIndent = `${indent}  `;
      introducesList = /:\s*$/.test(body);
      return `${indent}- ${written} ${body}`.trimEnd();
    };
    // A time the original gives as approximate ("~13:30", "ca. 18:30", "23:00-ish") or as one of
    // two ("16:00/17:00 - 21:00") is read at the time written first; the entry says so, instead
    // of the converted time looking exact (or "/17:00 - 21:00:" and "ish -" left as its text).
    const clock = `${String(stamp.hour).padStart(2, '0')}:${String(stamp.minute ?? 0).padStart(2, '0')}`;
    const ish = /^(?:-?ish\b|approx\.|approximately\b|\(approx\.?\)|or so\b)[\s\-–—:,]{0,6}/i.exec(body);
    const alternative = ish ? null : /^\/\s?(\d{1,2}:\d{2})(\s{0,3}[-–—]\s{0,3}\d{1,2}:\d{2})?[\s\-–—:,]{0,6}/.exec(body);
    if (alternative) {
      log.replaced.push(alternative[0]);
      body = `(${clock} or ${alternative[1]}${alternative[2] ? `, until ${alternative[2].replace(/^[\s\-–—]+/, '')}` : ''}, as written) ${body.slice(alternative[0].length)}`;
    } else if (ish || /^(?:\*\*|__|\*|_|`|\[|\()?\s?(?:~|ca\.|approx\.|around\s|about\s)|(?:ca\.|approx\.|around|~)\s?\d{1,2}[:h.]\d{2}/i.test(stamp.raw)) {
      if (ish) log.replaced.push(ish[0]);
      body = `(approx.) ${ish ? body.slice(ish[0].length) : body}`;
    }
    // "22:30 UTC (Oct 29) - text": the date in parentheses right after the time.
    let stated = stamp.date;
    const paren = /^\(([^()]{3,30})\)/.exec(body);
    if (!stated && paren) {
      const d = findDate(paren[1], reading());
      if (d) {
        stated = d;
        body = body.slice(paren[0].length).replace(AFTER_STAMP, '');
        log.replaced.push(paren[0]);
      }
    }
    body = closeEmphasis(stamp.raw, body);
    let d = stated ?? date;
    if (!d) {
      if (!dateFlagged) log.flag('no-date', src.line, `Expected a date for "${stamp.raw}" (on the entry, a date line or heading, the title or the front matter); time-only entries kept as written`);
      dateFlagged = true;
      ctx.onUnread?.(src.line, src.text, 'no date');
      return undefined;
    }
    // "Jan 14, 10:18 AM" with the year only in the file name: the day is the entry's, its year a guess (trial17c F7).
    if (stated && dateInferred && !/\b(?:19|20)\d{2}\b/.test(stamp.raw)) {
      log.flagOnce('date-inferred', src.line, `"${stamp.raw}" has no year; the year ${d.year} was taken from ${dateInferred}, not stated in the text — check it`);
    } else if (stated) dateInferred = undefined;
    else if (dateInferred) {
      log.flagOnce('date-inferred', src.line, `"${stamp.raw}" has no date; the date ${d.year}-${d.month}-${d.day} was taken from ${dateInferred}, not stated in the text — check it`);
    }
    if (stamp.date?.ambiguous) log.flag('ambiguous-date', src.line, `"${stamp.raw}" could be day/month or month/day; read as month first (${d.year}-${d.month}-${d.day}), as US English writes dates: neither the text's language nor its zone tells the order, and no date in the document settles it (none has a day over 12) — check one`);
    // "14:05 Europe/Berln": a zone meant but none the tools know. Never read in the document's zone
    // in silence: kept as written (lint reports the same marker) and said, with the nearest name.
    if (stamp.unknownZone && stamp.hour !== undefined) {
      const clock = `${String(stamp.hour).padStart(2, '0')}:${String(stamp.minute ?? 0).padStart(2, '0')}`;
      const local = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')} ${clock}`;
      const read = readZoneName(stamp.unknownZone);
      const meant = read.kind === 'unknown' && read.suggestion ? ` (did you mean ${read.suggestion}?)` : '';
      log.flag('unknown-zone', src.line, `"${stamp.unknownZone}" after ${clock} is not a time zone${meant}: kept as written ("${local} ${stamp.unknownZone}"), not converted — write the zone meant on the original's time and convert again`);
      ctx.onUnread?.(src.line, src.text, 'a time followed by a zone name that is no time zone', true);
      return keptAsWritten(d, local, stamp.unknownZone);
    }
    // "01:10 -06:00": 01:10 at UTC−6, or 01:10 to 06:00? Kept as written, as lint reads it
    // (timeline/unparseable asks the same), and its zone does not hold for the entries after it.
    if (stamp.rangeOrOffset && stamp.zone && stamp.hour !== undefined) {
      const clock = `${String(stamp.hour).padStart(2, '0')}:${String(stamp.minute ?? 0).padStart(2, '0')}`;
      const local = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')} ${clock}`;
      const end = stamp.zone.slice(1);
      const asOffset = zonedToUtc({ ...d, hour: stamp.hour, minute: stamp.minute ?? 0, second: 0 }, stamp.zone);
      log.flag('range-or-offset', src.line,
        `"${clock} ${stamp.zone}" could be ${clock} at UTC${stamp.zone}${asOffset === undefined ? '' : ` (${formatUtcTime(asOffset)}Z)`} or a range from ${clock} to ${end}: kept as written ("${local} ${stamp.zone}"), not converted — write "${clock} UTC${stamp.zone}" for the offset, or "${clock}–${end}" for a range`);
      ctx.onUnread?.(src.line, src.text, 'a time followed by an offset or the end of a range', true);
      // Its readings, for the start: at the offset, or at the start of a range in the document's zone.
      const docZone = zone === undefined ? 'UTC' : ctx.abbreviations?.zoneFor(zone) ?? zone;
      const asRange = zonedToUtc({ ...d, hour: stamp.hour, minute: stamp.minute ?? 0, second: 0 }, docZone === 'Z' ? 'UTC' : docZone);
      const readings = [asOffset, asRange].filter((ms): ms is number => ms !== undefined).sort((a, b) => a - b);
      if (readings.length) ctx.onUnconverted?.(src.line, [readings[0], readings[readings.length - 1]], `"${clock} ${stamp.zone}" is ${clock} at UTC${stamp.zone} or a range from ${clock} to ${end}`);
      return keptAsWritten(d, local, stamp.zone);
    }
    // A zone written on an entry holds for the entries after it ("16:22 PST", then "16:59").
    if (stamp.zone) {
      zone = stamp.zone;
      carried = { name: stamp.zone, line: src.line };
    }
    const carriedHere = stamp.zone ? undefined : carried;
    let z = stamp.zone ?? zone;
    if (!z) {
      log.flagOnce('no-zone', src.line, 'Expected the document to state its time zone ("All times PST"); times without a zone were read as UTC');
      z = 'UTC';
    }
    // `IST` as the writer's zone settles it (+01:00 in Dublin); the name stays for the messages.
    const written = z;
    z = ctx.abbreviations?.zoneFor(z) ?? z;
    let ms = zonedToUtc({ ...d, hour: stamp.hour, minute: stamp.minute ?? 0, second: stamp.second ?? 0 }, z === 'Z' ? 'UTC' : z);
    if (ms === undefined) return undefined;
    ctx.abbreviations?.say(written, src.line);
    // `PST` in July, `ACST` in an Adelaide December, `BST` in December: read as written, said once per name (a warning).
    sayOutOfSeason(log, written, z, ms, ctx.abbreviations?.region, src.line);
    if (!stated && previous !== undefined && previous - ms > HOURS_6) {
      ms += 86_400_000;
      const next = new Date(utcMsOf(d.year, d.month - 1, d.day + 1));
      d = { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
      // Both days said: the next day of the document's clock, and the UTC instant it is (they
      // differ when the zone is not UTC: 00:10 in GMT+2 on the 5th is 22:10Z on the 4th).
      const localDay = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
      const clock = `${String(stamp.hour).padStart(2, '0')}:${String(stamp.minute ?? 0).padStart(2, '0')}`;
      const utc = `${formatUtcDate(ms)} ${formatUtcTime(ms)}Z`;
      const utcZone = z === 'Z' || /^(?:UTC|GMT|Z|Etc\/UTC)$/i.test(z);
      log.flag('midnight', src.line, `"${stamp.raw}" is earlier than the entry before it; read as the next day: ${utcZone ? utc : `${localDay} ${clock} in ${/^[+-]\d/.test(z) ? `UTC${z}` : z}, which is ${utc}`} — check it`);
    }
    // "1:05 AM EST", then "1:40 AM" on the night the clocks go back: the carried EST is one of two
    // readings of 01:40 in New York. Taken when the order settles it, else not converted; said either way.
    const season = carriedHere ? inheritedSeasonReading({ ...d, hour: stamp.hour, minute: stamp.minute ?? 0, second: stamp.second ?? 0 }, carriedHere, ms, previous, ctx.abbreviations?.region) : undefined;
    if (season?.kind === 'settled') {
      ms = season.ms;
      log.notes.push({ line: src.line, message: season.note });
    } else if (season) {
      const local = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')} ${clock}`;
      log.flag('ambiguous-time', src.line, `${season.message}: kept as written ("${local} ${season.issue.zone}"), not converted — ${LOCAL_TIME_ADVICE}`);
      ctx.onUnread?.(src.line, src.text, season.issue.kind === 'gap' ? 'a local time the change to summer time skips' : 'a local time that happens twice when the clocks go back', true);
      ctx.onUnconverted?.(src.line, season.instants as [number, number], localTimeIssueFact(season.issue));
      return keptAsWritten(d, local, season.issue.zone);
    }
    // A local time the DST change skips or repeats has no one UTC time (trial C12: the first was
    // taken silently). As lint does, it is not converted: kept as written with its zone, which the
    // linter flags (timeline/ambiguous-time) until someone who knows writes the UTC time.
    const issue = localTimeIssue({ ...d, hour: stamp.hour, minute: stamp.minute ?? 0, second: 0 }, z);
    if (issue) {
      const local = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')} ${clock}`;
      log.flag('ambiguous-time', src.line, `${localTimeIssueFact(issue)}: kept as written ("${local} ${issue.zone}"), not converted — ${LOCAL_TIME_ADVICE}`);
      ctx.onUnread?.(src.line, src.text, issue.kind === 'gap' ? 'a local time the change to summer time skips' : 'a local time that happens twice when the clocks go back', true);
      // A skipped time has no instants: the clocks move by at most an hour there, so an hour either side of `ms` bounds its readings.
      ctx.onUnconverted?.(src.line, issue.instants ?? [ms - 3_600_000, ms + 3_600_000], localTimeIssueFact(issue));
      return keptAsWritten(d, local, issue.zone);
    }
    date = d;
    previous = ms;
    entriesRead++;
    continuing = true;
    if (dotted && !stamp.date && BARE_DOTTED.test(stamp.raw)) dottedRead = true;
    ctx.onEntry?.(ms, src.line, body, `${stamp.hour}:${stamp.minute ?? 0}`, stamp.date !== undefined && /\b(?:19|20)\d{2}\b/.test(stamp.raw));
    afterUnknown = false;
    if (pendingStart !== undefined) ctx.onContinue?.(pendingStart);
    pendingStart = undefined;
    log.replaced.push(stamp.raw);
    entryIndent = `${indent}  `;
    introducesList = /:\s*$/.test(body);
    return `${indent}- ${formatUtcDate(ms)} ${formatUtcTime(ms)}Z${rangeEnd ? utcRangeEnd(rangeEnd, d, z, ms) : ''} ${body}`.trimEnd();
  };

  /**
   * The table whose header is `lines[at]`, kept under the entry above as written (with `prefix`):
   * its rows are no entries of their own; one that starts with a time is said as not read.
   * Returns the index of its last line.
   */
  const keepTableWithEntry = (at: number, prefix: string): number => {
    const rows = tableBodyRows(lines, at);
    for (const row of [lines[at], lines[at + 1], ...rows]) {
      if (continuing) ctx.onContinue?.(row.text);
      out.push(`${prefix}${row.text}`);
    }
    for (const row of rows) {
      const first = splitRow(row.text).find((c) => c.trim());
      if (first !== undefined && readLeadingStamp(first, reading())?.hour !== undefined) ctx.onUnread?.(row.line, row.text, 'a row of a table under the entry above, kept with that entry as written');
    }
    return at + 1 + rows.length;
  };

  let fenceIndent = '';
  for (let i = 0; i < lines.length; i++) {
    const src = lines[i];
    const text = src.text;
    if (fence) {
      if (FENCE.exec(text)?.[1].startsWith(fence)) fence = undefined;
      out.push(text.trim() ? `${fenceIndent}${text}` : text);
      continue;
    }
    const f = FENCE.exec(text);
    if (f) {
      fence = f[1];
      // "18:04 - The revoke endpoint worked:" then a blank line and the command, fenced: the block
      // is indented under the entry it belongs to, so it does not end the list (or the section).
      const own = /^ */.exec(text)![0].length;
      fenceIndent = inParagraphEntry || underHeadingEntry ? '  ' : entryIndent !== undefined && own < entryIndent.length ? entryIndent.slice(own) : '';
      out.push(`${fenceIndent}${text}`);
      continue;
    }
    if (!text.trim()) {
      inParagraphEntry = false;
      if (!underHeadingEntry) continuing = false;
      out.push(underHeadingEntry ? '' : text);
      continue;
    }
    const said = BULLET.test(text) ? undefined : statedZone(text);
    if (said) {
      zone = said;
      carried = undefined;
    }
    const heading = headingText(text);
    if (heading !== undefined) {
      continuing = false;
      closeDay();
      // "### 2018-01-17 17:14" heads the entry its content describes: it becomes the entry.
      const title = heading.trim().replace(/\s#+$/, '');
      const stamp = readLeadingStamp(title, reading());
      const converted = stamp ? entry(src, stamp, title.slice(stamp.end).replace(AFTER_STAMP, ''), '') : undefined;
      if (converted) {
        keepListApart(out);
        out.push(converted);
        underHeadingEntry = true;
        continue;
      }
      underHeadingEntry = false;
      entryIndent = undefined;
      // "### 2X:XX (not sure exact time)": an event whose time is not known, said (trial18c F3).
      if (unknownTime(title)) {
        ctx.onUnread?.(src.line, src.text, 'an event whose time is written as unknown');
        afterUnknown = true;
      }
      const d = findDate(title, reading());
      if (d) {
        date = d;
        dateInferred = undefined;
        previous = undefined;
        // A heading that is its date ("### 2018-01-15", "### _2018/02/20 - 2018/02/25_ (beta)"), not one that mentions one.
        if (stamp?.date && stamp.hour === undefined && title.length - stamp.end <= 40) dayHeading = { line: src, entries: entriesRead, event: false };
      }
      out.push(text);
      continue;
    }
    if (dayHeading && !dayHeading.event && !statedZone(text) && tellsAnEvent(text.replace(BULLET, ''))) dayHeading.event = true;
    if (underHeadingEntry) {
      // Under a time heading, a paragraph that opens with its own time ("At 23:20 UTC, we …") is the next entry.
      const prose = (i === 0 || !lines[i - 1].text.trim() || /[.!?]\s*$/.test(lines[i - 1].text)) && !/^\s/.test(text) ? readProseStamp(text, reading()) : undefined;
      const proseEntry = prose ? entry(src, prose.stamp, text, '') : undefined;
      if (proseEntry) {
        out.push('', proseEntry);
        underHeadingEntry = false;
        inParagraphEntry = true;
        continue;
      }
      // A table under a time heading is that entry's too: kept whole, a row giving a time said.
      if (tableHeaderAt(lines, i)) {
        i = keepTableWithEntry(i, '  ');
        continue;
      }
      if (continuing) ctx.onContinue?.(text);
      out.push(`  ${text}`);
      continue;
    }
    // A table indented under an entry ("- 08:59", then "  | Time | Event |") is that entry's: kept
    // with it whole, as written (trial18a F9: its header row was dropped, its rows became entries and
    // the entry's next line went to the last row's). A row that gives a time is said, not read.
    const header = tableHeaderAt(lines, i);
    if (header && entryIndent !== undefined && /^\s*/.exec(text)![0].length >= entryIndent.length) {
      i = keepTableWithEntry(i, '');
      continue;
    }
    // A `| Time | Event |` table: each row becomes an entry.
    if (header) {
      const timed = header.findIndex((h) => /time|when|utc|timestamp|時刻|時間|日時|zeit|heure|hora|horário/.test(h));
      const timeCol = timed !== -1 ? timed : header.findIndex((h) => /date/.test(h));
      if (timeCol !== -1) {
        const dateCol = header.findIndex((h, k) => k !== timeCol && /^(?:date|日付|datum|fecha|data)$/.test(h));
        const headerDate = findDate(header.join(' '), reading());
        if (headerDate) date = headerDate;
        // "| Day | Date (2024) | Time | Event |": the year only in the header.
        const headerYear = /\b(?:19|20)\d{2}\b/.exec(header.join(' '));
        if (headerYear) yearHint = +headerYear[0];
        const rows = tableBodyRows(lines, i);
        continuing = false;
        for (const row of rows) {
          const cells = splitRow(row.text);
          // A template's empty rows (`|   |   |   |`) are no entries: an empty list item would be one without a time.
          if (cells.every((c) => !c.trim())) continue;
          const when = [dateCol !== -1 ? cells[dateCol] : '', cells[timeCol] ?? ''].filter(Boolean).join(' ').trim();
          const rest = cells.filter((_, k) => k !== timeCol && k !== dateCol).filter((c) => c.trim()).join(' — ');
          // Weekday and month-day in the first columns ("Mon | Oct 14 | 14:05 | …"), the year from the header.
          const lead = timeCol > 0 && dateCol === -1 ? cells.slice(0, timeCol).join(' ').replace(/[*_`]/g, '') : '';
          const leadDate = lead ? findDate(lead, reading()) : undefined;
          if (leadDate) date = leadDate;
          const stamp = readLeadingStamp(when, reading());
          const restText = leadDate ? cells.filter((_, k) => k > timeCol).filter((c) => c.trim()).join(' — ') : rest;
          const converted = stamp && stamp.end >= when.length - 2 ? entry(row, stamp, restText, '') : undefined;
          if (converted) {
            if (leadDate) log.replaced.push(lead);
            out.push(converted);
          } else {
            if (stamp?.date && stamp.hour === undefined) date = stamp.date;
            if (stamp?.hour !== undefined) ctx.onUnread?.(row.line, row.text, 'table row');
            out.push(`- ${[when, rest].filter((c) => c.trim()).join(' — ')}`);
          }
        }
        i += 1 + rows.length;
        continuing = false;
        log.replaced.push(text);
        continue;
      }
    }
    const bullet = BULLET.exec(text);
    const indent = bullet?.[1] ?? '';
    // "16:48 – More secrets found:", a blank line, then "* K8s secrets" at the margin: that list
    // is the entry's, so it goes under it (and is not read as entries without a time).
    if (bullet && entryIndent !== undefined && indent.length < entryIndent.length && introducesList && !readLeadingStamp(text.slice(bullet[0].length), reading())) {
      out.push(`${entryIndent.slice(indent.length)}${text}`);
      continue;
    }
    // Nested list items are details of the entry above, not entries.
    if (bullet && indent.length >= 2) {
      if (continuing) ctx.onContinue?.(text);
      out.push(text);
      continue;
    }
    const content = bullet ? text.slice(bullet[0].length) : text;
    // "<START OF OUTAGE>" alone on its line marks the entry after it; "<END OF OUTAGE>" alone, the
    // entry before it (the marker stays where it is written).
    const alone = /^\s{0,3}(?:\*\*|__)?\\?(?:<|&lt;)\s{0,3}(start|end)\s{1,3}of\s{1,3}(?:the\s{1,3})?(?:outage|incident)\s{0,3}(?:>|&gt;)(?:\*\*|__)?\s*$/i.exec(text);
    if (alone && !bullet) {
      if (alone[1].toLowerCase() === 'start') pendingStart = text;
      else if (!afterUnknown) ctx.onContinue?.(text);
      out.push(text);
      continue;
    }
    // "??:?? - Microsoft deploys an update": an event whose time nobody knows. Not read, and said;
    // it is not the wrapped text of the entry before it (a marker on it is not that entry's).
    if (unknownTime(content)) {
      ctx.onUnread?.(src.line, src.text, 'an event whose time is written as unknown');
      afterUnknown = true;
      continuing = false;
      entryIndent = undefined;
      out.push(text);
      continue;
    }
    const stamp = /^\s/.test(text) && !bullet ? undefined : readLeadingStamp(content, reading());
    if (stamp) {
      const body = content.slice(stamp.end).replace(AFTER_STAMP, '');
      const converted = entry(src, stamp, body, indent);
      if (converted) {
        out.push(converted);
        inParagraphEntry = !bullet;
        continue;
      }
      if (stamp.date && stamp.hour === undefined) {
        date = stamp.date;
        dateInferred = undefined;
        // A new date line: the next times are on that day, not after midnight of the last entry.
        previous = undefined;
        // "- **Jun 4, 2025**: The release is published.": an event with a day but no time of day.
        // The format's entries need a time, so it stays as written — and is said, not passed over.
        if (bullet && tellsAnEvent(content.slice(stamp.end))) ctx.onUnread?.(src.line, src.text, 'a date without a time of day');
      }
    } else if ((bullet || !inParagraphEntry || (i > 0 && /[.!?]\s*$/.test(lines[i - 1].text))) && !/^\s/.test(content)) {
      // "At 3:28 PM UTC on November 23rd, the attacker …": a sentence opening with its moment is
      // an entry, kept whole (its words are the entry's text).
      const prose = readProseStamp(content, reading());
      const proseEntry = prose ? entry(src, prose.stamp, content.replace(/^(?:\*\*|__)/, '').replace(/^([^*_]{0,200}?)(?:\*\*|__)/, '$1'), indent) : undefined;
      if (proseEntry) {
        out.push(proseEntry);
        inParagraphEntry = !bullet;
        continue;
      }
      // "On November 18th, the attacker …": the date of the sentences after it.
      const proseDate = readProseDate(content, reading());
      if (proseDate) {
        date = proseDate;
        dateInferred = undefined;
        previous = undefined;
      }
      // "- Fault occurs 2020-02-12 11:45": a key event with its time at the end.
      const tail = trailingStamp(content, reading());
      const converted = tail ? entry(src, { ...tail.stamp, raw: tail.stamp.raw }, tail.label, indent) : undefined;
      if (converted) {
        out.push(converted);
        inParagraphEntry = !bullet;
        continue;
      }
    }
    // "On 2024-05-02 (all times CEST):": a short line giving the date of the entries below it.
    if (!bullet && !inParagraphEntry && text.length <= 100) {
      const d = findDate(text, reading());
      if (d) {
        date = d;
        dateInferred = undefined;
        previous = undefined;
      }
    }
    // "- Tuesday around 9am: mail job deployed": an item with a time the converter cannot place
    // (not at its start, or in words it does not read) is said, not passed over (trial C13).
    // "- 21,05 Alarm", "- T+5m alert", "- 午前12時 …": a line that looks timed but was not read is
    // said, and stays an item of its own: folded under the entry above it would read as that
    // entry's detail, at that entry's time (trial14a F23).
    const shape = (bullet || !/^\s/.test(text)) && !stamp ? timeShapeAtStart(content, bullet !== null) : undefined;
    if (shape !== undefined) {
      // 12 with 午前/午後 is noon to some writers and midnight to others: the reader does not pick one.
      const twelve = /^(?:午前|午後)\s?(?:12|１２)/.test(shape.shape) ? ': 12 with 午前/午後 is noon to some writers and midnight to others, write 午前0時 (midnight) or 午後0時 (noon), or 00:00 / 12:00' : '';
      ctx.onUnread?.(src.line, src.text, shape.atStart ? `"${shape.shape}" looks like a time but is not in a form read${twelve}` : 'a time not at the start of the item, or in words not read');
      entryIndent = undefined;
      continuing = false;
      inParagraphEntry = false;
      out.push(text);
      continue;
    }
    // "- The live cluster has 60 nodes …" or "- **Note:** …" between timed items of the same list:
    // a detail of the entry before it, not an entry without a time. It goes under that entry
    // (the list stays one list of timed entries), and the report says so.
    if (bullet && bullet[2] === '-' && entryIndent !== undefined && indent.length < entryIndent.length) {
      ctx.onContinue?.(text);
      ctx.onNested?.(src.line, text);
      out.push(`${entryIndent.slice(indent.length)}${text}`);
      continue;
    }
    // Wrapped text of the entry keeps it open; another item or a paragraph of its own ends it.
    if (bullet || !continuing) entryIndent = undefined;
    if (bullet) continuing = false;
    else if (continuing) ctx.onContinue?.(text);
    out.push(inParagraphEntry && !bullet ? `  ${text}` : text);
  }
  closeDay();
  if (dotted && dottedRead) log.notes.push({ line: dotted.line, message: `Times written with a dot ("21.05") were read as times of day, not dates: this timeline writes "${dotted.example}" (line ${dotted.line + 1})` });
  return out;
}
