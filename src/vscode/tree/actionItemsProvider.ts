import { ownerLabel } from '../../core/actions/ownerLabel';
import * as vscode from 'vscode';
import { folderNameOf } from './folderName';
import { closedOnFor } from '../../core/trackers';
import { isOverdue, type OpenItem } from '../../core/index';
import { labelText } from '../../core/text/labelText';
import { plainLabel } from '../../core/text/plainLabel';
import { formatUtcDate } from '../../core/time/zones';
import { dayProblem } from '../../core/time/dayProblem';
import { shownPlaceholderOwner } from '../../core/actions/placeholders';
import { badOwnerNote } from '../../core/actions/ownerHandle';
import { tokenBelowNote } from '../../core/actions/continuation';
import type { Indexer } from '../index/indexer';
import { groupItems, postmortemLabel, type GroupBy, type ItemGroup } from './grouping';
import { ticketLink, type TicketLinkOptions } from '../commands/ticketLink';
import type { TicketState } from '../../core/trackers/types';
import { unreadFiles, unreadGroupItem, unreadItem, type UnreadFile } from '../unread/unreadFiles';
import { leftOutFiles, leftOutGroupItem, leftOutItem, type LeftOutFile } from './leftOutItems';

export type ActionItemsNode =
  | { readonly kind: 'group'; readonly group: ItemGroup; readonly groupBy: GroupBy }
  | { readonly kind: 'item'; readonly open: OpenItem; readonly overdue: boolean }
  /** Post-mortems the index could not read: listed first, whatever the grouping, since their items are missing below. */
  | { readonly kind: 'unreadGroup'; readonly files: readonly UnreadFile[] }
  | { readonly kind: 'unread'; readonly file: UnreadFile }
  /** Post-mortems with task items (owner, due date) outside Action items: not items below, so named above them. */
  | { readonly kind: 'leftOutGroup'; readonly files: readonly LeftOutFile[] }
  | { readonly kind: 'leftOut'; readonly file: LeftOutFile };

/** What an unread file costs this view. */
const MISSING_ITEMS = 'their action items are missing below';

export interface ActionItemsFilter {
  /** Handle without `@`; undefined shows everyone's items. */
  readonly owner?: string;
  readonly overdueOnly: boolean;
  /** Also list done items (greyed, with Reopen). */
  readonly showDone?: boolean;
}

/** What the tree would list with no filter at all, and how many of those are overdue: for the badge and the message. */
export interface ItemCounts {
  readonly open: number;
  readonly overdue: number;
}

/**
 * The open action items of every post-mortem in the workspace, grouped by post-mortem, owner or
 * due date. Reads only the index; refreshes when the index reports a changed file.
 */
