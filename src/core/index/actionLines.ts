import { joinDescription, tokenBelow } from '../actions/continuation';
import { ACTION_TABLE_COLUMNS, TASK_LINE, isDoneStatus } from '../actions/extract';
import { parseActionText, readableText, type ParsedActionText } from '../actions/itemGrammar';
import { isPlaceholderOwner } from '../actions/placeholders';
import { readDueCell, readOwnerCell } from '../actions/tableCells';
import type { LineIndex } from '../text/lineIndex';
import type { IndexedActionItem } from './summary';
import { splitTableRow, type TableCell } from './tableRows';
import { withDueYear, type DueAnchor } from '../actions/dueYear';
import { walkSection } from './sectionWalker';
import { untakenCodeAt, untakenItemAt, untakenTextAt, type UntakenItem } from './untakenItems';
import { isStruckOut } from '../actions/struck';
import { readStatusCell, statusCellDoneDate } from '../actions/statusCell';

/**
 * Action items of one Action items section (`fromLine` is its heading line, `toLine` exclusive):
 * task-list items at any depth and rows of an Action/Owner/Due/Status table, read from the lines
 * (sectionWalker keeps code, HTML comments and tables apart). The same items as the full parse
 * (actions/extract.ts); the property test in test/unit/index/consumersAgree.test.ts holds them together.
 * `written` gives continuation lines' text as written when `lines` is read with deep nesting flattened.
 */
export function actionItemsOfSection(lines: LineIndex, fromLine: number, toLine: number, written: LineIndex = lines, anchor?: DueAnchor, untaken?: UntakenItem[]): IndexedActionItem[] {
  const items: IndexedActionItem[] = [];
  let group: string | undefined;
  let columns: Columns | undefined;
  /** The lines continuing the paragraph of the task item read last (its description goes on there). */
  let continued: string[] | undefined;
  const finish = () => {
    const last = items[items.length - 1];
    if (continued?.length && last) {
      const description = joinDescription(last.description, readableText(continued.join(' ')));
      // Struck when the task line was (set by taskItem) or the strike spans the lines (isStruckItem, as the parser decides).
      items[items.length - 1] = { ...last, description, ...(last.struck || isStruckOut(description) ? { struck: true as const } : {}) };
    }
    continued = undefined;
  };
  walkSection(lines, fromLine, toLine, {
    subheading: (_line, title) => {
      finish();
      group = title;
    },
    table: (_line, header) => {
      finish();
      columns = tableColumns(header);
    },
    row: (line, text) => {
      const item = columns && tableItem(text, line, columns, group, anchor);
      if (item) items.push(item);
    },
    content: (line, text, kind, afterCode) => {
      if (kind === 'text') {
        // A look-alike bullet (`-` and a no-break space, `•`) or a task line folded into a paragraph: text to Markdown, meant as an item.
        const missed = untaken && untakenTextAt(line, text, afterCode);
        if (missed) untaken!.push(missed);
        return;
      }
      finish();
      const task = TASK_LINE.exec(text);
      // `- [ ]` with nothing after it is an empty list item to GFM, not a task.
      if (task && text.slice(task[0].length).trim() !== '') {
        items.push(taskItem(text, line, task, group, anchor));
        continued = [];
        return;
      }
      // Meant as an item but read as a plain bullet (`- []`, `- Add alert @kim`): named, not listed.
      const missed = untaken && untakenItemAt(line, text, kind);
      if (missed) untaken!.push(missed);
    },
    code: (line, text) => {
      const missed = untaken && untakenCodeAt(line, text);
      if (missed) untaken!.push(missed);
    },
    continuation: (line) => {
      // As written: `lines` may have list markers nested too deep read as spaces (readSummary), the parser's description keeps them.
      continued?.push(written.lineText(line));
    },
  });
  finish();
  // An owner, due date or ticket written under the task line is not read: the item notes where it is, as lint's missing-owner/missing-due say.
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.form !== 'task' || item.isDone) continue;
    const ownerBelow = item.owner === undefined && item.badOwner === undefined ? tokenBelow(written, item.line, toLine, 'owner') : undefined;
    const dueBelow = item.due === undefined && item.badDue === undefined && item.dueUnread === undefined ? tokenBelow(written, item.line, toLine, 'due') : undefined;
    const ticketBelow = item.ticket === undefined ? tokenBelow(written, item.line, toLine, 'ticket') : undefined;
    if (ownerBelow || dueBelow || ticketBelow) items[i] = { ...item, ...(ownerBelow ? { ownerBelow } : {}), ...(dueBelow ? { dueBelow } : {}), ...(ticketBelow ? { ticketBelow } : {}) };
  }
  return items;
}

function taskItem(lineText: string, line: number, m: RegExpExecArray, group: string | undefined, anchor: DueAnchor | undefined): IndexedActionItem {
  const text = lineText.slice(m[0].length);
  // Built field by field in the order the item always had (no spreads: they cost more than the reading).
  // The remaining required fields are set below, after the optional token fields.
  const item = { line, text, description: '' } as Mutable<IndexedActionItem>;
  putTokens(item, withDueYear(parseActionText(text, { dueInWords: true }), anchor));
  item.isDone = m[2] !== ' ';
  item.checkboxRange = { start: { line, character: m[1].length }, end: { line, character: m[1].length + 3 } };
  item.form = 'task';
  if (group !== undefined) item.group = group;
  // The task line's own words; a strike over the continuation lines is added when they are read (finish).
  if (isStruckOut(item.description)) item.struck = true;
  return item;
}

interface Columns {
  readonly action: number;
  readonly owner: number;
  readonly due: number;
  readonly status: number;
  readonly ticket: number;
  readonly priority: number;
}

