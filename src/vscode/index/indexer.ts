import * as vscode from 'vscode';
import type { ResolvedConfig } from '../../core/config/config';
import { isPostmortem, matchesPostmortemGlobs } from '../../core/document/recognise';
import { WorkspaceIndex } from '../../core/index';
import type { PostmortemSummary } from '../../core/index/summary';
import { recognitionKey } from '../config/configCache';
import type { ConfigStore } from '../config/configStore';
import { editorSettings } from '../config/settings';
import { log } from '../log';
import { isMarkdownUri, isWorkspaceFileUri, relativePath } from '../recognise';
import { workspaceFileSearch, type FileSearch } from './fileSearch';
import type { IndexState } from './indexState';
import { watchNewFolders } from './newFolders';
import type { NotRead } from './notRead';
import { readWorkspaceText } from './readText';

const BATCH = 32;
const OPEN_DOC_DEBOUNCE_MS = 300;
/** A file slower to index than this is named in the log (the size budget is the setting maxFileSizeKB). */
const SLOW_FILE_MS = 200;
/** Deleted files remembered (see `deletedOnDisk`); far more than a workspace's open documents. */
const MAX_REMEMBERED_DELETIONS = 10_000;
const EXCLUDE = '{**/node_modules/**,**/.git/**}';

/**
 * Keeps a WorkspaceIndex of every post-mortem: built once (glob matches plus Markdown files whose
 * front matter says `type: postmortem`), then updated one file at a time from the file watcher and
 * from open documents (unsaved edits, debounced). Never rescans the workspace on a keystroke.
 */
export class Indexer implements vscode.Disposable {
  index: WorkspaceIndex;
  private building: Promise<void> | undefined;
  /** Resolves when the current build ends, or when its file search has been silent too long (see `state`). */
  private answered: Promise<void> = Promise.resolve();
  private settleAnswered: (() => void) | undefined;
  private stateNow: IndexState = { kind: 'idle' };
  private readonly stateEmitter = new vscode.EventEmitter<IndexState>();
  /** Fires when the index starts or finishes reading, or its file search stays silent or fails. */
  readonly onDidChangeState = this.stateEmitter.event;
  /** How the workspace's files are listed (a seam for tests: a search that never answers). */
  search: FileSearch = workspaceFileSearch;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly emitter = new vscode.EventEmitter<readonly string[]>();
  /** Fires with the URIs whose summary changed (and once with [] after a build). */
  readonly onDidChange = this.emitter.event;
  private indexListener: { dispose(): void } | undefined;
  private generation = 0;
  /**
   * Per folder (config key): a file there and the globs + section aliases its files were indexed
   * with. Only a change of those changes what is indexed, so only then does a config change rebuild.
   */
  private readonly indexedWith = new Map<string, { uri: vscode.Uri; key: string }>();
  /** Latest pending update per file: an older text whose config arrived later must not win. */
  private readonly latestUpdate = new Map<string, number>();
  private updates = 0;
  private built = false;
  /**
   * Post-mortem files the index could not read (too large, NUL bytes, unreadable), with the reason:
   * the trees list them as "not read" and Problems has one diagnostic each (unreadFiles.ts), and the
   * dashboard counts them, so their missing items are never silent. Changes fire `onDidChange`.
   */
  readonly skipped = new Map<string, NotRead>();
  /**
   * Open documents whose summary comes with each of their lints (read where the lint runs: on the
   * lint thread in the Node host): the index takes it from there instead of reading them again in
   * this thread after every edit (a hostile front matter took as long to summarise as to lint).
   */
  private summarisedByLint: (uri: string) => boolean = () => false;
  /**
   * Files the watcher saw deleted on disk, until it sees them created again. Their documents can
   * stay open (a closed tab's document lives on for a while; an editor shows "(deleted)"), and a
   * lint of one (any config or index change re-lints all open documents) must not put the file back
   * in the index: it would then be listed as "Not read (ENOENT)" once the document closes. Only an
   * edited (dirty) document of a deleted file counts, as its unsaved text always has.
   */
  private readonly deletedOnDisk = new Set<string>();
  /** Timings of the last build: total, and the part spent in findFiles (the search service). */
  buildMs: number | undefined;
  listMs: number | undefined;