export class ActionItemsProvider implements vscode.TreeDataProvider<ActionItemsNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ActionItemsNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  groupBy: GroupBy = 'postmortem';
  filter: ActionItemsFilter = { overdueOnly: false };
  /** The fetched state of an item's ticket (src/vscode/trackers), shown in the row's description. */
  ticketState: (uri: string, ticket: string) => TicketState | undefined = () => undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly indexer: Indexer,
    private readonly today: () => string = () => formatUtcDate(Date.now()),
    private readonly ticketOptions: (uri: string) => TicketLinkOptions = () => ({}),
    /** Whose calendar "today" is on (the writer's zone), said in an item's hover next to its due date. */
    private readonly calendar: () => string = () => 'UTC',
  ) {
    this.subscription = indexer.onDidChange(() => this.refresh());
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  /** Items after the filters, before grouping. */
  visibleItems(): OpenItem[] {
    return this.indexer.index.openItems({
      ...(this.filter.owner ? { owner: this.filter.owner } : {}),
      // "Overdue only" is about open work: done items would contradict it (isOverdue is false for them).
      ...(this.filter.overdueOnly ? { overdueAt: this.today() } : {}),
      includeDone: this.filter.showDone === true,
    });
  }

  /** Open and overdue items of every owner, or of `owner` (without `@`): the badge counts the workspace's, whatever the filters. */
  counts(ownerHandle?: string): ItemCounts {
    const owner = ownerHandle ? { owner: ownerHandle } : {};
    return {
      open: this.indexer.index.openItems(owner).length,
      overdue: this.indexer.index.openItems({ ...owner, overdueAt: this.today() }).length,
    };
  }

  async getChildren(node?: ActionItemsNode): Promise<ActionItemsNode[]> {
    if (!node) {
      await this.indexer.ready();
      const groupBy = this.groupBy;
      const groups: ActionItemsNode[] = groupItems(this.visibleItems(), groupBy, this.today()).map((group) => ({ kind: 'group', group, groupBy }));
      const unread = unreadFiles(this.indexer);
      const leftOut = leftOutFiles(this.indexer.index);
      return [
        ...(unread.length ? [{ kind: 'unreadGroup', files: unread } as const] : []),
        ...(leftOut.length ? [{ kind: 'leftOutGroup', files: leftOut } as const] : []),
        ...groups,
      ];
    }
    if (node.kind === 'unreadGroup') return node.files.map((file) => ({ kind: 'unread', file }));
    if (node.kind === 'leftOutGroup') return node.files.map((file) => ({ kind: 'leftOut', file }));
    if (node.kind === 'group') {
      const today = this.today();
      return node.group.items.map((open) => ({ kind: 'item', open, overdue: isOverdue(open.item, today) }));
    }
    return [];
  }

  getTreeItem(node: ActionItemsNode): vscode.TreeItem {
    if (node.kind === 'unreadGroup') return unreadGroupItem(node.files.length, MISSING_ITEMS, 'unread');
    if (node.kind === 'unread') return unreadItem(node.file, `unread:${node.file.uri}`, 'Its action items are not listed or counted in this view.');
    if (node.kind === 'leftOutGroup') return leftOutGroupItem(node.files);
    if (node.kind === 'leftOut') return leftOutItem(node.file);
    return node.kind === 'group' ? groupItem(node.group, node.groupBy) : actionItem(node.open, node.overdue, node.open.uri, this.groupBy, this.ticketOptions(node.open.uri), this.ticketState, this.today(), this.calendar());
  }

  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

/** The window's folders, for naming a row's folder in a multi-root workspace. */
function workspaceFolders(): { name: string; uri: string }[] {
  return (vscode.workspace.workspaceFolders ?? []).map((f) => ({ name: f.name, uri: f.uri.toString() }));
}

function groupItem(group: ItemGroup, groupBy: GroupBy): vscode.TreeItem {
  const item = new vscode.TreeItem(labelText(group.label), vscode.TreeItemCollapsibleState.Expanded);
  item.id = `group:${groupBy}:${group.key}`;
  const open = group.items.filter((i) => !i.item.isDone).length;
  const done = group.items.length - open;
  const folder = group.uri ? folderNameOf(group.uri, workspaceFolders()) : undefined;
  const described = [folder && `in ${labelText(folder)}`, group.description && labelText(group.description), group.key === 'done' ? `${done}` : `${open} open`, group.key !== 'done' && done > 0 && `${done} done`].filter((p): p is string => Boolean(p));
  item.description = described.join(' · ');
  item.contextValue = 'group';
  // What the row shows, read out: its title, id, folder and counts. Without it VS Code reads the
  // tooltip, the file's path, and nothing the row says (trial19a F3; as the Post-mortems view).
  item.accessibilityInformation = { label: labelText([group.label, ...described].join(', ')) };
  if (group.uri) {
    // No resourceUri: it would bring the file's Git and Problems decorations ("U", "3") onto a
    // row that stands for the post-mortem's action items, not the file.
    item.iconPath = new vscode.ThemeIcon('file');
    item.tooltip = vscode.workspace.asRelativePath(vscode.Uri.parse(group.uri));
  } else if (group.key === 'done') {
    item.iconPath = new vscode.ThemeIcon('pass');
  } else if (groupBy === 'owner') {
    item.iconPath = new vscode.ThemeIcon('person');
  } else {
    item.iconPath = group.key === 'overdue' ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsErrorIcon.foreground')) : new vscode.ThemeIcon('calendar');
  }
  return item;
}

/** A status cell, cut for a description (it may be a whole note). */
function shortStatus(cell: string): string {
  const one = cell.replace(/\s+/g, ' ').trim();
  return one.length > 30 ? `${one.slice(0, 29)}…` : one;
}

/** Two items a user would read as the same row: the same words. */
function sameWords(a: { readonly description: string; readonly text: string }, b: { readonly description: string; readonly text: string }): boolean {
  return (a.description.trim() || a.text.trim()) === (b.description.trim() || b.text.trim());
}

function actionItem(open: OpenItem, overdue: boolean, uri: string, groupBy: GroupBy, ticketOptions: TicketLinkOptions, ticketState: ActionItemsProvider['ticketState'], todayDate: string, calendar: string): vscode.TreeItem {
  const { item, summary } = open;
  const today = `today is ${todayDate} in ${calendar}`;
  // User text: its words without Markdown markers (the tree draws no Markdown), never reordered by a bidi control in it.
  const label = labelText(plainLabel(item.description.trim() || item.text.trim()));
  const tree = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  tree.id = `item:${groupBy}:${uri}#${item.line}`;
  const parts = [item.owner ? labelText(ownerLabel(item.owner)) : item.placeholderOwner !== undefined ? `no owner (${labelText(shownPlaceholderOwner(item.placeholderOwner))} is a placeholder)` : item.badOwner !== undefined ? `no owner (@${labelText(item.badOwner)}${badOwnerNote(item.badOwner)})` : item.ownerBelow ? labelText(`no owner${tokenBelowNote(item.ownerBelow)}`) : undefined, item.isDone ? (item.doneDate ? `done ${item.doneDate}` : 'done') : dueLabel(item, overdue, todayDate), item.priority];
  const state = item.ticket ? ticketState(uri, item.ticket) : undefined;
  if (state) {
    const closedOn = closedOnFor(state, calendar);
    parts.push(state.state === 'closed' ? `ticket closed${closedOn ? ` ${closedOn}` : ''}` : 'ticket open');
  }
  // `- [ ] Add tests` / `  ([Issue](…))`: the ticket is there, under the task line, where it is not read (as lint's actions/no-ticket and `postmortem actions`).
  if (!item.ticket && item.ticketBelow) parts.push(labelText(`no ticket${tokenBelowNote(item.ticketBelow)}`));
  // The label drops the strike marks: say the strike, and that the open box counts (trial11 T10, as `postmortem actions`).
  if (!item.isDone && item.struck) parts.push('struck out, still open');
  // `~~Done~~`, `Fertig?`: a status the reader cannot read counts as open; say it (trial13b F13, as lint's actions/unread-status).
  if (!item.isDone && item.statusUnread !== undefined) parts.push(`status "${labelText(shortStatus(item.statusUnread))}" not read, still open`);
  // Two rows with the same words under different sub-headings (### Service A / ### Service B): the sub-heading tells them apart.
  if (item.group !== undefined && summary.actionItems.some((o) => o !== item && o.group !== item.group && sameWords(o, item))) parts.push(`under ${labelText(plainLabel(item.group))}`);
  // Grouped by post-mortem, the group row names the folder; otherwise the row does, after the title.
  const folder = groupBy !== 'postmortem' ? folderNameOf(uri, workspaceFolders()) : undefined;
  if (groupBy !== 'postmortem') parts.push(labelText(postmortemLabel(open)) + (folder ? ` (${labelText(folder)})` : ''));
  tree.description = parts.filter(Boolean).join(' · ');
  tree.iconPath = item.isDone
    ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('disabledForeground'))
    : overdue
      ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
      : state?.state === 'closed'
        ? new vscode.ThemeIcon('issue-closed', new vscode.ThemeColor('problemsWarningIcon.foreground'))
        : new vscode.ThemeIcon('circle-large-outline');
  // The same test as the Open Ticket command, so the inline action shows only where it can open something.
  const hasLink = item.ticket !== undefined && ticketLink(item.ticket, ticketOptions) !== undefined;
  tree.contextValue = `${item.isDone ? 'doneItem' : 'actionItem'}${hasLink ? ' withTicket' : ''}${!item.isDone && !item.ticket ? ' noTicket' : ''}${overdue ? ' overdue' : ''}`;
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`${item.isDone ? '$(pass-filled) **Done** · ' : overdue ? '$(error) **Overdue** · ' : ''}**${escapeMd(label)}**\n\n`);
  md.appendCodeblock(labelText(item.text), 'markdown');
  const facts = [
    item.owner && `Owner: @${escapeMd(item.owner)}`,
    item.placeholderOwner !== undefined && `Owner: none yet (${escapeMd(shownPlaceholderOwner(item.placeholderOwner))} is a placeholder)`,
    item.badOwner !== undefined && `Owner: none ("@${escapeMd(item.badOwner)}" is not a handle: letters, digits, single hyphens)`,
    // Which calendar decides "overdue" near midnight (trial U11): the writer's, as lint and `postmortem actions` use.
    item.due && `Due: ${item.due}${item.isDone ? '' : ` (${today})`}`,
    item.dueYearFrom && `Due date written without a year: ${escapeMd(item.dueYearFrom)}`,
    item.dueUnread !== undefined && `Due: not read from "${escapeMd(item.dueUnread)}" (${escapeMd(item.dueUnreadWhy ?? 'expected YYYY-MM-DD')})`,
    item.badDue !== undefined && `Due: invalid due date "${escapeMd(item.badDue)}" (${dayProblem(item.badDue) ?? 'expected YYYY-MM-DD'})`,
    item.priority && `Priority: ${item.priority}`,
    item.impact && `Impact: ${item.impact}`,
    item.effort && `Effort: ${item.effort}`,
    item.ticket && `Ticket: ${escapeMd(item.ticket)}`,
  ].filter(Boolean);
  if (facts.length) md.appendMarkdown(`${facts.join('  \n')}\n\n`);
  md.appendMarkdown(`From **${escapeMd(postmortemLabel(open))}**${summary.id ? ` (${escapeMd(summary.id)})` : ''}, line ${item.line + 1}`);
  tree.tooltip = md;
  tree.command = { command: 'postmortem.revealActionItem', title: 'Reveal Action Item', arguments: [{ uri, line: item.line }] };
  return tree;
}

