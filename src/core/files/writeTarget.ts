/**
 * Whether a host may write a file a command is about to change: the one decision, and its words,
 * shared by the CLI's writer (src/cli/files/safeWrite.ts) and the editor's write guard
 * (src/vscode/editing/writeTarget.ts). Each host finds the facts its own way (Node's realpath and
 * stat; VS Code's file system in the web) and asks here, so a file the CLI refuses is refused by the
 * editor with the same reason.
 *
 * - A write lands on the file a symlink leads to (also through linked folders). When that real path
 *   is outside the folders the command works in (the CLI's folders given, the editor's workspace
 *   folders), a hostile checkout could make a fix or "Mark done" rewrite `~/.ssh/authorized_keys`.
 * - A file without write permission is the person's "do not change this": kept, even as root
 *   (whom the file system would let write).
 */

export type WriteTargetReason = 'outside-roots' | 'read-only' | 'unresolved-link';

export interface WriteTargetRefusal<R extends WriteTargetReason = WriteTargetReason> {
  readonly reason: R;
  /** Why, said after "Nothing was written to <file>: " or "not written <file>: ". */
  readonly message: string;
}

export interface WriteTargetFacts {
  /** The real path the write lands on (symlinks resolved, also in its folders), in the host's form. */
  readonly target: string;
  /** The real paths of the folders the write must stay inside; omitted: no containment check. */
  readonly roots?: readonly string[];
  /** How the roots are named in the message: "the folders given", "the workspace folders". */
  readonly rootsLabel?: string;
  /** The file has no write permission (mode, or the file system says read-only). */
  readonly readOnly: boolean;
}

/** The refusal for a write to `facts.target`, or undefined when the write may go ahead. Containment first. */
export function writeTargetRefusal(facts: WriteTargetFacts): WriteTargetRefusal | undefined {
  if (facts.roots && !insideAnyFolder(facts.target, facts.roots)) return outsideRoots(facts.target, facts.roots, facts.rootsLabel);
  if (facts.readOnly) return READ_ONLY;
  return undefined;
}

export function outsideRoots(target: string, roots: readonly string[], rootsLabel = 'the folders given'): WriteTargetRefusal<'outside-roots'> {
  return {
    reason: 'outside-roots',
    message: `it leads to ${target}, outside ${rootsLabel} (${roots.join(', ')}); a symlink out of the tree is never written through`,
  };
}

export const READ_ONLY: WriteTargetRefusal<'read-only'> = {
  reason: 'read-only',
  message: 'it is read-only (no write permission); not changed. Make it writable (chmod u+w) first, then try again',
};

/**
 * A host that cannot resolve symlinks (the web extension: VS Code's file system API says a path is a
 * link, not where it leads) refuses any link on the way rather than guess it stays inside.
 */
export function unresolvedLink(link: string): WriteTargetRefusal<'unresolved-link'> {
  return {
    reason: 'unresolved-link',
    message: `it is reached through the symbolic link ${link}, and this editor cannot see where the link leads (no file system access in the browser); not written through. Edit the file the link points to, or use the desktop editor or the CLI`,
  };
}

/** `path` is `folder` or inside it. Both real (no `.`/`..` segments, symlinks resolved) and in the host's form. */
export function isInsideFolder(path: string, folder: string): boolean {
  const windows = isWindowsPath(path) || isWindowsPath(folder);
  const p = comparable(path, windows);
  const f = comparable(folder, windows);
  if (p === f) return true;
  const prefix = f.endsWith('/') ? f : `${f}/`;
  return p.startsWith(prefix);
}

export function insideAnyFolder(path: string, folders: readonly string[]): boolean {
  return folders.some((folder) => isInsideFolder(path, folder));
}

/**
 * A drive-letter or UNC path: `\` separates and case does not matter. On POSIX a backslash is a
 * character of a name (a file `pm\evil` beside the folder `pm` is not inside it), so it is left alone.
 */
function isWindowsPath(path: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

function comparable(path: string, windows: boolean): string {
  const slashed = windows ? path.replace(/\\/g, '/').toLowerCase() : path;
  // Trailing separators, except the one of a root (`/`, `c:/`).
  let end = slashed.length;
  while (end > 1 && slashed[end - 1] === '/' && !(windows && end === 3 && slashed[1] === ':')) end--;
  return slashed.slice(0, end);
}
