import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ResolvedConfig } from '../../core/config/config';
import { ConfigLoader, type LoadedConfig } from '../../core/config/load';
import { isPostmortem, isTemplateFile, matchesPostmortemGlobs } from '../../core/document/recognise';
import { isGeneratedIndexPage } from '../../core/library/indexPageMark';
import { isEvidencePath } from '../../core/evidence/paths';
import type { Candidate } from './expand';
import type { CliIo } from '../io';
import { MAX_CONFIG_BYTES, readOptionalUserText } from './userFile';
import type { EncodingIssue } from './encoding';
import { readMarkdownFile } from './read';
import type { FileSnapshot } from './safeWrite';
import type { ReadForm } from '../../core/text/encodeAsRead';
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
  /** What was read, for the safe writer. */
  readonly snapshot: FileSnapshot;
  /**
   * What the reading made of odd bytes, said as a `file/*` warning: not valid UTF-8 (read with U+FFFD:
   * never rewritten), UTF-16, lone CR line breaks (read as LF). Whether an edit can be written back
   * is `rewriteRefusal` (encoding.ts).
   */
  readonly encoding?: EncodingIssue;
  /** How the bytes were read: edits are written back in the same encoding, BOM and line breaks (safeWrite's EditedText). */
  readonly form: ReadForm;
  /**
   * Read only because of `--all-markdown`: neither under the globs nor declaring `type: postmortem`
   * (a README, CONTRIBUTING.md, docs). Checked, but `--fix` never writes it: a section skeleton or a
   * "redacted" example in a README is damage, not a fix (trial C25).
   */
  readonly notPostmortem?: true;
}

/** A post-mortem that holds NUL bytes: not text, so not read further; reported, never written. */
export interface NotRead {
  readonly display: string;
  readonly rel: string;
  readonly issue: EncodingIssue;
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
  readonly notRead: NotRead[];
  readonly configs: Map<string, ResolvedConfig>;
  /** Problems in config files, each once. */
  readonly configProblems: string[];
  /** The configuration of any file under the root (its folder's rc files, or `--config`), loaded once per folder. */
  readonly configFor: (file: string) => Promise<ResolvedConfig>;
}

export interface CollectOptions {
  readonly cwd: string;
  /** Root for relative paths and the config search (the repository root, else the working folder). */
  readonly root: string;
  /** `--config F`: use this file only, no upward search. */
  readonly configFile?: string;
  /** Treat every Markdown file as a post-mortem (corpus runs, folders without front matter). */
  readonly allMarkdown?: boolean;
  /** Each file kept, as soon as it is read (`index` in `Collected.files`), with its configuration: lint starts on it while the others are read. */
  readonly onFile?: (file: LoadedFile, index: number, config: ResolvedConfig) => void;
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

  const result: Collected = {
    files: [], skipped: [], errors: [], notRead: [], configs: new Map(), configProblems: [],
    configFor: async (file) => (await configFor(file)).config,
  };
  // Two names for one file (a symlink beside its target) are checked, and fixed, once.
  const seenReal = new Map<string, string>();
  const realPathOf = realPaths();
  for (const candidate of candidates) {
    const display = displayPath(options.cwd, candidate.path);
    if (candidate.folderProblem) {
      if (candidate.folderProblem.kind === 'error') result.errors.push({ display, message: candidate.folderProblem.message });
      else result.skipped.push({ display, reason: candidate.folderProblem.message, explicit: false, notable: true });
      continue;
    }
    const real = realPathOf(candidate);
    const first = seenReal.get(real);
    if (first !== undefined) {
      result.skipped.push({ display, reason: `same file as ${first} (a symlink)`, explicit: candidate.explicit, notable: false });
      continue;
    }
    seenReal.set(real, display);
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
      // A post-mortem that was not read (named, matched by path or declaring `type: postmortem`) is a
      // failure, not a skip: "no problems" and exit 0 would say it was checked.
      if (candidate.explicit || options.allMarkdown || isPostmortem(rel, read.head, loaded.config.globs)) result.errors.push({ display, message: `${read.reason}, not checked` });
      else result.skipped.push({ display, reason: read.reason, explicit: candidate.explicit, notable: true });
      continue;
    }
    const nul = read.encoding?.code === 'file/nul';
    const recognised = isPostmortem(rel, read.text, loaded.config.globs);
    const strayMarks = nul ? 0 : leadingByteOrderMarks(read.text);
    if (!options.allMarkdown && !recognised && strayMarks > 1 && isPostmortem(rel, read.text.slice(strayMarks), loaded.config.globs)) {
      // `type: postmortem` behind a second U+FEFF (a BOM added twice): a post-mortem that no reader
      // takes as one, since its `---` is not on line 1. Said and failed, never "no type: postmortem" (trial17a F10).
      result.errors.push({ display, message: `starts with ${strayMarks} byte-order marks (U+FEFF), so its front matter does not start on line 1 for any Markdown reader; remove the extra ${strayMarks - 1 === 1 ? 'one' : strayMarks - 1}, not checked` });
      continue;
    }
    if (!options.allMarkdown && !recognised) {
      // A binary file that is not a post-mortem by path or front matter: worth a line, not an error.
      const reason = nul ? `binary file (${read.encoding!.message.split(':')[0]})` : notPostmortemReason(rel, loaded.config.globs, read.text);
      result.skipped.push({ display, reason, explicit: candidate.explicit, notable: nul });
      continue;
    }
    if (nul) {
      result.notRead.push({ display, rel, issue: read.encoding! });
      continue;
    }
    const encoding = read.encoding;
    // A text read has its form (read.ts: only NUL bytes have none, and those were set aside above).
    const file: LoadedFile = { path: candidate.path, display, rel, text: read.text, configKey, snapshot: read.snapshot, form: read.form!, ...(encoding ? { encoding } : {}), ...(recognised ? {} : { notPostmortem: true as const }) };
    result.files.push(file);
    if (options.onFile) {
      options.onFile(file, result.files.length - 1, loaded.config);
      // A turn of the event loop now and then: the lint workers' replies are taken (and they are
      // sent more) only between tasks, and awaiting a cached configuration does not yield one.
      if (result.files.length % 16 === 0) await new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
    }
  }
  return result;
}

