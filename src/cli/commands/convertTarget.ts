import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { snapshotOf, writeFileSafely, type WriteResult } from '../files/safeWrite';
import { MB, readUserFile } from '../files/userFile';

/** An output file larger than this is not one a conversion made: refused rather than read whole. */
const MAX_REPLACED_BYTES = 64 * MB;

/**
 * Where `postmortem convert` writes: beside each input, into the folder `--out DIR` names, or —
 * when `--out` names a Markdown file (`--out incident.postmortem.md`) — into that one file. A
 * `.md` path that is an existing folder, or written with a trailing slash, is still a folder.
 */
export type ConvertTarget =
  | { readonly kind: 'beside' }
  | { readonly kind: 'folder'; readonly dir: string }
  | { readonly kind: 'file'; readonly path: string };

const MARKDOWN_FILE = /\.(?:md|markdown)$/i;

export function convertTarget(out: string | undefined, cwd: string): ConvertTarget {
  if (out === undefined) return { kind: 'beside' };
  const path = resolve(cwd, out);
  if (!MARKDOWN_FILE.test(out) || /[\\/]$/.test(out) || isFolder(path)) return { kind: 'folder', dir: path };
  return { kind: 'file', path };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Writes a converted file: a new file is created only if the name is free (an existing file is
 * refused), unless `overwrite`; then the file as it is now is the one replaced, atomically, and a
 * change made to it between that read and the write is refused (safeWrite's snapshot check).
 */
export function writeConverted(target: string, text: string, overwrite: boolean): WriteResult {
  const created = writeFileSafely(target, text, { createOnly: true });
  if (created.ok || created.reason !== 'exists' || !overwrite) return created;
  // Read as any file a user names (regular files only, bounded); a change after this read is refused by the snapshot check.
  const read = readUserFile(target, MAX_REPLACED_BYTES);
  if (!read.ok) return { ok: false, reason: read.kind === 'not-regular' ? 'not-a-file' : 'io', message: `cannot read it before replacing it (${read.reason}); nothing was changed` };
  return writeFileSafely(target, text, { expected: snapshotOf(read.bytes, read.stat) });
}
