import * as vscode from 'vscode';
import { missingEvidence } from '../../core/evidence/check';
import { evidenceReferences, normalisePath } from '../../core/evidence/references';
import { parsePostmortem } from '../../core/document/parse';
import { toDiagnostic } from '../convert';

/**
 * `evidence/missing-file` in the editor: links into `*.assets/` whose file is not in the workspace.
 * Existence is asynchronous here (workspace.fs, virtual file systems too), so this runs beside the
 * synchronous lint: on open, after edits (debounced) and when files in an evidence folder come or go.
 */
export class MissingEvidenceDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('postmortem-evidence');
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly _onDidCheck = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's evidence links were checked (for the tests). */
  readonly onDidCheck = this._onDidCheck.event;

  constructor(private readonly isPostmortem: (doc: vscode.TextDocument) => boolean, private readonly severity: (uri: vscode.Uri) => vscode.DiagnosticSeverity | undefined) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.assets/**');
    const refresh = () => {
      for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 100);
    };
    this.disposables.push(
      this.collection, this._onDidCheck, watcher,
      watcher.onDidCreate(refresh), watcher.onDidDelete(refresh),
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, 400)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.collection.delete(doc.uri);
        clearTimeout(this.timers.get(doc.uri.toString()));
        this.timers.delete(doc.uri.toString());
      }),
    );
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  private schedule(doc: vscode.TextDocument, ms: number): void {
    if (doc.languageId !== 'markdown') return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.check(doc);
    }, ms));
  }

  async check(doc: vscode.TextDocument): Promise<void> {
    const severity = this.severity(doc.uri);
    if (!this.isPostmortem(doc) || severity === undefined || doc.isClosed) {
      this.collection.delete(doc.uri);
      this._onDidCheck.fire(doc.uri);
      return;
    }
    const version = doc.version;
    const parsed = parsePostmortem(doc.getText());
    const existing = new Set<string>();
    for (const ref of evidenceReferences(parsed)) {
      const path = normalisePath(ref.path);
      if (path === undefined || existing.has(path)) continue;
      try {
        await vscode.workspace.fs.stat(vscode.Uri.joinPath(doc.uri, '..', ...path.split('/')));
        existing.add(path);
      } catch {
        // Missing: reported below.
      }
    }
    if (doc.version !== version || doc.isClosed) return; // a newer check is scheduled
    this.collection.set(doc.uri, missingEvidence(parsed, (p) => existing.has(p)).map((d) => {
      const diagnostic = toDiagnostic(d, doc.uri);
      diagnostic.severity = severity;
      return diagnostic;
    }));
    this._onDidCheck.fire(doc.uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
