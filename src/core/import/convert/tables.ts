/** Cells of a GFM table row, trimmed; escaped pipes (`\|`) stay inside their cell. */
export function splitRow(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

/**
 * `|---|:--:|` and friends. Checked cell by cell after a split (one pass over the line): a single
 * regular expression with nested optional spaces and pipes backtracks badly on long rows.
 */
export function isDelimiterRow(row: string): boolean {
  let text = row.trim();
  if (!text.includes('-')) return false;
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|')) text = text.slice(0, -1);
  const cells = text.split('|');
  return cells.every((cell) => /^:?-{2,}:?$/.test(cell.trim()));
}

/** Lower-cased header cells when `lines[i]` opens a GFM table (a `|` row over a delimiter row). */
export function tableHeaderAt(lines: readonly { readonly text: string }[], i: number): string[] | undefined {
  if (!/^\s*\|/.test(lines[i].text) || i + 1 >= lines.length || !isDelimiterRow(lines[i + 1].text)) return undefined;
  return splitRow(lines[i].text).map((h) => h.toLowerCase());
}

/** The body of the table whose header is `lines[i]`: the `|` lines after its delimiter row. */
export function tableBodyRows<T extends { readonly text: string }>(lines: readonly T[], i: number): T[] {
  const rows: T[] = [];
  for (let k = i + 2; k < lines.length && /^\s*\|/.test(lines[k].text); k++) rows.push(lines[k]);
  return rows;
}

/**
 * A table flattened into a wrapped paragraph by a wiki export (`| Time | Event | |---|---| | 11:40 |
 * text … | | 12:02 | …`): the delimiter row on a line beginning with `|`, with words after it, so
 * the table's line breaks were lost. The paragraph's lines joined by single spaces (at most 400
 * lines, 200,000 characters), with where each line starts in `joined`, and the index of the line
 * after the paragraph. Undefined when `lines[i]` does not open one. The one test the timeline's
 * and the action items' readers share.
 */
export function flattenedTableAt(lines: readonly { readonly text: string }[], i: number): { joined: string; starts: number[]; end: number } | undefined {
  const text = lines[i].text;
  const dashes = text.lastIndexOf('---');
  const flat = dashes !== -1 && text.length <= 4000 && /^\s{0,3}\|/.test(text) && /[\p{L}\p{N}]/u.test(text.slice(dashes).replace(/^[-\s:|]*/, ''));
  return flat ? paragraphFrom(lines, i) : undefined;
}

/**
 * A table that lost its line breaks, as the action items' reader finds one (trial 17c F2): a line
 * beginning with `|` holding a delimiter cell (`|---|`) that is not a table's own delimiter row, in
 * a paragraph with words after the delimiter — the Flutter wiki writes the header and the delimiter
 * on one line and wraps the rows after it. Joined as `flattenedTableAt` joins it.
 */
export function flattenedParagraphAt(lines: readonly { readonly text: string }[], i: number): { joined: string; starts: number[]; end: number } | undefined {
  const text = lines[i].text;
  if (text.length > 4000 || !/^\s{0,3}\|/.test(text) || !/\|\s{0,3}:?-{3,}:?\s{0,3}\|/.test(text) || isDelimiterRow(text) || tableHeaderAt(lines, i)) return undefined;
  const para = paragraphFrom(lines, i);
  const dashes = para.joined.lastIndexOf('---');
  return /[\p{L}\p{N}]/u.test(para.joined.slice(dashes)) ? para : undefined;
}

function paragraphFrom(lines: readonly { readonly text: string }[], i: number): { joined: string; starts: number[]; end: number } {
  let j = i;
  let joined = '';
  const starts: number[] = [];
  while (j < lines.length && j < i + 400 && lines[j].text.trim() && joined.length < 200_000) {
    starts.push(joined.length);
    joined += `${lines[j].text.trim()} `;
    j++;
  }
  return { joined, starts, end: j };
}

/** A cell of a flattened table, with where it starts in the joined text. */
export interface FlatCell {
  readonly text: string;
  readonly at: number;
}

/**
 * The header and rows of a flattened table (flattenedTableAt's `joined`): split at the unescaped
 * pipes, the header is the cells before the delimiter cells (`---`, as many as the header has),
 * and each row is that many cells, rows parted by an empty cell (one row's closing pipe and the
 * next one's opening pipe: `… | | …`). Undefined when the text does not part so — a row of another
 * width, a word where a row should end: the shape is not read, and the caller says so.
 */
export function flatTableRows(joined: string): { header: FlatCell[]; rows: FlatCell[][] } | undefined {
  const parts: FlatCell[] = [];
  let from = 0;
  for (let k = 0; k <= joined.length; k++) {
    if (k < joined.length && (joined[k] !== '|' || (k > 0 && joined[k - 1] === '\\'))) continue;
    const raw = joined.slice(from, k);
    parts.push({ text: raw.trim(), at: from + (raw.length - raw.trimStart().length) });
    from = k + 1;
  }
  if (parts.length < 3 || parts[0].text) return undefined;
  const isDash = (c: FlatCell) => /^:?-{2,}:?$/.test(c.text);
  const d = parts.findIndex(isDash);
  if (d < 2) return undefined;
  let n = 0;
  while (d + n < parts.length && isDash(parts[d + n])) n++;
  // The header's cells, without the empty one between its closing pipe and the delimiter's opening one.
  const header = parts.slice(1, parts[d - 1].text ? d : d - 1);
  if (header.length !== n || header.some((c) => !c.text)) return undefined;
  const body = parts.slice(d + n);
  const rows: FlatCell[][] = [];
  let k = 0;
  // [separator, n cells] repeated; the last separator (after the closing pipe) may be missing.
  while (k < body.length) {
    if (body[k].text) return undefined;
    if (k === body.length - 1) break;
    const row = body.slice(k + 1, k + 1 + n);
    if (row.length !== n) return undefined;
    rows.push(row);
    k += n + 1;
  }
  return rows.length ? { header, rows } : undefined;
}
