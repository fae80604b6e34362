import { formatUtcDate, formatUtcTime, zonedToUtc } from '../../time/zones';
import type { ConvertLog, SourceLine } from './model';
import { findDate, readLeadingStamp, statedZone, type LooseDate, type LooseStamp } from './stamps';
import { splitRow, tableBodyRows, tableHeaderAt } from './tables';

export interface TimelineContext {
  /** Zone stated for the whole document ("All times PST") or given by the user. */
  zone?: string;
  /** Date carried to time-only entries: from the front matter, the title or a date heading. */
  date?: LooseDate;
  /** Told of each entry converted to UTC, with its line in the original (to derive started_at). */
  onEntry?: (utcMs: number, line: number) => void;
}

const BULLET = /^(\s*)([-*+]|\d{1,9}[.)])\s+/;
const HOURS_6 = 6 * 3_600_000;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * Rewrites the timeline as canonical entries `- YYYY-MM-DD HH:MMZ text`, converted to UTC with
 * the zone stated once ("All times PST") or on the entry. Lines without a time stay as written.
 * `| Time | Event |` tables become lists. Time-only entries that run backwards by more than six
 * hours are taken to have crossed midnight, and flagged.
 */
export function convertTimeline(lines: readonly SourceLine[], heading: string, ctx: TimelineContext, log: ConvertLog): string[] {
  const out: string[] = [];
  let zone = statedZone(heading) ?? ctx.zone;
  let date = ctx.date;
  let previous: number | undefined;
  let dateFlagged = false;
  let fence: string | undefined;
  let inParagraphEntry = false;
  let underHeadingEntry = false;

  const entry = (src: SourceLine, stamp: LooseStamp, body: string, indent: string): string | undefined => {
    if (stamp.hour === undefined) return undefined;
    let d = stamp.date ?? date;
    if (!d) {
      if (!dateFlagged) log.flag('no-date', src.line, `Expected a date for "${stamp.raw}" (on the entry, a date heading, the title or the front matter); time-only entries kept as written`);
      dateFlagged = true;
      return undefined;
    }
    if (stamp.date?.ambiguous) log.flag('ambiguous-date', src.line, `"${stamp.raw}" could be day/month or month/day; read as month first (${d.year}-${d.month}-${d.day})`);
    let z = stamp.zone ?? zone;
    if (!z) {
      log.flagOnce('no-zone', src.line, 'Expected the timeline to state its time zone ("All times PST"); times without a zone were read as UTC');
      z = 'UTC';
    }
    let ms = zonedToUtc({ ...d, hour: stamp.hour, minute: stamp.minute ?? 0, second: 0 }, z === 'Z' ? 'UTC' : z);
    if (ms === undefined) return undefined;
    if (!stamp.date && previous !== undefined && previous - ms > HOURS_6) {
      ms += 86_400_000;
      const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
      d = { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
      log.flag('midnight', src.line, `"${stamp.raw}" is earlier than the entry before it; read as the next day (${formatUtcDate(ms)}), check it`, 'info');
    }
    date = d;
    previous = ms;
    ctx.onEntry?.(ms, src.line);
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
      if (underHeadingEntry) {
        out.push('');
        continue;
      }
      out.push(text);
      continue;
    }
    zone = statedZone(text) && !BULLET.test(text) ? statedZone(text) : zone;
    const heading = /^\s{0,3}#{1,6}\s+(.*)$/.exec(text);
    if (heading) {
      // "### 2018-01-17 17:14" heads the entry its content describes: it becomes the entry.
      const stamp = readLeadingStamp(heading[1].trim(), date?.year);
      const converted = stamp ? entry(src, stamp, heading[1].trim().slice(stamp.end).replace(/^\s*(?:[-–—:|,]\s*)*/, ''), '') : undefined;
      if (converted) {
        out.push(converted);
        underHeadingEntry = true;
        continue;
      }
      underHeadingEntry = false;
      date = findDate(text, date?.year) ?? date;
      out.push(text);
      continue;
    }
    if (underHeadingEntry) {
      out.push(`  ${text}`);
      continue;
    }
    // A `| Time | Event |` table: each row becomes an entry.
    const header = tableHeaderAt(lines, i);
    if (header) {
      const timeCol = header.findIndex((h) => /time|when|utc|date/.test(h));
      if (timeCol !== -1) {
        const dateCol = header.findIndex((h, k) => k !== timeCol && /^date$/.test(h));
        const rows = tableBodyRows(lines, i);
        for (const row of rows) {
          const cells = splitRow(row.text);
          const when = [dateCol !== -1 ? cells[dateCol] : '', cells[timeCol] ?? ''].filter(Boolean).join(' ');
          const rest = cells.filter((_, k) => k !== timeCol && k !== dateCol).filter((c) => c.trim()).join(' — ');
          const stamp = readLeadingStamp(when.trim(), date?.year);
          const converted = stamp && stamp.end >= when.trim().length - 2 ? entry(row, stamp, rest, '') : undefined;
          if (converted) out.push(converted);
          else {
            if (stamp?.date && stamp.hour === undefined) date = stamp.date;
            out.push(`- ${[when, rest].filter((c) => c.trim()).join(' — ')}`);
          }
        }
        i += 1 + rows.length;
        log.replaced.push(text);
        continue;
      }
    }
    const bullet = BULLET.exec(text);
    const indent = bullet?.[1] ?? '';
    // Nested list items are details of the entry above, not entries.
    if (bullet && indent.length >= 2) {
      out.push(text);
      continue;
    }
    const content = bullet ? text.slice(bullet[0].length) : text;
    const stamp = /^\s/.test(text) && !bullet ? undefined : readLeadingStamp(content, date?.year);
    if (stamp) {
      const body = content.slice(stamp.end).replace(/^\s*(?:[-–—:|,]\s*)*/, '');
      const converted = entry(src, stamp, body, indent);
      if (converted) {
        out.push(converted);
        inParagraphEntry = !bullet;
        continue;
      }
      if (stamp.date && stamp.hour === undefined) date = stamp.date;
    }
    out.push(inParagraphEntry && !bullet ? `  ${text}` : text);
  }
  return out;
}
