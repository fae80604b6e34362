import * as vscode from 'vscode';
import {
  describeEntry, groupLibrary, libraryEntries, type LibraryEntry, type LibraryFilter, type LibraryGroup, type LibraryGrouping,
} from '../../core/api';
import type { Indexer } from '../index/indexer';

export type LibraryNode =
  | { readonly kind: 'group'; readonly group: LibraryGroup }
  | { readonly kind: 'entry'; readonly entry: LibraryEntry; readonly groupKey: string };

/**
 * Every post-mortem of the workspace, grouped by the chosen grouping (core/library/groupings) and
 * narrowed by the filters. Reads only the index; the entries are recomputed when it changes.
 */
export class LibraryProvider implements vscode.TreeDataProvider<LibraryNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<LibraryNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private entries: LibraryEntry[] | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly indexer: Indexer,
    public grouping: LibraryGrouping,
    public filter: LibraryFilter = {},
  ) {
    this.subscription = indexer.onDidChange(() => {
      this.entries = undefined;
      this.refresh();
    });
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  /** Every post-mortem of the index, newest first (before filters). */
  allEntries(): LibraryEntry[] {
    this.entries ??= libraryEntries(this.indexer.index.entries());
    return this.entries;
  }

  /** The groups the tree shows now. */
  groups(): LibraryGroup[] {
    return groupLibrary(this.allEntries(), this.grouping, this.filter);
  }

  getChildren(node?: LibraryNode): LibraryNode[] {
    if (!node) return this.indexer.started ? this.groups().map((group) => ({ kind: 'group', group })) : [];
    if (node.kind === 'group') return node.group.entries.map((entry) => ({ kind: 'entry', entry, groupKey: node.group.key }));
    return [];
  }

  getTreeItem(node: LibraryNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${this.grouping.id}:${node.group.key}`;
      item.description = `${node.group.entries.length}`;
      item.contextValue = 'libraryGroup';
      return item;
    }
    const { entry } = node;
    const item = new vscode.TreeItem(entry.label, vscode.TreeItemCollapsibleState.None);
    item.id = `entry:${this.grouping.id}:${node.groupKey}:${entry.uri}`;
    item.description = describeEntry(entry);
    item.resourceUri = vscode.Uri.parse(entry.uri);
    item.iconPath = new vscode.ThemeIcon(entry.summary.status === 'draft' ? 'edit' : entry.summary.status === 'published' ? 'book' : 'file-text');
    item.tooltip = tooltip(entry);
    item.contextValue = 'libraryEntry';
    item.command = { command: 'vscode.open', title: 'Open Post-mortem', arguments: [vscode.Uri.parse(entry.uri)] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

function tooltip(entry: LibraryEntry): vscode.MarkdownString {
  const s = entry.summary;
  const md = new vscode.MarkdownString(undefined, false);
  md.appendMarkdown('**');
  md.appendText([s.id, entry.label].filter(Boolean).join(' · '));
  md.appendMarkdown('**\n\n');
  md.appendText(describeEntry(entry) || 'No date, severity or items');
  const facts = [
    s.status ? `status ${s.status}` : undefined,
    s.services.length ? `services ${s.services.join(', ')}` : undefined,
    s.factors.length ? `factors ${s.factors.join(', ')}` : undefined,
  ].filter(Boolean);
  if (facts.length) md.appendMarkdown('\n\n').appendText(facts.join(' · '));
  if (s.abstract) md.appendMarkdown('\n\n').appendText(s.abstract.length > 400 ? `${s.abstract.slice(0, 399)}…` : s.abstract);
  return md;
}
