import { formatUtcTime, localTimeIssueFact } from '../time/zones';
import { ImportError } from './events';
import type { ExportTime } from './times';

/** One row's time as read, and where it is (`alerts.csv row 4`) for messages. */
export interface TimedRow {
  readonly time: ExportTime;
  readonly where: string;
}

/** Each row's instant, in row order, and a note for each row whose repeated hour the row order decided. */
export interface SettledTimes {
  readonly instants: number[];
  readonly notes: (string | undefined)[];
}

/** Rows named in one refusal; the rest are counted. */
const NAMED = 10;

type Order = 'ascending' | 'descending';

/**
 * Settles the instants of an export's rows. A local time a DST change skips (a gap) has no instant
 * and is refused. A time the change repeats (a fold: 01:10 on the night the clocks go back) has two;
 * the export's own row order decides when exactly one choice keeps every row in time order (01:20,
 * 01:40, 01:10: the third is the second 01:10, the clock visibly went back), and that choice is
 * noted. When both fit, or the rows are not in time order at all, the row is refused as ambiguous:
 * guessing would reorder the timeline without a word. Every refused row is named in one error.
 */
export function settleRowTimes(rows: readonly TimedRow[]): SettledTimes {
  const order = rowOrder(rows);
  const choices = order ? possibleChoices(rows, order) : undefined;
  const instants: number[] = [];
  const notes: (string | undefined)[] = [];
  const refused: string[] = [];
  rows.forEach((row, i) => {
    const t = row.time;
    if (t.kind === 'one') {
      instants.push(t.instant);
      notes.push(undefined);
      return;
    }
    const what = localTimeIssueFact(t.issue);
    if (t.kind === 'gap') {
      refused.push(`${row.where}: ${what}`);
      return;
    }
    const fits = choices?.[i];
    if (fits && fits[0] !== fits[1]) {
      const which = fits[0] ? 0 : 1;
      instants.push(t.instants[which]);
      notes.push(`${row.where}: ${what}; read as the ${which === 0 ? 'first' : 'second'} (${formatUtcTime(t.instants[which])}Z), the only one that keeps the export's rows in time order (${order!.assumed ? 'rows taken as oldest first' : order!.direction === 'ascending' ? 'oldest first' : 'newest first'})`);
      return;
    }
    const why = !order ? "the export's rows are not in time order, so their order cannot tell which"
      : fits?.[0] && fits[1] ? "both keep the export's rows in time order, so their order cannot tell which"
        : "neither keeps the export's rows in time order";
    refused.push(`${row.where}: ${what}; ${why}`);
  });
  if (refused.length) {
    const more = refused.length > NAMED ? `\n… and ${refused.length - NAMED} more` : '';
    const head = refused.length === 1 ? '' : `${refused.length} rows have a local time that a daylight-saving change skips or repeats:\n`;
    throw new ImportError(`${head}${refused.slice(0, NAMED).join('\n')}${more}\nWrite the UTC time or an explicit offset (such as -07:00) in ${refused.length === 1 ? 'that row' : 'those rows'}`);
  }
  return { instants, notes };
}

/**
 * The direction the rows run in, from the rows with one instant: oldest first, newest first, or
 * undefined when they go both ways. With fewer than two distinct instants to compare, file order
 * is taken as oldest first (the usual order of an export), which the note then says.
 */
function rowOrder(rows: readonly TimedRow[]): { direction: Order; assumed: boolean } | undefined {
  let up = false;
  let down = false;
  let last: number | undefined;
  for (const row of rows) {
    if (row.time.kind !== 'one') continue;
    const t = row.time.instant;
    if (last !== undefined && t > last) up = true;
    if (last !== undefined && t < last) down = true;
    last = t;
  }
  if (up && down) return undefined;
  if (down) return { direction: 'descending', assumed: false };
  return { direction: 'ascending', assumed: !up };
}

/**
 * For each row, which of its candidate instants (index 0 and, for a fold, 1) lie on at least one
 * assignment that keeps all rows in `order`: a forward and a backward pass, linear in the rows.
 */
function possibleChoices(rows: readonly TimedRow[], order: { direction: Order }): ([boolean, boolean] | undefined)[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const cands = rows.map((r): number[] => (r.time.kind === 'one' ? [sign * r.time.instant] : r.time.kind === 'fold' ? r.time.instants.map((t) => sign * t) : []));
  const n = rows.length;
  // A gap row has no instant: it neither constrains nor is constrained (it is refused anyway).
  const forward: boolean[][] = new Array(n);
  let earliestEnd = -Infinity; // the earliest instant a valid prefix can end on: what the next row must not precede
  for (let i = 0; i < n; i++) {
    forward[i] = cands[i].map((c) => c >= earliestEnd);
    const reachable = cands[i].filter((_, k) => forward[i][k]);
    if (cands[i].length) earliestEnd = reachable.reduce((a, b) => Math.min(a, b), Infinity);
  }
  const backward: boolean[][] = new Array(n);
  let nextMin = Infinity;
  for (let i = n - 1; i >= 0; i--) {
    backward[i] = cands[i].map((c) => c <= nextMin);
    const reachable = cands[i].filter((_, k) => backward[i][k]);
    if (cands[i].length) nextMin = reachable.reduce((a, b) => Math.max(a, b), -Infinity);
  }
  return rows.map((r, i) => (r.time.kind === 'fold' ? [forward[i][0] && backward[i][0], forward[i][1] && backward[i][1]] : undefined));
}
