import * as vscode from 'vscode';
import type { ResolvedConfig } from '../../core/config/config';
import { CONFIG_FILE_NAME, ConfigLoader } from '../../core/config/load';
import { resolveConfig } from '../../core/config/resolve';
import { log } from '../log';
import { settingsLayer } from './settings';

/**
 * The resolved config: the `postmortem.*` settings, then `.postmortemrc.json` at the root of the
 * first workspace folder, read through workspace.fs with the core's loader (so the CLI and the
 * editor read it the same way). Re-resolved when either changes; listeners re-lint.
 */
export class ConfigStore implements vscode.Disposable {
  private resolved: ResolvedConfig = resolveConfig(settingsLayer());
  private loader = this.newLoader();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('postmortem')) void this.reload();
    }));
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (folder) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, CONFIG_FILE_NAME));
      const reread = () => {
        this.loader = this.newLoader();
        void this.reload();
      };
      this.disposables.push(watcher, watcher.onDidCreate(reread), watcher.onDidChange(reread), watcher.onDidDelete(reread));
    }
  }

  get config(): ResolvedConfig {
    return this.resolved;
  }

  /** Resolve again (settings or the rc file changed) and tell listeners. */
  async reload(): Promise<void> {
    await this.load();
    this.emitter.fire();
  }

  /** Reads the rc file (cached by the loader) and resolves; call once before the first lint. */
  async load(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      this.resolved = resolveConfig(settingsLayer());
      return;
    }
    const root = folder.uri.path.replace(/\/$/, '') || '/';
    try {
      const loaded = await this.loader.loadFor(`${root}/${CONFIG_FILE_NAME}`, { root, base: [settingsLayer()] });
      this.resolved = loaded.config;
    } catch (e) {
      log().warn(`Configuration: ${(e as Error).message}; using the settings only`);
      this.resolved = resolveConfig(settingsLayer());
    }
    for (const problem of this.resolved.problems) log().warn(`Configuration: ${problem}`);
  }

  private newLoader(): ConfigLoader {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return new ConfigLoader(async (path) => {
      if (!folder) return undefined;
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(folder.uri.with({ path })));
      } catch (e) {
        if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
        throw e;
      }
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

