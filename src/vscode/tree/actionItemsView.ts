import * as vscode from 'vscode';
import { editorSettings } from '../config/settings';
import type { Indexer } from '../index/indexer';
import { ActionItemsProvider, type ActionItemsNode } from './actionItemsProvider';
import type { GroupBy } from './grouping';

export const VIEW_ID = 'postmortem.actionItems';
const GROUP_KEY = 'postmortem.actionItems.groupBy';

/**
 * The action-items tree view: grouping and filters (kept per workspace, mirrored in context keys
 * for the title-bar buttons) and the badge counting overdue items.
 */
export class ActionItemsView implements vscode.Disposable {
  readonly provider: ActionItemsProvider;
  readonly view: vscode.TreeView<ActionItemsNode>;
  private mine = false;
  private overdueOnly = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(indexer: Indexer, private readonly state: vscode.Memento) {
    this.provider = new ActionItemsProvider(indexer);
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.disposables.push(
      this.provider,
      this.view,
      indexer.onDidChange(() => this.updateBadge()),
      this.view.onDidChangeVisibility((e) => {
        if (e.visible) void indexer.ready();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('postmortem.userName') && this.mine) this.setMine(true);
      }),
      vscode.commands.registerCommand('postmortem.actionItems.groupByPostmortem', () => this.setGroupBy('postmortem')),
      vscode.commands.registerCommand('postmortem.actionItems.groupByOwner', () => this.setGroupBy('owner')),
      vscode.commands.registerCommand('postmortem.actionItems.groupByDue', () => this.setGroupBy('due')),
      vscode.commands.registerCommand('postmortem.actionItems.filterMine', () => this.setMine(true)),
      vscode.commands.registerCommand('postmortem.actionItems.filterMineOff', () => this.setMine(false)),
      vscode.commands.registerCommand('postmortem.actionItems.filterOverdue', () => this.setOverdue(true)),
      vscode.commands.registerCommand('postmortem.actionItems.filterOverdueOff', () => this.setOverdue(false)),
      vscode.commands.registerCommand('postmortem.actionItems.clearFilters', () => {
        this.mine = false;
        this.setOverdue(false);
      }),
      vscode.commands.registerCommand('postmortem.actionItems.refresh', () => indexer.rebuild()),
    );
    this.setGroupBy(state.get<GroupBy>(GROUP_KEY, 'postmortem'));
    this.applyFilter();
    if (this.view.visible) void indexer.ready();
  }

  setGroupBy(groupBy: GroupBy): void {
    this.provider.groupBy = groupBy;
    void this.state.update(GROUP_KEY, groupBy);
    void vscode.commands.executeCommand('setContext', GROUP_KEY, groupBy);
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

  private applyFilter(): void {
    const owner = this.mine ? editorSettings().userName : undefined;
    this.provider.filter = { ...(owner ? { owner } : {}), overdueOnly: this.overdueOnly };
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItems.mine', this.mine);
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItems.overdue', this.overdueOnly);
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItems.filtered', this.mine || this.overdueOnly);
    const filters = [this.mine && `@${owner}`, this.overdueOnly && 'overdue'].filter(Boolean);
    this.view.description = filters.length ? `Filter: ${filters.join(', ')}` : undefined;
    this.provider.refresh();
  }

  private updateBadge(): void {
    const overdue = this.provider.overdueCount();
    this.view.badge = overdue > 0 ? { value: overdue, tooltip: `${overdue} overdue action item${overdue === 1 ? '' : 's'}` } : undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
