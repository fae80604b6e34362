import * as vscode from 'vscode';
import {
  describeEntry, entryZoneNote, groupLibrary, LibraryList, libraryEntry, SimilarityIndex, type LibraryEntry, type LibraryFilter, type LibraryGroup, type LibraryGrouping,
  type SimilarIncident, labelText, isFrontMatterUnreadProblem, type PostmortemSummary,
} from '../../core/api';
import type { Indexer } from '../index/indexer';
import { editorWriterZone } from '../timeline/writerZone';
import { unreadFiles, unreadGroupItem, unreadItem, type UnreadFile } from '../unread/unreadFiles';

export type LibraryNode =
  | { readonly kind: 'similarRoot'; readonly uri: string; readonly found: readonly SimilarIncident[] }
  | { readonly kind: 'similar'; readonly of: string; readonly found: SimilarIncident }
  | { readonly kind: 'group'; readonly group: LibraryGroup }
  | { readonly kind: 'entry'; readonly entry: LibraryEntry; readonly groupKey: string }
  /** Post-mortems the index could not read: listed first, so the library never drops a file without a word. */
  | { readonly kind: 'unreadGroup'; readonly files: readonly UnreadFile[] }
  | { readonly kind: 'unread'; readonly file: UnreadFile };

/**
 * Every post-mortem of the workspace, grouped by the chosen grouping (core/library/groupings) and
 * narrowed by the filters. Reads only the index; the entries are recomputed when it changes.
 */
