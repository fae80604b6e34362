import type { ResolvedConfig, UserConfig } from './config';
import { resolveConfig } from './resolve';
import { trimEndWhile } from '../text/trimChars';
import { describeDuplicateKey, duplicateJsonKeys } from './duplicateKeys';

export const CONFIG_FILE_NAME = '.postmortemrc.json';

/** Reads a file by its `/`-separated path; `undefined` when it does not exist. */
export type ReadConfigFile = (path: string) => Promise<string | undefined>;

export interface LoadConfigOptions {
  /** Stop climbing at this folder (workspace or repository root); its own config file is read. */
  readonly root?: string;
  readonly readFile: ReadConfigFile;
  /** Lower-precedence layers, e.g. the editor's settings. */
  readonly base?: readonly (UserConfig | undefined)[];
}

export interface LoadedConfig {
  readonly config: ResolvedConfig;
  /** Config files applied, farthest first (the last one wins). */
  readonly files: readonly string[];
}

/** One parsed config file, or the problem that kept it from being read. */
interface ConfigFile {
  readonly path: string;
  readonly layer?: UserConfig;
  readonly problem?: string;
  /** Problems that leave the file read (a key written twice: its last value is used), said all the same. */
  readonly notes?: readonly string[];
  /** `"root": true` stops the upward search, as in ESLint. */
  readonly isRoot: boolean;
}

/**
 * Finds `.postmortemrc.json` files from a file's folder up to `root` and merges them over the
 * defaults, the nearest file winning. A folder's file is read once per loader, so linting 2,000 files
 * in one repository reads each config file once. Problems (bad JSON, bad values) name the file.
 */
export class ConfigLoader {
  private readonly files = new Map<string, Promise<ConfigFile | undefined>>();

  constructor(private readonly readFile: ReadConfigFile) {}

  async loadFor(filePath: string, options: Omit<LoadConfigOptions, 'readFile'> = {}): Promise<LoadedConfig> {
    const chain: ConfigFile[] = [];
    for (const dir of foldersUp(parentOf(filePath), options.root)) {
      const file = await this.read(`${dir === '/' ? '' : dir}/${CONFIG_FILE_NAME}`);
      if (!file) continue;
      chain.unshift(file);
      if (file.isRoot) break;
    }
    return merge(chain, options.base ?? []);
  }

  /** A config file named explicitly (`--config`); missing is a problem, not silence. */
  async loadExplicit(path: string, base: readonly (UserConfig | undefined)[] = []): Promise<LoadedConfig> {
    const file = (await this.read(path)) ?? { path, problem: `${path}: config file not found`, isRoot: true };
    return merge([file], base);
  }

  private read(path: string): Promise<ConfigFile | undefined> {
    let pending = this.files.get(path);
    if (!pending) {
      pending = this.readFile(path).then((text) => (text === undefined ? undefined : parseConfigFile(path, text)), (e: unknown) => ({
        path, problem: `${path}: could not be read (${(e as Error).message})`, isRoot: false,
      }));
      this.files.set(path, pending);
    }
    return pending;
  }
}

/** One-shot form of `ConfigLoader.loadFor`. */
export function loadConfigFor(filePath: string, options: LoadConfigOptions): Promise<LoadedConfig> {
  return new ConfigLoader(options.readFile).loadFor(filePath, options);
}

function parseConfigFile(path: string, text: string): ConfigFile {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { path, problem: `${path}: expected valid JSON (${(e as Error).message})`, isRoot: false };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { path, problem: `${path}: expected a JSON object`, isRoot: false };
  }
  const { root, ...layer } = value as UserConfig & { root?: unknown };
  // Read as JSON reads them, but said: a key written twice keeps its last value (trial13a F12), and
  // a `root` that is not true or false does not stop the search (`"root": "yes"` read silently as false).
  const notes = duplicateJsonKeys(text).map((d) => `${path}: ${describeDuplicateKey(d, value)}`);
  if (root !== undefined && typeof root !== 'boolean') notes.push(`${path}: Expected "root" to be true or false, found ${JSON.stringify(root)}; read as false: the search for ${CONFIG_FILE_NAME} files goes on in the folders above`);
  return { path, layer, isRoot: root === true, ...(notes.length ? { notes } : {}) };
}

function merge(chain: readonly ConfigFile[], base: readonly (UserConfig | undefined)[]): LoadedConfig {
  const problems: string[] = [...resolveConfig(...base).problems];
  for (const file of chain) {
    if (file.problem) problems.push(file.problem);
    else for (const p of resolveConfig(file.layer).problems) problems.push(`${file.path}: ${p}`);
    for (const note of file.notes ?? []) problems.push(note);
  }
  const config = resolveConfig(...base, ...chain.map((f) => f.layer));
  return { config: { ...config, problems }, files: chain.filter((f) => f.layer).map((f) => f.path) };
}

function parentOf(path: string): string {
  const trimmed = trimEndWhile(path, (ch) => ch === '/');
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : trimmed.slice(0, i);
}

/** `dir`, its parent, … up to and including `root` (or the filesystem root when `root` is not an ancestor). */
function foldersUp(dir: string, root: string | undefined): string[] {
  const stop = (root !== undefined ? trimEndWhile(root, (ch) => ch === '/') : undefined) || (root === '/' ? '/' : undefined);
  const folders: string[] = [];
  let current = dir;
  for (let guard = 0; guard < 256; guard++) {
    folders.push(current);
    if (current === stop || current === '/' || current === '.' || /^[A-Za-z]:$/.test(current)) break;
    const parent = parentOf(current);
    if (parent === current) break;
    current = parent;
  }
  return folders;
}
