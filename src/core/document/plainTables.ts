import type { Table, TableCell, TableRow } from 'mdast';
import type { LineIndex } from '../text/lineIndex';

/**
 * GFM tables read from their lines for the Timeline / Action items fast path (plainLists.ts): the
 * extractors need each row's line, each cell's columns on it, and the header cells' plain text.
 * Only the plain shape is read — header at column 0 starting with `|`, a delimiter row of as many
 * cells, body rows starting with `|` up to a blank line or the section's end — and cells are cut
 * where micromark cuts them (test/unit/document/fastPaths.test.ts holds them to it): at every pipe
 * not escaped with `\`, code spans included; the last cell runs to the end of the line.
 */

/** A delimiter row's cell: dashes with optional colons (`---`, `:-:`). */
const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/;
const BLANK = /^[ \t]*$/;
const LONE_PIPE = /^\|[ \t]*$/;
/** Characters with Markdown meaning in a header cell: its plain text may differ from what is written. */
const CELL_MARKUP = /[\\`*_[\]<>&!~]/;

/** Where each cell of a row starting with `|` starts and ends (columns, 0-based, end exclusive). */
export function cellSpans(text: string): { start: number; end: number }[] {
  const pipes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && (text[i + 1] === '\\' || text[i + 1] === '|')) i++;
    else if (c === '|') pipes.push(i);
  }
  const last = pipes[pipes.length - 1]!;
  // A closing pipe (only white space after it) ends the last cell, which keeps that white space.
  const closed = pipes.length > 1 && BLANK.test(text.slice(last + 1));
  const starts = closed ? pipes.slice(0, -1) : pipes;
  return starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1]! : text.length }));
}

/** A cell's text without its pipes and surrounding white space. */
function cellContent(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start + 1, span.end).replace(/\|[ \t]*$/, '').trim();
}

/**
 * The table whose header is on `line`, and the line after it; undefined when it is not one the lines
 * can vouch for (the caller then parses the section). The line before must not hold paragraph text.
 */
export function readPlainTable(lines: LineIndex, line: number): { table: Table; next: number } | undefined {
  const headerText = lines.lineText(line);
  // A lone pipe (`| `) has no cell to micromark: not a table header, and the parser's call.
  if (line + 1 >= lines.lineCount || !headerText.startsWith('|') || LONE_PIPE.test(headerText)) return undefined;
  const delimiter = lines.lineText(line + 1);
  if (CELL_MARKUP.test(headerText) || delimiterCells(delimiter) !== cellSpans(headerText).length) return undefined;
  const row = (at: number, text: string, header: boolean): TableRow => ({
    type: 'tableRow',
    children: cellSpans(text).map((span): TableCell => ({
      type: 'tableCell',
      children: header ? [{ type: 'text', value: cellContent(text, span) }] : [],
      position: { start: { line: at + 1, column: span.start + 1 }, end: { line: at + 1, column: span.end + 1 } },
    })),
    position: { start: { line: at + 1, column: 1 }, end: { line: at + 1, column: text.length + 1 } },
  });
  const rows = [row(line, headerText, true)];
  let next = line + 2;
  for (; next < lines.lineCount; next++) {
    const text = lines.lineText(next);
    if (BLANK.test(text)) break;
    // Any other line may be a row too, or start a block that ends the table: the parser's call.
    if (!text.startsWith('|')) return undefined;
    rows.push(row(next, text, false));
  }
  const end = rows[rows.length - 1]!.position!.end;
  return { table: { type: 'table', align: [], children: rows, position: { start: { line: line + 1, column: 1 }, end } }, next };
}

/** How many cells a delimiter row (`| --- | :-: |`, starting with `|` here) has; undefined when it is not one. */
function delimiterCells(text: string): number | undefined {
  if (!text.startsWith('|')) return undefined;
  const cells = text.slice(1).split('|');
  if (cells.length > 1 && BLANK.test(cells[cells.length - 1]!)) cells.pop();
  return cells.every((cell) => DELIMITER_CELL.test(cell)) ? cells.length : undefined;
}
