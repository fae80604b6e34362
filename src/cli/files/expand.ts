import { readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { compileGlob } from '../../core/text/glob';

export interface Candidate {
  /** Absolute path. */
  readonly path: string;
  /** Named on the command line (not found by walking a folder or a glob). */
  readonly explicit: boolean;
  /** A folder the walk could not or would not go into: said, never silently left out. */
  readonly folderProblem?: FolderProblem;
  /** Found by a folder walk as a regular file (not a symlink): its real path is its folder's real path and its name. */
  readonly regularEntry?: boolean;
}

/** Why a folder met in a walk was not looked into. */
export interface FolderProblem {
  /** `error`: it could not be read (exit 2); `skip`: by design, said on stderr. */
  readonly kind: 'error' | 'skip';
  readonly message: string;
}

export interface Expansion {
  readonly files: Candidate[];
  /** Arguments that name nothing: a missing path or a glob without matches. */
  readonly missing: string[];
  /**
   * The folders the arguments name (a folder, a named file's folder, a glob's fixed leading
   * folders): writes (`--fix`) must land inside one of them, symlinks resolved.
   */
  readonly roots: string[];
}

const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const MARKDOWN = /\.(md|markdown)$/i;
const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Turns command-line arguments into Markdown files: folders are walked (skipping node_modules and
 * .git, not following symlinked folders), globs are matched relative to `cwd`, files are taken as named.
 */
export function expandPaths(args: readonly string[], cwd: string): Expansion {
  const found = new Map<string, Candidate>();
  const missing: string[] = [];
  const roots = new Set<string>();
  const regular = new Set<string>();
  const add = (path: string, explicit: boolean) => {
    const existing = found.get(path);
    if (!existing || (explicit && !existing.explicit)) found.set(path, { path, explicit, ...(regular.has(path) ? { regularEntry: true } : {}) });
  };
  for (const arg of args.length ? args : ['.']) {
    if (GLOB_CHARS.test(arg) && !exists(resolve(cwd, arg))) {
      roots.add(globBase(arg, cwd));
      const problems = new Map<string, FolderProblem>();
      const matches = matchGlob(arg, cwd, problems);
      if (matches.length === 0 && problems.size === 0) missing.push(arg);
      for (const m of matches) add(m, false);
      // A symlinked or unreadable folder the glob reaches into is named, as for a folder argument
      // (`'postmortems/**/*.md'` skipped a linked folder without a word: trial 15a F2).
      for (const [folder, folderProblem] of problems) if (!found.has(folder)) found.set(folder, { path: folder, explicit: false, folderProblem });
      continue;
    }
    const path = resolve(cwd, arg);
    const stat = statOrUndefined(path);
    if (!stat) missing.push(arg);
    else if (stat.isDirectory()) {
      roots.add(path);
      const problems = new Map<string, FolderProblem>();
      for (const f of walkMarkdown(path, problems, regular)) add(f, false);
      for (const [folder, folderProblem] of problems) found.set(folder, { path: folder, explicit: false, folderProblem });
    } else {
      roots.add(dirname(path));
      add(path, true);
    }
  }
  return { files: [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), missing, roots: [...roots] };
}

/**
 * Every Markdown file under `dir`, devices and pipes named `*.md` included (reading them says "not
 * a regular file", exit 2, as when they are named). `problems`, when given, gets the folders not
 * looked into: unreadable ones (permission denied) and symlinked ones (not followed: a link to `/`
 * would walk the whole disk, and `--fix` may not write outside the folders given anyway).
 * `regular`, when given, gets the files that are regular files (not symlinks, devices or pipes).
 */
export function walkMarkdown(dir: string, problems?: Map<string, FolderProblem>, regular?: Set<string>): string[] {
  const files: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'it no longer exists' : (code ?? String(e));
      problems?.set(current, { kind: 'error', message: `${why} (folder not scanned: its post-mortems are not checked)` });
      continue;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) stack.push(path);
      } else if (entry.isSymbolicLink() && statOrUndefined(path)?.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) problems?.set(path, { kind: 'skip', message: 'a symlinked folder, not followed (name it to check the post-mortems in it)' });
      } else if (MARKDOWN.test(entry.name) && !entry.isDirectory()) {
        // A symlink whose target is gone, a device or a pipe is kept: reading it says "broken
        // symlink" or "not a regular file" (exit 2), not nothing.
        files.push(path);
        if (entry.isFile()) regular?.add(path);
      }
    }
  }
  return files;
}

// A glob's fixed leading folders (`docs/**/*.md` → `docs`), absolute.
function globBase(pattern: string, cwd: string): string {
  const parts = pattern.replace(/\\/g, '/').split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (GLOB_CHARS.test(part)) break;
    fixed.push(part);
  }
  return resolve(cwd, fixed.join('/') || '.');
}

function matchGlob(pattern: string, cwd: string, problems: Map<string, FolderProblem>): string[] {
  const posix = pattern.replace(/\\/g, '/');
  // Walk only from the glob's fixed leading folders.
  const base = globBase(pattern, cwd);
  if (!statOrUndefined(base)?.isDirectory()) return [];
  const absolutePattern = posix.startsWith('/');
  // Matched in linear time (minimatch's lazy runs were polynomial in the number of `*`).
  const glob = compileGlob(posix.replace(/^\.\//, ''));
  const asCandidate = (path: string) => (absolutePattern ? path.split(sep).join('/') : relative(cwd, path).split(sep).join('/'));
  const skipped = new Map<string, FolderProblem>();
  const files = walkMarkdown(base, skipped).filter((file) => glob.match(asCandidate(file)));
  // Only folders the glob could take files from: a file or a subfolder's file in them would match.
  for (const [folder, problem] of skipped) {
    const at = asCandidate(folder);
    if (glob.match(`${at}/x.md`) || glob.match(`${at}/x/x.md`)) problems.set(folder, problem);
  }
  return files;
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function exists(path: string): boolean {
  return statOrUndefined(path) !== undefined;
}
