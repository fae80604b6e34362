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
import { renamedUri } from './followRename';

/** Also the key of the `onWebviewPanel:` activation event in package.json. */
export const DIAGRAM_VIEW_TYPE = 'postmortem.diagramEditor';

/**
 * One editor panel for one diagram block. The document is the source of truth: the panel shows
 * what the tracker finds in the text and writes only the block's content range, one edit at a
 * time, each checked by the tracker against the version it was made on.
 *
 * The panel edits the file, not the text tab: when the Markdown tab is closed (VS Code then closes
 * the document) the panel opens the document again and goes on writing, saving each change at once
 * since no tab shows it (trial16b F3). A file renamed in VS Code is followed; only a file that can no
 * longer be opened (deleted, or moved outside VS Code) stops the panel, which then says so.
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
  /**
   * Added to the document's version in everything the panel and its tracker see: a document opened
   * again (after its tab closed) starts its versions anew, and the panel's must keep going up.
   */
  private versionOffset = 0;
  /** A rename of the file announced by VS Code and not yet done: the panel follows it once done. */
  private rename: { to: vscode.Uri; done: Promise<void>; finish: () => void } | undefined;
  /** Why the panel stopped writing: the file could not be opened again (deleted, or moved outside VS Code). */
  private fileGone: string | undefined;
  /** Said in the banner after the panel followed a rename. */
  private renamedFrom: string | undefined;
  /** Whether a text tab showed the document when the panel last told the webview. */
  private textTabWasOpen = true;
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
        this.enqueue(() => this.reopen());
      }),
      vscode.workspace.onWillRenameFiles((e) => {
        const to = renamedUri(this.document.uri, e.files);
        if (!to) return;
        let finish = () => {};
        const done = new Promise<void>((resolve) => { finish = resolve; });
        this.rename = { to, done, finish };
      }),
      vscode.workspace.onDidRenameFiles((e) => {
        const to = renamedUri(this.document.uri, e.files);
        if (!to) return;
        if (this.rename) this.rename.finish();
        else {
          const done = Promise.resolve();
          this.rename = { to, done, finish: () => {} };
        }
        this.enqueue(() => this.reopen());
      }),
      vscode.window.tabGroups.onDidChangeTabs(() => {
        // The banner says whether changes are saved at once (no text tab) or left to the user.
        if (this.ready && !this.fileGone && !this.document.isClosed && this.textTabOpen() !== this.textTabWasOpen) this.postDocument();
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

  /** The document's version as the panel counts it (see versionOffset). */
  private get version(): number {
    return this.document.version + this.versionOffset;
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
    if (s.status === 'gone' || this.fileGone) return `Diagram (gone) · ${name}`;
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
    if (this.fileGone) {
      this.post({ type: 'gone', reason: this.fileGone, whatNow: 'This panel no longer writes to it: close it. Nothing you change here is written.' });
      return;
    }
    if (s.status === 'gone') {
      this.post({ type: 'gone', reason: s.reason });
      return;
    }
    const name = baseName(this.document.uri);
    this.textTabWasOpen = this.textTabOpen();
    const notes = [
      ...(this.renamedFrom ? [`The file was renamed from ${this.renamedFrom}: this panel follows it.`] : []),
      ...(this.textTabWasOpen ? [] : ['The Markdown tab is closed: each change made here is saved to the file at once.']),
    ];
    this.post({
      type: 'document', kind: s.kind, content: s.block.content, version: this.version,
      blockIndex: s.block.index, kindIndex: this.tracker.kindIndex, firstLine: s.block.contentStartLine, fileName: name, uri: this.document.uri.toString(),
      ...(notes.length > 0 ? { hostNote: notes.join(' ') } : {}),
    });
  }

  /** Whether a text tab (in any group) shows the document: without one, nothing else shows its unsaved changes. */
  private textTabOpen(): boolean {
    const key = this.document.uri.toString();
    return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key));
  }

  /**
   * The document was closed (its last text tab closed) or its file renamed: open it again and go on.
   * When it cannot be opened (deleted, or moved outside VS Code) the panel stops and says so.
   */
  private async reopen(): Promise<void> {
    const rename = this.rename;
    if (this.disposed || (!rename && !this.document.isClosed)) return;
    if (rename) {
      // The old name closes before the file has moved: wait for VS Code's "renamed" (bounded).
      await Promise.race([rename.done, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      this.rename = undefined;
    }
    const oldUri = this.document.uri;
    const uri = rename?.to ?? oldUri;
    const where = vscode.workspace.asRelativePath(oldUri, false);
    let document: vscode.TextDocument | undefined;
    let failure = 'it was never saved to a file';
    // The new name first; the old one when the rename did not happen after all (refused, failed).
    for (const candidate of uri === oldUri ? [uri] : [uri, oldUri]) {
      if (document || candidate.scheme === 'untitled') continue;
      try {
        document = await vscode.workspace.openTextDocument(candidate);
      } catch (err) {
        if (candidate === uri) failure = err instanceof Error ? err.message : String(err);
      }
    }
    if (this.disposed) return;
    if (!document) {
      this.fileGone = `${where} can no longer be opened (deleted, or renamed or moved outside VS Code): ${failure}`.slice(0, MAX_TEXT_LENGTH - 100);
      this.output.warn(`Diagram editor: ${this.fileGone}`);
      this.panel.title = this.title();
      this.releaseWaiter();
      this.postDocument();
      const close = 'Close Panel';
      void vscode.window.showWarningMessage(`The diagram panel for ${where} stopped writing: the file can no longer be opened (deleted, or renamed or moved outside VS Code).`, close).then((pick) => {
        if (pick === close) this.dispose();
      });
      return;
    }
    const before = this.version;
    this.document = document;
    // Versions keep going up across the reopening: an edit made before it is still judged by content.
    this.versionOffset = before + 1 - document.version;
    const moved = document.uri.toString() !== oldUri.toString();
    if (moved) this.renamedFrom = where;
    this.tracker.update(document.getText(), this.version);
    this.output.info(`Diagram editor: ${moved ? `followed the rename of ${where} to ${vscode.workspace.asRelativePath(document.uri, false)}` : 'opened the post-mortem again (its tab closed, or a rename did not happen)'} (${this.tracker.state.status}).`);
    this.panel.title = this.title();
    this.postDocument();
  }

  private onDocumentChanged(e: vscode.TextDocumentChangeEvent): void {
    const changes = e.contentChanges.map((c) => ({
      range: { start: { line: c.range.start.line, character: c.range.start.character }, end: { line: c.range.end.line, character: c.range.end.character } },
      text: c.text,
    }));
    const update = this.tracker.update(e.document.getText(), this.version, changes, this.writing);
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
    if (this.fileGone || this.document.isClosed) {
      this.post({ type: 'editResult', requestId, ok: false, version: baseVersion, reason: this.fileGone ?? 'The post-mortem could not be opened again after its tab closed.' });
      return;
    }
    const decision = this.tracker.checkWrite(baseVersion, content);
    if (!decision.ok) {
      this.output.info(`Diagram editor: refused an edit (${decision.reason})`);
      this.post({ type: 'editResult', requestId, ok: false, version: this.version, reason: decision.reason });
      this.postDocument();
      return;
    }
    const s = this.tracker.state;
    if (s.status === 'tracked' && s.block.content === content.replace(/\r\n/g, '\n')) {
      // Already what the text says: nothing to write (and no change event would come back).
      this.post({ type: 'editResult', requestId, ok: true, version: this.version });
      return;
    }
    const version = this.version;
    const check = await checkWrite(this.document, [decision.text]);
    // The guard reads the disk (await): a change to the text meanwhile makes the decision stale.
    if (!check.ok || this.version !== version) {
      const reason = check.ok ? 'The post-mortem changed while the edit was checked.' : check.message;
      this.post({ type: 'editResult', requestId, ok: false, version: this.version, reason });
      this.postDocument();
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    const r = decision.range;
    edit.replace(this.document.uri, new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), decision.text);
    const before = this.version;
    this.writing = content;
    let applied = false;
    try {
      applied = await vscode.workspace.applyEdit(edit);
      // The change event normally comes before applyEdit resolves; if not, wait for it, so the
      // version we answer with (the next edit's base) already counts this write.
      if (applied && this.version === before) await this.nextChange();
    } finally {
      this.writing = undefined;
    }
    // Saved before the answer: once the panel shows the change as written, it is in the file.
    if (applied && !this.textTabOpen()) await this.saveUnseen();
    this.post({ type: 'editResult', requestId, ok: applied, version: this.version, ...(applied ? {} : { reason: 'VS Code did not apply the edit.' }) });
    if (!applied) this.postDocument();
  }

  /**
   * Saves the panel's change when no text tab shows the document: otherwise it would sit unsaved
   * where nothing shows it (the panel has no Save). A save that fails is said, with the way out.
   */
  private async saveUnseen(): Promise<void> {
    let failure: string | undefined;
    try {
      if (!(await this.document.save())) failure = 'VS Code did not save it';
    } catch (err) {
      failure = err instanceof Error ? err.message : String(err);
    }
    if (failure === undefined) return;
    const where = vscode.workspace.asRelativePath(this.document.uri, false);
    this.output.warn(`Diagram editor: the change is in ${where} but was not saved: ${failure}`);
    const show = 'Open the Text';
    void vscode.window.showWarningMessage(`The diagram change is in ${where} but was not saved (${failure}): open the text and save it.`, show).then((pick) => {
      if (pick === show) void vscode.window.showTextDocument(this.document, { viewColumn: vscode.ViewColumn.One, preserveFocus: true });
    });
  }

  /**
   * Undo/redo act on the document's own history (so the text editor and the panel share one):
   * VS Code's `undo` works on the focused editor, so focus the text briefly, then come back.
   */
  private async history(command: 'undo' | 'redo', requestId: number): Promise<void> {
    if (this.fileGone || this.document.isClosed) {
      this.post({ type: 'editResult', requestId, ok: false, version: this.version, reason: this.fileGone ?? 'The post-mortem could not be opened again after its tab closed.' });
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
    this.post({ type: 'editResult', requestId, ok: failure === undefined, version: this.version, ...(failure !== undefined ? { reason: failure } : {}) });
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
