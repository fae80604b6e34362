import * as vscode from 'vscode';
import { ticketOptionsFor } from '../commands/ticketAddresses';
import { writerToday } from '../../core/time/writerZone';
import { editorSettings } from '../config/settings';
import { editorWriterZone } from '../timeline/writerZone';
import type { Indexer } from '../index/indexer';
import { reReadAll } from '../commands/reReadAll';
import { ActionItemsProvider, type ActionItemsNode } from './actionItemsProvider';
import { GROUPINGS, type GroupBy } from './grouping';
import { unreadSentence } from '../unread/unreadFiles';
import { indexStateSentence } from '../index/indexState';
import { overdueBadge } from './overdueBadge';

export const VIEW_ID = 'postmortem.actionItems';
const GROUP_KEY = 'postmortem.actionItems.groupBy';
const SHOW_DONE_KEY = 'postmortem.actionItems.showDone';

/**
 * The action-items tree view: grouping and filters (kept per workspace, mirrored in context keys
 * for the title-bar buttons), the message saying what the tree shows (and that nothing matches),
 * and the badge counting the workspace's overdue items, whatever the filters.
 */
export class ActionItemsView implements vscode.Disposable {
  readonly provider: ActionItemsProvider;
  readonly view: vscode.TreeView<ActionItemsNode>;
  private mine = false;
  private overdueOnly = false;
  private showDone = false;
  /** The index was built once: until then the badge shows no count (trial19a F5). */
  private everBuilt = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly indexer: Indexer, private readonly state: vscode.Memento) {
    // Overdue as lint and the CLI count it: today where the writer is (postmortem.zone, else the machine's).
    this.provider = new ActionItemsProvider(indexer, () => writerToday(Date.now(), editorWriterZone().zone), (uri) => ticketOptionsFor(vscode.Uri.parse(uri)), () => editorWriterZone().zone);
    // No collapse-all button: with New, Filter, Group By and the … menu the title still fits a default-width sidebar.
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: false });
    this.disposables.push(
      this.provider,
      this.view,
      indexer.onDidChange(() => {
        this.updateBadge();
        this.updateMessage();
      }),
      // Reading, or the file search silent: said above the tree, never an empty tree read as "no items" (trial14b F6).
      indexer.onDidChangeState(() => {
        this.updateBadge();
        this.updateMessage();
        this.provider.refresh();
      }),
      this.view.onDidChangeVisibility((e) => {
        if (e.visible) void indexer.ready();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('postmortem.userName') && this.mine) this.setMine(true);
        if (e.affectsConfiguration('postmortem.ticketUrls')) this.provider.refresh();
      }),
      vscode.commands.registerCommand('postmortem.actionItems.groupByPostmortem', () => this.setGroupBy('postmortem')),
      vscode.commands.registerCommand('postmortem.actionItems.groupByOwner', () => this.setGroupBy('owner')),
      vscode.commands.registerCommand('postmortem.actionItems.groupByDue', () => this.setGroupBy('due')),
      vscode.commands.registerCommand('postmortem.actionItems.groupBy', () => this.pickGroupBy()),
      vscode.commands.registerCommand('postmortem.actionItems.filter', () => this.pickFilters()),
      vscode.commands.registerCommand('postmortem.actionItems.filterMine', () => this.setMine(true)),
      vscode.commands.registerCommand('postmortem.actionItems.filterMineOff', () => this.setMine(false)),
      vscode.commands.registerCommand('postmortem.actionItems.filterOverdue', () => this.setOverdue(true)),
      vscode.commands.registerCommand('postmortem.actionItems.filterOverdueOff', () => this.setOverdue(false)),
      vscode.commands.registerCommand('postmortem.actionItems.showDone', () => this.setShowDone(true)),
      vscode.commands.registerCommand('postmortem.actionItems.hideDone', () => this.setShowDone(false)),
      vscode.commands.registerCommand('postmortem.actionItems.clearFilters', () => this.clearFilters()),
      vscode.commands.registerCommand('postmortem.actionItems.refresh', () => reReadAll(indexer)),
    );
    this.showDone = state.get<boolean>(SHOW_DONE_KEY, false);
    this.setGroupBy(state.get<GroupBy>(GROUP_KEY, 'postmortem'));
    this.applyFilter();
    if (this.view.visible) void indexer.ready();
  }

  get groupBy(): GroupBy {
    return this.provider.groupBy;
  }

  setGroupBy(groupBy: GroupBy): void {
    this.provider.groupBy = groupBy;
    void this.state.update(GROUP_KEY, groupBy);
    void vscode.commands.executeCommand('setContext', GROUP_KEY, groupBy);
    this.updateMessage();
    this.provider.refresh();
  }

  setMine(on: boolean): void {
    if (on && !editorSettings().userName) {
      void vscode.window.showInformationMessage('Set "postmortem.userName" to your handle (as in @handle) to filter your action items.', 'Open Settings').then((pick) => {
        if (pick) void vscode.commands.executeCommand('workbench.action.openSettings', 'postmortem.userName');
      });
      on = false;
    }
    this.mine = on;
    this.applyFilter();
  }

  setOverdue(on: boolean): void {
    this.overdueOnly = on;
    this.applyFilter();
  }

  setShowDone(on: boolean): void {
    this.showDone = on;
    void this.state.update(SHOW_DONE_KEY, on);
    this.applyFilter();
  }

  clearFilters(): void {
    this.mine = false;
    this.overdueOnly = false;
    this.applyFilter();
  }

  /** The text above the tree: how it is grouped and what the filters hide (a single-view container shows no description). */
  get message(): string | undefined {
    return this.view.message;
  }

  private async pickGroupBy(): Promise<void> {
    const current = this.provider.groupBy;
    const picked = await vscode.window.showQuickPick(
      GROUPINGS.map((g) => ({ label: `$(${g.icon}) ${g.label}`, description: g.id === current ? 'current' : undefined, picked: g.id === current, id: g.id })),
      { title: 'Group Action Items By', placeHolder: `Now grouped by ${GROUPINGS.find((g) => g.id === current)?.label.toLowerCase()}` },
    );
    if (picked) this.setGroupBy(picked.id);
  }

  private async pickFilters(): Promise<void> {
    const user = editorSettings().userName;
    const options = [
      { id: 'mine', label: '$(account) Only my items', description: user ? `@${user}` : 'set postmortem.userName first', picked: this.mine },
      { id: 'overdue', label: '$(warning) Only overdue items', picked: this.overdueOnly },
      { id: 'done', label: '$(pass) Show done items', description: 'with Reopen', picked: this.showDone },
    ] as const;
    const picked = await vscode.window.showQuickPick([...options], { title: 'Filter Action Items', canPickMany: true, placeHolder: 'Tick what the view should show' });
    if (!picked) return;
    const ids = new Set(picked.map((p) => p.id));
    this.overdueOnly = ids.has('overdue');
    this.showDone = ids.has('done');
    void this.state.update(SHOW_DONE_KEY, this.showDone);
    this.setMine(ids.has('mine')); // Applies the filter (and asks for the user name when it is missing).
  }

  private applyFilter(): void {
    const owner = this.mine ? editorSettings().userName : undefined;
    this.provider.filter = { ...(owner ? { owner } : {}), overdueOnly: this.overdueOnly, showDone: this.showDone };
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItems.mine', this.mine);
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItems.overdue', this.overdueOnly);
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItems.showDone', this.showDone);
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItems.filtered', this.mine || this.overdueOnly);
    this.view.description = undefined;
    this.updateMessage();
    this.updateBadge();
    this.provider.refresh();
  }

  private updateMessage(): void {
    const owner = this.provider.filter.owner;
    const filtered = owner !== undefined || this.overdueOnly;
    const kind = this.overdueOnly ? 'overdue ' : this.showDone ? 'open and done ' : '';
    const grouping = GROUPINGS.find((g) => g.id === this.provider.groupBy)?.label.toLowerCase() ?? this.provider.groupBy;
    // Said only when the view differs from its defaults, so the common case stays a plain list.
    const what = filtered ? `Only ${owner ? `@${owner}'s ` : ''}${kind}items` : this.showDone ? 'Open and done items' : undefined;
    // Files the index could not read hold items no count includes: said above everything else (trial U8).
    const unread = this.indexer.skipped.size ? `${unreadSentence(this.indexer.skipped.size)} See "Not read" below.` : '';
    // Not built yet (or the search is silent): said first; the tree below is not the workspace's.
    const state = indexStateSentence(this.indexer.state) ?? '';
    if (!what && this.provider.groupBy === 'postmortem') {
      this.view.message = [state, unread].filter(Boolean).join(' ') || undefined;
      return;
    }
    // A message hides the view's welcome text ("No action items match the filter"): with nothing to
    // list, the message says so itself, never only the filter (trial17b F8).
    const none = this.indexer.state.kind === 'built' && this.provider.visibleItems().length === 0;
    const sentence = none
      ? (filtered ? `No items match the filter (${what!.replace(/^Only/, 'only')}).` : `No ${this.showDone ? '' : 'open '}action items in this workspace's post-mortems.`)
      : what ? `${what}, grouped by ${grouping}.` : `Grouped by ${grouping}.`;
    this.view.message = [state, unread, filtered ? `${sentence} Clear Filters (above) shows all.` : sentence].filter(Boolean).join(' ');
  }

  /**
   * The activity-bar badge counts every overdue open item of the workspace's post-mortems, whatever
   * the view's filters: it is seen with the view closed, where no filter is said, and an item still
   * overdue must not vanish from it because the view shows only yours (trial17b F8). The tooltip
   * says how many of those the owner filter lets through.
   */
  private updateBadge(): void {
    const state = this.indexer.state.kind;
    if (state === 'built') this.everBuilt = true;
    const owner = this.provider.filter.owner;
    this.view.badge = overdueBadge({
      overdue: this.provider.counts().overdue, owner, ownerOverdue: owner ? this.provider.counts(owner).overdue : undefined,
      unread: this.indexer.skipped.size, state, everBuilt: this.everBuilt,
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
