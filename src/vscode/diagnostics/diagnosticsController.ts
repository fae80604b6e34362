import * as vscode from 'vscode';
import { SectionCache } from '../../core/document/parse';
import { lintText, type LintResult } from '../../core/lint/engine';
import type { FixFacts } from '../../core/lint/rule';
import type { DocumentFiles } from '../../core/links/workspaceFiles';
import type { ConfigStore } from '../config/configStore';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from '../convert';
import { editorSettings } from '../config/settings';
import { log } from '../log';
import { isPostmortemDocument } from '../recognise';
import { editorWriterZone } from '../timeline/writerZone';
import type { FixStore } from './fixStore';

export const LINT_DEBOUNCE_MS = 250;
/** A lint slower than this (a huge or pathological file) makes that document's re-lints wait longer. */
const SLOW_LINT_MS = 500;
/**
 * The longest a slow document waits after typing stops. One lint measured while the machine was
 * busy (a build, a GC pause) must not keep that document's problems stale for tens of seconds.
 */
const MAX_SLOW_WAIT_MS = 2_000;

/** Read-only views of other versions (diffs, history) and panels: problems there cannot be fixed. */
const NOT_LINTED_SCHEMES = new Set(['git', 'gitlens', 'output', 'vscode-scm', 'merge-conflict.conflict-diff', 'pr', 'review', 'vscode-chat-code-block']);

export interface LintEvent {
  readonly document: vscode.TextDocument;
  /** Undefined when the document is (no longer) a post-mortem. */
  readonly result: LintResult | undefined;
}

/**
 * Lints open post-mortems on open and (debounced) on change. Each document keeps a SectionCache so
 * a re-lint only re-parses the edited section. A result is published only if the document is still
 * at the version it was computed for; otherwise the newer change's lint will publish.
 */
