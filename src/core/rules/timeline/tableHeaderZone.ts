import type { PostmortemDocument, TimelineEntry } from '../../document/model';
import { splitTableRow } from '../../index/tableRows';
import type { TextEdit } from '../../types';

const MAX_ROWS_UP = 10_000;

/** `|---|:--:|`: the row under a table's header. */
function isDelimiter(line: string): boolean {
  const cells = splitTableRow(line);
  return cells.length > 0 && cells.every((c) => /^:?-{1,}:?$/.test(c.text));
}

/** The line of the header row of the table holding `line`, or -1. */
function headerLineAbove(doc: PostmortemDocument, line: number): number {
  for (let k = line - 1; k > 0 && k >= line - MAX_ROWS_UP; k--) {
    const text = doc.lines.lineText(k);
    if (!/^\s*\|/.test(text)) return -1;
    if (isDelimiter(text)) return /^\s*\|/.test(doc.lines.lineText(k - 1)) ? k - 1 : -1;
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
  const done = new Set<number>();
  for (const entry of converted) {
    if (entry.form !== 'table' || !entry.stampRange) continue;
    const header = headerLineAbove(doc, entry.line);
    if (header < 0 || done.has(header)) continue;
    done.add(header);
    // The table's rows: from under the delimiter to the last `|` line.
    let end = header + 2;
    while (end < doc.lines.lineCount && /^\s*\|/.test(doc.lines.lineText(end)) && end < header + 2 + MAX_ROWS_UP) end++;
    if (entries.some((e) => e.line > header + 1 && e.line < end && staysLocal(e) && !converted.has(e))) continue;
    const text = doc.lines.lineText(header);
    const cell = timeHeaderCell(text, doc.lines.lineText(entry.line), entry.stampRange.start.character);
    if (!cell) continue;
    const renamed = utcHeader(cell.text);
    if (renamed !== undefined) edits.push({ range: { start: { line: header, character: cell.start }, end: { line: header, character: cell.end } }, newText: renamed });
  }
  return edits;
}

/** The header cell above the row's cell that holds the stamp (same column index). */
function timeHeaderCell(headerText: string, rowText: string, stampStart: number): { text: string; start: number; end: number } | undefined {
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
