import * as vscode from 'vscode';
import { missingFromReferences } from '../../core/evidence/check';
import { normalisePath, type EvidenceReference } from '../../core/evidence/references';
import { toDiagnostic } from '../convert';

/**
 * Where a post-mortem's evidence links come from: its lint (on the lint thread in the Node host).
 * Parsing the document here cost the extension host's thread as much as a lint (a hostile front
 * matter: 1–2.5 s after every edit), so the links come with each lint instead.
 */
export interface EvidenceLinks {
  /** Each published lint; `result` undefined: the document is not (or no longer) a post-mortem. */
  readonly onDidLint: vscode.Event<{ readonly document: vscode.TextDocument; readonly result: { readonly evidence?: readonly EvidenceReference[] } | undefined }>;
  /** The lint result at the document's current version (its latest lint, or a new one). */
  resultFor(doc: vscode.TextDocument): Promise<{ readonly evidence?: readonly EvidenceReference[] } | undefined>;
}

/**
 * `evidence/missing-file` in the editor: links into `*.assets/` whose file is not in the workspace.
 * Existence is asynchronous here (workspace.fs, virtual file systems too), so this runs beside the
 * lint: after each lint (with the links it read) and when files in an evidence folder come or go.
 * The links always come from the lint: this class never parses a document.
 */
export class MissingEvidenceDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('postmortem-evidence');
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly _onDidCheck = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's evidence links were checked (for the tests). */
  readonly onDidCheck = this._onDidCheck.event;

  constructor(
    private readonly isPostmortem: (doc: vscode.TextDocument) => boolean,
    private readonly severity: (uri: vscode.Uri) => vscode.DiagnosticSeverity | undefined,
    private readonly links: EvidenceLinks,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.assets/**');
    const refresh = () => {
      for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 100);
    };
    this.disposables.push(
      this.collection, this._onDidCheck, watcher,
      watcher.onDidCreate(refresh), watcher.onDidDelete(refresh),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.collection.delete(doc.uri);
        clearTimeout(this.timers.get(doc.uri.toString()));
        this.timers.delete(doc.uri.toString());
      }),
      links.onDidLint((e) => {
        if (e.document.languageId !== 'markdown') return;
        clearTimeout(this.timers.get(e.document.uri.toString()));
        void this.checkLinks(e.document, e.result?.evidence);
      }),
    );
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
    const version = doc.version;
    const result = await this.links.resultFor(doc);
    if (doc.version === version) await this.checkLinks(doc, result?.evidence);
  }

  /** `references` undefined: not a post-mortem (its diagnostics go). */
  private async checkLinks(doc: vscode.TextDocument, references: readonly EvidenceReference[] | undefined): Promise<void> {
    const severity = this.severity(doc.uri);
    if (!references || !this.isPostmortem(doc) || severity === undefined || doc.isClosed) {
      this.collection.delete(doc.uri);
      this._onDidCheck.fire(doc.uri);
      return;
    }
    const version = doc.version;
    const existing = new Set<string>();
    for (const ref of references) {
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
    this.collection.set(doc.uri, missingFromReferences(references, (p) => existing.has(p)).map((d) => {
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
