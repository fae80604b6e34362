import { ownerKey } from '../actions/ownerKey';
import { readSummary, type SummaryOptions } from './readSummary';
import { isOverdue, type IndexedActionItem, type PostmortemSummary } from './summary';

export interface OpenItem {
  readonly uri: string;
  readonly summary: PostmortemSummary;
  readonly item: IndexedActionItem;
}

export interface OpenItemFilter {
  /** Owner handle, with or without `@`; compared case-insensitively. */
  readonly owner?: string;
  /** Keep only items overdue on this day (`YYYY-MM-DD`, UTC). */
  readonly overdueAt?: string;
  /** Also list done items (the tree's "Show done"); an overdue filter keeps open items only, whatever this says. */
  readonly includeDone?: boolean;
}

export interface Disposable {
  dispose(): void;
}

/**
 * Summaries of every post-mortem in a workspace, keyed by URI (any string the host uses). Each
 * `set` rescans that one file only; listeners hear about a file only when its summary changed, so a
 * keystroke in prose does not refresh the tree. The host decides which files are post-mortems.
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, { summary: PostmortemSummary }>();
  private readonly listeners = new Set<(uris: string[]) => void>();
  private ids: Set<string> | undefined;
  private shared: Map<string, string[]> | undefined;

  constructor(private readonly options: SummaryOptions = {}) {}

  /** `options` override the index's own for this file (its folder's config may name sections differently). */
  set(uri: string, text: string, options?: SummaryOptions): void {
    this.setSummary(uri, readSummary(text, options ? { ...this.options, ...options } : this.options));
  }

  /** A summary read elsewhere with the same options (the editor's lint thread reads open documents' summaries). */
  setSummary(uri: string, summary: PostmortemSummary): void {
    // Compared only on an update (not while building): an unchanged summary tells no one.
    const previous = this.files.get(uri);
    if (previous && shownPart(previous.summary) === shownPart(summary)) {
      // Only prose changed (the Summary or Root cause text): kept for hovers and similar incidents,
      // told to no one, so typing a sentence does not refresh the trees.
      previous.summary = summary;
      return;
    }
    this.files.set(uri, { summary });
    this.ids = undefined;
    this.shared = undefined;
    this.emit([uri]);
  }

  delete(uri: string): void {
    if (!this.files.delete(uri)) return;
    this.ids = undefined;
    this.shared = undefined;
    this.emit([uri]);
  }

  get(uri: string): PostmortemSummary | undefined {
    return this.files.get(uri)?.summary;
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  get size(): number {
    return this.files.size;
  }

  *entries(): IterableIterator<[string, PostmortemSummary]> {
    for (const [uri, { summary }] of this.files) yield [uri, summary];
  }

  /** Front-matter ids of all indexed files (for `related/unknown-id`). */
  knownIds(): ReadonlySet<string> {
    if (!this.ids) {
      this.ids = new Set();
      for (const { summary } of this.files.values()) if (summary.id) this.ids.add(summary.id);
    }
    return this.ids;
  }

  /**
   * Ids that two or more indexed files carry, with their URIs (front-matter/duplicate-id); ids of one
   * file are left out. The same map until a file is added, removed or its summary changes.
   */
  sharedIds(): ReadonlyMap<string, readonly string[]> {
    if (!this.shared) {
      const byId = new Map<string, string[]>();
      for (const [uri, { summary }] of this.files) {
        if (!summary.id) continue;
        const list = byId.get(summary.id);
        if (list) list.push(uri);
        else byId.set(summary.id, [uri]);
      }
      this.shared = new Map([...byId].filter(([, uris]) => uris.length > 1));
    }
    return this.shared;
  }

  /** Every action-item owner in the workspace, sorted, without duplicates. */
  owners(): string[] {
    // One spelling per person (ownerKey): `@Alice` and `@alice` are one choice, not two.
    const all = new Map<string, string>();
    for (const { summary } of this.files.values()) for (const o of summary.owners) if (!all.has(ownerKey(o))) all.set(ownerKey(o), o);
    return [...all.values()].sort((a, b) => a.localeCompare(b));
  }

  openItems(filter: OpenItemFilter = {}): OpenItem[] {
    const owner = filter.owner !== undefined ? ownerKey(filter.owner) : undefined;
    const result: OpenItem[] = [];
    for (const [uri, { summary }] of this.files) {
      for (const item of summary.actionItems) {
        if (item.isDone && !filter.includeDone) continue;
        if (owner !== undefined && (item.owner === undefined || ownerKey(item.owner) !== owner)) continue;
        if (filter.overdueAt !== undefined && !isOverdue(item, filter.overdueAt)) continue;
        result.push({ uri, summary, item });
      }
    }
    return result;
  }

  onDidChange(listener: (uris: string[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  private emit(uris: string[]): void {
    for (const listener of [...this.listeners]) listener(uris);
  }
}

/** The summary without its prose fields: what the trees and the lint's workspace facts show. */
function shownPart(summary: PostmortemSummary): string {
  const { abstract: _abstract, rootCause: _rootCause, ...shown } = summary;
  return JSON.stringify(shown);
}
