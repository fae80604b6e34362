import { readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { compileGlob } from '../../core/text/glob';

export interface Candidate {
  /** Absolute path. */
  readonly path: string;
  /** Named on the command line (not found by walking a folder or a glob). */
  readonly explicit: boolean;
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
  const add = (path: string, explicit: boolean) => {
    const existing = found.get(path);
    if (!existing || (explicit && !existing.explicit)) found.set(path, { path, explicit });
  };
  for (const arg of args.length ? args : ['.']) {
    if (GLOB_CHARS.test(arg) && !exists(resolve(cwd, arg))) {
      roots.add(globBase(arg, cwd));
      const matches = matchGlob(arg, cwd);
      if (matches.length === 0) missing.push(arg);
      for (const m of matches) add(m, false);
      continue;
    }
    const path = resolve(cwd, arg);
    const stat = statOrUndefined(path);
    if (!stat) missing.push(arg);
    else if (stat.isDirectory()) {
      roots.add(path);
      for (const f of walkMarkdown(path)) add(f, false);
    } else {
      roots.add(dirname(path));
      add(path, true);
    }
  }
  return { files: [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), missing, roots: [...roots] };
}

/** Every Markdown file under `dir`. */
export function walkMarkdown(dir: string): string[] {
  const files: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: nothing to lint there
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) stack.push(path);
      } else if (MARKDOWN.test(entry.name)) {
        // A symlink whose target is gone is kept: reading it says "broken symlink" (exit 2), not nothing.
        const stat = entry.isFile() ? undefined : statOrUndefined(path);
        if (entry.isFile() || stat?.isFile() || (!stat && entry.isSymbolicLink())) files.push(path);
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

function matchGlob(pattern: string, cwd: string): string[] {
  const posix = pattern.replace(/\\/g, '/');
  // Walk only from the glob's fixed leading folders.
  const base = globBase(pattern, cwd);
  if (!statOrUndefined(base)?.isDirectory()) return [];
  const absolutePattern = posix.startsWith('/');
  // Matched in linear time (minimatch's lazy runs were polynomial in the number of `*`).
  const glob = compileGlob(posix.replace(/^\.\//, ''));
  return walkMarkdown(base).filter((file) => {
    const candidate = absolutePattern ? file.split(sep).join('/') : relative(cwd, file).split(sep).join('/');
    return glob.match(candidate);
  });
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