/**
 * `due 2026-12-04`, `due 2026-12-04, overdue 3 days` (due on the 4th, overdue from the 5th: "overdue
 * since the 4th" was a day off, trial14b F8), or `invalid due date` when `due:` was written but cannot be read.
 */
function dueLabel(item: OpenItem['item'], overdue: boolean, today: string): string | undefined {
  if (item.due) return overdue ? `due ${item.due}, ${overdueFor(item.due, today)}` : `due ${item.due}`;
  // `- [ ] Add alert` / `  due 2026-12-20`: said where it is, as lint's actions/missing-due and `postmortem actions` do.
  return item.badDue !== undefined ? 'invalid due date' : item.dueUnread !== undefined ? 'due date not read' : item.dueBelow ? labelText(`no due date${tokenBelowNote(item.dueBelow)}`) : undefined;
}

/** `overdue 3 days` (whole days from the due date to today, both YYYY-MM-DD in the writer's calendar). */
function overdueFor(due: string, today: string): string {
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);
  return Number.isFinite(days) && days > 0 ? `overdue ${days} day${days === 1 ? '' : 's'}` : 'overdue';
}

/** User text in the hover's Markdown: one line, no bidi reordering, no Markdown. */
function escapeMd(text: string): string {
  return labelText(text).replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