export class LibraryProvider implements vscode.TreeDataProvider<LibraryNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<LibraryNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** Rows recomputed only for files whose summary changed (a 2,000-file index costs one row per edit). */
  private readonly list = new LibraryList();
  private readonly similarity = new SimilarityIndex();
  /** The post-mortem in the active editor: its similar past incidents head the tree. */
  similarTo: string | undefined;
  private readonly subscriptions: vscode.Disposable[];
  /** Row labels two or more files share (a copy in a subfolder): those rows also say their path (trial18b F6). */
  private sharedLabels = new Set<string>();

  constructor(
    private readonly indexer: Indexer,
    public grouping: LibraryGrouping,
    public filter: LibraryFilter = {},
    /** The writer's zone for a file (the window's `postmortem.zone` setting, else the machine's). */
    private readonly writerZone: (uri: string) => string | undefined = () => editorWriterZone().zone,
  ) {
    this.subscriptions = [
      indexer.onDidChange(() => this.refresh()),
      // The zone notes on the rows depend on the writer's zone.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('postmortem.zone')) this.refresh();
      }),
    ];
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  /** Every post-mortem of the index, newest first (before filters). */
  allEntries(): readonly LibraryEntry[] {
    // As of now: a time that has not happened yet is left out of the row and said, as in `postmortem list`.
    return this.list.sync(this.indexer.index.entries(), Date.now(), this.writerZone);
  }

  /** The groups the tree shows now. */
  groups(): LibraryGroup[] {
    return groupLibrary(this.allEntries(), this.grouping, this.filter);
  }

  /** The earlier post-mortems most like `uri`, from the index (the search follows it one file at a time). */
  similar(uri: string, limit = 5): SimilarIncident[] {
    this.similarity.sync(this.indexer.index.entries());
    return this.similarity.similarTo(uri, limit);
  }

  getChildren(node?: LibraryNode): LibraryNode[] {
    if (!node) {
      if (!this.indexer.started) return [];
      const groups: LibraryNode[] = this.groups().map((group) => ({ kind: 'group', group }));
      this.sharedLabels = sharedLabels(this.allEntries());
      const unread = unreadFiles(this.indexer);
      if (unread.length) groups.unshift({ kind: 'unreadGroup', files: unread });
      const uri = this.similarTo;
      return uri && this.indexer.index.has(uri) ? [{ kind: 'similarRoot', uri, found: this.similar(uri) }, ...groups] : groups;
    }
    if (node.kind === 'unreadGroup') return node.files.map((file) => ({ kind: 'unread', file }));
    if (node.kind === 'similarRoot') return node.found.map((found) => ({ kind: 'similar', of: node.uri, found }));
    if (node.kind === 'group') return node.group.entries.map((entry) => ({ kind: 'entry', entry, groupKey: node.group.key }));
    return [];
  }

  getTreeItem(node: LibraryNode): vscode.TreeItem {
    if (node.kind === 'unreadGroup') return unreadGroupItem(node.files.length, 'not in the groups below', 'library-unread');
    if (node.kind === 'unread') return unreadItem(node.file, `library-unread:${node.file.uri}`, 'Its title, dates and items are not known to the library.');
    if (node.kind === 'similarRoot') {
      const title = this.indexer.index.get(node.uri)?.title ?? 'this post-mortem';
      const item = new vscode.TreeItem(`Similar past incidents`, node.found.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.id = `similar:${node.uri}`;
      // "None" only when the workspace was read: before that, the similar ones are not known (trial14b F6).
      const known = this.indexer.state.kind === 'built';
      item.description = labelText(node.found.length ? `to ${title}` : known ? `none for ${title}` : `not known yet for ${title}: the workspace is not read`);
      item.tooltip = 'Earlier post-mortems sharing a service, contributing factor or tag with the one in the editor, or close in wording (title, Summary, Root cause).';
      item.iconPath = new vscode.ThemeIcon('history');
      item.contextValue = 'librarySimilarRoot';
      return item;
    }
    if (node.kind === 'similar') {
      const { found } = node;
      const entry = libraryEntry(found.uri, found.summary);
      const item = new vscode.TreeItem(labelText([found.summary.id, entry.label].filter(Boolean).join(' · ')), vscode.TreeItemCollapsibleState.None);
      item.id = `similar:${node.of}:${found.uri}`;
      // Only an incident with an id, not listed yet, can be added to `related`. Without one the row
      // says why it has no Add to Related button (trial T21: every converted file, and nothing said).
      const noId = !found.summary.id;
      // A front matter not read has an id nobody knows (trial18b F8: "no id: give it one" to a file whose id is there).
      const unread = noId && frontMatterUnread(found.summary);
      // First, so a side bar of ordinary width shows it before the reason is cut with "…".
      item.description = labelText(noId ? `${unread ? UNREAD_ID_HINT : NO_ID_HINT} · ${found.reason}` : found.reason);
      item.tooltip = tooltip(entry, undefined, unread ? `${UNREAD_ID_TOOLTIP} ${unread}` : noId ? NO_ID_TOOLTIP : undefined);
      item.resourceUri = vscode.Uri.parse(found.uri);
      item.iconPath = new vscode.ThemeIcon(found.alreadyRelated ? 'link' : 'lightbulb');
      item.contextValue = noId ? 'librarySimilar.noId' : !found.alreadyRelated ? 'librarySimilar.addable' : 'librarySimilar';
      item.command = { command: 'vscode.open', title: 'Open Post-mortem', arguments: [vscode.Uri.parse(found.uri)] };
      return item;
    }
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(labelText(node.group.label), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${this.grouping.id}:${node.group.key}`;
      item.description = `${node.group.entries.length}`;
      item.contextValue = 'libraryGroup';
      return item;
    }
    const { entry } = node;
    // User text (titles, severities): shown as typed, never reordered by a bidi control in it.
    const item = new vscode.TreeItem(labelText(entry.label), vscode.TreeItemCollapsibleState.None);
    item.id = `entry:${this.grouping.id}:${node.groupKey}:${entry.uri}`;
    // A date and duration built on times read as UTC (or not read: an unknown zone) say so, as `postmortem list` does.
    const zoneNote = entryZoneNote(entry, this.writerZone(entry.uri));
    const path = this.sharedLabels.has(entry.label) ? relativePathOf(entry.uri) : undefined;
    item.description = labelText([describeEntry(entry), zoneNote && `⚠ ${zoneNote.tag}`, path].filter(Boolean).join(' · '));
    // A screen reader says which of two rows of the same title this is.
    if (path) item.accessibilityInformation = { label: labelText(`${entry.label}, ${item.description}`) };
    item.resourceUri = vscode.Uri.parse(entry.uri);
    item.iconPath = new vscode.ThemeIcon(entry.summary.status === 'draft' ? 'edit' : entry.summary.status === 'published' ? 'book' : 'file-text');
    item.tooltip = tooltip(entry, zoneNote?.note);
    item.contextValue = 'libraryEntry';
    item.command = { command: 'vscode.open', title: 'Open Post-mortem', arguments: [vscode.Uri.parse(entry.uri)] };
    return item;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}

/** Labels more than one entry has. */
function sharedLabels(entries: readonly LibraryEntry[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.label)) shared.add(e.label);
    else seen.add(e.label);
  }
  return shared;
}

/** The file's path in the workspace (`postmortems/sub/2018-01-04-deploy.md`; with the folder's name in a multi-root workspace). */
function relativePathOf(uri: string): string {
  return vscode.workspace.asRelativePath(vscode.Uri.parse(uri));
}

/** The summary's "front matter not read" problem, if it has one. */
function frontMatterUnread(summary: PostmortemSummary): string | undefined {
  return summary.problems.find(isFrontMatterUnreadProblem);
}

/** A similar incident whose front matter was not read: its id (if it has one) is not known. */
export const UNREAD_ID_HINT = '⚠ front matter not read: its id is not known';
const UNREAD_ID_TOOLTIP = 'Add to Related needs this incident\'s id, and its front matter could not be read, so whether it has one is not known. Fix its front matter (open it: Problems says what is wrong) and the button appears on this row.';

/** Why a similar incident has no Add to Related button: `related:` lists ids, and it has none. */
export const NO_ID_HINT = 'no id: give it one to add it to Related';
const NO_ID_TOOLTIP = 'Add to Related writes this incident\'s id into the related: list of the post-mortem in the editor, and this one has no id: in its front matter yet. Give it one (for example id: PM-2025-014) and the button appears on this row.';

function tooltip(entry: LibraryEntry, zoneNote?: string, note?: string): vscode.MarkdownString {
  const s = entry.summary;
  const md = new vscode.MarkdownString(undefined, false);
  md.appendMarkdown('**');
  md.appendText(labelText([s.id, entry.label].filter(Boolean).join(' · ')));
  md.appendMarkdown('**\n\n');
  md.appendText(relativePathOf(entry.uri));
  md.appendMarkdown('\n\n');
  md.appendText(labelText(describeEntry(entry)) || 'No date, severity or items');
  const facts = [
    s.status ? `status ${s.status}` : undefined,
    s.services.length ? `services ${s.services.join(', ')}` : undefined,
    s.factors.length ? `factors ${s.factors.join(', ')}` : undefined,
  ].filter(Boolean);
  if (facts.length) md.appendMarkdown('\n\n').appendText(labelText(facts.join(' · ')));
  if (zoneNote) md.appendMarkdown('\n\n').appendText(`⚠ ${zoneNote}`);
  if (note) md.appendMarkdown('\n\n').appendText(note);
  if (s.abstract) md.appendMarkdown('\n\n').appendText(labelText(s.abstract.length > 400 ? `${s.abstract.slice(0, 399)}…` : s.abstract));
  return md;
}
