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
