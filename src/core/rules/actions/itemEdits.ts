import type { Table } from 'mdast';
import { ACTION_TABLE_COLUMNS } from '../../actions/extract';
import { startLine, tableColumns, walk } from '../../document/mdastUtil';
import type { ActionItem, PostmortemDocument } from '../../document/model';
import { withoutClosingPipe } from '../../text/closingPipe';
import { doneStatusCell } from '../../actions/statusCell';
import { isJsSpace } from '../../text/trimChars';
import type { TextEdit } from '../../types';

/**
 * Where a trailing HTML comment on the item's line (a reviewer's note) starts, with the spaces
 * before it, or -1: the first `<!--` whose comment closes with the text's last `-->`. Found by
 * hand, as `/\s*<!--[^]*?-->\s*$/` did with quadratic backtracking on runs of spaces or `<!--`.
 */
export function trailingCommentStart(text: string): number {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith('-->')) return -1;
  // The earliest opener is the only candidate: a later one overlaps the closer if this one does.
  const open = text.indexOf('<!--');
  if (open < 0 || open + 4 > trimmed.length - 3) return -1;
  let start = open;
  while (start > 0 && isJsSpace(text[start - 1])) start--;
  return start;
}

/** Where a new token goes in a task item: after its text on the first line, before a trailing comment. */
function taskTokenEdit(item: ActionItem, token: string): TextEdit {
  const comment = trailingCommentStart(item.text);
  const end = item.textStart + (comment >= 0 ? comment : item.text.trimEnd().length);
  const at = { line: item.line, character: end };
  return { range: { start: at, end: at }, newText: ` ${token}` };
}

type Column = keyof typeof ACTION_TABLE_COLUMNS;

/**
 * The range of the item's cell in `column` (its text, or the empty spot before the closing pipe),
 * or undefined when the table has no such column. Found from the section's own table, as read by
 * the parser, so escaped pipes and code spans are cells' content, not separators.
 */
function tableCell(doc: PostmortemDocument, item: ActionItem, column: Column): { start: number; end: number } | undefined {
  const section = doc.sections.find((s) => s.startLine <= item.line && item.line < s.endLine);
  if (!section) return undefined;
  let found: { start: number; end: number } | undefined;
  walk(section.mdast, (node) => {
    if (found || node.type !== 'table') return;
    const table = node as Table;
    const row = table.children.find((r) => startLine(r) + section.startLine === item.line);
    if (!row) return;
    const col = tableColumns(table).find(ACTION_TABLE_COLUMNS[column]);
    const cell = col >= 0 ? row.children[col] : undefined;
    if (!cell?.position || cell.position.start.line !== cell.position.end.line) return;
    const lineText = doc.lines.lineText(item.line);
    const from = cell.position.start.column - 1;
    const raw = lineText.slice(from, cell.position.end.column - 1);
    const lead = /^\|?\s*/.exec(raw)![0].length;
    const text = withoutClosingPipe(raw.slice(lead)).trimEnd();
    found = { start: from + lead, end: from + lead + text.length };
  });
  return found;
}

/**
 * The edit that gives an item a token: `@owner` / `due:DATE` at the end of a task item's text; in
 * a table the Owner / Due cell when the table has one, else the token at the end of the action cell
 * (which the action-item grammar reads too). `tableValue` is the cell form (`dana`, `2026-12-10`).
 */
export function addTokenEdit(doc: PostmortemDocument, item: ActionItem, token: string, column: Column, tableValue: string): TextEdit {
  if (item.form === 'task') return taskTokenEdit(item, token);
  const line = item.line;
  const cell = tableCell(doc, item, column);
  if (cell) return cellEdit(doc.lines.lineText(line), line, cell, tableValue);
  const end = { line, character: item.textStart + item.text.length };
  return { range: { start: end, end }, newText: ` ${token}` };
}

/**
 * The edit that writes `value` into a table cell: its text replaced, or an empty cell (`|  |`)
 * filled as ` value ` between its pipes, so the row keeps the table's usual padding.
 */
function cellEdit(lineText: string, line: number, cell: { start: number; end: number }, value: string): TextEdit {
  if (cell.start !== cell.end) return { range: { start: { line, character: cell.start }, end: { line, character: cell.end } }, newText: value };
  const open = lineText.lastIndexOf('|', cell.start - 1);
  const from = open >= 0 && /^\s*$/.test(lineText.slice(open + 1, cell.start)) ? open + 1 : cell.start;
  const closed = lineText[cell.end] === '|';
  return { range: { start: { line, character: from }, end: { line, character: cell.end } }, newText: `${from < cell.start || open + 1 === cell.start ? ' ' : ''}${value}${closed ? ' ' : ''}` };
}

/** The edit that replaces the item's due date (a `due:DATE` token, or a Due cell's date) with `date`. */
export function replaceDueEdit(doc: PostmortemDocument, item: ActionItem, date: string): TextEdit | undefined {
  if (!item.due) return undefined;
  const line = item.line;
  const start = item.textStart + item.due.start;
  const end = item.textStart + item.due.end;
  // A token's span covers `due:DATE` (also in a table's action cell); a Due cell's only the date.
  // Words (`due on 2026-12-14`) are replaced by the token, as actions/due-in-words asks.
  const isToken = item.dueInWords !== undefined || doc.lines.lineText(line).slice(start, end).startsWith('due:');
  return { range: { start: { line, character: start }, end: { line, character: end } }, newText: isToken ? `due:${date}` : date };
}

/**
 * The edits that mark an item done on `today`: `[x]` plus `done:DATE` for a task item, `Done (DATE)`
 * in the Status cell of a table row. Undefined when a table has no Status column to write to.
 */
export function markDoneEdits(doc: PostmortemDocument, item: ActionItem, today: string): TextEdit[] | undefined {
  const box = item.checkboxRange;
  if (!box) return undefined;
  // `Done (YYYY-MM-DD)`: the closing date kept, as `done:` keeps it for a task item (trial13b F7).
  if (item.form === 'table') return [cellEdit(doc.lines.lineText(item.line), item.line, { start: box.start.character, end: box.end.character }, doneStatusCell(today))];
  const edits: TextEdit[] = [{ range: box, newText: '[x]' }];
  if (!item.done) edits.push(taskTokenEdit(item, `done:${today}`));
  return edits;
}

/** `date` plus `days` days, both YYYY-MM-DD (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
