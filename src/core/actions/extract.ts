import type { Root } from 'mdast';
import type { LineIndex } from '../text/lineIndex';
import { childrenWithSubheading, startLine, tableColumns, walk } from '../document/mdastUtil';
import { joinDescription } from './continuation';
import { parseActionText, readableText, type ParsedActionText, type Token } from './itemGrammar';
import { differentOwner, readDueCell, readOwnerCell } from './tableCells';
import { isPlaceholderOwner } from './placeholders';
import { isJsSpace, trimEndWhile } from '../text/trimChars';
import { appendAll } from '../collections/appendAll';
import { statusCellDoneDate, statusCloses } from './statusCell';
import { isStruckItem, isStruckOut } from './struck';

/**
 * An action item as read from its section; line relative to the section start. Token spans are
 * relative to `textStart` (column = textStart + start), also for table cells outside the action cell.
 */
export interface RawActionItem extends ParsedActionText {
  readonly line: number;
  readonly lineLength: number;
  readonly textStart: number;
  readonly text: string;
  readonly isDone: boolean;
  readonly checkbox?: { start: number; end: number };
  readonly form: 'task' | 'table';
  readonly group?: string;
  /** Struck out (`~~…~~`): the one decision every consumer reads (struck.ts `isStruckItem`); set only when true. */
  readonly struck?: true;
  /** Table form: the row's Ticket cell when it is empty (columns on the line), where a created ticket is written. */
  readonly ticketCell?: { readonly start: number; readonly end: number };
}

export const TASK_LINE = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+)\[([ xX])\](?:\s+|$)/;
/**
 * Whether a table's Status cell closes the item: done (`Done ✅`, `**closed**`, `done (2026-11-01)`, `x`, …)
 * or closed without being done (`Won't do`, `Cancelled`, `Obsolete`, …), which is not open either.
 * The one reader shared with convert and the index: `readStatusCell` (statusCell.ts).
 */
export function isDoneStatus(cell: string): boolean {
  return statusCloses(cell);
}

/** Task-list items at any depth, and rows of an Action/Owner/Due/Status table. */
export function extractActionItems(root: Root, lines: LineIndex): RawActionItem[] {
  const items: RawActionItem[] = [];
  for (const { node, subheading } of childrenWithSubheading(root)) {
    if (node.type === 'table') {
      appendAll(items, tableItems(node, lines, subheading));
      continue;
    }
    walk(node, (n) => {
      if (n.type !== 'listItem' || typeof n.checked !== 'boolean') return;
      const line = startLine(n);
      const lineText = lines.lineText(line);
      const m = TASK_LINE.exec(lineText);
      if (!m) return;
      const textStart = m[0].length;
      const text = lineText.slice(textStart);
      const parsed = parseActionText(text, { dueInWords: true });
      const more = continuationText(n, line, lines);
      const description = joinDescription(parsed.description, more);
      items.push({
        ...parsed,
        description,
        line, lineLength: lineText.length, textStart, text, isDone: n.checked,
        checkbox: { start: m[1].length, end: m[1].length + 3 }, form: 'task', group: subheading,
        ...(isStruckItem(parsed.description, description) ? { struck: true as const } : {}),
      });
    });
  }
  return items;
}

/**
 * The lines after the task line that continue its paragraph (indented or lazy), as readable text.
 * They belong to the description; tokens are read on the task line only, where their spans live.
 */
function continuationText(item: import('mdast').ListItem, line: number, lines: LineIndex): string {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph' || !paragraph.position) return '';
  const last = paragraph.position.end.line - 1;
  const parts: string[] = [];
  for (let l = line + 1; l <= last; l++) parts.push(lines.lineText(l));
  return readableText(parts.join(' '));
}

/**
 * How the columns of an action-item table are recognised (lower-cased header text). Word-bounded, so
 * "Details" is not an ETA column and "Update" not a date. Shared with the workspace index.
 */
export const ACTION_TABLE_COLUMNS = {
  action: /action|item|task|description|summary|what|remediation|follow/,
  owner: /owner|assignee|\bwho\b|responsible|\bdri\b/,
  due: /\bdue\b|deadline|\bdate\b|\bwhen\b|\beta\b|target/,
  status: /status|\bstate\b|\bdone\b/,
  ticket: /ticket|issue|jira|\blink\b|tracking|\bbug\b|\bpr\b|\bkey\b/,
  priority: /priority|\bprio\b/,
} as const;