  constructor(private readonly config: ConfigStore) {
    this.index = this.newIndex();
    this.disposables.push(this.emitter, this.stateEmitter);
  }

  /**
   * Starts (once) the initial build and the watchers; resolves when the build ends, or earlier
   * when the workspace's file search stays silent: callers then read `state`, never an empty index
   * as "no post-mortems".
   */
  ready(): Promise<void> {
    if (!this.building) {
      this.watch();
      this.startBuild();
    }
    return this.answered;
  }

  /** Where the index stands: reading, built, or why it could not list the files. */
  get state(): IndexState {
    return this.stateNow;
  }

  private setState(state: IndexState): void {
    this.stateNow = state;
    this.stateEmitter.fire(state);
  }

  private startBuild(): void {
    const generation = this.generation;
    let settle!: () => void;
    this.answered = new Promise<void>((resolve) => {
      settle = resolve;
    });
    this.settleAnswered = settle;
    this.building = this.build()
      .catch((e: unknown) => {
        if (generation !== this.generation) return;
        const reason = e instanceof Error ? e.message : String(e);
        log().error(`The workspace index could not be built: ${reason}`);
        this.setState({ kind: 'failed', reason });
      })
      .finally(settle);
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
    this.skipped.clear();
    this.index = this.newIndex();
    this.emitter.fire([]);
    if (!this.building) return this.ready();
    this.startBuild();
    return this.answered;
  }

  private newIndex(): WorkspaceIndex {
    this.indexListener?.dispose();
    // Section aliases come per file (`set`), from the file's own folder config.
    const index = new WorkspaceIndex();
    this.indexListener = index.onDidChange((uris) => this.emitter.fire(uris));
    return index;
  }

  private async build(): Promise<void> {
    const generation = this.generation;
    this.built = false;
    this.indexedWith.clear();
    this.setState({ kind: 'reading' });
    const started = performance.now();
    // No folder, nothing to list: the views say "no post-mortems" (`complete` stays false: no id is known to be missing).
    if (!vscode.workspace.workspaceFolders?.length) return this.setState({ kind: 'built' });
    const { maxFiles, maxFileSizeBytes } = editorSettings();
    // One search for all Markdown; only when the cap cuts it short, a second one for the globs
    // (so post-mortems in the usual folders are never missed in a huge repository).
    const markdown = await this.listFiles('**/*.{md,markdown}', maxFiles);
    if (generation !== this.generation) return;
    const candidates = new Map(markdown.map((u) => [u.toString(), u]));
    const byGlob = new Set<string>();
    if (markdown.length >= maxFiles) {
      const globs = new Set((await this.config.folderConfigs()).flatMap((c) => c.globs));
      for (const uri of await this.listFiles(`{${[...globs].join(',')}}`)) {
        candidates.set(uri.toString(), uri);
        byGlob.add(uri.toString());
      }
      log().info(`More than ${maxFiles} Markdown files: only the first ${maxFiles} and the post-mortem globs are read (setting postmortem.index.maxFiles)`);
    }
    const uris = [...candidates.values()];
    // Each folder's rc files, read once per folder, before any file is judged by them.
    await this.config.ensureForAll(uris);
    if (generation !== this.generation) return;
    for (const uri of uris) if (matchesPostmortemGlobs(relativePath(uri), this.configOf(uri).globs)) byGlob.add(uri.toString());
    const listedMs = performance.now() - started;
    let skipped = 0;
    for (let i = 0; i < uris.length; i += BATCH) {
      const batch = uris.slice(i, i + BATCH);
      const texts = await Promise.all(batch.map((u) => readWorkspaceText(u, maxFileSizeBytes)));
      if (generation !== this.generation) return; // A rebuild started; it owns the index now.
      texts.forEach((outcome, j) => {
        const uri = batch[j];
        if ('skipped' in outcome) {
          // A post-mortem by its folder, or by the `type: postmortem` its start (before any NUL) declares.
          if (byGlob.has(uri.toString()) || isPostmortem(relativePath(uri), outcome.head, this.configOf(uri).globs)) {
            log().info(`Not read ${relativePath(uri)}: ${outcome.skipped}`);
            this.skipped.set(uri.toString(), outcome.notRead);
          }
          skipped++;
          return;
        }
        const t0 = performance.now();
        this.indexText(uri, outcome.text, this.configOf(uri));
        const ms = performance.now() - t0;
        if (ms > SLOW_FILE_MS) log().info(`Indexing ${relativePath(uri)} took ${ms.toFixed(0)} ms (${Math.ceil(outcome.text.length / 1024)} KB)`);
      });
      // Let queued work (a lint, a keystroke's completion) run between batches of a large workspace.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (generation !== this.generation) return;
    }
    this.built = true;
    this.setState({ kind: 'built' });
    this.buildMs = performance.now() - started;
    this.listMs = listedMs;
    log().info(`Indexed ${this.index.size} post-mortem(s) from ${uris.length} Markdown file(s) in ${this.buildMs.toFixed(0)} ms (finding the files: ${listedMs.toFixed(0)} ms)${skipped ? `; ${skipped} skipped` : ''}`);
    this.emitter.fire([]);
  }

