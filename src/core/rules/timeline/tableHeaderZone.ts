import type { PostmortemDocument, TimelineEntry } from '../../document/model';
import { splitTableRow, tableHeaderWidth } from '../../index/tableRows';
import { canonicalZone } from '../../time/writerZone';
import { isValidTimeZone } from '../../time/zones';
import type { TextEdit } from '../../types';

const MAX_ROWS_UP = 10_000;

/** The line of the header row of the table holding `line`, or -1. */
export function headerLineAbove(doc: PostmortemDocument, line: number): number {
  for (let k = line - 1; k > 0 && k >= line - MAX_ROWS_UP; k--) {
    const text = doc.lines.lineText(k);
    if (!/^\s*\|/.test(text)) return -1;
    // The delimiter row under a header of the same width (the check the table readers use).
    if (tableHeaderWidth(doc.lines.lineText(k - 1), text) > 0) return /^\s*\|/.test(doc.lines.lineText(k - 1)) ? k - 1 : -1;
  }
  return -1;
}

/**
 * The time column's header of a table whose times the fix converts — `Time (IST)`, `Time (AEDT)`,
 * `Time (Asia/Kolkata)`, `Time IST`, `Local time` — renamed to say UTC (trial: after the fix the
 * header still said IST over UTC times). Only when every timed row of that table will be in UTC
 * (a row left local, at a DST change, keeps the header as it is). `Time (UTC)` and `Time` stay.
 */
export function headerZoneEdits(doc: PostmortemDocument, entries: readonly TimelineEntry[], converted: ReadonlySet<TimelineEntry>, staysLocal: (e: TimelineEntry) => boolean): TextEdit[] {
  const edits: TextEdit[] = [];
  // Rows in line order, and each table looked at once: the rows of a table already handled are
  // skipped before walking up to their header again (that walk per row was quadratic in the rows).
  const rows = [...converted].filter((e) => e.form === 'table' && e.stampRange).sort((a, b) => a.line - b.line);
  // Lines of the entries left local, sorted: each table asks "any of them in my rows?" by a binary
  // search, not a walk over every entry (thousands of small tables made that quadratic).
  const localLines = entries.filter((e) => staysLocal(e) && !converted.has(e)).map((e) => e.line).sort((a, b) => a - b);
  let handledUntil = -1;
  for (const entry of rows) {
    if (entry.line < handledUntil) continue;
    const header = headerLineAbove(doc, entry.line);
    if (header < 0) {
      // No header within reach: the rest of this block of rows would not find one either.
      handledUntil = entry.line + 1;
      while (handledUntil < doc.lines.lineCount && /^\s*\|/.test(doc.lines.lineText(handledUntil))) handledUntil++;
      continue;
    }
    // The table's rows: from under the delimiter to the last `|` line, however many (once per table:
    // a cap here left rows past it out of the "stays local" check, and the header said UTC over them).
    let end = header + 2;
    while (end < doc.lines.lineCount && /^\s*\|/.test(doc.lines.lineText(end))) end++;
    handledUntil = end;
    if (anyBetween(localLines, header + 1, end)) continue;
    const text = doc.lines.lineText(header);
    const cell = timeHeaderCell(text, doc.lines.lineText(entry.line), entry.stampRange!.start.character);
    if (!cell) continue;
    const renamed = utcHeader(cell.text);
    if (renamed !== undefined) edits.push({ range: { start: { line: header, character: cell.start }, end: { line: header, character: cell.end } }, newText: renamed });
  }
  return edits;
}

/** Whether a sorted list holds a value strictly between `after` and `before`. */
function anyBetween(sorted: readonly number[], after: number, before: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] < before;
}

/** The header cell above the row's cell that holds the stamp (same column index). */
export function timeHeaderCell(headerText: string, rowText: string, stampStart: number): { text: string; start: number; end: number } | undefined {
  const rowCells = splitTableRow(rowText);
  const column = rowCells.findIndex((c) => c.start <= stampStart && stampStart <= c.end);
  return column < 0 ? undefined : splitTableRow(headerText)[column];
}

