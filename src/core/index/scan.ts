import { withContinuations } from '../actions/continuation';
import { ACTION_TABLE_COLUMNS, TASK_LINE, isDoneStatus } from '../actions/extract';
import { parseActionText, type ParsedActionText } from '../actions/itemGrammar';
import { DEFAULT_SECTION_ALIASES, type SectionId } from '../document/sectionNames';
import { findHeadings, scanOutsideFences, splitSections } from '../document/sections';
import { readFrontMatterData } from '../frontMatter/frontMatterData';
import { LineIndex } from '../text/lineIndex';
import { parseInstant } from '../time/instant';
import { formatIsoUtc, isValidTimeZone } from '../time/zones';
import type { FileSummary, IndexedActionItem } from './summary';
import { headerKey, splitTableRow, stripInlineMarkup, tableHeaderWidth, type TableCell } from './tableRows';
import { frontMatterZone, scalar, stringList } from '../frontMatter/values';

export interface ScanOptions {
  readonly sectionAliases?: Readonly<Record<SectionId, readonly string[]>>;
  /** Zone for front-matter times written without one when the file has no valid `timezone`. */
  readonly timezone?: string;
}

const LIST_MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;
const BLOCK_HTML = /^ {0,3}<\/?(?:address|article|aside|blockquote|details|dialog|div|dl|dt|dd|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)(?:\s|\/?>|$)/i;
const LONE_TAG = /^ {0,3}(?:<[A-Za-z][\w-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>|<\/[A-Za-z][\w-]*\s*>)\s*$/;
const RAW_HTML_OPEN = /^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)/i;

/**
 * The fast path behind the workspace index: front matter (frontMatter/frontMatterData.ts: the
 * simple-subset reader, YAML of that block when it needs more) and the task-list and table lines of
 * the Action items sections, found by a line scanner that respects code fences, indented code and
 * HTML blocks. No Markdown parse, so 2,000 files index in well under a second.
 * Never throws: whatever cannot be read becomes a problem and the rest is still returned.
 */
export function scanPostmortem(text: string, options: ScanOptions = {}): FileSummary {
  try {
    return scan(text, options);
  } catch (e) {
    return { services: [], related: [], owners: [], actionItems: [], problems: [`Could not index this file: ${(e as Error).message}`] };
  }
}

function scan(text: string, options: ScanOptions): FileSummary {
  const lines = new LineIndex(text);
  const fm = readFrontMatterData(lines);
  const problems = fm ? fm.problems.map((p) => `Front matter line ${p.range.start.line + 1}: ${p.message}`) : [];
  if (fm && !fm.data && fm.content.trim() !== '') problems.push('Front matter is not a YAML mapping (key: value lines)');
  const meta = fm?.data ?? {};
  const bodyStart = fm ? fm.closeLine + 1 : 0;
  const headings = findHeadings(lines, bodyStart, lines.lineCount);
  const sections = splitSections(lines, bodyStart, headings, options.sectionAliases ?? DEFAULT_SECTION_ALIASES);

  const actionItems: IndexedActionItem[] = [];
  for (const section of sections) {
    if (section.id === 'action-items') {
      // Lines continuing a task's paragraph belong to its description, as in the Markdown parse.
      actionItems.push(...withContinuations(scanActionSection(lines, section.startLine, section.endLine), lines, section.endLine));
    }
  }

  const zone = frontMatterZone(meta, options.timezone && isValidTimeZone(options.timezone) ? options.timezone : 'UTC');
  const resolved = parseInstant(meta.resolved_at, zone);
  const title = scalar(meta.title) ?? headings.find((h) => h.level === 1)?.title ?? bomHeading(lines.lineText(0));
  const owners: string[] = [];
  for (const item of actionItems) if (item.owner && !owners.includes(item.owner)) owners.push(item.owner);
  return {
    ...defined({ id: scalar(meta.id), title, status: scalar(meta.status), severity: scalar(meta.severity) }),
    ...(resolved ? { resolvedAt: formatIsoUtc(resolved.ms) } : {}),
    services: stringList(meta.services),
    related: stringList(meta.related),
    owners,
    actionItems,
    problems,
  };
}

