import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../convert';
import type { LintEvent } from '../diagnostics/diagnosticsController';
import { log } from '../log';
import { byteProblem, type ByteProblem } from './byteProblem';
import { closedWithoutEdits } from './closedTabs';
import { bytesRefusal } from './refusalReason';

/** What the file's bytes on disk say about saving the document, for the version and encoding it was read for. */
interface Known {
  readonly version: number;
  readonly encoding: string;
  readonly mtime: number;
  readonly size: number;
  /** checkWrite's refusal (writeGuard.ts): no edit of ours may go into the document. */
  readonly refusal: string | undefined;
  readonly problem: ByteProblem | undefined;
}

/**
 * The post-mortems open in editors whose bytes on disk a save would rewrite beyond any edit (a
 * Windows-1252 file read as UTF-8, lone CRs, mixed line endings): one diagnostic on line 1 with the
 * CLI's code and words, and the refusal the code actions ask for before offering an edit (quick
 * fixes, Fix All, fix-on-save), the same one checkWrite gives the commands.
 *
 * The file is read (workspace.fs, so both hosts) when a post-mortem is first linted, when it is
 * saved, and when a lint comes for a document without unsaved changes whose file's mtime or size
 * changed; typing into a document costs nothing here (the disk does not change while it is dirty).
 */
export class ByteRefusals implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}.bytes`);
  private readonly known = new Map<string, Known>();
  private readonly reading = new Map<string, Promise<Known | undefined>>();
  private readonly disposables: vscode.Disposable[];

  constructor(onDidLint: vscode.Event<LintEvent>) {
    this.disposables = [
      this.collection,
      onDidLint((e) => (e.result ? void this.refresh(e.document) : this.forget(e.document.uri))),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (!this.known.delete(doc.uri.toString())) return;
        void this.refresh(doc);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        if (e.closed.length) this.forgetClosedTabs();
      }),
    ];
  }

  /** Why no edit may go into `doc` (undefined: edits are safe as far as its bytes go). */
  async refusal(doc: vscode.TextDocument): Promise<string | undefined> {
    return (await this.current(doc))?.refusal;
  }

  private current(doc: vscode.TextDocument): Promise<Known | undefined> {
    if (doc.isUntitled) return Promise.resolve(undefined);
    const key = doc.uri.toString();
    const known = this.known.get(key);
    // While the document has unsaved changes its file is not what changes: no I/O per keystroke.
    if (known && known.encoding === doc.encoding && (known.version === doc.version || doc.isDirty)) return Promise.resolve(known);
    let reading = this.reading.get(key);
    if (!reading) {
      reading = this.read(doc).finally(() => this.reading.delete(key));
      this.reading.set(key, reading);
    }
    return reading;
  }

  private async read(doc: vscode.TextDocument): Promise<Known | undefined> {
    const key = doc.uri.toString();
    const version = doc.version;
    const encoding = doc.encoding;
    const stat = await vscode.workspace.fs.stat(doc.uri).then((s) => s, () => undefined);
    // Not a file that can be read back (a virtual document) or gone: VS Code decides on save.
    if (!stat) return undefined;
    const old = this.known.get(key);
    let known: Known;
    if (old && old.mtime === stat.mtime && old.size === stat.size && old.encoding === encoding) known = { ...old, version };
    else {
      const bytes = await vscode.workspace.fs.readFile(doc.uri).then((b) => b, () => undefined);
      if (!bytes) return undefined;
      known = { version, encoding, mtime: stat.mtime, size: stat.size, refusal: bytesRefusal(bytes, encoding), problem: byteProblem(bytes, encoding) };
    }
    if (!doc.isClosed) this.known.set(key, known);
    return known;
  }

  private async refresh(doc: vscode.TextDocument): Promise<void> {
    const known = await this.current(doc);
    if (doc.isClosed || !this.known.has(doc.uri.toString())) return;
    const problem = known?.problem;
    const existing = this.collection.get(doc.uri);
    if (!problem) {
      if (existing?.length) this.collection.delete(doc.uri);
      return;
    }
    if (existing?.length === 1 && existing[0].message === problem.message) return;
    const diagnostic = new vscode.Diagnostic(doc.lineAt(0).range, problem.message, problem.code === 'file/nul' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = problem.code;
    this.collection.set(doc.uri, [diagnostic]);
    log().info(`${vscode.workspace.asRelativePath(doc.uri)}: ${problem.code}: quick fixes and Fix All are withheld (${problem.message})`);
  }

  private forget(uri: vscode.Uri): void {
    this.known.delete(uri.toString());
    this.collection.delete(uri);
  }

  /** As the lint's diagnostics: a document without a tab and without unsaved changes is forgotten. */
  private forgetClosedTabs(): void {
    for (const uri of closedWithoutEdits(this.known.keys())) this.forget(uri);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
