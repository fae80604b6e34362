import * as vscode from 'vscode';
import { openForWrite } from '../editing/openForWrite';
import { checkWrite, refused } from '../editing/writeGuard';
import { addRelatedEdit, describeFilter, iconSafeLabel, labelText, isFilterEmpty, LIBRARY_GROUPINGS, libraryGrouping, type LibraryFilter } from '../../core/api';
import type { Indexer } from '../index/indexer';
import { indexStateSentence } from '../index/indexState';
import { reReadAll } from '../commands/reReadAll';
import { LibraryProvider, type LibraryNode } from './libraryProvider';
import { isLintedUri } from '../recognise';

export const LIBRARY_VIEW_ID = 'postmortem.library';
const GROUP_KEY = 'postmortem.library.groupBy';
const FILTER_KEY = 'postmortem.library.filter';
const FILTERED_CONTEXT = 'postmortem.library.filtered';

type FilterField = keyof LibraryFilter;

/**
 * The "Post-mortems" tree beside Action items: grouping and filters are remembered per workspace;
 * the text above the tree says how it is grouped and what the filters keep, and Clear Filters
 * (title bar, and the empty view's link) shows everything again.
 */
export class LibraryView implements vscode.Disposable {
  readonly provider: LibraryProvider;
  readonly view: vscode.TreeView<LibraryNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly indexer: Indexer, private readonly state: vscode.Memento) {
    const grouping = libraryGrouping(state.get<string>(GROUP_KEY, '')) ?? LIBRARY_GROUPINGS[0];
    this.provider = new LibraryProvider(indexer, grouping, sanitize(state.get<LibraryFilter>(FILTER_KEY, {})));
    this.view = vscode.window.createTreeView(LIBRARY_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.disposables.push(
      this.provider,
      this.view,
      this.view.onDidChangeVisibility((e) => {
        if (e.visible) void indexer.ready();
      }),
      indexer.onDidChange(() => this.updateMessage()),
      // Reading, or the file search silent: said above the tree, never "No post-mortems in this workspace yet" (trial14b F6).
      indexer.onDidChangeState(() => {
        this.updateMessage();
        this.provider.refresh();
      }),
      vscode.commands.registerCommand('postmortem.library.groupBy', (id?: string) => (typeof id === 'string' ? this.setGroupBy(id) : this.pickGroupBy())),
      vscode.commands.registerCommand('postmortem.library.filter', (filter?: LibraryFilter) => (filter && typeof filter === 'object' ? this.setFilter(filter) : this.pickFilter())),
      vscode.commands.registerCommand('postmortem.library.clearFilters', () => this.setFilter({})),
      vscode.commands.registerCommand('postmortem.library.refresh', () => reReadAll(indexer)),
      vscode.commands.registerCommand('postmortem.library.addRelated', (node?: LibraryNode) => this.addRelated(node)),
      vscode.window.onDidChangeActiveTextEditor(() => this.followEditor()),
    );
    this.followEditor();
    this.applyState();
    if (this.view.visible) void indexer.ready();
  }

  get groupBy(): string {
    return this.provider.grouping.id;
  }

  get filter(): LibraryFilter {
    return this.provider.filter;
  }

  /** The text above the tree (tests read it). */
  get message(): string | undefined {
    return this.view.message;
  }

  setGroupBy(id: string): void {
    const grouping = libraryGrouping(id);
    if (!grouping) throw new Error(`Unknown library grouping "${id}"; expected one of ${LIBRARY_GROUPINGS.map((g) => g.id).join(', ')}`);
    this.provider.grouping = grouping;
    void this.state.update(GROUP_KEY, grouping.id);
    this.applyState();
  }

  setFilter(filter: LibraryFilter): void {
    this.provider.filter = sanitize(filter);
    void this.state.update(FILTER_KEY, this.provider.filter);
    this.applyState();
  }

  private applyState(): void {
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, !isFilterEmpty(this.provider.filter));
    void vscode.commands.executeCommand('setContext', GROUP_KEY, this.provider.grouping.id);
    this.updateMessage();
    this.provider.refresh();
  }

  private updateMessage(): void {
    const filter = this.provider.filter;
    const grouping = this.provider.grouping.label.toLowerCase();
    // Files the index could not read are not rows of any group: said first (trial U8).
    const n = this.indexer.skipped.size;
    const unread = n ? `${n} post-mortem${n === 1 ? ' was' : 's were'} not read (see "Not read" below). ` : '';
    // Not built yet (or the search is silent): said first; the tree below is not the workspace's.
    const state = indexStateSentence(this.indexer.state);
    if (state) {
      this.view.message = [state, unread.trim()].filter(Boolean).join(' ');
      return;
    }
    if (isFilterEmpty(filter)) {
      this.view.message = (unread + (this.provider.grouping === LIBRARY_GROUPINGS[0] ? '' : `Grouped by ${grouping}.`)).trim() || undefined;
      return;
    }
    const total = this.provider.allEntries().length;
    const shown = new Set(this.provider.groups().flatMap((g) => g.entries)).size;
    this.view.message = `${unread}Only ${labelText(describeFilter(filter))}: ${shown} of ${total}, grouped by ${grouping}. Clear Filters (above) shows all.`;
  }

  /** The similar-incidents section follows the post-mortem in the active editor (the last one, while another kind of editor is active). */
  private followEditor(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'markdown' || !isLintedUri(doc.uri)) return;
    const uri = doc.uri.toString();
    if (uri === this.provider.similarTo) return;
    this.provider.similarTo = uri;
    this.provider.refresh();
  }

  /** Adds a proposed similar incident's id to `related` of the post-mortem it was proposed for (an undoable edit). */
  async addRelated(node?: LibraryNode): Promise<boolean> {
    if (node?.kind !== 'similar' || !node.found.summary.id) return false;
    const id = node.found.summary.id;
    const opened = await openForWrite(vscode.Uri.parse(node.of));
    if (!opened.ok) return refused(opened.message);
    const doc = opened.doc;
    const edit = addRelatedEdit(doc.getText(), id);
    if (!edit) {
      void vscode.window.showInformationMessage(`${id} is already in \`related\`, or the file has no front matter to add it to.`);
      return false;
    }
    const check = await checkWrite(doc, [edit.newText]);
    if (!check.ok) return refused(check.message);
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(doc.uri, new vscode.Range(edit.range.start.line, edit.range.start.character, edit.range.end.line, edit.range.end.character), edit.newText);
    return vscode.workspace.applyEdit(workspaceEdit);
  }

  private async pickGroupBy(): Promise<void> {
    const current = this.provider.grouping.id;
    const picked = await vscode.window.showQuickPick(
      LIBRARY_GROUPINGS.map((g) => ({ label: `$(${g.icon}) ${g.label}`, description: g.id === current ? 'current' : undefined, id: g.id })),
      { title: 'Group Post-mortems By' },
    );
    if (picked) this.setGroupBy(picked.id);
  }

  /** One field at a time: pick which (with its current value), then pick a value the workspace has, or type words. */
  private async pickFilter(): Promise<void> {
    const f = this.provider.filter;
    const fields: { id: FilterField; label: string; description?: string }[] = [
      { id: 'text', label: '$(search) Text', description: f.text && iconSafeLabel(f.text) },
      { id: 'status', label: '$(pass) Status', description: f.status && iconSafeLabel(f.status) },
      { id: 'severity', label: '$(flame) Severity', description: f.severity && iconSafeLabel(f.severity) },
      { id: 'service', label: '$(server) Service', description: f.service && iconSafeLabel(f.service) },
    ];
    const field = await vscode.window.showQuickPick(fields, { title: 'Filter Post-mortems', placeHolder: 'Which field to filter on' });
    if (!field) return;
    let value: string | undefined;
    if (field.id === 'text') {
      value = await vscode.window.showInputBox({ title: 'Filter Post-mortems by Text', prompt: 'Words that must all appear in the id, title, summary, services, factors or tags (empty: no text filter)', value: f.text ?? '' });
    } else {
      const values = this.valuesOf(field.id);
      const picked = await vscode.window.showQuickPick([{ label: '(any)', value: '' }, ...values.map((v) => ({ label: iconSafeLabel(v), value: v }))], { title: `Filter Post-mortems by ${field.id}` });
      value = picked?.value;
    }
    if (value === undefined) return;
    this.setFilter({ ...f, [field.id]: value.trim() || undefined });
  }

  private valuesOf(field: Exclude<FilterField, 'text'>): string[] {
    const seen = new Map<string, string>();
    for (const e of this.provider.allEntries()) {
      const values = field === 'service' ? e.summary.services : [e.summary[field]].filter((v): v is string => !!v);
      for (const v of values) if (!seen.has(v.toLowerCase())) seen.set(v.toLowerCase(), v);
    }
    return [...seen.values()].sort((a, b) => a.localeCompare(b));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** What a stored or passed filter holds may be anything: keep the four string fields only. */
function sanitize(filter: unknown): LibraryFilter {
  if (!filter || typeof filter !== 'object') return {};
  const out: Record<string, string> = {};
  for (const key of ['status', 'severity', 'service', 'text'] as const) {
    const v = (filter as Record<string, unknown>)[key];
    if (typeof v === 'string' && v.trim()) out[key] = v.trim();
  }
  return out;
}
