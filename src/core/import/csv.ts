import { ImportError, oneLine, type ImportedEvent } from './events';
import { settleRowTimes } from './foldOrder';
import { readExportTime } from './times';

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
  /** Header name (case-insensitive) or 1-based column number; found by name when not given. */
  readonly timeColumn?: string;
  readonly textColumn?: string;
  /** Zone for times written without one. */
  readonly zone?: string;
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

/** A CSV with a header row, one event per row: a time column and a text column. */
export function parseCsvTimeline(text: string, options: CsvOptions = {}): ImportedEvent[] {
  const name = options.name ?? 'CSV';
  const rows = parseCsv(text, name, separatorOf(text));
  if (rows.length === 0) throw new ImportError(`${name}: the file is empty`);
  const header = rows[0].cells;
  const timeCol = column(header, options.timeColumn, TIME_HEADERS, 'time', name);
  const textCol = column(header, options.textColumn, TEXT_HEADERS, 'text', name);
  if (rows.length === 1) throw new ImportError(`${name}: only a header row, no events`);
  const read = rows.slice(1).map(({ cells, line }) => {
    const where = `${name} row ${line}`;
    const time = cells[timeCol];
    if (time === undefined || !time.trim()) throw new ImportError(`${where}: the "${header[timeCol]}" cell is empty`);
    const body = oneLine(cells[textCol] ?? '');
    if (!body) throw new ImportError(`${where}: the "${header[textCol]}" cell is empty`);
    return { time: readExportTime(time, where, options.zone), where, text: body };
  });
  // Times a DST change skips or repeats: the rows' own order settles a repeated hour, or they are refused.
  const { instants, notes } = settleRowTimes(read);
  return read.map((r, i) => ({ instant: instants[i], text: r.text, source: options.source ?? 'alert', origin: r.where, ...(notes[i] ? { note: notes[i] } : {}) }));
}
