import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { ResolvedConfig } from '../../core/config/config';
import { ConfigLoader, type LoadedConfig } from '../../core/config/load';
import { isPostmortem, matchesPostmortemGlobs } from '../../core/document/recognise';
import type { Candidate } from './expand';
import { readMarkdownFile } from './read';
import { displayPath, toPosixRelative } from './roots';

export interface LoadedFile {
  readonly path: string;
  /** For messages: relative to the working folder when possible. */
  readonly display: string;
  /** `/`-separated, relative to the repository root (globs, SARIF). */
  readonly rel: string;
  readonly text: string;
  /** Key into `Collected.configs`. */
  readonly configKey: string;
}

export interface Skipped {
  readonly display: string;
  readonly reason: string;
  /** Named on the command line: the user expected it to be checked, so always say why not. */
  readonly explicit: boolean;
  /** Binary and oversized files are worth a line even when found by walking a folder. */
  readonly notable: boolean;
}

export interface Collected {
  readonly files: LoadedFile[];
  readonly skipped: Skipped[];
  readonly errors: { readonly display: string; readonly message: string }[];
  readonly configs: Map<string, ResolvedConfig>;
  /** Problems in config files, each once. */
  readonly configProblems: string[];
}

export interface CollectOptions {
  readonly cwd: string;
  /** Root for relative paths and the config search (the repository root, else the working folder). */
  readonly root: string;
  /** `--config F`: use this file only, no upward search. */
  readonly configFile?: string;
  /** Treat every Markdown file as a post-mortem (corpus runs, folders without front matter). */
  readonly allMarkdown?: boolean;
}

/** Reads the candidates, keeps the post-mortems and says why the others were left out. */
export async function collectPostmortems(candidates: readonly Candidate[], options: CollectOptions): Promise<Collected> {
  const loader = new ConfigLoader(readConfigFile);
  const byFolder = new Map<string, Promise<LoadedConfig>>();
  const explicitConfig = options.configFile ? loader.loadExplicit(toPosix(resolve(options.cwd, options.configFile))) : undefined;
  const configFor = (file: string) => {
    if (explicitConfig) return explicitConfig;
    const folder = dirname(file);
    let pending = byFolder.get(folder);
    if (!pending) {
      pending = loader.loadFor(toPosix(file), { root: toPosix(options.root) });
      byFolder.set(folder, pending);
    }
    return pending;
  };

  const result: Collected = { files: [], skipped: [], errors: [], configs: new Map(), configProblems: [] };
  for (const candidate of candidates) {
    const display = displayPath(options.cwd, candidate.path);
    const rel = toPosixRelative(options.root, candidate.path);
    const loaded = await configFor(candidate.path);
    const configKey = loaded.files.join('\n') || (options.configFile ?? '');
    if (!result.configs.has(configKey)) result.configs.set(configKey, loaded.config);
    // Per folder, not per key: an unreadable rc file adds no layer, so it does not change the key.
    for (const p of loaded.config.problems) if (!result.configProblems.includes(p)) result.configProblems.push(p);
    const read = readMarkdownFile(candidate.path);
    if (read.kind === 'error') {
      result.errors.push({ display, message: read.message });
      continue;
    }
    if (read.kind === 'skip') {
      result.skipped.push({ display, reason: read.reason, explicit: candidate.explicit, notable: true });
      continue;
    }
    if (!options.allMarkdown && !isPostmortem(rel, read.text, loaded.config.globs)) {
      result.skipped.push({ display, reason: notPostmortemReason(rel, loaded.config.globs), explicit: candidate.explicit, notable: false });
      continue;
    }
    result.files.push({ path: candidate.path, display, rel, text: read.text, configKey });
  }
  return result;
}

function notPostmortemReason(rel: string, globs: readonly string[]): string {
  if (!/\.(md|markdown)$/i.test(rel)) return 'not a Markdown file';
  if (matchesPostmortemGlobs(rel, globs)) return 'not a post-mortem';
  return `not a post-mortem (no \`type: postmortem\` in its front matter, and its path does not match ${globs.join(', ')})`;
}

async function readConfigFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw e;
  }
}

function toPosix(path: string): string {
  return path.replace(/\\/g, '/');
}
