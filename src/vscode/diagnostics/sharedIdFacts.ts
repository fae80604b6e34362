import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../../core/index';
import type { WorkspaceFacts } from '../../core/lint/rule';

/**
 * The workspace facts a document's lint gets: the index's ids, and — when two post-mortems share an
 * id (front-matter/duplicate-id) — those files as the user sees them (workspace-relative paths) and
 * this document's path in the same form. The shown map is rebuilt only when the index's map changes,
 * so the lint thread is sent it once, not with every keystroke.
 */
export class SharedIdFacts {
  private source: ReadonlyMap<string, readonly string[]> | undefined;
  private shown: ReadonlyMap<string, readonly string[]> = new Map();
  private signature = '';

  constructor(private readonly index: () => WorkspaceIndex, private readonly knownIds: () => ReadonlySet<string> | undefined) {}

  factsFor(uri: vscode.Uri): WorkspaceFacts | undefined {
    const ids = this.knownIds();
    if (!ids) return undefined;
    const shared = this.sharedShown();
    return shared.size === 0 ? { knownIds: ids } : { knownIds: ids, sharedIds: shared, documentPath: vscode.workspace.asRelativePath(uri) };
  }

  /** True when the set of shared ids or their files changed since last asked (open documents then need a new lint). */
  changed(): boolean {
    if (!this.knownIds()) return false;
    const before = this.signature;
    this.sharedShown();
    return this.signature !== before;
  }

  private sharedShown(): ReadonlyMap<string, readonly string[]> {
    const shared = this.index().sharedIds();
    if (shared !== this.source) {
      this.source = shared;
      this.shown = new Map([...shared].map(([id, uris]) => [id, uris.map((u) => vscode.workspace.asRelativePath(vscode.Uri.parse(u)))]));
      this.signature = JSON.stringify([...this.shown]);
    }
    return this.shown;
  }
}
