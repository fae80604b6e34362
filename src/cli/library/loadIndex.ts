import { DEFAULT_CONFIG, WorkspaceIndex } from '../../core/api';
import type { ResolvedConfig, UserConfig } from '../../core/config/config';
import { reportConfigProblems } from '../configProblems';
import { collectPostmortems, reportReadProblems } from '../files/collect';
import { expandPaths } from '../files/expand';
import { findGitRoot } from '../files/roots';
import type { CliIo } from '../io';

export interface LoadedIndex {
  readonly index: WorkspaceIndex;
  /** Path for messages per index key (the file's path). */
  readonly display: ReadonlyMap<string, string>;
  /** Each file's own folder configuration. */
  readonly configOf: (path: string) => ResolvedConfig;
  readonly fileCount: number;
  /** True when a file could not be read or a config setting used here is broken: exit 2 after listing. */
  readonly problems: boolean;
  /** The config of the root folder (vocabularies that belong to the repository, not to one file). */
  readonly rootConfig: ResolvedConfig;
}

/**
 * The workspace index of the post-mortems the paths select (the same selection as `postmortem
 * lint`), each read with its own folder's section names: what `list` and `similar` compute from.
 * `undefined` when a path does not exist (named on stderr; exit 2).
 */
export async function loadIndex(command: string, paths: readonly string[], io: CliIo, options: { allMarkdown: boolean; settings: readonly (keyof UserConfig)[] }): Promise<LoadedIndex | undefined> {
  const expansion = expandPaths([...paths], io.cwd);
  if (expansion.missing.length) {
    for (const m of expansion.missing) io.err(`postmortem ${command}: ${m}: no such file, folder or matching file\n`);
    return undefined;
  }
  const root = findGitRoot(io.cwd) ?? io.cwd;
  const collected = await collectPostmortems(expansion.files, { cwd: io.cwd, root, allMarkdown: options.allMarkdown });
  const configErrors = reportConfigProblems(io, command, collected.configProblems, [...options.settings]);
  const notRead = reportReadProblems(io, command, collected);
  const index = new WorkspaceIndex();
  const display = new Map<string, string>();
  const configs = new Map<string, ResolvedConfig>();
  for (const f of collected.files) {
    const config = collected.configs.get(f.configKey) ?? DEFAULT_CONFIG;
    index.set(f.path, f.text, { sectionAliases: config.sectionAliases });
    display.set(f.path, f.display);
    configs.set(f.path, config);
  }
  const rootConfig = await collected.configFor(`${root}/.postmortem-root`);
  return {
    index, display, fileCount: collected.files.length, problems: notRead > 0 || configErrors > 0, rootConfig,
    configOf: (path) => configs.get(path) ?? DEFAULT_CONFIG,
  };
}
