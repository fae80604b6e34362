import * as vscode from 'vscode';
import type { ResolvedConfig } from '../../core/config/config';
import { CONFIG_FILE_NAME, ConfigLoader } from '../../core/config/load';
import { resolveConfig } from '../../core/config/resolve';
import { log } from '../log';
import { AsyncCache, foldersBetween, parentPath, withoutTrailingSlashes } from './configCache';
import { ProblemNotices } from './problemNotices';
import { settingsLayer } from './settings';

/** Key of files outside every workspace folder: they get the settings only. */
const OUTSIDE = 'outside';

/**
 * The config of each file, resolved like the CLI does: the file's resource-scoped `postmortem.*`
 * settings, then every `.postmortemrc.json` from the file's folder up to its workspace folder's
 * root (nearest wins, `"root": true` stops the climb), read through workspace.fs with the core's
 * loader so it works on virtual file systems and in the web worker. Files of one folder share a
 * config, so the cache is per folder. Reading is async: `ensureFor` fills the cache, `configFor`
 * answers synchronously. A change of any rc file or setting reloads what was cached, then fires
 * `onDidChange` so diagnostics, the index and the status bar re-evaluate.
 */
export class ConfigStore implements vscode.Disposable {
  private readonly cache = new AsyncCache<ResolvedConfig>();
  /** One file per cached folder: what to load again after an rc file or a setting changed. */
  private readonly samples = new Map<string, vscode.Uri>();
  private readonly loaders = new Map<string, ConfigLoader>();
  private outside: ResolvedConfig | undefined;
  private readonly notices = new ProblemNotices();
  private reloading: Promise<void> | undefined;
  private reloadAgain = false;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  readonly onDidChange = this.emitter.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const rcChanged = (uri: vscode.Uri) => {
      this.notices.forget(uri.path);
      this.invalidate();
    };
    this.disposables.push(
      watcher, watcher.onDidCreate(rcChanged), watcher.onDidChange(rcChanged), watcher.onDidDelete(rcChanged),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('postmortem')) return;
        this.notices.forget('settings');
        this.invalidate();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        for (const [key, uri] of [...this.samples]) if (!vscode.workspace.getWorkspaceFolder(uri)) this.samples.delete(key);
        this.invalidate();
      }),
    );
  }

  /** Files in one folder (of one workspace folder) share a config; the key names that folder. */
  keyOf(uri: vscode.Uri): string {
    if (!vscode.workspace.getWorkspaceFolder(uri)) return OUTSIDE;
    return uri.with({ path: parentPath(uri.path), query: '', fragment: '' }).toString();
  }

  /** The file's config once `ensureFor` loaded it; undefined until then (outside folders: always known). */
  cachedFor(uri: vscode.Uri): ResolvedConfig | undefined {
    const key = this.keyOf(uri);
    return key === OUTSIDE ? this.outsideConfig() : this.cache.get(key);
  }

  /**
   * The file's config, synchronously. Before its folder was loaded this starts the load and answers
   * with the nearest loaded folder above it (else the settings alone); callers that must not guess
   * (linting) wait for `ensureFor` instead.
   */
  configFor(uri: vscode.Uri | undefined): ResolvedConfig {
    if (!uri) return this.outsideConfig();
    const cached = this.cachedFor(uri);
    if (cached) return cached;
    void this.ensureFor(uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    for (const dir of folder ? foldersBetween(parentPath(uri.path), folder.uri.path).slice(1) : []) {
      const above = this.cache.get(uri.with({ path: dir, query: '', fragment: '' }).toString());
      if (above) return above;
    }
    return resolveConfig(settingsLayer(uri));
  }

  /** Loads (once per folder) the config that applies to `uri`. Never rejects. */
  ensureFor(uri: vscode.Uri): Promise<ResolvedConfig> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return Promise.resolve(this.outsideConfig());
    const key = this.keyOf(uri);
    if (!this.samples.has(key)) this.samples.set(key, uri);
    // Problems are reported only when the config lands: a load that read a broken rc file and was
    // overtaken by the fix must neither pop its stale error nor mark it as already shown.
    return this.cache.ensure(key, () => this.loadFolder(folder, uri), (config) => this.report(config.problems, folder));
  }

  async ensureForAll(uris: Iterable<vscode.Uri>): Promise<void> {
    const byKey = new Map<string, vscode.Uri>();
    for (const uri of uris) byKey.set(this.keyOf(uri), uri);
    await Promise.all([...byKey.values()].map((uri) => this.ensureFor(uri)));
  }

  /** The config at the root of each workspace folder (workspace-wide work: searches, metrics). */
  folderConfigs(): Promise<ResolvedConfig[]> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) return Promise.resolve([this.outsideConfig()]);
    return Promise.all(folders.map((f) => this.ensureFor(vscode.Uri.joinPath(f.uri, CONFIG_FILE_NAME))));
  }

  /** Loads the folder roots and the open documents' folders; call once before the first lint. */
  async load(): Promise<void> {
    await Promise.all([this.folderConfigs(), this.ensureForAll(vscode.workspace.textDocuments.map((d) => d.uri))]);
  }

  /** Forget every loaded config, load the same folders again, then tell listeners (once per burst of changes). */
  private invalidate(): void {
    this.cache.clear();
    this.loaders.clear();
    this.outside = undefined;
    if (this.reloading) {
      this.reloadAgain = true;
      return;
    }
    this.reloading = (async () => {
      try {
        do {
          this.reloadAgain = false;
          await this.ensureForAll([...this.samples.values()]);
        } while (this.reloadAgain);
      } finally {
        this.reloading = undefined;
      }
      this.emitter.fire();
    })();
  }

  /** Reads the folder's config; its problems travel in `config.problems` and are reported by `ensureFor` once it lands. */
  private async loadFolder(folder: vscode.WorkspaceFolder, uri: vscode.Uri): Promise<ResolvedConfig> {
    const base = [settingsLayer(uri)];
    let config: ResolvedConfig;
    try {
      const root = withoutTrailingSlashes(folder.uri.path) || '/';
      config = (await this.loaderFor(folder).loadFor(uri.path, { root, base })).config;
    } catch (e) {
      const fallback = resolveConfig(...base);
      config = { ...fallback, problems: [...fallback.problems, `Could not read ${CONFIG_FILE_NAME} files (${(e as Error).message}); using the settings only`] };
    }
    return config;
  }

  private outsideConfig(): ResolvedConfig {
    if (!this.outside) {
      this.outside = resolveConfig(settingsLayer());
      this.report(this.outside.problems, undefined);
    }
    return this.outside;
  }

  /** One loader per workspace folder: it reads each rc file once until something changes. */
  private loaderFor(folder: vscode.WorkspaceFolder): ConfigLoader {
    const key = folder.uri.toString();
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new ConfigLoader(async (path) => {
        try {
          return new TextDecoder().decode(await vscode.workspace.fs.readFile(folder.uri.with({ path })));
        } catch (e) {
          if (e instanceof vscode.FileSystemError && (e.code === 'FileNotFound' || e.code === 'EntryNotFound')) return undefined;
          throw e;
        }
      });
      this.loaders.set(key, loader);
    }
    return loader;
  }

  /** Logged once each; one popup per broken rc file (or the settings) until it changes. */
  private report(problems: readonly string[], folder: vscode.WorkspaceFolder | undefined): void {
    if (problems.length === 0) return;
    const { log: fresh, show } = this.notices.take(problems);
    const readable = (p: string) => (folder ? p.split(withoutTrailingSlashes(folder.uri.path) + '/').join(folder.name + '/') : p);
    for (const p of fresh) log().warn(`Configuration: ${readable(p)}`);
    for (const p of show) {
      void vscode.window.showWarningMessage(`Post-mortem configuration: ${readable(p)}`, 'Show Log').then((choice) => {
        if (choice) log().show(true);
      });
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
