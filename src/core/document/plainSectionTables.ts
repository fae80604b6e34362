import type { Root, Table } from 'mdast';
import { LineIndex } from '../text/lineIndex';
import { withoutClosingPipe } from '../text/closingPipe';
import { plainText, startLine, walk } from './mdastUtil';
import { readPlainListSection } from './plainLists';

/** A table cell: its plain text, and where it is on its line (columns, 0-based: its pipe to the next). */
export interface TableCellView {
  readonly text: string;
  readonly from: number;
  readonly to: number;
}

/** A table as the readers of a section's numbers need it: its rows (the header first), each on one line. */
export interface TableView {
  readonly rows: readonly { readonly line: number; readonly cells: readonly TableCellView[] }[];
}

/** Characters with Markdown meaning in a cell: its plain text may differ from what is written. */
const CELL_MARKUP = /[\\`*_[\]<>&!~]/;

/**
 * The tables of a section (line numbers relative to it), read from its lines when they can vouch
 * for the whole section (readPlainListSection with tables) and every cell is plain text: no
 * emphasis, code, links, escapes, entities or HTML, whose plain text the Markdown parser decides.
 * Otherwise from the section's Markdown tree, which costs more than the rest of a usual section's
 * lint. The two readings agree (test/unit/document/plainSectionTables.test.ts).
 */
export function sectionTables(text: string, title: string, tree: () => Root): TableView[] {
  return plainSectionTables(text, title) ?? tablesOfTree(tree());
}

/** From the lines only; undefined when they cannot vouch for every table and cell. */
export function plainSectionTables(text: string, title: string): TableView[] | undefined {
  const lines = new LineIndex(text);
  const plain = readPlainListSection(lines, title, { tables: true });
  if (!plain) return undefined;
  const tables: TableView[] = [];
  for (const node of plain.tree.children) {
    if (node.type !== 'table') continue;
    const rows: TableView['rows'][number][] = [];
    for (const row of node.children) {
      const line = row.position!.start.line - 1;
      const lineText = lines.lineText(line);
      const cells: TableCellView[] = [];
      for (const cell of row.children) {
        const from = cell.position!.start.column - 1;
        const to = cell.position!.end.column - 1;
        const raw = withoutClosingPipe(withoutTrailingBlanks(lineText.slice(from + 1, to)));
        if (CELL_MARKUP.test(raw)) return undefined;
        cells.push({ text: raw.trim(), from, to });
      }
      rows.push({ line, cells });
    }
    tables.push({ rows });
  }
  return tables;
}

/** From the Markdown tree: every table, nested ones too, with the cells that sit on one line. */
export function tablesOfTree(root: Root): TableView[] {
  const tables: TableView[] = [];
  walk(root, (node) => {
    if (node.type !== 'table') return;
    tables.push({
      rows: (node as Table).children.map((row) => ({
        line: startLine(row),
        cells: row.children.map((cell) => ({
          text: plainText(cell).trim(),
          from: (cell.position?.start.column ?? 1) - 1,
          to: cell.position && cell.position.start.line === cell.position.end.line ? cell.position.end.column - 1 : -1,
        })),
      })),
    });
  });
  return tables;
}

/** Without the spaces and tabs after a last cell's closing pipe (by hand: `/[ \t]+$/` rescans every run of blanks). */
function withoutTrailingBlanks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end === text.length ? text : text.slice(0, end);
}