/** The same column recognition as the full parser (actions/extract.ts). */
function tableColumns(header: readonly string[]): Columns {
  const find = (p: RegExp) => header.findIndex((h) => p.test(h));
  return {
    action: find(ACTION_TABLE_COLUMNS.action),
    owner: find(ACTION_TABLE_COLUMNS.owner),
    due: find(ACTION_TABLE_COLUMNS.due),
    status: find(ACTION_TABLE_COLUMNS.status),
    ticket: find(ACTION_TABLE_COLUMNS.ticket),
    priority: find(ACTION_TABLE_COLUMNS.priority),
  };
}

function tableItem(lineText: string, line: number, cols: Columns, group: string | undefined, anchor: DueAnchor | undefined): IndexedActionItem | undefined {
  if (cols.action === -1) return undefined;
  const cells = splitTableRow(lineText);
  const cell = (i: number): TableCell | undefined => (i >= 0 ? cells[i] : undefined);
  const action = cell(cols.action);
  if (!action?.text) return undefined;
  const parsed = withDueYear(parseActionText(action.text, { dueInWords: cols.due < 0 }), anchor);
  const ownerText = cell(cols.owner)?.text;
  const ownerCell = ownerText ? readOwnerCell(ownerText) : undefined;
  const owner = ownerCell?.owner?.value;
  const dueText = cell(cols.due)?.text;
  const dueCell = dueText ? readDueCell(dueText) : undefined;
  const due = dueCell?.due?.value;
  const badDue = dueCell?.badDue?.value;
  const status = cell(cols.status);
  const ticket = cell(cols.ticket)?.text;
  const priority = /^P[1-4]$/i.exec(cell(cols.priority)?.text.replace(/[*_`]/g, '') ?? '')?.[0].toUpperCase() as IndexedActionItem['priority'];
  const { placeholderOwner: textPlaceholder, ...base } = tokens(parsed);
  // The first real person is the owner: `@TBD` in the action cell and `alex` in the Owner cell is
  // alex's (as actions/extract.ts reads it); a placeholder only when no one real is named.
  const realOwner = base.owner ?? (owner && !isPlaceholderOwner(owner) ? owner : undefined);
  const placeholderOwner = textPlaceholder ?? (owner && isPlaceholderOwner(owner) ? owner : undefined);
  return {
    line, text: action.text,
    ...base,
    ...(realOwner !== undefined ? { owner: realOwner } : placeholderOwner !== undefined ? { placeholderOwner } : {}),
    ...(base.badOwner === undefined && parsed.owner === undefined && owner === undefined && ownerCell?.badOwner ? { badOwner: ownerCell.badOwner.value } : {}),
    ...(base.due === undefined && due ? { due } : {}),
    ...(base.badDue === undefined && badDue ? { badDue } : {}),
    ...(base.ticket === undefined && ticket ? { ticket } : {}),
    ...(base.priority === undefined && priority ? { priority } : {}),
    isDone: status ? isDoneStatus(status.text) : false,
    // `Done (2026-12-03)` in the Status cell: the closing date (statusCell.ts), as `done:` is for a task item.
    ...(base.doneDate === undefined && status && statusCellDoneDate(status.text) ? { doneDate: statusCellDoneDate(status.text)!.value } : {}),
    ...(status && readStatusCell(status.text) === 'unread' ? { statusUnread: status.text } : {}),
    ...(status ? { checkboxRange: { start: { line, character: status.start }, end: { line, character: status.end } } } : {}),
    form: 'table',
    ...(group !== undefined ? { group } : {}),
    ...(isStruckOut(base.description) ? { struck: true as const } : {}),
  };
}

type TokenFields = Pick<IndexedActionItem, 'description' | 'owner' | 'badOwner' | 'placeholderOwner' | 'due' | 'badDue' | 'dueYearFrom' | 'dueUnread' | 'dueUnreadWhy' | 'doneDate' | 'ticket' | 'priority' | 'impact' | 'effort' | 'kind' | 'joinedTasks'>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function tokens(p: ParsedActionText): TokenFields {
  const out: Mutable<TokenFields> = { description: '' };
  putTokens(out, p);
  return out;
}

/** The parsed tokens' values on `out` (description first, then only the tokens written), in a fixed order. */
function putTokens(out: Mutable<TokenFields>, p: ParsedActionText): void {
  out.description = p.description;
  // `@owner`, `@TBD`: nobody yet — counted with the items without an owner, shown as written.
  if (p.owner?.value !== undefined) {
    if (isPlaceholderOwner(p.owner.value)) out.placeholderOwner = p.owner.value;
    else out.owner = p.owner.value;
  }
  if (p.badOwner?.value !== undefined) out.badOwner = p.badOwner.value;
  if (p.due?.value !== undefined) out.due = p.due.value;
  if (p.badDue?.value !== undefined) out.badDue = p.badDue.value;
  if (p.dueYearFrom !== undefined) out.dueYearFrom = p.dueYearFrom;
  if (p.dueUnread !== undefined) {
    out.dueUnread = p.dueUnread.value;
    out.dueUnreadWhy = p.dueUnread.why;
  }
  if (p.done?.value !== undefined) out.doneDate = p.done.value;
  if (p.ticket?.value !== undefined) out.ticket = p.ticket.value;
  if (p.priority?.value !== undefined) out.priority = p.priority.value;
  if (p.impact?.value !== undefined) out.impact = p.impact.value;
  if (p.effort?.value !== undefined) out.effort = p.effort.value;
  if (p.kind?.value !== undefined) out.kind = p.kind.value;
  if (p.joinedTasks !== undefined) out.joinedTasks = p.joinedTasks.value;
}