export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly caches = new Map<string, SectionCache>();
  /** Documents whose last lint was slow: how long it took, so their re-lints are spaced out. */
  private readonly slow = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly emitter = new vscode.EventEmitter<LintEvent>();
  private readonly disposables: vscode.Disposable[] = [this.collection, this.emitter];
  readonly onDidLint = this.emitter.event;

  constructor(
    private readonly config: ConfigStore,
    private readonly fixes: FixStore,
    private readonly knownIds: () => ReadonlySet<string> | undefined,
    /** Choices and today's date for the fixes (your name, the workspace's owners). */
    private readonly fixFacts: (uri: vscode.Uri) => FixFacts = () => ({}),
    /** The workspace's files and the document's place in them (links/missing-file); undefined: links not checked. */
    private readonly files: (uri: vscode.Uri, text: string) => DocumentFiles | undefined = () => undefined,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.lintNow(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      // VS Code disposes a closed document only minutes later; the tab closing is what users see.
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        if (e.closed.length) this.forgetClosedTabs();
        // A document reopened before VS Code disposed it gets no onDidOpenTextDocument.
        for (const tab of e.opened) {
          const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri.toString() : undefined;
          const doc = uri && !this.caches.has(uri) ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : undefined;
          if (doc) this.lintNow(doc);
        }
      }),
      config.onDidChange(() => this.lintAllOpen()),
    );
  }

  lintAllOpen(): void {
    for (const doc of vscode.workspace.textDocuments) this.lintNow(doc);
  }

  schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    // A document that takes long to lint is re-linted after a pause in typing of a few lint times,
    // so the host answers other files and keystrokes in between.
    const wait = Math.min(MAX_SLOW_WAIT_MS, Math.max(LINT_DEBOUNCE_MS, 4 * (this.slow.get(key) ?? 0)));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!doc.isClosed) this.lintNow(doc);
    }, wait));
  }

  /**
   * Lint now and publish; returns the result, or undefined when the document is not a post-mortem
   * or its folder's config is still being read (then it is linted as soon as it is).
   */
  lintNow(doc: vscode.TextDocument): LintResult | undefined {
    if (doc.languageId !== 'markdown' || NOT_LINTED_SCHEMES.has(doc.uri.scheme)) return undefined;
    const key = doc.uri.toString();
    const config = this.config.cachedFor(doc.uri);
    if (!config) {
      this.lintOnceConfigLoaded(doc);
      return undefined;
    }
    if (!isPostmortemDocument(doc, config.globs)) {
      if (this.caches.has(key) || this.collection.has(doc.uri)) {
        this.forget(doc.uri);
        this.emitter.fire({ document: doc, result: undefined });
      }
      return undefined;
    }
    const text = doc.getText();
    const { maxFileSizeBytes } = editorSettings();
    if (text.length > maxFileSizeBytes) {
      this.reportNotChecked(doc, text.length, maxFileSizeBytes);
      return undefined;
    }
    let cache = this.caches.get(key);
    if (!cache) this.caches.set(key, (cache = new SectionCache()));
    const version = doc.version;
    const started = performance.now();
    const ids = this.knownIds();
    const result = lintText(text, { config, now: new Date(), cache, fixFacts: this.fixFacts(doc.uri), files: this.files(doc.uri, text), writerZone: editorWriterZone(doc.uri).zone, ...(ids ? { workspace: { knownIds: ids } } : {}) });
    if (doc.version !== version) return undefined; // A newer edit arrived; its own lint publishes.
    this.fixes.set(doc.uri, version, result.diagnostics);
    this.collection.set(doc.uri, result.diagnostics.map((d) => toDiagnostic(d, doc.uri)));
    const ms = performance.now() - started;
    if (ms > SLOW_LINT_MS) {
      if (!this.slow.has(key)) log().info(`Linting ${vscode.workspace.asRelativePath(doc.uri)} took ${ms.toFixed(0)} ms: it is re-linted only after a pause in typing`);
      this.slow.set(key, ms);
    } else this.slow.delete(key);
    log().trace(`Linted ${vscode.workspace.asRelativePath(doc.uri)} v${version} in ${ms.toFixed(1)} ms: ${result.diagnostics.length} problem(s)`);
    this.emitter.fire({ document: doc, result });
    return result;
  }

  /**
   * Lint a file that may not be open (Lint workspace). An open document is linted as usual; a closed
   * file's diagnostics stay until it is opened (then the usual lint replaces them) or closed again.
   */
  async publishFor(uri: vscode.Uri, text: string): Promise<number> {
    const config = await this.config.ensureFor(uri);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return this.lintNow(open)?.diagnostics.length ?? 0;
    const ids = this.knownIds();
    const result = lintText(text, { config, now: new Date(), files: this.files(uri, text), writerZone: editorWriterZone(uri).zone, ...(ids ? { workspace: { knownIds: ids } } : {}) });
    this.collection.set(uri, result.diagnostics.map((d) => toDiagnostic(d, uri)));
    return result.diagnostics.length;
  }

  /**
   * A post-mortem over the size budget is not linted at all (a 5 MB table took over a minute and
   * froze the host): one diagnostic says so, once, instead of the problems.
   */
  private reportNotChecked(doc: vscode.TextDocument, length: number, limit: number): void {
    this.caches.delete(doc.uri.toString());
    this.fixes.delete(doc.uri);
    const kb = (n: number) => `${Math.ceil(n / 1024).toLocaleString('en-US')} KB`;
    const message = `Not checked: the file is too large (${kb(length)}; the limit is ${kb(limit)}, setting postmortem.index.maxFileSizeKB)`;
    const existing = this.collection.get(doc.uri);
    if (existing?.length === 1 && existing[0].message === message) return;
    const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Information);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = 'document/too-large';
    this.collection.set(doc.uri, [d]);
    log().info(`${vscode.workspace.asRelativePath(doc.uri)}: ${message}`);
  }

  /** Never lint with a guessed config: wait for the folder's rc files, then lint (and tell listeners either way). */
  private lintOnceConfigLoaded(doc: vscode.TextDocument): void {
    void this.config.ensureFor(doc.uri).then(() => {
      if (doc.isClosed || !this.config.cachedFor(doc.uri)) return;
      // Listeners (status bar, context key) may have guessed with another folder's config meanwhile.
      if (!this.lintNow(doc)) this.emitter.fire({ document: doc, result: undefined });
    });
  }

  /** Documents we lint that no longer have a tab: clear them as if closed (unless unsaved). */
  private forgetClosedTabs(): void {
    const shown = new Set<string>();
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) {
        const input = tab.input;
        if (input instanceof vscode.TabInputText) shown.add(input.uri.toString());
        else if (input instanceof vscode.TabInputTextDiff) shown.add(input.modified.toString());
      }
    }
    for (const key of [...this.caches.keys()]) {
      if (shown.has(key)) continue;
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (!doc?.isDirty) this.forget(vscode.Uri.parse(key));
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.caches.delete(key);
    this.slow.delete(key);
    this.fixes.delete(uri);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
