import * as vscode from 'vscode';
import { checkWrite } from '../editing/writeGuard';
import { MAX_TEXT_LENGTH, type ExportFormat, type FromWebview, type ToWebview, type ZoomAction } from '../../shared/protocol/messages';
import { validateFromWebview } from '../../shared/protocol/validate';
import type { BlockTracker } from './blockTracker';
import { decodeBase64, exportPath } from './exportFiles';
import { adoptAppPanel, appAssets, createAppPanel } from '../webviews/appPanel';
import { buildDiagramHtml } from './webviewHtml';
import { baseName } from '../recognise';
import { diagramTitle } from '../../core/diagrams/diagramTitle';
import { newFileRefusalOf, writeTargetRefusalOf } from '../editing/writeTarget';

/** Also the key of the `onWebviewPanel:` activation event in package.json. */
export const DIAGRAM_VIEW_TYPE = 'postmortem.diagramEditor';

/**
 * One editor panel for one diagram block. The document is the source of truth: the panel shows
 * what the tracker finds in the text and writes only the block's content range, one edit at a
 * time, each checked by the tracker against the version it was made on.
 */
export class DiagramPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  /** Content we are writing right now: its change event is our own echo, not news for the webview. */
  private writing: string | undefined;
  /** Called on every change of the document (after the tracker saw it): an edit waits here for its echo. */
  private changeWaiter: (() => void) | undefined;
  private ready = false;
  private drawings = 0;
  private exportWaiters: ((ok: boolean) => void)[] = [];
  private disposed = false;
  private readonly posted = new vscode.EventEmitter<ToWebview>();
  private readonly received = new vscode.EventEmitter<FromWebview>();
  /** Every message sent to the webview (the integration tests watch the sync through it). */
  readonly onDidPost = this.posted.event;
  /** Every valid message from the webview, once handled (an edit is then queued, not yet applied). */
  readonly onDidReceive = this.received.event;

  constructor(
    private document: vscode.TextDocument,
    readonly tracker: BlockTracker,
    private readonly extensionUri: vscode.Uri,
    private readonly output: vscode.LogOutputChannel,
    private readonly onDisposed: (panel: DiagramPanel) => void,
    /** A panel VS Code restored after a window reload (see ./restore); otherwise a new one opens beside the text. */
    restored?: vscode.WebviewPanel,
  ) {
    if (restored) {
      this.panel = adoptAppPanel(restored, extensionUri);
      this.panel.title = this.title();
    } else {
      this.panel = createAppPanel(extensionUri, DIAGRAM_VIEW_TYPE, this.title(), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
    }
    this.panel.webview.html = this.html();
    this.disposables.push(
      this.posted, this.received,
      this.panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      this.panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.onDocumentChanged(e);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc !== this.document) return;
        this.releaseWaiter();
        this.post({ type: 'gone', reason: 'The post-mortem was closed.' });
      }),
    );
  }

  /** The webview's script has started and asked for the document. */
  get webviewReady(): boolean {
    return this.ready;
  }

  /** How many drawings the webview has finished (Mermaid rendered an SVG into the page). */
  get drawingsDone(): number {
    return this.drawings;
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  private title(): string {
    const s = this.tracker.state;
    const name = baseName(this.document.uri);
    if (s.status === 'gone') return `Diagram (gone) · ${name}`;
    return `${diagramTitle(s.kind, this.tracker.kindIndex)} · ${name}`;
  }

  private html(): string {
    return buildDiagramHtml({ ...appAssets(this.panel.webview, this.extensionUri, 'diagram'), title: this.title() });
  }

  private post(message: ToWebview): void {
    if (this.disposed) return;
    void this.panel.webview.postMessage(message);
    this.posted.fire(message);
  }

  private postDocument(): void {
    const s = this.tracker.state;
    if (s.status === 'gone') {
      this.post({ type: 'gone', reason: s.reason });
      return;
    }
    const name = baseName(this.document.uri);
    this.post({
      type: 'document', kind: s.kind, content: s.block.content, version: this.document.version,
      blockIndex: s.block.index, kindIndex: this.tracker.kindIndex, firstLine: s.block.contentStartLine, fileName: name, uri: this.document.uri.toString(),
    });
  }

  private onDocumentChanged(e: vscode.TextDocumentChangeEvent): void {
    const changes = e.contentChanges.map((c) => ({
      range: { start: { line: c.range.start.line, character: c.range.start.character }, end: { line: c.range.end.line, character: c.range.end.character } },
      text: c.text,
    }));
    const update = this.tracker.update(e.document.getText(), e.document.version, changes, this.writing);
    this.panel.title = this.title();
    this.releaseWaiter();
    if (update.statusChanged) return this.postDocument();
    if (!update.contentChanged) return;
    // Our own write coming back: the webview already shows it and learns the version from editResult.
    if (update.own) return;
    this.postDocument();
  }

  private releaseWaiter(): void {
    const waiter = this.changeWaiter;
    this.changeWaiter = undefined;
    waiter?.();
  }

  /** Resolves at the document's next change (or when the panel or document closes). */
  private nextChange(): Promise<void> {
    return new Promise((resolve) => {
      if (this.disposed || this.document.isClosed) return resolve();
      const earlier = this.changeWaiter;
      this.changeWaiter = () => { earlier?.(); resolve(); };
    });
  }

  /** Entry of every message from the webview: validated here, anything else is ignored and logged. */
  receive(raw: unknown): void {
    const checked = validateFromWebview(raw);
    if (!checked.ok) {
      this.output.warn(`Diagram editor: ignored a message from the webview (${checked.error}).`);
      return;
    }
    this.handle(checked.message);
    this.received.fire(checked.message);
  }

  private handle(msg: FromWebview): void {
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.postDocument();
        return;
      case 'edit':
        this.enqueue(() => this.applyEdit(msg.requestId, msg.baseVersion, msg.content));
        return;
      case 'undo':
      case 'redo':
        this.enqueue(() => this.history(msg.type, msg.requestId));
        return;
      case 'export':
        this.enqueue(() => this.saveExport(msg.format, msg.data, msg.saveAs === true));
        return;
      case 'reveal':
        this.revealLine(msg.line);
        return;
      case 'drawn':
        // A failed drawing is shown in the panel next to the last good one; the log keeps a trace.
        if (msg.ok) this.drawings += 1;
        else this.output.info(`Diagram editor: Mermaid could not draw the block (${msg.ms} ms).`);
        return;
      case 'log':
        this.output[msg.level](`Diagram editor: ${msg.message}`);
        if (/^(Export failed|Nothing drawn)/.test(msg.message)) {
          void vscode.window.showWarningMessage(msg.message);
          this.exportWaiters.splice(0).forEach((w) => w(false));
        }
        return;
    }
  }

  private enqueue(op: () => Promise<void>): void {
    this.queue = this.queue.then(op, op).catch((err: unknown) => this.output.error(`Diagram editor: ${err instanceof Error ? err.stack ?? err.message : String(err)}`));
  }

  private async applyEdit(requestId: number, baseVersion: number, content: string): Promise<void> {
    if (this.document.isClosed) {
      this.post({ type: 'editResult', requestId, ok: false, version: baseVersion, reason: 'The post-mortem was closed.' });
      return;
    }
    const decision = this.tracker.checkWrite(baseVersion, content);
    if (!decision.ok) {
      this.output.info(`Diagram editor: refused an edit (${decision.reason})`);
      this.post({ type: 'editResult', requestId, ok: false, version: this.document.version, reason: decision.reason });
      this.postDocument();
      return;
    }
    const s = this.tracker.state;
    if (s.status === 'tracked' && s.block.content === content.replace(/\r\n/g, '\n')) {
      // Already what the text says: nothing to write (and no change event would come back).
      this.post({ type: 'editResult', requestId, ok: true, version: this.document.version });
      return;
    }
    const version = this.document.version;
    const check = await checkWrite(this.document, [decision.text]);
    // The guard reads the disk (await): a change to the text meanwhile makes the decision stale.
    if (!check.ok || this.document.version !== version) {
      const reason = check.ok ? 'The post-mortem changed while the edit was checked.' : check.message;
      this.post({ type: 'editResult', requestId, ok: false, version: this.document.version, reason });
      this.postDocument();
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    const r = decision.range;
    edit.replace(this.document.uri, new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), decision.text);
    const before = this.document.version;
    this.writing = content;
    let applied = false;
    try {
      applied = await vscode.workspace.applyEdit(edit);
      // The change event normally comes before applyEdit resolves; if not, wait for it, so the
      // version we answer with (the next edit's base) already counts this write.
      if (applied && this.document.version === before) await this.nextChange();
    } finally {
      this.writing = undefined;
    }
    this.post({ type: 'editResult', requestId, ok: applied, version: this.document.version, ...(applied ? {} : { reason: 'VS Code did not apply the edit.' }) });
    if (!applied) this.postDocument();
  }

  /**
   * Undo/redo act on the document's own history (so the text editor and the panel share one):
   * VS Code's `undo` works on the focused editor, so focus the text briefly, then come back.
   */
  private async history(command: 'undo' | 'redo', requestId: number): Promise<void> {
    if (this.document.isClosed) {
      this.post({ type: 'editResult', requestId, ok: false, version: this.document.version, reason: 'The post-mortem was closed.' });
      return;
    }
    // Answered whatever happens (nothing to undo is fine): the panel's next request waits for it.
    let failure: string | undefined;
    try {
      const visible = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
      await vscode.window.showTextDocument(this.document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
      await vscode.commands.executeCommand(command);
      this.panel.reveal(this.panel.viewColumn, false);
    } catch (err) {
      // Said, not answered as done: the panel shows why its undo/redo did not happen.
      // Cut to what the protocol carries (a longer reason would make the webview drop the answer and wait forever).
      failure = (err instanceof Error ? err.message : String(err)).slice(0, MAX_TEXT_LENGTH);
      this.output.error(`Diagram editor: ${command} failed: ${err instanceof Error ? err.stack ?? err.message : failure}`);
    }
    this.post({ type: 'editResult', requestId, ok: failure === undefined, version: this.document.version, ...(failure !== undefined ? { reason: failure } : {}) });
  }

  /** Zooms the drawing (Ctrl/Cmd+= / - / 0 while the panel is active); nothing to zoom before the webview is ready. */
  zoom(action: ZoomAction): void {
    if (this.ready) this.post({ type: 'zoom', action });
  }

  /** Asks the webview for its drawing and saves it; resolves false when nothing was saved. */
  requestExport(format: ExportFormat): Promise<boolean> {
    return new Promise((resolve) => {
      this.exportWaiters.push(resolve);
      if (this.ready) this.post({ type: 'exportRequest', format });
      else {
        const sub = this.panel.webview.onDidReceiveMessage((m: unknown) => {
          if (validateFromWebview(m).ok && (m as FromWebview).type === 'ready') {
            sub.dispose();
            this.post({ type: 'exportRequest', format });
          }
        });
        this.disposables.push(sub);
      }
    });
  }

  /**
   * A node clicked in the drawing: its line is selected and scrolled into view in the text editor
   * showing the post-mortem (if one is visible), without taking focus from the panel.
   */
  private revealLine(blockLine: number): void {
    const s = this.tracker.state;
    if (s.status !== 'tracked' || this.document.isClosed) return;
    const line = s.block.contentStartLine + blockLine;
    if (line >= this.document.lineCount) return;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    if (!editor) return;
    const text = this.document.lineAt(line);
    const range = new vscode.Range(line, text.firstNonWhitespaceCharacterIndex, line, text.range.end.character);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async saveExport(format: ExportFormat, data: string, saveAs: boolean): Promise<void> {
    const s = this.tracker.state;
    const index = s.status === 'tracked' ? s.block.index : 0;
    const nextTo = this.document.uri.with({ path: exportPath(this.document.uri.path, index, format) });
    const target = saveAs ? await vscode.window.showSaveDialog({
      defaultUri: nextTo, saveLabel: 'Export', title: `Export the drawing as ${format.toUpperCase()}`,
      filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    }) : nextTo;
    if (!target) {
      // Save As cancelled: nothing written, nothing to say.
      this.exportWaiters.splice(0).forEach((w) => w(false));
      return;
    }
    // An earlier export replaced: not when it is read-only or a symlink out of the workspace (the CLI's
    // rules); a new one: not in a folder that leads out of it (as New Post-mortem's file).
    const refusal = (await writeTargetRefusalOf(target)) ?? (await newFileRefusalOf(target));
    if (refusal) {
      const message = `Nothing was written to ${vscode.workspace.asRelativePath(target, false)}: ${refusal.message}.`;
      this.output.info(`Diagram editor: ${message}`);
      this.exportWaiters.splice(0).forEach((w) => w(false));
      void vscode.window.showWarningMessage(message);
      return;
    }
    const bytes = format === 'svg' ? new TextEncoder().encode(data) : decodeBase64(data);
    await vscode.workspace.fs.writeFile(target, bytes);
    this.output.info(`Diagram editor: saved ${target.toString(true)} (${bytes.length} bytes).`);
    this.exportWaiters.splice(0).forEach((w) => w(true));
    const open = 'Open';
    void vscode.window.showInformationMessage(`Saved ${baseName(target)}`, open).then((pick) => {
      if (pick === open) void vscode.commands.executeCommand('vscode.open', target);
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.releaseWaiter();
    this.exportWaiters.splice(0).forEach((w) => w(false));
    this.onDisposed(this);
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