function tableItems(table: import('mdast').Table, lines: LineIndex, group: string | undefined): RawActionItem[] {
  const cols = tableColumns(table);
  const actionCol = cols.find(ACTION_TABLE_COLUMNS.action);
  if (actionCol === -1) return [];
  const ownerCol = cols.find(ACTION_TABLE_COLUMNS.owner);
  const dueCol = cols.find(ACTION_TABLE_COLUMNS.due);
  const statusCol = cols.find(ACTION_TABLE_COLUMNS.status);
  const ticketCol = cols.find(ACTION_TABLE_COLUMNS.ticket);
  const priorityCol = cols.find(ACTION_TABLE_COLUMNS.priority);
  const items: RawActionItem[] = [];
  for (const row of table.children.slice(1)) {
    const line = startLine(row);
    const lineText = lines.lineText(line);
    // A cell's trimmed text and its columns on the line (mdast cells span the pipes and padding).
    const cell = (i: number) => {
      const c = i >= 0 ? row.children[i] : undefined;
      if (!c?.position || c.position.start.line !== c.position.end.line) return undefined;
      const from = c.position.start.column - 1;
      const raw = lineText.slice(from, c.position.end.column - 1);
      const lead = /^\|?\s*/.exec(raw)![0].length;
      const text = withoutClosingPipe(raw.slice(lead));
      return { text, start: from + lead, end: from + lead + text.length };
    };
    const action = cell(actionCol);
    if (!action || !action.text) continue;
    const parsed = parseActionText(action.text, { dueInWords: dueCol < 0 });
    // Tokens from other cells keep the convention "relative to textStart" (they may be negative).
    const token = <T>(value: T, c: { start: number; end: number }) => ({ value, start: c.start - action.start, end: c.end - action.start });
    const owner = cell(ownerCol);
    const due = cell(dueCol);
    const status = cell(statusCol);
    const ticket = cell(ticketCol);
    const priority = cell(priorityCol);
    const ownerCell = owner ? readOwnerCell(owner.text) : {};
    const dueCell = due ? readDueCell(due.text) : {};
    // A span inside a cell, relative to the action cell's start like the action text's own tokens.
    const inCell = (t: Token<string> | undefined, c: { start: number } | undefined) => (t && c ? { value: t.value, start: c.start + t.start - action.start, end: c.start + t.end - action.start } : undefined);
    const priorityText = /^P[1-4]$/i.exec(priority?.text.replace(/[*_`]/g, '') ?? '')?.[0].toUpperCase() as 'P1' | undefined;
    // `@TBD` in the action cell and `alex` in the Owner cell: the real person is the owner, the placeholder the other one.
    const cellOwnerWins = !!parsed.owner && isPlaceholderOwner(parsed.owner.value) && !!ownerCell.owner && !isPlaceholderOwner(ownerCell.owner.value);
    items.push({
      ...parsed,
      owner: cellOwnerWins ? inCell(ownerCell.owner, owner) : parsed.owner ?? inCell(ownerCell.owner, owner),
      // `@alice` in the action cell and an Owner cell: the token is the owner, the cell's first name the other one.
      otherOwner: cellOwnerWins ? parsed.owner : parsed.otherOwner ?? (parsed.owner ? inCell(differentOwner(parsed.owner, ownerCell.owner), owner) : inCell(ownerCell.otherOwner, owner)),
      due: parsed.due ?? inCell(dueCell.due, due),
      // `Done (2026-12-03)` in the Status cell: the closing date, as `done:` is for a task item.
      done: parsed.done ?? inCell(status ? statusCellDoneDate(status.text) : undefined, status),
      // A `due:` in the action cell and a date in the Due cell: the token is used, the cell is the other one.
      otherDue: parsed.otherDue ?? (parsed.due ? inCell(dueCell.due, due) : inCell(dueCell.otherDue, due)),
      badDue: parsed.badDue ?? inCell(dueCell.badDue, due),
      // `| @Devon-/-Kevin |`: reported whole (actions/bad-owner) when no owner was read elsewhere on the row.
      badOwner: parsed.badOwner ?? (parsed.owner || ownerCell.owner ? undefined : inCell(ownerCell.badOwner, owner)),
      ticket: parsed.ticket ?? (ticket?.text ? token(ticket.text, ticket) : undefined),
      priority: parsed.priority ?? (priorityText && priority ? token(priorityText, priority) : undefined),
      line, lineLength: lineText.length, textStart: action.start, text: action.text,
      isDone: status ? isDoneStatus(status.text) : false,
      checkbox: status ? { start: status.start, end: status.end } : undefined,
      form: 'table', group,
      ...(isStruckOut(parsed.description) ? { struck: true as const } : {}),
      ...(ticket && !ticket.text ? { ticketCell: { start: ticket.start, end: ticket.end } } : {}),
    });
  }
  return items;
}

/**
 * A cell's text without its closing pipe and the white space around it (an escaped `\|` stays), by
 * hand: `/\s*(?<!\\)\|?$/` restarts at every space of a long run and is quadratic.
 */
function withoutClosingPipe(raw: string): string {
  const text = trimEndWhile(raw, isJsSpace);
  if (!text.endsWith('|')) return text;
  const beforePipe = trimEndWhile(text.slice(0, -1), isJsSpace);
  if (beforePipe.length === text.length - 1 && beforePipe.endsWith('\\')) return text;
  return beforePipe;
}
