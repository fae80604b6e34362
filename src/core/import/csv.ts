import { ENTRY_TEXT_LIMIT, ImportError, oneLine, type ImportedEvent, type ImportRead } from './events';
import { settleRowTimes } from './foldOrder';
import { readCsvTimes, type DateOrder } from './csvTimes';

/**
 * The field separator, from the header row: a comma unless the header holds none outside quotes
 * and holds tabs (a TSV) or semicolons (Excel's CSV where the decimal mark is a comma: German,
 * French, Dutch…). That is not a guess that can go wrong: with no comma in the header, a comma
 * separator would read one column and nothing could be imported.
 */
export function separatorOf(text: string): ',' | ';' | '\t' {
  let quoted = false;
  let tabs = 0;
  let semicolons = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === ',') return ',';
    else if (c === '\t') tabs++;
    else if (c === ';') semicolons++;
    else if (c === '\n' || c === '\r') break;
  }
  return tabs > 0 ? '\t' : semicolons > 0 ? ';' : ',';
}

/**
 * RFC 4180 CSV: quoted fields with doubled quotes, separators and line breaks inside quotes, CRLF or
 * LF rows. Returns rows with the 1-based line each starts on (for messages).
 */
export function parseCsv(text: string, name = 'CSV', separator: ',' | ';' | '\t' = ','): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push({ cells: row, line: rowLine });
    row = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else field += c;
  }
  if (quoted) throw new ImportError(`${name} line ${rowLine}: a quoted field is never closed`);
  if (field !== '' || row.length) endRow();
  return rows;
}

export interface CsvOptions {
  /**
   * Header name (case-insensitive) or 1-based column number; or two joined by `+` (`Date+Time`), a
   * date column and a time-of-day column. Found by name when not given (`Date` and `Time` together).
   */
  readonly timeColumn?: string;
  readonly textColumn?: string;
  /** Zone for times written without one. */
  readonly zone?: string;
  /** How numeric dates (`06/12/2026`) are read when no row of the export settles it. */
  readonly dateOrder?: DateOrder;
  /** Source tag for the entries; paging-tool exports are alerts. */
  readonly source?: string;
  readonly name?: string;
}

const TIME_HEADERS = /^(time|timestamp|date|datetime|created|created_at|created on|occurred_at|triggered_at|start|started_at|when)$/i;
const TEXT_HEADERS = /^(text|message|event|description|summary|title|details|incident|alert|name)$/i;

/**
 * No header looks like the time (or text) column and none was named. Hosts catch it to let the user
 * name one their own way (the CLI's --time-column/--text-column, the editor's Quick Pick of `header`).
 */
export class UnknownColumnError extends ImportError {
  constructor(message: string, readonly which: 'time' | 'text', readonly header: readonly string[]) {
    super(message);
  }
}