  /**
   * One file search. Silent longer than the search's time: the state says so and `ready()` lets its
   * callers go on (they say so too); the build keeps waiting, and an answer arriving later is used.
   */
  private async listFiles(include: string, maxResults?: number): Promise<vscode.Uri[]> {
    const generation = this.generation;
    const search = this.search;
    const settle = this.settleAnswered;
    let silent = false;
    const timer = setTimeout(() => {
      if (generation !== this.generation) return;
      silent = true;
      log().warn(`The workspace's file search did not answer in ${search.silentAfterMs} ms (listing ${include}); still waiting. Re-read All Post-mortems starts a new search.`);
      this.setState({ kind: 'search-silent', seconds: search.silentAfterMs / 1000 });
      settle?.();
    }, search.silentAfterMs);
    try {
      return await search.find(include, EXCLUDE, maxResults);
    } finally {
      clearTimeout(timer);
      if (silent && generation === this.generation) {
        log().info('The workspace\'s file search answered after all; reading the files.');
        this.setState({ kind: 'reading' });
      }
    }
  }

  /** The file's config, noting which globs and aliases its folder's files were indexed with. */
  private configOf(uri: vscode.Uri): ResolvedConfig {
    const config = this.config.configFor(uri);
    this.indexedWith.set(this.config.keyOf(uri), { uri, key: recognitionKey(config) });
    return config;
  }

  private indexText(uri: vscode.Uri, text: string, config: ResolvedConfig): void {
    const wasSkipped = this.skipped.delete(uri.toString());
    if (isPostmortem(relativePath(uri), text, config.globs)) this.index.set(uri.toString(), text, { sectionAliases: config.sectionAliases });
    else this.index.delete(uri.toString());
    // Readable again: its "not read" row and diagnostic go, even when its summary did not change.
    if (wasSkipped) this.emitter.fire([uri.toString()]);
  }

  /** After an rc file or a setting changed: rebuild only when some folder now recognises or reads files differently. */
  private async rebuildIfRecognitionChanged(): Promise<void> {
    const generation = this.generation;
    const before = [...this.indexedWith.values()];
    await this.config.ensureForAll(before.map((b) => b.uri));
    if (generation !== this.generation) return;
    if (before.some((b) => recognitionKey(this.config.configFor(b.uri)) !== b.key)) await this.rebuild();
  }

