import { standardTimeInSummer } from '../../time/standardInSummer';
import { formatUtcDate, formatUtcTime, zonedToUtc } from '../../time/zones';
import { isJsSpace, trimEndWhile } from '../../text/trimChars';
import { headingText } from './headingLine';
import type { ConvertLog, SourceLine } from './model';
import { readProseDate, readProseStamp } from './prose';
import { findDate, readLeadingStamp, statedZone, type DateReading, type LooseDate, type LooseStamp } from './stamps';
import { splitRow, tableBodyRows, tableHeaderAt } from './tables';

export interface TimelineContext {
  /** Zone stated for the whole document ("All times PST") or given by the user. */
  zone?: string;
  /** Date carried to time-only entries: from the front matter, a Date field, the title or a date heading. */
  date?: LooseDate;
  /** The year of dates written without one when there is no `date` (a year in the title). */
  year?: number;
  /** Where `date` came from when the document does not state it (title, file name): entries using it are flagged. */
  dateInferredFrom?: string;
  /** How to read `03/04/2026` in this document. */
  dayFirst?: boolean;
  /** Told of each entry converted to UTC, with its line in the original and its text (to derive started_at). */
  onEntry?: (utcMs: number, line: number, text: string, local?: string) => void;
  /** Told of each line that continues the entry last reported by onEntry (its text wraps, "<START OF\nOUTAGE>"). */
  onContinue?: (text: string) => void;
  /** Told of each line that looks like an entry but could not be read. */
  onUnread?: (line: number, text: string, why: string) => void;
}

const BULLET = /^(\s*)([-*+]|\d{1,9}[.)])\s+/;
const HOURS_6 = 6 * 3_600_000;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
/** Between a stamp and its text: dashes, colons, pipes, a closing bracket. */
const AFTER_STAMP = /^\s{0,3}(?:[-–—:|,]\s{0,3}){0,3}/;

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

export function convertTimeline(input: readonly SourceLine[], heading: string, ctx: TimelineContext, log: ConvertLog): string[] {
  const lines = splitBreaks(input, log);
  const out: string[] = [];
  let zone = statedZone(heading) ?? ctx.zone;
  let date = ctx.date;
  let dateInferred = ctx.dateInferredFrom;
  let previous: number | undefined;
  let dateFlagged = false;
  // "PST" in summer: said once per abbreviation, as a note (the times are read as written).
  const summerNoted = new Set<string>();
  let fence: string | undefined;
  let inParagraphEntry = false;
  let underHeadingEntry = false;
  // The last entry may go on over the next lines (wrapped text, details under it) until a blank line.
  let continuing = false;
  let yearHint: number | undefined;
  const reading = (): DateReading => ({ year: date?.year ?? yearHint ?? ctx.year, dayFirst: ctx.dayFirst });

  const entry = (src: SourceLine, stamp: LooseStamp, rawBody: string, indent: string): string | undefined => {
    if (stamp.hour === undefined) return undefined;
    let body = rawBody;
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
    let d = stated ?? date;
    if (!d) {
      if (!dateFlagged) log.flag('no-date', src.line, `Expected a date for "${stamp.raw}" (on the entry, a date line or heading, the title or the front matter); time-only entries kept as written`);
      dateFlagged = true;
      ctx.onUnread?.(src.line, src.text, 'no date');
      return undefined;
    }
    if (stated) dateInferred = undefined;
    else if (dateInferred) {
      log.flagOnce('date-inferred', src.line, `"${stamp.raw}" has no date; the date ${d.year}-${d.month}-${d.day} was taken from ${dateInferred}, not stated in the text — check it`);
    }
    if (stamp.date?.ambiguous) log.flag('ambiguous-date', src.line, `"${stamp.raw}" could be day/month or month/day; read as month first (${d.year}-${d.month}-${d.day})`);
    // A zone written on an entry holds for the entries after it ("16:22 PST", then "16:59").
    if (stamp.zone) zone = stamp.zone;
    let z = stamp.zone ?? zone;
    if (!z) {
      log.flagOnce('no-zone', src.line, 'Expected the document to state its time zone ("All times PST"); times without a zone were read as UTC');
      z = 'UTC';
    }
    let ms = zonedToUtc({ ...d, hour: stamp.hour, minute: stamp.minute ?? 0, second: 0 }, z === 'Z' ? 'UTC' : z);
    if (ms === undefined) return undefined;
    const summer = standardTimeInSummer(z, ms);
    if (summer && !summerNoted.has(z.toUpperCase())) {
      summerNoted.add(z.toUpperCase());
      log.notes.push({ line: src.line, message: summer });
    }
    if (!stated && previous !== undefined && previous - ms > HOURS_6) {
      ms += 86_400_000;
      const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
      d = { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
      log.flag('midnight', src.line, `"${stamp.raw}" is earlier than the entry before it; read as the next day (${formatUtcDate(ms)}), check it`);
    }
    date = d;
    previous = ms;
    continuing = true;
    ctx.onEntry?.(ms, src.line, body, `${stamp.hour}:${stamp.minute ?? 0}`);
    log.replaced.push(stamp.raw);
    return `${indent}- ${formatUtcDate(ms)} ${formatUtcTime(ms)}Z ${body}`.trimEnd();
  };

  for (let i = 0; i < lines.length; i++) {
    const src = lines[i];
    const text = src.text;
    if (fence) {
      if (FENCE.exec(text)?.[1].startsWith(fence)) fence = undefined;
      out.push(inParagraphEntry || underHeadingEntry ? `  ${text}` : text);
      continue;
    }
    const f = FENCE.exec(text);
    if (f) {
      fence = f[1];
      out.push(inParagraphEntry || underHeadingEntry ? `  ${text}` : text);
      continue;
    }
    if (!text.trim()) {
      inParagraphEntry = false;
      if (!underHeadingEntry) continuing = false;
      out.push(underHeadingEntry ? '' : text);
      continue;
    }
    const said = BULLET.test(text) ? undefined : statedZone(text);
    if (said) zone = said;
    const heading = headingText(text);
    if (heading !== undefined) {
      continuing = false;
      // "### 2018-01-17 17:14" heads the entry its content describes: it becomes the entry.
      const title = heading.trim().replace(/\s#+$/, '');
      const stamp = readLeadingStamp(title, reading());
      const converted = stamp ? entry(src, stamp, title.slice(stamp.end).replace(AFTER_STAMP, ''), '') : undefined;
      if (converted) {
        out.push(converted);
        underHeadingEntry = true;
        continue;
      }
      underHeadingEntry = false;
      const d = findDate(title, reading());
      if (d) {
        date = d;
        dateInferred = undefined;
        previous = undefined;
      }
      out.push(text);
      continue;
    }
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
      if (continuing) ctx.onContinue?.(text);
      out.push(`  ${text}`);
      continue;
    }
    // A `| Time | Event |` table: each row becomes an entry.
    const header = tableHeaderAt(lines, i);
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
    // Nested list items are details of the entry above, not entries.
    if (bullet && indent.length >= 2) {
      if (continuing) ctx.onContinue?.(text);
      out.push(text);
      continue;
    }
    const content = bullet ? text.slice(bullet[0].length) : text;
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
    if (bullet) continuing = false;
    else if (continuing) ctx.onContinue?.(text);
    out.push(inParagraphEntry && !bullet ? `  ${text}` : text);
  }
  return out;
}