/** How many U+FEFF the text starts with: the first is its byte-order mark, any more are stray characters. */
function leadingByteOrderMarks(text: string): number {
  let n = 0;
  while (text.charCodeAt(n) === 0xfeff) n++;
  return n;
}

/** Why a file is not taken for a post-mortem: the true reason, also when it says `type: postmortem` (trial T23). */
function notPostmortemReason(rel: string, globs: readonly string[], text: string): string {
  if (!/\.(md|markdown)$/i.test(rel)) return 'not a Markdown file';
  if (isTemplateFile(text)) return 'a post-mortem template (its front matter has a `template:` block), not a post-mortem: templates are not linted; `postmortem new --template NAME` makes a post-mortem from it';
  if (isGeneratedIndexPage(text)) return 'the index page `postmortem list --format md` wrote, not a post-mortem';
  if (isEvidencePath(rel.replace(/\\/g, '/'))) return 'evidence of a post-mortem (in its `NAME.assets/` folder), not a post-mortem';
  if (matchesPostmortemGlobs(rel, globs)) return 'not a post-mortem';
  return `not a post-mortem (no \`type: postmortem\` in its front matter, and its path does not match ${globs.join(', ')})`;
}

/** An rc file or `--config`: a FIFO or device named so is refused ("could not be read (not a regular file …)"), not waited on. */
async function readConfigFile(path: string): Promise<string | undefined> {
  return readOptionalUserText(path, MAX_CONFIG_BYTES);
}

/**
 * Each candidate's real path. A regular file met in a folder walk is its folder's real path and its
 * own name (it is no symlink), so the folder is resolved once for all its files; any other candidate
 * (a symlink, a file named or globbed) is resolved itself.
 */
function realPaths(): (candidate: Candidate) => string {
  const folders = new Map<string, string | undefined>();
  return (candidate) => {
    if (!candidate.regularEntry) return realOrSelf(candidate.path);
    const folder = dirname(candidate.path);
    if (!folders.has(folder)) folders.set(folder, realOrUndefined(folder));
    const realFolder = folders.get(folder);
    return realFolder === undefined ? realOrSelf(candidate.path) : join(realFolder, basename(candidate.path));
  };
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/** The platform's realpath: one call per file, where Node's own walks every folder of the path with lstat. */
function realOrSelf(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

function toPosix(path: string): string {
  return path.replace(/\\/g, '/');
}

/**
 * What every reading command says about the files it could not use: unreadable files and files with
 * NUL bytes ("not read", counted as failures: exit non-zero), skipped files worth a line, and files
 * that are not valid UTF-8 or break lines with a lone CR (a warning). Returns the number of failures.
 */
export function reportReadProblems(io: CliIo, command: string, collected: Collected, options: { verbose?: boolean } = {}): number {
  for (const s of collected.skipped) if (s.explicit || s.notable || options.verbose) io.err(`postmortem ${command}: skipped ${s.display}: ${s.reason}\n`);
  for (const e of collected.errors) io.err(`postmortem ${command}: cannot read ${e.display}: ${e.message}\n`);
  for (const n of collected.notRead) io.err(`postmortem ${command}: not read ${n.display}: ${n.issue.message}\n`);
  for (const f of collected.files) if (f.encoding) io.err(`postmortem ${command}: warning: ${f.display}: ${f.encoding.message}\n`);
  return collected.errors.length + collected.notRead.length;
}
