import * as vscode from 'vscode';
import { closedWithoutEdits } from '../editing/closedTabs';
import type { FixFacts, WorkspaceFacts } from '../../core/lint/rule';
import type { EvidenceReference } from '../../core/evidence/references';
import type { PostmortemSummary } from '../../core/index/summary';
import type { ReviewProgress } from '../../core/rules/review/reviewProgress';
import type { DocumentFiles } from '../../core/links/workspaceFiles';
import type { Diagnostic } from '../../core/types';
import type { ConfigStore } from '../config/configStore';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from '../convert';
import { editorSettings } from '../config/settings';
import { InThreadRunner } from '../lintWorker/inThreadRunner';
import type { FixAllRequest, Fixed, LintRequest, LintRunner, PoolOutcome } from '../lintWorker/runner';
import type { ResolvedConfig } from '../../core/config/config';
import { log } from '../log';
import { isLintedUri, isPostmortemDocument } from '../recognise';
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


/** What a lint found: the core's diagnostics with their fixes (data, from the lint thread or this one). */
export interface LintResult {
  readonly diagnostics: readonly Diagnostic[];
  /** The document's summary at the linted version (the status bar's), read where the lint ran. */
  readonly summary?: PostmortemSummary;
  /** Where its review stands (approvals so far and needed), read by the same lint as review/not-approved reads it. */
  readonly review?: ReviewProgress;
  /** Its links into evidence folders, from the lint's parse (evidence/missing-file stats them). */
  readonly evidence?: readonly EvidenceReference[];
}

export interface LintEvent {
  readonly document: vscode.TextDocument;
  /** Undefined when the document is (no longer) a post-mortem. */
  readonly result: LintResult | undefined;
}

/**
 * Lints open post-mortems on open and (debounced) on change. The lint runs on a worker thread in
 * the Node extension host (a slow file never holds the host) or, in the web host, in this thread one
 * file per macrotask; each document keeps a SectionCache there, so a re-lint re-parses only the
 * edited section. A result is published only if the document is still at the version it was
 * computed for and no newer lint of it was asked for; otherwise the newer lint publishes.
 */
