/** Cells of a GFM table row, trimmed; escaped pipes `\|` stay inside their cell. */
export function splitRow(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

export function isDelimiterRow(row: string): boolean {
  return /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(row);
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
