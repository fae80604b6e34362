import type { Root } from 'mdast';
import type { LineIndex } from '../text/lineIndex';
import { childrenWithSubheading, startLine, tableColumns, walk } from '../document/mdastUtil';
import { parseActionText, type ParsedActionText } from './itemGrammar';

/** An action item as read from its section; line relative to the section start. */
export interface RawActionItem extends ParsedActionText {
  readonly line: number;
  readonly lineLength: number;
  readonly textStart: number;
  readonly text: string;
  readonly isDone: boolean;
  readonly checkbox?: { start: number; end: number };
  readonly form: 'task' | 'table';
  readonly group?: string;
}

export const TASK_LINE = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+)\[([ xX])\](?:\s+|$)/;
const DONE_STATUS = /^(done|closed|complete|completed|fixed|resolved|yes|✅|x)$/i;

/** Task-list items at any depth, and rows of an Action/Owner/Due/Status table. */
export function extractActionItems(root: Root, lines: LineIndex): RawActionItem[] {
  const items: RawActionItem[] = [];
  for (const { node, subheading } of childrenWithSubheading(root)) {
    if (node.type === 'table') {
      items.push(...tableItems(node, lines, subheading));
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
      items.push({
        ...parseActionText(text),
        line, lineLength: lineText.length, textStart, text, isDone: n.checked,
        checkbox: { start: m[1].length, end: m[1].length + 3 }, form: 'task', group: subheading,
      });
    });
  }
  return items;
}

function tableItems(table: import('mdast').Table, lines: LineIndex, group: string | undefined): RawActionItem[] {
  const cols = tableColumns(table);
  const actionCol = cols.find(/action|item|task|description|what|remediation|follow/);
  if (actionCol === -1) return [];
  const ownerCol = cols.find(/owner|assignee|who|responsible/);
  const dueCol = cols.find(/due|deadline|date|when|eta/);
  const statusCol = cols.find(/status|state|done/);
  const ticketCol = cols.find(/ticket|issue|jira|link/);
  const items: RawActionItem[] = [];
  for (const row of table.children.slice(1)) {
    const line = startLine(row);
    const lineText = lines.lineText(line);
    const cell = (i: number) => {
      const c = i >= 0 ? row.children[i] : undefined;
      if (!c?.position) return undefined;
      const raw = lineText.slice(c.position.start.column - 1, c.position.end.column - 1);
      const text = raw.replace(/^\|?\s*/, '').replace(/\s*\|?$/, '');
      return { text, start: c.position.start.column - 1 + raw.indexOf(text.slice(0, 1) || '|'), end: c.position.end.column - 1 };
    };
    const action = cell(actionCol);
    if (!action || !action.text) continue;
    const parsed = parseActionText(action.text);
    const owner = cell(ownerCol);
    const due = cell(dueCol);
    const status = cell(statusCol);
    const ticket = cell(ticketCol);
    const ownerText = owner?.text.replace(/^@/, '');
    const dueParsed = due?.text ? parseActionText(`due:${due.text}`) : undefined;
    items.push({
      ...parsed,
      owner: parsed.owner ?? (ownerText ? { value: ownerText, start: owner!.start, end: owner!.end } : undefined),
      due: parsed.due ?? (dueParsed?.due && due ? { value: dueParsed.due.value, start: due.start, end: due.end } : undefined),
      badDue: parsed.badDue ?? (dueParsed?.badDue && due ? { value: due.text, start: due.start, end: due.end } : undefined),
      ticket: parsed.ticket ?? (ticket?.text ? { value: ticket.text, start: ticket.start, end: ticket.end } : undefined),
      line, lineLength: lineText.length, textStart: action.start, text: action.text,
      isDone: status ? DONE_STATUS.test(status.text.replace(/[*_~`]/g, '').trim()) : false,
      checkbox: status ? { start: status.start, end: status.end } : undefined,
      form: 'table', group,
    });
  }
  return items;
}