/** A zone as a header writes it: `IST`, `PST/PDT`, `Asia/Kolkata`, `UTC+5:30`, `local`. */
const ZONE_WORDS = /^(?:[A-Z]{2,5}(?:\/[A-Z]{2,5})?|[A-Za-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?|(?:UTC|GMT)\s?[+\u2212-]\s?\d{1,2}(?::?\d\d)?|[Ll]ocal(?: time)?)$/;

/** "Time (IST)" → "Time (UTC)", "Time IST" → "Time (UTC)", "Local time" → "Time (UTC)"; undefined when it already says UTC or names no zone. */
export function utcHeader(cell: string): string | undefined {
  if (cell.length > 80 || /^(?:.*\()?(?:utc|gmt)\)?$/i.test(cell.replace(/^(?:time|when)\s?/i, ''))) return undefined;
  const paren = /^([^()]{0,40}?)\s?\(([^()]{1,40})\)(.{0,40})$/.exec(cell);
  if (paren && /time|when/i.test(paren[1]) && ZONE_WORDS.test(paren[2].trim())) return `${paren[1]} (UTC)${paren[3]}`;
  const word = /^([Tt]ime|TIME|[Ww]hen)\s(?:in\s)?(\S{2,40})$/.exec(cell);
  if (word && ZONE_WORDS.test(word[2]) && !/^[Ll]ocal/.test(word[2])) return `${word[1]} (UTC)`;
  if (/^[Ll]ocal\s[Tt]ime$/.test(cell)) return 'Time (UTC)';
  return undefined;
}

/** The zone a time column's header names (`IST` in "Time (IST)", `local` in "Local time"), or undefined when it names none or UTC. */
export function headerZoneWord(cell: string): string | undefined {
  if (utcHeader(cell) === undefined) return undefined;
  const paren = /\(([^()]{1,40})\)/.exec(cell);
  if (paren) return paren[1].trim();
  const word = /^(?:[Tt]ime|TIME|[Ww]hen)\s(?:in\s)?(\S{2,40})$/.exec(cell);
  return word ? word[1] : 'local';
}

/** A header that says its times are UTC: "Time (UTC)", "Time UTC", "When (GMT)", "UTC". */
export function saysUtc(cell: string): boolean {
  return cell.length <= 80 && /^(?:(?:time|when)\s?(?:in\s)?)?\(?(?:utc|gmt)\)?$/i.test(cell.trim());
}

/**
 * The first of `rows` (table rows read in the front matter's `zone`) whose time column's header says
 * UTC ("Time (UTC)") or names another IANA zone: the header and `timezone:` disagree, so converting
 * the rows from `zone` may move every time by hours (trial: `Time (UTC)` rows under `timezone:
 * Asia/Kolkata` became 5.5 h earlier with nothing said). Abbreviations are not compared (IST is
 * three zones). Each table is looked at once.
 */
export function headerDisagreement(doc: PostmortemDocument, rows: readonly TimelineEntry[], zone: string): { line: number; text: string } | undefined {
  const own = canonicalZone(zone) ?? zone;
  const sorted = rows.filter((e) => e.form === 'table' && e.stampRange).sort((a, b) => a.line - b.line);
  let handledUntil = -1;
  for (const entry of sorted) {
    if (entry.line < handledUntil) continue;
    handledUntil = entry.line + 1;
    while (handledUntil < doc.lines.lineCount && /^\s*\|/.test(doc.lines.lineText(handledUntil))) handledUntil++;
    const header = headerLineAbove(doc, entry.line);
    const cell = header < 0 ? undefined : timeHeaderCell(doc.lines.lineText(header), doc.lines.lineText(entry.line), entry.stampRange!.start.character);
    if (!cell) continue;
    const word = saysUtc(cell.text) ? 'UTC' : headerZoneWord(cell.text);
    const named = word === 'UTC' ? 'UTC' : word?.includes('/') && isValidTimeZone(word) ? canonicalZone(word) ?? word : undefined;
    if (named && named !== own) return { line: header, text: cell.text };
  }
  return undefined;
}
