import * as vscode from 'vscode';
import { isPostmortem, matchesPostmortemGlobs } from '../../core/document/recognise';
import { WorkspaceIndex } from '../../core/index';
import type { ConfigStore } from '../config/configStore';
import { editorSettings } from '../config/settings';
import { log } from '../log';
import { isMarkdownUri, relativePath } from '../recognise';
import { readWorkspaceText } from './readText';

const BATCH = 32;
const OPEN_DOC_DEBOUNCE_MS = 300;
const EXCLUDE = '{**/node_modules/**,**/.git/**}';

/**
 * Keeps a WorkspaceIndex of every post-mortem: built once (glob matches plus Markdown files whose
 * front matter says `type: postmortem`), then updated one file at a time from the file watcher and
 * from open documents (unsaved edits, debounced). Never rescans the workspace on a keystroke.
 */
export class Indexer implements vscode.Disposable {
  index: WorkspaceIndex;
  private building: Promise<void> | undefined;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly emitter = new vscode.EventEmitter<readonly string[]>();
  /** Fires with the URIs whose summary changed (and once with [] after a build). */
  readonly onDidChange = this.emitter.event;
  private indexListener: { dispose(): void } | undefined;
  private generation = 0;
  /** Globs and section aliases the index was built with: only they change what is indexed. */
  private builtWith = '';
  private built = false;
  /** Timings of the last build: total, and the part spent in findFiles (the search service). */
  buildMs: number | undefined;
  listMs: number | undefined;

  constructor(private readonly config: ConfigStore) {
    this.index = this.newIndex();
    this.disposables.push(this.emitter);
  }

  /** Starts (once) the initial build and the watchers; resolves when the index is complete. */
  ready(): Promise<void> {
    if (!this.building) {
      this.watch();
      this.building = this.build();
    }
    return this.building;
  }

  get started(): boolean {
    return this.building !== undefined;
  }

  /** True once a build has read every file: only then is `knownIds()` complete. */
  get complete(): boolean {
    return this.built;
  }

  /** Forget everything and read all files again (globs changed, or the user asked). */
  rebuild(): Promise<void> {
    this.generation++;
    this.index = this.newIndex();
    this.emitter.fire([]);
    if (!this.building) return this.ready();
    this.building = this.build();
    return this.building;
  }

  private newIndex(): WorkspaceIndex {
    this.indexListener?.dispose();
    const index = new WorkspaceIndex({ sectionAliases: this.config.config.sectionAliases });
    this.indexListener = index.onDidChange((uris) => this.emitter.fire(uris));
    return index;
  }

  private async build(): Promise<void> {
    const generation = this.generation;
    this.built = false;
    this.builtWith = this.recognitionKey();
    const started = performance.now();
    if (!vscode.workspace.workspaceFolders?.length) return;
    const { maxFiles, maxFileSizeBytes } = editorSettings();
    const globs = this.config.config.globs;
    // One search for all Markdown; only when the cap cuts it short, a second one for the globs
    // (so post-mortems in the usual folders are never missed in a huge repository).
    const markdown = await vscode.workspace.findFiles('**/*.{md,markdown}', EXCLUDE, maxFiles);
    const byGlob = new Set(markdown.filter((u) => matchesPostmortemGlobs(relativePath(u), globs)).map((u) => u.toString()));
    const candidates = new Map(markdown.map((u) => [u.toString(), u]));
    if (markdown.length >= maxFiles) {
      for (const uri of await vscode.workspace.findFiles(`{${globs.join(',')}}`, EXCLUDE)) {
        candidates.set(uri.toString(), uri);
        byGlob.add(uri.toString());
      }
      log().info(`More than ${maxFiles} Markdown files: only the first ${maxFiles} and the post-mortem globs are read (setting postmortem.index.maxFiles)`);
    }
    const uris = [...candidates.values()];
    const listedMs = performance.now() - started;
    let skipped = 0;
    for (let i = 0; i < uris.length; i += BATCH) {
      const batch = uris.slice(i, i + BATCH);
      const texts = await Promise.all(batch.map((u) => readWorkspaceText(u, maxFileSizeBytes)));
      if (generation !== this.generation) return; // A rebuild started; it owns the index now.
      texts.forEach((outcome, j) => {
        const uri = batch[j];
        if ('skipped' in outcome) {
          if (byGlob.has(uri.toString())) log().info(`Skipped ${relativePath(uri)}: it ${outcome.skipped}`);
          skipped++;
          return;
        }
        if (isPostmortem(relativePath(uri), outcome.text, globs)) this.index.set(uri.toString(), outcome.text);
      });
    }
    this.built = true;
    this.buildMs = performance.now() - started;
    this.listMs = listedMs;
    log().info(`Indexed ${this.index.size} post-mortem(s) from ${uris.length} Markdown file(s) in ${this.buildMs.toFixed(0)} ms (finding the files: ${listedMs.toFixed(0)} ms)${skipped ? `; ${skipped} skipped` : ''}`);
    this.emitter.fire([]);
  }

  private recognitionKey(): string {
    const c = this.config.config;
    return JSON.stringify([c.globs, c.sectionAliases]);
  }

  private watch(): void {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => void this.refreshFile(u)),
      watcher.onDidChange((u) => void this.refreshFile(u)),
      watcher.onDidDelete((u) => this.removeUnder(u)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && e.document.languageId === 'markdown') this.scheduleDocument(e.document);
      }),
      // Closing a document with unsaved edits throws them away: go back to the disk's text.
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (isMarkdownUri(d.uri) && d.uri.scheme !== 'untitled') void this.refreshFile(d.uri);
      }),
      this.config.onDidChange(() => {
        if (this.recognitionKey() !== this.builtWith) void this.rebuild();
      }),
    );
  }

  private scheduleDocument(doc: vscode.TextDocument): void {
    if (doc.uri.scheme === 'untitled' || doc.uri.scheme === 'output') return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!doc.isClosed) this.update(doc.uri, doc.getText());
    }, OPEN_DOC_DEBOUNCE_MS));
  }

  /** Re-read one file (created or changed on disk). */
  async refreshFile(uri: vscode.Uri): Promise<void> {
    if (!isMarkdownUri(uri) || /\/(node_modules|\.git)\//.test(uri.path)) return;
    const outcome = await readWorkspaceText(uri, editorSettings().maxFileSizeBytes);
    if ('skipped' in outcome) {
      if (this.index.has(uri.toString())) log().info(`Dropped ${relativePath(uri)} from the index: it ${outcome.skipped}`);
      this.index.delete(uri.toString());
      return;
    }
    this.update(uri, outcome.text);
  }

  private update(uri: vscode.Uri, text: string): void {
    if (isPostmortem(relativePath(uri), text, this.config.config.globs)) this.index.set(uri.toString(), text);
    else this.index.delete(uri.toString());
  }

  /** A deleted file, or a deleted folder (the watcher reports only the folder). */
  private removeUnder(uri: vscode.Uri): void {
    const key = uri.toString();
    const prefix = key.endsWith('/') ? key : `${key}/`;
    for (const [entry] of [...this.index.entries()]) if (entry === key || entry.startsWith(prefix)) this.index.delete(entry);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.indexListener?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