function column(header: string[], wanted: string | undefined, guess: RegExp, what: 'time' | 'text', name: string): number {
  if (wanted !== undefined) {
    const byName = header.findIndex((h) => h.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (byName !== -1) return byName;
    if (/^\d+$/.test(wanted) && Number(wanted) >= 1 && Number(wanted) <= header.length) return Number(wanted) - 1;
    throw new ImportError(`${name}: no ${what} column "${wanted}"; the header has ${header.map((h) => `"${h}"`).join(', ')}`);
  }
  const found = header.findIndex((h) => guess.test(h.trim()));
  if (found === -1) throw new UnknownColumnError(`${name}: cannot tell which column holds the ${what}; the header has ${header.map((h) => `"${h}"`).join(', ')}`, what, header);
  return found;
}

/**
 * The other cells of a row, after the text in parentheses with their header: `(service: checkout-api;
 * notes: paged aiko)`. An alert history's other columns hold who was paged, the service, the
 * acknowledgement: dropping them silently lost what the row said (trial 12 T7); keeping them costs a
 * longer line the user can trim. Empty cells and cells repeating the text are left out.
 */
function otherCells(cells: readonly string[], header: readonly string[], skip: readonly number[], text: string): string {
  const parts: string[] = [];
  cells.forEach((cell, i) => {
    const value = oneLine(cell, ENTRY_TEXT_LIMIT);
    if (skip.includes(i) || !value || value === text) return;
    parts.push(`${header[i]?.trim() || `column ${i + 1}`}: ${value}`);
  });
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/** A header naming the date alone and one naming the time of day: the two make each row's time. */
const DATE_HEADER = /^date$/i;
const TIME_OF_DAY_HEADER = /^time(?: of day)?$/i;

/**
 * The column with each row's time, or a date column and a time-of-day column: named (`Date+Time`),
 * or found by their headers (a PagerDuty-style `Date,Time,…` sheet, trial 13a F8).
 */
function timeColumns(header: string[], wanted: string | undefined, name: string): number[] {
  if (wanted !== undefined) {
    const whole = header.findIndex((h) => h.trim().toLowerCase() === wanted.trim().toLowerCase());
    const parts = wanted.split('+');
    if (whole !== -1 || parts.length !== 2) return [column(header, wanted, TIME_HEADERS, 'time', name)];
    return parts.map((p) => column(header, p, TIME_HEADERS, 'time', name));
  }
  const date = header.findIndex((h) => DATE_HEADER.test(h.trim()));
  const time = header.findIndex((h) => TIME_OF_DAY_HEADER.test(h.trim()));
  if (date !== -1 && time !== -1) return [date, time];
  return [column(header, undefined, TIME_HEADERS, 'time', name)];
}

/** A CSV with a header row, one event per row: a time column and a text column. */
export function parseCsvTimeline(text: string, options: CsvOptions = {}): ImportedEvent[] {
  return readCsvTimeline(text, options).events;
}

/**
 * A CSV with a header row, one event per row, and what was decided reading it: which column gave the
 * time and which the text (found by name or named), that the other columns were kept after the text,
 * how many rows were cut at the length limit. Seconds written in the time are kept on the entry.
 */
export function readCsvTimeline(text: string, options: CsvOptions = {}): ImportRead {
  const name = options.name ?? 'CSV';
  const rows = parseCsv(text, name, separatorOf(text));
  if (rows.length === 0) throw new ImportError(`${name}: the file is empty`);
  const header = rows[0].cells;
  const timeCols = timeColumns(header, options.timeColumn, name);
  const textCol = column(header, options.textColumn, TEXT_HEADERS, 'text', name);
  if (rows.length === 1) throw new ImportError(`${name}: only a header row, no events`);
  let cut = 0;
  const kept = new Set<number>();
  const read = rows.slice(1).map(({ cells, line }) => {
    const where = `${name} row ${line}`;
    for (const c of timeCols) {
      const time = cells[c];
      if (time === undefined || !time.trim()) throw new ImportError(`${where}: the "${header[c]}" cell is empty`);
    }
    const main = oneLine(cells[textCol] ?? '', ENTRY_TEXT_LIMIT);
    if (!main) throw new ImportError(`${where}: the "${header[textCol]}" cell is empty`);
    const others = otherCells(cells, header, [...timeCols, textCol], main);
    cells.forEach((c, i) => { if (!timeCols.includes(i) && i !== textCol && c.trim()) kept.add(i); });
    const whole = main + others;
    if (whole.length > ENTRY_TEXT_LIMIT) cut++;
    return { cells: timeCols.map((c) => cells[c]), where, text: oneLine(whole, ENTRY_TEXT_LIMIT) };
  });
  const label = (i: number) => `"${header[i]?.trim() || `column ${i + 1}`}"`;
  const { times, notes: timeNotes, zoneLess } = readCsvTimes(read, timeCols.map(label), { zone: options.zone, dateOrder: options.dateOrder });
  // Times a DST change skips or repeats: the rows' own order settles a repeated hour, or they are refused.
  const { instants, notes } = settleRowTimes(read.map((r, i) => ({ time: times[i], where: r.where })));
  const events = read.map((r, i) => ({ instant: instants[i], text: r.text, source: options.source ?? 'alert', origin: r.where, seconds: true, ...(notes[i] ? { note: notes[i] } : {}) }));
  const columns = columnNotes(header, { timeCols, textCol, named: options.textColumn !== undefined, kept: [...kept].sort((a, b) => a - b), cut, name });
  return { events, skipped: [], notes: [...columns, ...timeNotes], zoneLessTimes: zoneLess };
}

/** What the summary says about the columns: the user sees which one became the text, and what else was kept. */
function columnNotes(header: readonly string[], c: { timeCols: number[]; textCol: number; named: boolean; kept: number[]; cut: number; name: string }): string[] {
  const label = (i: number) => `"${header[i]?.trim() || `column ${i + 1}`}"`;
  const how = c.named ? '' : ' (found by its name)';
  const others = c.kept.length
    ? `; the other ${c.kept.length === 1 ? 'column' : 'columns'} ${c.kept.map(label).join(', ')} ${c.kept.length === 1 ? 'is' : 'are'} kept after it in parentheses, as "(${c.kept.slice(0, 3).map((i) => `${header[i]?.trim() || `column ${i + 1}`}: …`).join('; ')})"`
    : '';
  const notes = [`${c.name}: text from the ${label(c.textCol)} column${how}, time from ${c.timeCols.map(label).join(' and ')}${others}`];
  if (c.cut) notes.push(`${c.cut} row${c.cut === 1 ? ' was' : 's were'} longer than ${ENTRY_TEXT_LIMIT} characters and cut (marked …)`);
  return notes;
}