/** Items of one Action items section (`fromLine` is its heading line, `toLine` exclusive). */
function scanActionSection(lines: LineIndex, fromLine: number, toLine: number): IndexedActionItem[] {
  const items: IndexedActionItem[] = [];
  let group: string | undefined;
  let previousBlank = true;
  let inList = false;
  let html: RegExp | undefined;
  let table: { columns: Columns } | undefined;
  let tableHeaderLine = -1;
  let lastLine = fromLine - 1;
  scanOutsideFences(lines, fromLine, toLine, (line, text) => {
    // Skipped lines were a fenced block; one at the margin ends any list before it.
    if (line !== lastLine + 1 && indentWidth(lines.lineText(lastLine + 1)) === 0) {
      inList = false;
      previousBlank = false;
    }
    lastLine = line;
    const blank = text.trim() === '';
    const wasBlank = previousBlank;
    previousBlank = blank;
    if (html) {
      if (html.test(text)) html = undefined;
      return;
    }
    if (table) {
      if (blank || line === tableHeaderLine + 1) {
        if (blank) table = undefined;
        return;
      }
      const item = tableItem(text, line, table.columns, group);
      if (item) items.push(item);
      return;
    }
    if (blank) return;
    const indent = indentWidth(text);
    // Four spaces after a blank line outside a list is an indented code block, not content.
    if (indent >= 4 && wasBlank && !inList) return;
    if (indent < 4) {
      const heading = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(text);
      if (heading) {
        if (heading[1].length >= 3) group = stripInlineMarkup(heading[2]);
        inList = false;
        return;
      }
      const htmlEnd = htmlBlockEnd(text, wasBlank);
      if (htmlEnd) {
        if (!htmlEnd.test(text.replace(/^\s*<!--/, ''))) html = htmlEnd;
        return;
      }
    }
    if (LIST_MARKER.test(text)) inList = true;
    else if (wasBlank && indent === 0) inList = false;
    const task = TASK_LINE.exec(text);
    // `- [ ]` with nothing after it is an empty list item to GFM, not a task.
    if (task && text.length > task[0].length && text.slice(task[0].length).trim() !== '') {
      items.push(taskItem(text, line, task, group));
      return;
    }
    if (text.includes('|') && line + 1 < toLine) {
      const width = tableHeaderWidth(text, lines.lineText(line + 1));
      if (width > 0) {
        // Rows of a table without an action column yield nothing (tableItem), as in the full parser.
        table = { columns: tableColumns(splitTableRow(text).map((c) => headerKey(c.text))) };
        tableHeaderLine = line;
      }
    }
  });
  return items;
}

/** The end marker of an HTML block opening on this line, if one opens (CommonMark kinds 1, 2, 6, 7). */
function htmlBlockEnd(text: string, afterBlank: boolean): RegExp | undefined {
  if (/^ {0,3}<!--/.test(text)) return /-->/;
  const raw = RAW_HTML_OPEN.exec(text);
  if (raw) return new RegExp(`</${raw[1]}>`, 'i');
  if (BLOCK_HTML.test(text) || (afterBlank && LONE_TAG.test(text))) return /^\s*$/;
  return undefined;
}

/** A `# Title` on a first line that starts with a BOM (the heading scanner does not see past the BOM). */
function bomHeading(first: string): string | undefined {
  return first.charCodeAt(0) === 0xfeff ? /^\uFEFF# +(.+?)\s*#*\s*$/.exec(first)?.[1] : undefined;
}

function indentWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

function taskItem(lineText: string, line: number, m: RegExpExecArray, group: string | undefined): IndexedActionItem {
  const text = lineText.slice(m[0].length);
  return {
    line, text,
    ...tokens(parseActionText(text)),
    isDone: m[2] !== ' ',
    checkboxRange: { start: { line, character: m[1].length }, end: { line, character: m[1].length + 3 } },
    form: 'task',
    ...(group !== undefined ? { group } : {}),
  };
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

function tableItem(lineText: string, line: number, cols: Columns, group: string | undefined): IndexedActionItem | undefined {
  if (cols.action === -1) return undefined;
  const cells = splitTableRow(lineText);
  const cell = (i: number): TableCell | undefined => (i >= 0 ? cells[i] : undefined);
  const action = cell(cols.action);
  if (!action?.text) return undefined;
  const parsed = parseActionText(action.text);
  const owner = cell(cols.owner)?.text.replace(/^@/, '');
  const dueText = cell(cols.due)?.text;
  const dueParsed = dueText ? parseActionText(`due:${dueText}`) : undefined;
  const due = dueParsed?.due?.value;
  const badDue = dueParsed?.badDue ? dueText : undefined;
  const status = cell(cols.status);
  const ticket = cell(cols.ticket)?.text;
  const priority = /^P[1-4]$/i.exec(cell(cols.priority)?.text.replace(/[*_`]/g, '') ?? '')?.[0].toUpperCase() as IndexedActionItem['priority'];
  const base = tokens(parsed);
  return {
    line, text: action.text,
    ...base,
    ...(base.owner === undefined && owner ? { owner } : {}),
    ...(base.due === undefined && due ? { due } : {}),
    ...(base.badDue === undefined && badDue ? { badDue } : {}),
    ...(base.ticket === undefined && ticket ? { ticket } : {}),
    ...(base.priority === undefined && priority ? { priority } : {}),
    isDone: status ? isDoneStatus(status.text) : false,
    ...(status ? { checkboxRange: { start: { line, character: status.start }, end: { line, character: status.end } } } : {}),
    form: 'table',
    ...(group !== undefined ? { group } : {}),
  };
}

type TokenFields = Pick<IndexedActionItem, 'description' | 'owner' | 'due' | 'badDue' | 'doneDate' | 'ticket' | 'priority' | 'impact' | 'effort'>;

function tokens(p: ParsedActionText): TokenFields {
  return {
    description: p.description,
    ...defined({
      owner: p.owner?.value, due: p.due?.value, badDue: p.badDue?.value, doneDate: p.done?.value, ticket: p.ticket?.value,
      priority: p.priority?.value, impact: p.impact?.value, effort: p.effort?.value,
    }),
  };
}

function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
