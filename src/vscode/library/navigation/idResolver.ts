import * as vscode from 'vscode';
import { findIdOccurrences, idDirectory, type IdOccurrence, type IdTarget } from '../../../core/api';
import { editorSettings } from '../../config/settings';
import type { Indexer } from '../../index/indexer';
import { readWorkspaceText } from '../../index/readText';
import { isLintedUri } from '../../recognise';

export interface FileOccurrence extends IdOccurrence {
  readonly uri: vscode.Uri;
}

/**
 * Post-mortem ids for the navigation providers: which file defines an id (from the index), where
 * ids are written in a document (core/library/idOccurrences) and in every indexed file (open
 * documents' unsaved text wins over the disk). Only the index's post-mortems are searched.
 */
export class IdResolver implements vscode.Disposable {
  private directory: Map<string, IdTarget[]> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(readonly indexer: Indexer) {
    this.subscription = indexer.onDidChange(() => (this.directory = undefined));
  }

  targets(id: string): readonly IdTarget[] {
    this.directory ??= idDirectory(this.indexer.index.entries());
    return this.directory.get(id) ?? [];
  }

  knownIds(): ReadonlySet<string> {
    return this.indexer.index.knownIds();
  }

  /** Ids in this document: its own `id:` always, other ids when a post-mortem of the index has them. */
  occurrences(doc: vscode.TextDocument): IdOccurrence[] {
    const known = this.knownIds();
    return findIdOccurrences(doc.getText(), (id) => known.has(id));
  }

  /**
   * The id under the cursor in a workspace file or an untitled document (the linter's gate): none in
   * a view of a text (the import preview, a git version), which is no post-mortem of the workspace.
   */
  atInFile(doc: vscode.TextDocument, position: vscode.Position): IdOccurrence | undefined {
    return isLintedUri(doc.uri) ? this.at(doc, position) : undefined;
  }

  at(doc: vscode.TextDocument, position: vscode.Position): IdOccurrence | undefined {
    return this.occurrences(doc).find((o) => o.line === position.line && o.start <= position.character && position.character <= o.end);
  }

  /** Where `id` is defined: the `id:` line of each file that has it. */
  async definitions(id: string): Promise<vscode.Location[]> {
    const locations: vscode.Location[] = [];
    for (const target of this.targets(id)) {
      const uri = vscode.Uri.parse(target.uri);
      const own = (await this.occurrencesInFile(uri, id)).find((o) => o.place === 'id');
      locations.push(new vscode.Location(uri, own ? rangeOf(own) : new vscode.Range(0, 0, 0, 0)));
    }
    return locations;
  }

  /** Every occurrence of `id` in the index's files (and in `extra`, e.g. the document asked from). */
  async everyOccurrence(id: string, extra?: vscode.TextDocument): Promise<FileOccurrence[]> {
    await this.indexer.ready();
    const uris = new Map<string, vscode.Uri>();
    for (const [uri] of this.indexer.index.entries()) uris.set(uri, vscode.Uri.parse(uri));
    if (extra) uris.set(extra.uri.toString(), extra.uri);
    const result: FileOccurrence[] = [];
    for (const uri of uris.values()) for (const o of await this.occurrencesInFile(uri, id)) result.push({ ...o, uri });
    return result;
  }

  private async occurrencesInFile(uri: vscode.Uri, id: string): Promise<IdOccurrence[]> {
    const read = await readWorkspaceText(uri, editorSettings().maxFileSizeBytes);
    if ('skipped' in read || !read.text.includes(id)) return [];
    return findIdOccurrences(read.text, (x) => x === id).filter((o) => o.id === id);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

export function rangeOf(o: IdOccurrence): vscode.Range {
  return new vscode.Range(o.line, o.start, o.line, o.end);
}
