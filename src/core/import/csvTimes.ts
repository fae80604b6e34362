/**
 * The times of a CSV's rows, from one column (`2026-12-06 19:02`, `12/6/2026 7:02 PM`, an Excel
 * serial) or from a date column and a time-of-day column (`Date,Time,…`), read as wall-clock times
 * and then as instants in the zone written beside them or the export's zone.
 *
 * Numeric dates (`06/12/2026`) are read in one order for the whole column, as a spreadsheet writes
 * them: a row whose first number is above 12 (`13/12/2026`) can only be day first, one whose second
 * is (`12/13/2026`) only month first; that row settles the others and a note says which row. With no
 * such row, the order the caller gives (`dateOrder`, asked of the user) settles them; else the rows
 * are refused with AmbiguousDateOrderError, naming the row, the value, both readings and what to
 * write: reading 12/6 as either would put the incident six months off without a word.
 */
import { ImportError } from './events';
import { readSheetValue, type SheetDate, type SheetValue } from './sheetTimes';
import { readExportTime, readLocalExportTime, type ExportTime } from './times';

export type DateOrder = 'day-first' | 'month-first';

export const DATE_ORDERS: readonly DateOrder[] = ['month-first', 'day-first'];

/**
 * Numeric dates that could be either order and nothing in the export settles it. Hosts catch it to
 * ask (the editor) or to name their option (the CLI's --date-order); `example` is the first such value.
 */
export class AmbiguousDateOrderError extends ImportError {
  constructor(message: string, readonly example: { readonly value: string; readonly monthFirst: string; readonly dayFirst: string }) {
    super(message);
  }
}

export interface TimeCells {
  /** The time cell, or the date cell and the time-of-day cell. */
  readonly cells: readonly string[];
  /** `alerts.csv row 4`, for messages. */
  readonly where: string;
}

export interface CsvTimes {
  readonly times: ExportTime[];
  /** What was decided for the column (the date order, how Excel serials were read), for the summary. */
  readonly notes: string[];
  /** How many rows had no zone written and were read in the export's zone. */
  readonly zoneLess: number;
}

const EPOCH = /^(?:\d{9,10}(?:\.\d+)?|\d{12,13})$/;

/**
 * Each row's time, in row order. `labels` name the columns (`"Timestamp"`, or `"Date"` and `"Time"`)
 * in messages. Throws ImportError (or AmbiguousDateOrderError) naming the first row that cannot be read.
 */
export function readCsvTimes(rows: readonly TimeCells[], labels: readonly string[], options: { zone?: string; dateOrder?: DateOrder } = {}): CsvTimes {
  const columns = labels.join(' and ');
  const values = rows.map((row) => readRow(row, labels));
  const order = settleOrder(values, rows, options.dateOrder, labels[0]);
  const notes: string[] = [];
  if (order.note) notes.push(order.note);
  let zoneLess = 0;
  let firstSerial: { where: string; value: string; read: string } | undefined;
  const times = values.map((v, i) => {
    const { where, cells } = rows[i];
    const written = cells.join(' ');
    if (v === 'epoch') return readExportTime(cells[0], where, options.zone);
    const date = dateOf(v.date!, order.order);
    const local = { ...date, ...v.time! };
    if (v.zone === undefined) zoneLess++;
    if (v.serial && !firstSerial) firstSerial = { where, value: cells[0].trim(), read: `${date.year}-${pad(date.month)}-${pad(date.day)} ${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}` };
    return readLocalExportTime(local, v.zone, written.trim(), where, options.zone);
  });
  if (firstSerial) {
    notes.push(`Excel serial day numbers in ${columns} read in Excel's 1900 date system (${firstSerial.where}: ${firstSerial.value} is ${firstSerial.read}); in a workbook set to the 1904 date system they would be 4 years and a day later`);
  }
  return { times, notes, zoneLess };
}

