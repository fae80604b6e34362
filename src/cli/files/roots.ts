import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** The repository root (a folder holding `.git`) above `from`, else undefined. */
export function findGitRoot(from: string): string | undefined {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** `/`-separated path of `file` relative to `root`, as post-mortem globs and SARIF expect. */
export function toPosixRelative(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/** A path for messages: relative to the working folder when inside it, else absolute. */
export function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : file;
}