  private watch(): void {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => {
        this.existsAgain(u);
        // A created folder's files: watchNewFolders below (the watcher misses some of them).
        if (isMarkdownUri(u)) void this.refreshFile(u);
      }),
      watcher.onDidChange((u) => {
        this.existsAgain(u);
        void this.refreshFile(u);
      }),
      // Files created by a workspace edit (New Post-mortem, Convert, a template copy: created only if
      // the name is free) are not reported by this host's watcher: told by the edit's own event.
      vscode.workspace.onDidCreateFiles((e) => {
        for (const u of e.files) {
          this.existsAgain(u);
          if (isMarkdownUri(u)) void this.refreshFile(u);
        }
      }),
      // Saving a deleted file's document writes it again (the watcher's create event may come later).
      vscode.workspace.onDidSaveTextDocument((d) => this.existsAgain(d.uri)),
      // A delete reported after the path was created again (a late event, a quick git checkout, a
      // command run twice) must not drop the new file: the disk is asked first.
      watcher.onDidDelete((u) => void this.deletedIfGone(u)),
      // Deleted through the editor (Explorer, a workspace edit): told at once, not only by the watcher.
      vscode.workspace.onDidDeleteFiles((e) => {
        for (const u of e.files) void this.deletedIfGone(u);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && e.document.languageId === 'markdown') this.scheduleDocument(e.document);
      }),
      // Closing a document with unsaved edits throws them away: go back to the disk's text.
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (isMarkdownUri(d.uri) && isWorkspaceFileUri(d.uri)) void this.refreshFile(d.uri);
      }),
      this.config.onDidChange(() => void this.rebuildIfRecognitionChanged()),
    );
    // The watcher misses files written into a folder just created: read what such a folder holds.
    this.disposables.push(
      watchNewFolders((u) => {
        // A file found this way exists again, as for the watcher's own create event.
        this.existsAgain(u);
        void this.refreshFile(u);
      }, EXCLUDE, undefined, editorSettings().maxFiles),
    );
  }

  /**
   * See `summarisedByLint`. `stopped` fires for an open document the lints stopped covering (its tab
   * closed right after an edit, or it is no longer linted as a post-mortem): its latest text may
   * never be linted, so the index reads it itself again.
   */
  takeSummariesFromLint(isLinted: (uri: string) => boolean, stopped: vscode.Event<vscode.TextDocument>): void {
    this.summarisedByLint = isLinted;
    this.disposables.push(stopped((doc) => {
      if (!this.building || !isWorkspaceFileUri(doc.uri)) return;
      // Now, not after the typing pause: no one is typing in a tab that just closed.
      clearTimeout(this.timers.get(doc.uri.toString()));
      this.timers.delete(doc.uri.toString());
      if (this.goneFromDisk(doc)) this.index.delete(doc.uri.toString());
      else if (!doc.isClosed) void this.update(doc.uri, doc.getText());
    }));
  }

  /** A document whose file was deleted on disk and that holds no unsaved edit: not a post-mortem of the workspace. */
  private goneFromDisk(doc: vscode.TextDocument): boolean {
    return !doc.isDirty && this.deletedOnDisk.has(doc.uri.toString());
  }

  private noteDeleted(key: string): void {
    this.deletedOnDisk.delete(key);
    this.deletedOnDisk.add(key);
    // Bounded: the oldest deletions are forgotten first (a Set iterates in insertion order).
    for (const oldest of this.deletedOnDisk) {
      if (this.deletedOnDisk.size <= MAX_REMEMBERED_DELETIONS) break;
      this.deletedOnDisk.delete(oldest);
    }
  }

  private existsAgain(uri: vscode.Uri): void {
    if (this.deletedOnDisk.size) this.deletedOnDisk.delete(uri.toString());
  }

  /** An open document's summary from its lint (at the document's current version). */
  acceptLintSummary(doc: vscode.TextDocument, summary: PostmortemSummary): void {
    if (!this.building || !isWorkspaceFileUri(doc.uri)) return;
    const key = doc.uri.toString();
    // Its unsaved edits reverted: the file is gone again (a no-op when it is not in the index).
    if (this.goneFromDisk(doc)) return this.index.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.latestUpdate.delete(key);
    this.configOf(doc.uri);
    const wasSkipped = this.skipped.delete(key);
    this.index.setSummary(key, summary);
    // Readable again (as in indexText): its "not read" row and diagnostic go.
    if (wasSkipped) this.emitter.fire([key]);
  }

  private scheduleDocument(doc: vscode.TextDocument): void {
    if (!isWorkspaceFileUri(doc.uri)) return;
    const key = doc.uri.toString();
    if (this.summarisedByLint(key)) return;
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!doc.isClosed) void this.update(doc.uri, doc.getText());
    }, OPEN_DOC_DEBOUNCE_MS));
  }

  /** Re-read one file (created or changed on disk). */
  async refreshFile(uri: vscode.Uri): Promise<void> {
    if (!isMarkdownUri(uri) || !isWorkspaceFileUri(uri) || /\/(node_modules|\.git)\//.test(uri.path)) return;
    // An open post-mortem is read from its document, whose lints bring its summary: the watcher's
    // late create/change events for it would only read the same text again on this thread.
    const key = uri.toString();
    if (this.summarisedByLint(key) && vscode.workspace.textDocuments.some((d) => !d.isClosed && d.uri.toString() === key)) return;
    const outcome = await readWorkspaceText(uri, editorSettings().maxFileSizeBytes);
    // A deleted file's document closed (its unsaved edits thrown away): the file is gone, not unreadable.
    if ('skipped' in outcome && outcome.notRead.kind === 'unreadable' && this.deletedOnDisk.has(key)) {
      if (this.skipped.delete(key)) this.emitter.fire([key]);
      this.index.delete(key);
      return;
    }
    if ('skipped' in outcome) {
      if (this.index.has(key) || this.skipped.has(key) || isPostmortem(relativePath(uri), outcome.head, this.config.configFor(uri).globs)) {
        log().info(`Not read ${relativePath(uri)}: ${outcome.skipped}`);
        this.skipped.set(key, outcome.notRead);
        if (!this.index.has(key)) this.emitter.fire([key]);
      }
      this.index.delete(key);
      return;
    }
    await this.update(uri, outcome.text);
  }

  private async update(uri: vscode.Uri, text: string): Promise<void> {
    const key = uri.toString();
    const update = ++this.updates;
    this.latestUpdate.set(key, update);
    if (!this.config.cachedFor(uri)) await this.config.ensureFor(uri);
    if (this.latestUpdate.get(key) !== update) return;
    this.latestUpdate.delete(key);
    this.indexText(uri, text, this.configOf(uri));
  }

  /** A reported deletion, unless the path exists again by now (then it is read as changed). */
  private async deletedIfGone(uri: vscode.Uri): Promise<void> {
    const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
    if (!exists) {
      this.removeUnder(uri);
      return;
    }
    this.existsAgain(uri);
    if (isMarkdownUri(uri)) await this.refreshFile(uri);
  }

  /** A deleted file, or a deleted folder (the watcher reports only the folder). */
  private removeUnder(uri: vscode.Uri): void {
    const key = uri.toString();
    const prefix = key.endsWith('/') ? key : `${key}/`;
    const under = (entry: string) => entry === key || entry.startsWith(prefix);
    if (isMarkdownUri(uri)) this.noteDeleted(key);
    for (const doc of vscode.workspace.textDocuments) if (under(doc.uri.toString())) this.noteDeleted(doc.uri.toString());
    for (const [entry] of [...this.index.entries()]) {
      if (!under(entry)) continue;
      this.noteDeleted(entry);
      this.index.delete(entry);
    }
    const gone = [...this.skipped.keys()].filter(under);
    for (const entry of gone) this.skipped.delete(entry);
    if (gone.length) this.emitter.fire(gone);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.indexListener?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