/** One row's date, time of day and zone; `epoch` for epoch seconds or milliseconds. */
function readRow({ cells, where }: TimeCells, labels: readonly string[]): SheetValue | 'epoch' {
  if (cells.length === 1) {
    const raw = cells[0].trim();
    if (EPOCH.test(raw)) return 'epoch';
    const v = readSheetValue(raw, where);
    if (!v.date) throw new ImportError(`${where}: "${raw}" is a time of day without a date (expected a date and time such as 2026-11-20T14:09:00Z)`);
    if (!v.time) {
      throw new ImportError(`${where}: "${raw}" is a date without a time of day; if another column holds the time, name both columns joined by + (such as Date+Time), else the export needs a time in ${labels[0]}`);
    }
    return v;
  }
  const [dateCell, timeCell] = cells.map((c) => c.trim());
  const d = readSheetValue(dateCell, where);
  const t = readSheetValue(timeCell, where);
  if (!d.date || d.time) throw new ImportError(`${where}: expected a date alone in ${labels[0]}, found "${dateCell}"`);
  if (!t.time || t.date) throw new ImportError(`${where}: expected a time of day alone in ${labels[1]}, found "${timeCell}"`);
  return { date: d.date, time: t.time, ...(t.zone !== undefined ? { zone: t.zone } : {}), ...(d.serial ? { serial: true } : {}) };
}

/** The order numeric dates are read in, and the note saying what decided it; throws when nothing does. */
function settleOrder(values: readonly (SheetValue | 'epoch')[], rows: readonly TimeCells[], given: DateOrder | undefined, dateColumn: string): { order?: DateOrder; note?: string } {
  let dayFirst: number | undefined;
  let monthFirst: number | undefined;
  let ambiguous: number | undefined;
  values.forEach((v, i) => {
    if (v === 'epoch' || v.date?.kind !== 'numeric') return;
    const { first, second } = v.date;
    if (first > 12 && second > 12) throw new ImportError(`${rows[i].where}: "${dateText(rows[i])}" is not a date: neither ${first} nor ${second} is a month`);
    if (first > 12) dayFirst ??= i;
    else if (second > 12) monthFirst ??= i;
    else ambiguous ??= i;
  });
  if (dayFirst !== undefined && monthFirst !== undefined) {
    const [d, m] = [rows[dayFirst], rows[monthFirst]];
    throw new ImportError(`${d.where}: "${dateText(d)}" can only be day first and ${m.where}: "${dateText(m)}" only month first: the column mixes two date orders; write its dates as YYYY-MM-DD`);
  }
  const evident: DateOrder | undefined = dayFirst !== undefined ? 'day-first' : monthFirst !== undefined ? 'month-first' : undefined;
  if (given && evident && given !== evident) {
    const row = rows[(dayFirst ?? monthFirst)!];
    throw new ImportError(`${row.where}: "${dateText(row)}" cannot be read ${given.replace('-', ' ')}: it can only be ${evident.replace('-', ' ')}`);
  }
  if (ambiguous === undefined) return { order: evident ?? given };
  const row = rows[ambiguous];
  const date = (values[ambiguous] as SheetValue).date as Extract<SheetDate, { kind: 'numeric' }>;
  const monthFirstReading = spelled(date.year, date.first, date.second);
  const dayFirstReading = spelled(date.year, date.second, date.first);
  const sample = `${dateText(row)} as ${(evident ?? given) === 'day-first' ? dayFirstReading : monthFirstReading}`;
  if (evident) {
    const decided = rows[(dayFirst ?? monthFirst)!];
    return { order: evident, note: `dates in ${dateColumn} read ${evident.replace('-', ' ')} (${sample}), as ${decided.where}'s "${dateText(decided)}" can only be read` };
  }
  if (given) return { order: given, note: `dates in ${dateColumn} read ${given.replace('-', ' ')}, as asked (${sample})` };
  throw new AmbiguousDateOrderError(
    `${row.where}: "${dateText(row)}" could be ${monthFirstReading} (month first) or ${dayFirstReading} (day first), and no date in the export has a day above 12 to tell; write the dates as YYYY-MM-DD (in the spreadsheet, format the column as yyyy-mm-dd hh:mm:ss before exporting), or say which order the export uses`,
    { value: dateText(row), monthFirst: monthFirstReading, dayFirst: dayFirstReading },
  );
}

function dateOf(date: SheetDate, order: DateOrder | undefined): { year: number; month: number; day: number } {
  if (date.kind === 'date') return date;
  return order === 'day-first' ? { year: date.year, month: date.second, day: date.first } : { year: date.year, month: date.first, day: date.second };
}

/** The date as written in a row (its first cell's date part), for messages. */
function dateText(row: TimeCells): string {
  return row.cells[0].trim().split(/\s/, 1)[0];
}

function spelled(year: number, month: number, day: number): string {
  const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${day} ${names[month - 1]} ${year}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