export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  /** Documents we lint, with the number of their latest lint request (older results are dropped). */
  private readonly tracked = new Map<string, number>();
  private requests = 0;
  /** Documents whose last lint was slow: how long it took, so their re-lints are spaced out. */
  private readonly slow = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly emitter = new vscode.EventEmitter<LintEvent>();
  private readonly released = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly disposables: vscode.Disposable[] = [this.collection, this.emitter, this.released];
  readonly onDidLint = this.emitter.event;
  /**
   * An open document this controller stopped linting (its tab closed, it is no longer a post-mortem,
   * it grew past the size limit): its latest edit may never be linted, so whoever took its summary
   * from the lints (the index) must read it again itself.
   */
  readonly onDidStopLinting = this.released.event;
  /** The fallback when the lint thread is unavailable (and the only runner in the web host). */
  private inThread: InThreadRunner | undefined;
  /** Each document's latest lint (running or done) and the version it is for: see resultFor. */
  private readonly latest = new Map<string, { readonly version: number; readonly result: Promise<LintResult | undefined> }>();
  /** The version each document's latest lint finished for (published, or reported as not checked). */
  private readonly settled = new Map<string, number>();

  constructor(
    private readonly config: ConfigStore,
    private readonly fixes: FixStore,
    /** The workspace's ids (and which ones several files share) for this document; undefined until the index is complete. */
    private readonly workspaceFacts: (uri: vscode.Uri) => WorkspaceFacts | undefined,
    /** Choices and today's date for the fixes (your name, the workspace's owners). */
    private readonly fixFacts: (uri: vscode.Uri) => FixFacts = () => ({}),
    /** The workspace's files and the document's place in them (links/missing-file); undefined: links not checked. */
    private readonly files: (uri: vscode.Uri, text: string) => DocumentFiles | undefined = () => undefined,
    /** The lint thread pool (Node host); without it every lint runs in this thread. */
    private readonly runner?: LintRunner & { readonly available?: boolean },
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.lintNow(d)),
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
          const doc = uri && !this.tracked.has(uri) ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : undefined;
          if (doc) void this.lintNow(doc);
        }
      }),
      config.onDidChange(() => this.lintAllOpen()),
    );
  }

  /** Whether lints run on a worker thread (Node host) rather than this one (web host, or threads would not start). */
  get lintsOffThread(): boolean {
    return !!this.runner && (!('available' in this.runner) || this.runner.available !== false);
  }

  /** Whether this document is linted as a post-mortem (its lints bring its summary along). */
  isLinting(uri: string): boolean {
    return this.tracked.has(uri);
  }

  /** Where lints run: the thread pool when it can start threads, else this thread. */
  private get lints(): LintRunner {
    if (this.runner && this.lintsOffThread) return this.runner;
    return (this.inThread ??= new InThreadRunner());
  }

  lintAllOpen(): void {
    for (const doc of vscode.workspace.textDocuments) void this.lintNow(doc);
  }

  schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    // A document that takes long to lint is re-linted after a pause in typing of a few lint times,
    // so a lint thread (or, in the web host, this thread) is not kept busy by every keystroke.
    const wait = Math.min(MAX_SLOW_WAIT_MS, Math.max(LINT_DEBOUNCE_MS, 4 * (this.slow.get(key) ?? 0)));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!doc.isClosed) void this.lintNow(doc);
    }, wait));
  }

  /**
   * Lint now and publish; resolves with the result, or undefined when the document is not a
   * post-mortem, was not checked (too large, too slow), or its folder's config is still being read
   * (then it is linted as soon as it is). A result for a version the document has left is returned
   * to the caller but not published (the newer version's lint publishes).
   */
  lintNow(doc: vscode.TextDocument): Promise<LintResult | undefined> {
    const result = this.lint(doc);
    this.latest.set(doc.uri.toString(), { version: doc.version, result });
    return result;
  }

  /**
   * The document's lint result at its current version: the latest lint's when it is for this
   * version (waiting for it if it still runs), else a new lint. For work that needs what the lint
   * read (evidence links), so the host thread never parses the document a second time.
   */
  resultFor(doc: vscode.TextDocument): Promise<LintResult | undefined> {
    const latest = this.latest.get(doc.uri.toString());
    return latest && latest.version === doc.version && !doc.isClosed ? latest.result : this.lintNow(doc);
  }

  private async lint(doc: vscode.TextDocument): Promise<LintResult | undefined> {
    // Only files (and untitled documents): read-only views of other versions (git, diffs, the import
    // preview's "after" text) and panels are not post-mortems, and their problems cannot be fixed.
    if (doc.languageId !== 'markdown' || !isLintedUri(doc.uri)) return undefined;
    const key = doc.uri.toString();
    const config = this.config.cachedFor(doc.uri);
    if (!config) {
      this.lintOnceConfigLoaded(doc);
      return undefined;
    }
    if (!isPostmortemDocument(doc, config.globs)) {
      if (this.tracked.has(key) || this.collection.has(doc.uri)) {
        this.forget(doc.uri);
        this.emitter.fire({ document: doc, result: undefined });
      }
      return undefined;
    }
    const text = doc.getText();
    const { maxFileSizeBytes } = editorSettings();
    if (text.length > maxFileSizeBytes) {
      this.settled.delete(key);
      if (this.tracked.delete(key)) this.released.fire(doc);
      this.reportNotChecked(doc, `Not checked: the file is too large (${kb(text.length)}; the limit is ${kb(maxFileSizeBytes)}, setting postmortem.index.maxFileSizeKB)`, 'document/too-large');
      return undefined;
    }
    const request = ++this.requests;
    this.tracked.set(key, request);
    const version = doc.version;
    const started = performance.now();
    const lint: LintRequest = { ...this.request(doc.uri, text, config), uri: key, cache: true, summary: { sectionAliases: config.sectionAliases }, fixFacts: this.fixFacts(doc.uri) };
    const outcome = await this.run((runner) => runner.lint(lint));
    // Only the latest lint of a document still open at this version publishes.
    const current = this.tracked.get(key) === request && !doc.isClosed && doc.version === version;
    if (current) this.settled.set(key, version);
    if (outcome.kind !== 'done') {
      if (current) this.notChecked(doc, outcome);
      return undefined;
    }
    const result: LintResult = outcome.value;
    if (!current) return result;
    this.fixes.set(doc.uri, version, result.diagnostics);
    this.collection.set(doc.uri, result.diagnostics.map((d) => toDiagnostic(d, doc.uri)));
    const ms = performance.now() - started;
    if (outcome.ms > SLOW_LINT_MS) {
      if (!this.slow.has(key)) log().info(`Linting ${vscode.workspace.asRelativePath(doc.uri)} took ${outcome.ms.toFixed(0)} ms: it is re-linted only after a pause in typing`);
      this.slow.set(key, outcome.ms);
    } else this.slow.delete(key);
    log().trace(`Linted ${vscode.workspace.asRelativePath(doc.uri)} v${version} in ${outcome.ms.toFixed(1)} ms (${ms.toFixed(1)} ms until published): ${result.diagnostics.length} problem(s)`);
    this.emitter.fire({ document: doc, result });
    return result;
  }

  /** The core's fixAll of the document's text, on the lint thread where there is one; undefined when it did not finish. */
  async fixAll(doc: vscode.TextDocument, text: string): Promise<Fixed | undefined> {
    const request = this.request(doc.uri, text, await this.config.ensureFor(doc.uri));
    const outcome = await this.run((runner) => runner.fixAll(request));
    if (outcome.kind === 'done') return outcome.value;
    const why = outcome.kind === 'timeout' ? `took longer than ${Math.round(outcome.budgetMs / 1000)} s` : outcome.kind === 'failed' ? `failed: ${outcome.message}` : 'stopped';
    log().warn(`Fix all in ${vscode.workspace.asRelativePath(doc.uri)} ${why}`);
    return undefined;
  }

  /**
   * Lint a file that may not be open (Lint workspace). An open document is linted as usual; a closed
   * file's diagnostics stay until it is opened (then the usual lint replaces them) or closed again.
   */
  async publishFor(uri: vscode.Uri, text: string): Promise<number> {
    const config = await this.config.ensureFor(uri);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return (await this.lintNow(open))?.diagnostics.length ?? 0;
    const lint: LintRequest = { ...this.request(uri, text, config), uri: uri.toString(), cache: false };
    const outcome = await this.run((runner) => runner.lint(lint));
    if (outcome.kind !== 'done') {
      this.collection.set(uri, [notCheckedDiagnostic(notCheckedMessage(outcome))]);
      return 1;
    }
    this.collection.set(uri, outcome.value.diagnostics.map((d) => toDiagnostic(d, uri)));
    return outcome.value.diagnostics.length;
  }

  /**
   * What every lint and fix-all of a document's text is given: its folder's config, now, the
   * writer's zone, the workspace's files and ids. One place, so Lint workspace, the editor's lints
   * and Fix All read a document the same way.
   */
  private request(uri: vscode.Uri, text: string, config: ResolvedConfig): FixAllRequest {
    const facts = this.workspaceFacts(uri);
    const files = this.files(uri, text);
    return {
      text, configSlot: this.config.keyOf(uri), config, nowMs: Date.now(), writerZone: editorWriterZone().zone,
      ...(files ? { files } : {}), ...(facts ? { workspace: facts } : {}),
    };
  }

  /** Runs a job where lints run; when the thread pool gave up meanwhile (threads would not start), again in this thread. */
  private async run<T>(job: (runner: LintRunner) => Promise<PoolOutcome<T>>): Promise<PoolOutcome<T>> {
    const outcome = await job(this.lints);
    return outcome.kind === 'unavailable' ? job(this.lints) : outcome;
  }

  /**
   * A lint that did not finish: past the time budget (its thread was stopped; the next edit tries
   * again, after a pause in typing) or failed. One diagnostic says so instead of the problems.
   */
  private notChecked(doc: vscode.TextDocument, outcome: Exclude<PoolOutcome<unknown>, { kind: 'done' }>): void {
    if (outcome.kind === 'timeout') this.slow.set(doc.uri.toString(), outcome.budgetMs);
    if (outcome.kind === 'failed') log().error(`Linting ${vscode.workspace.asRelativePath(doc.uri)} failed: ${outcome.message}`);
    this.reportNotChecked(doc, notCheckedMessage(outcome), outcome.kind === 'timeout' ? 'document/too-slow' : 'internal/lint-failed');
  }

  /**
   * A post-mortem over the size budget is not linted at all (a 5 MB table took over a minute and
   * froze the host), nor one whose lint passed the time budget: one diagnostic says so, once,
   * instead of the problems.
   */
  private reportNotChecked(doc: vscode.TextDocument, message: string, code: string): void {
    this.fixes.delete(doc.uri);
    const existing = this.collection.get(doc.uri);
    if (existing?.length === 1 && existing[0].message === message) return;
    this.collection.set(doc.uri, [notCheckedDiagnostic(message, code)]);
    log().info(`${vscode.workspace.asRelativePath(doc.uri)}: ${message}`);
  }

  /** Never lint with a guessed config: wait for the folder's rc files, then lint (and tell listeners either way). */
  private lintOnceConfigLoaded(doc: vscode.TextDocument): void {
    void this.config.ensureFor(doc.uri).then(async () => {
      if (doc.isClosed || !this.config.cachedFor(doc.uri)) return;
      // Listeners (status bar, context key) may have guessed with another folder's config meanwhile.
      if (!(await this.lintNow(doc))) this.emitter.fire({ document: doc, result: undefined });
    });
  }

  /** Documents we lint that no longer have a tab: clear them as if closed (unless unsaved). */
  private forgetClosedTabs(): void {
    for (const uri of closedWithoutEdits(this.tracked.keys())) this.forget(uri);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const wasLinting = this.tracked.delete(key);
    const settled = this.settled.get(key);
    this.settled.delete(key);
    this.latest.delete(key);
    this.runner?.forget(key);
    this.inThread?.forget(key);
    this.slow.delete(key);
    this.fixes.delete(uri);
    this.collection.delete(uri);
    // A tab closed right after an edit (a revert, then close): that edit's lint is cancelled above,
    // so the version the index last got from a lint is not the document's.
    const open = wasLinting ? vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key) : undefined;
    if (open && open.version !== settled) this.released.fire(open);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.runner?.dispose();
    this.inThread?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function kb(n: number): string {
  return `${Math.ceil(n / 1024).toLocaleString('en-US')} KB`;
}

function notCheckedMessage(outcome: Exclude<PoolOutcome<unknown>, { kind: 'done' }>): string {
  if (outcome.kind === 'timeout') return `Not checked: linting took longer than ${Math.round(outcome.budgetMs / 1000)} s (this file is tried again after your next edit)`;
  if (outcome.kind === 'failed') return 'Not checked: the lint failed on this file (details in the Postmortem output)';
  return `Not checked: the lint stopped (the extension is shutting down)`;
}

function notCheckedDiagnostic(message: string, code = 'document/not-checked'): vscode.Diagnostic {
  const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Information);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = code;
  return d;
}
