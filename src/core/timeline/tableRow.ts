import { splitTableRow, type TableCell } from '../index/tableRows';
import { isoDayCell } from '../time/isoDay';
import { parseEntryText } from './entryGrammar';
import type { RawTimelineEntry } from './extract';

/**
 * The one reading of a timeline table's rows, shared by the full parser (timeline/extract.ts) and
 * the summary reader (index/timelineLines.ts), so lint, the tree, `actions` and the metrics read the
 * same entries. Columns are recognised from the header (lower-cased, markup removed):
 *
 *   | Time (UTC) | Event |                    the time cell holds the date too, or inherits it
 *   | Date | Time (IST) | Event |             a Date column and a Time column, read together (trial C1)
 *   | Date | Event |                          the "Date" cell holds date and time (`2026-02-28 23:30`)
 *
 * In a table with a Date column, a row whose Date cell is empty takes the date of the row before it
 * (the resolver carries it, and crosses midnight as for list entries).
 */
export interface TimelineTableColumns {
  /** The cell holding the time (with or without a date). */
  readonly time: number;
  /** A separate Date column, or -1. */
  readonly date: number;
  readonly event: number;
}

const TIME_HEADER = /time|when|utc/;
const DATE_HEADER = /date|\bday\b/;
const EVENT_HEADER = /event|description|what|action|detail|note/;

/** How a header's cells make a timeline table, or undefined when it has no time column. */
export function timelineTableColumns(header: readonly string[]): TimelineTableColumns | undefined {
  let time = header.findIndex((h) => TIME_HEADER.test(h));
  let date = -1;
  if (time === -1) {
    // `| Date | Event |`: the Date cell is where the time is written.
    time = header.findIndex((h) => DATE_HEADER.test(h));
    if (time === -1) return undefined;
  } else if (!DATE_HEADER.test(header[time])) {
    // `| Date | Time |`: a column of its own for the date (not `Date/Time`, which holds both).
    date = header.findIndex((h, i) => i !== time && DATE_HEADER.test(h) && !TIME_HEADER.test(h) && !EVENT_HEADER.test(h));
  }
  let event = header.findIndex((h, i) => i !== time && i !== date && EVENT_HEADER.test(h));
  if (event === -1) event = header.findIndex((_h, i) => i !== time && i !== date);
  return { time, date, event };
}

/** The Date cell's problem: it is not a YYYY-MM-DD date. */
export function dateCellProblem(found: string): string {
  return `Expected the Date column as YYYY-MM-DD, found "${found}"`;
}

/**
 * The entry of one table row (`lineText` is the row's line, `line` relative to the section), or
 * undefined when the row has no time cell at all.
 */
export function timelineTableRow(
  cols: TimelineTableColumns, lineText: string, line: number, headingDate: RawTimelineEntry['headingDate'],
): RawTimelineEntry | undefined {
  const cells = splitTableRow(lineText);
  const dateCell: TableCell | undefined = cols.date >= 0 ? cells[cols.date] : undefined;
  let timeCell: TableCell | undefined = cells[cols.time];
  if (!timeCell) return undefined;
  // A row with a date and no time reads its Date cell, so the problem says "a time after the date".
  const dateOnly = dateCell?.text && !timeCell.text;
  if (dateOnly) timeCell = dateCell;
  const parsed = parseEntryText(timeCell!.text);
  const event = parseEntryText(cells[cols.event]?.text ?? '');
  const entry: { -readonly [K in keyof RawTimelineEntry]: RawTimelineEntry[K] } = {
    line, lineLength: lineText.length, textStart: timeCell!.start, text: timeCell!.text, form: 'table', headingDate,
    parsed: {
      ...parsed,
      milestones: [...parsed.milestones, ...event.milestones],
      source: parsed.source ?? event.source,
      description: [parsed.description, event.description].filter(Boolean).join(' '),
    },
  };
  if (dateCell && !dateOnly) {
    entry.dateCell = { start: dateCell.start, end: dateCell.end };
    const date = dateCell.text ? isoDayCell(dateCell.text) : undefined;
    if (date) entry.cellDate = date;
    else if (dateCell.text && parsed.stamp && !parsed.stamp.date) {
      // A Date cell that is not a date (`Feb 28`, `28/02`): the time cannot be dated from it, and is not guessed.
      entry.parsed = {
        ...entry.parsed, stamp: undefined, stampProblem: dateCellProblem(dateCell.text),
        stampProblemSpan: { start: dateCell.start - timeCell!.start, end: dateCell.end - timeCell!.start },
      };
    }
  }
  return entry;
}
