/**
 * GFM table recognition for the line scanner: a header row, a delimiter row with as many cells, then
 * rows until a blank line. Cells are split on unescaped pipes, with their columns kept.
 */
export interface TableCell {
  /** Cell text, trimmed (raw Markdown, as written). */
  readonly text: string;
  /** Columns of the trimmed text on the line. */
  readonly start: number;
  readonly end: number;
}

const DELIMITER_CELL = /^\s*:?-+:?\s*$/;

export function splitTableRow(line: string): TableCell[] {
  const cells: TableCell[] = [];
  let from = 0;
  let to = line.length;
  const lead = /^\s*\|/.exec(line);
  if (lead) from = lead[0].length;
  const trail = /\|\s*$/.exec(line.slice(from));
  if (trail && !isEscaped(line, from + trail.index)) to = from + trail.index;
  let cellStart = from;
  for (let i = from; i <= to; i++) {
    if (i < to && !(line.charCodeAt(i) === 124 /* | */ && !isEscaped(line, i))) continue;
    const raw = line.slice(cellStart, i);
    const leading = raw.length - raw.trimStart().length;
    const text = raw.trim();
    cells.push({ text, start: cellStart + leading, end: cellStart + leading + text.length });
    cellStart = i + 1;
  }
  return cells;
}

function isEscaped(line: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && line.charCodeAt(i) === 92; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** The header's cell count when `header` + `delimiter` open a GFM table, else 0. */
export function tableHeaderWidth(header: string, delimiter: string): number {
  if (!header.includes('|') || !delimiter.includes('-')) return 0;
  if (!/^[\s|:-]+$/.test(delimiter)) return 0;
  const cells = splitTableRow(delimiter);
  if (!cells.every((c) => DELIMITER_CELL.test(c.text))) return 0;
  const width = splitTableRow(header).length;
  return width === cells.length ? width : 0;
}

/** Header text as the full parser compares it: lower case, inline markup removed. */
export function headerKey(cell: string): string {
  return stripInlineMarkup(cell).toLowerCase();
}

/** Drops emphasis, code ticks and link syntax (`[text](url)` → `text`), like mdast's toString would. */
export function stripInlineMarkup(text: string): string {
  return text
    // Brackets and parentheses excluded inside: each `[` starts at most one scan to the next bracket (linear).
    .replace(/!?\[([^\][]*)\]\([^()]*\)/g, '$1')
    .replace(/[*_`~]/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .trim();
}
