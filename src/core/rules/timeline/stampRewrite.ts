import type { PostmortemDocument, TimelineEntry } from '../../document/model';
import type { TimelineStamp } from '../../timeline/entryGrammar';
import type { RawTimelineEntry } from '../../timeline/extract';
import type { TimelineResolver } from '../../timeline/resolve';
import type { TextEdit } from '../../types';

/*
 * How one entry's stamp is rewritten (timeline/not-utc's conversions, the choice of a reading)
 * without moving any other entry in time: the stamp's edit, the entry as it would then read, and the
 * later time-only entries whose date depends on it.
 */

export interface Pin {
  readonly index: number;
  /** The raw entry as the pin rewrites it. */
  readonly raw: RawTimelineEntry;
  readonly entry: TimelineEntry;
  /** The entry converted too (its own fix), or its local stamp with the date it reads as now. */
  readonly newText: string;
  readonly converted: boolean;
}

/**
 * Rewriting entry `index` can change the date carried to the time-only entries after it (a local
 * `2026-03-08 05:01 +09:00` is `2026-03-07 20:01Z`). Those entries are converted as well when that
 * keeps their time, else get the date they read as now, so one fix never moves another entry in time.
 */
export function dependentPins(
  fixedRaw: RawTimelineEntry, index: number, raws: readonly RawTimelineEntry[], entries: readonly TimelineEntry[],
  before: readonly TimelineResolver[], converted: ReadonlyMap<number, { raw: RawTimelineEntry; newText: string }>,
): Pin[] {
  const pins: Pin[] = [];
  const resolver = before[index].fork();
  resolver.next(fixedRaw, 0);
  for (let j = index + 1; j < raws.length && !resolver.sameStateAs(before[j]); j++) {
    const raw = raws[j];
    const stamp = raw.parsed.stamp;
    const want = entries[j].instant;
    if (want === undefined || !stamp || stamp.date || resolver.fork().next(raw, 0).instant === want) {
      resolver.next(raw, 0);
      continue;
    }
    const own = converted.get(j);
    if (own && resolver.fork().next(own.raw, 0).instant === want) {
      pins.push({ index: j, raw: own.raw, entry: entries[j], newText: own.newText, converted: true });
      resolver.next(own.raw, 0);
      continue;
    }
    // Pin the date this entry reads as now: the one the untouched timeline carries after it.
    const now = before[j].fork();
    now.next(raw, 0);
    const date = now.carried;
    if (!date) break;
    const pinned = { ...raw, parsed: { ...raw.parsed, stamp: { ...stamp, date } } };
    pins.push({ index: j, raw: pinned, entry: entries[j], newText: `${date.year}-${pad(date.month)}-${pad(date.day)} ${raw.text.slice(stamp.start, stamp.end)}`, converted: false });
    resolver.next(pinned, 0);
  }
  return pins;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function rewritten(raw: RawTimelineEntry, stamp: TimelineStamp, instant: number, withDate: boolean, rangeEndInstant: number | undefined): RawTimelineEntry {
  const d = new Date(instant);
  const date = withDate ? { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() } : undefined;
  const e = rangeEndInstant !== undefined ? new Date(rangeEndInstant) : undefined;
  const rangeEnd = stamp.rangeEnd && e ? { ...stamp.rangeEnd, hour: e.getUTCHours(), minute: e.getUTCMinutes(), second: e.getUTCSeconds() } : undefined;
  const utcStamp: TimelineStamp = { ...stamp, date, hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), zone: 'Z', zoneReadings: undefined, rangeEnd };
  return { ...raw, parsed: { ...raw.parsed, stamp: utcStamp } };
}

/**
 * The edit replacing the stamp. In a table row the cell keeps its width when the padding allows
 * (`| 2:09 PM PST |` → `| 22:09Z      |`), so aligned tables stay aligned.
 */
export function stampEdit(doc: PostmortemDocument, entry: TimelineEntry, newText: string): TextEdit {
  const dated = entry.dateCell && entry.dateCell.end <= entry.stampRange!.start.character ? DATED_STAMP.exec(newText) : null;
  if (dated) return dateCellEdit(doc, entry, entry.dateCell!, dated[1], stampEdit(doc, { ...entry, dateCell: undefined }, dated[2]));
  const range = entry.stampRange!;
  const oldLength = range.end.character - range.start.character;
  if (entry.form !== 'table') return { range, newText };
  const after = doc.lines.lineText(entry.line).slice(range.end.character);
  const padding = /^( *)\|/.exec(after)?.[1].length;
  if (padding === undefined) return { range, newText };
  if (newText.length <= oldLength) return { range, newText: newText + ' '.repeat(oldLength - newText.length) };
  const eat = Math.min(newText.length - oldLength, Math.max(0, padding - 1));
  return { range: { start: range.start, end: { line: range.end.line, character: range.end.character + eat } }, newText };
}

const DATED_STAMP = /^(\d{4}-\d{2}-\d{2}) (.+)$/;

/**
 * A row with a Date column of its own (`| 2026-03-01 | 00:20 |`): the date goes in the Date cell and
 * the time in the Time cell, one edit spanning both, so the row never says two dates (trial C1).
 */
function dateCellEdit(doc: PostmortemDocument, entry: TimelineEntry, cell: { start: number; end: number }, date: string, timeEdit: TextEdit): TextEdit {
  const lineText = doc.lines.lineText(entry.line);
  let start = cell.start;
  let written = date;
  if (cell.start === cell.end) {
    // An empty cell (`|            |`, `||`): its blanks become ` date ` padded to the cell's width.
    const open = lineText.lastIndexOf('|', cell.start - 1);
    start = open + 1;
    written = ` ${date} `.padEnd(cell.start - start);
  }
  const between = lineText.slice(cell.end, timeEdit.range.start.character);
  return { range: { start: { line: entry.line, character: start }, end: timeEdit.range.end }, newText: `${written}${between}${timeEdit.newText}` };
}
