import { createHash, randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { insideAnyFolder, outsideRoots, READ_ONLY } from '../../core/files/writeTarget';
import type { KeptRun } from '../../core/fix/keptRuns';
import { reencode, type ReadForm } from '../../core/text/encodeAsRead';

/**
 * The one way the CLI writes a file (`lint --fix`, `import-timeline --yes`, `new`, `convert`).
 *
 * - Atomic: the new bytes go to a temporary file in the target's folder, are fsynced, then renamed
 *   over the target. A full disk or any other failure leaves the original file as it was.
 * - Checked against what was read: when the caller read the file, the writer refuses if its size,
 *   mtime or content hash changed since (an edit made during the run is never overwritten), or if it
 *   was deleted (a deleted file is not brought back).
 * - Inside the roots: the target's real path (symlinks resolved, also in its folders) must be inside
 *   one of the roots the command was given; a symlink pointing out of them is reported, not written.
 * - Creating (`createOnly`): never replaces an existing file (hard link of the temporary file, which
 *   fails when the name is taken).
 *
 * - In the form it was read in: an edit of a file that was read (`EditedText`: lint --fix, tickets
 *   create, evidence add, import-timeline) is written in the file's own encoding (UTF-8, UTF-16 LE
 *   or BE), byte-order mark or none, and line breaks (core/text/encodeAsRead.ts); a file whose text
 *   does not give back its bytes (invalid UTF-8 read as U+FFFD, a lone surrogate, a NUL) is refused.
 *
 * Bytes given as bytes are written exactly; a string (a new file) as UTF-8.
 */

/** What was read: enough to tell whether the file changed before we write over it. */
export interface FileSnapshot {
  readonly size: number;
  readonly mtimeMs: number;
  readonly sha256: string;
}

/** The file-system calls the writer makes: tests inject failures (ENOSPC, EIO) through this seam. */
export interface WriterFs {
  lstatSync(path: string): nodeFs.Stats;
  statSync(path: string): nodeFs.Stats;
  realpathSync(path: string): string;
  readFileSync(path: string): Buffer;
  openSync(path: string, flags: string, mode?: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  linkSync(existing: string, newPath: string): void;
  unlinkSync(path: string): void;
}

export const realFs: WriterFs = {
  lstatSync: (p) => nodeFs.lstatSync(p),
  statSync: (p) => nodeFs.statSync(p),
  realpathSync: (p) => nodeFs.realpathSync(p),
  readFileSync: (p) => nodeFs.readFileSync(p),
  openSync: (p, f, m) => nodeFs.openSync(p, f, m),
  writeSync: (fd, b, o, l) => nodeFs.writeSync(fd, b, o, l),
  fsyncSync: (fd) => nodeFs.fsyncSync(fd),
  closeSync: (fd) => nodeFs.closeSync(fd),
  renameSync: (a, b) => nodeFs.renameSync(a, b),
  linkSync: (a, b) => nodeFs.linkSync(a, b),
  unlinkSync: (p) => nodeFs.unlinkSync(p),
};

/**
 * The file system every write uses unless a call passes its own: tests of whole commands swap it for
 * one that fails (ENOSPC) or changes the file at the worst moment, the way a real disk or editor would.
 */
export const writerSeam: { fs: WriterFs } = { fs: realFs };

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The snapshot of bytes just read from `path` (stat taken after the read: a later change shows in the hash).
 * The hash is taken when a write first asks for it, of the very bytes read (kept until then): most
 * files read are never written (`lint` without `--fix` read and hashed 2,000 files for nothing).
 */
export function snapshotOf(bytes: Uint8Array, stat: { mtimeMs: number }): FileSnapshot {
  let hash: string | undefined;
  return {
    size: bytes.length,
    mtimeMs: stat.mtimeMs,
    get sha256() {
      hash ??= sha256(bytes);
      return hash;
    },
  };
}

export type RefusalReason = 'changed' | 'deleted' | 'exists' | 'outside-roots' | 'not-a-file' | 'read-only' | 'io' | 'encoding';

/** A file's text as read (`form`, read.ts) after edits: `kept` says which characters no edit touched (applyEdits, fixAll). */
export interface EditedText {
  readonly form: ReadForm;
  readonly text: string;
  readonly kept: readonly KeptRun[];
}

export type WriteResult =
  /** `otherLinks`: the replaced file had that many other names (hard links), which keep its old bytes (see hardLinkNote). */
  | { readonly ok: true; readonly path: string; readonly otherLinks?: number }
  | { readonly ok: false; readonly reason: RefusalReason; readonly message: string };

/**
 * What a command says after replacing a hard-linked file: the rename that makes a write atomic gives
 * the name a new file, so the other names keep the old text (documented in the README; said at the
 * moment it happens: trial16a F7).
 */
export function hardLinkNote(display: string, otherLinks: number): string {
  return `${display} had ${otherLinks + 1} hard links: the write replaced it with a new file (so that a failure cannot leave it half written), and the other name${otherLinks === 1 ? ' keeps' : 's keep'} the text it had before`;
}

export interface WriteOptions {
  /** What the caller read; omitted for new files. */
  readonly expected?: FileSnapshot;
  /** Create a new file; fail with 'exists' when the name is taken. */
  readonly createOnly?: boolean;
  /** Folders the real target must be inside (symlinks resolved). Omitted: no containment check. */
  readonly roots?: readonly string[];
  readonly fs?: WriterFs;
}

/** Writes `data` to `path` atomically, or says why it did not (the original is then untouched). */
export function writeFileSafely(path: string, data: string | Uint8Array | EditedText, options: WriteOptions = {}): WriteResult {
  const fs = options.fs ?? writerSeam.fs;
  let bytes: Uint8Array;
  if (typeof data === 'string') bytes = Buffer.from(data, 'utf8');
  else if (data instanceof Uint8Array) bytes = data;
  else {
    const encoded = reencode(data.form, data.text, data.kept);
    if (!encoded.ok) return { ok: false, reason: 'encoding', message: `${encoded.why}; nothing was written` };
    bytes = encoded.bytes;
  }
  let target: string;
  try {
    target = realTarget(path, fs, options.createOnly === true);
  } catch (e) {
    return ioFailure(e, 'resolve');
  }
  // The core's decision and words, shared with the editor's write guard.
  if (options.roots && !insideAnyFolder(target, options.roots.map((root) => realRoot(root, fs)))) {
    return { ok: false, ...outsideRoots(target, options.roots) };
  }
  let mode = 0o644;
  let owner: { uid: number; gid: number } | undefined;
  let links = 1;
  if (!options.createOnly) {
    const check = unchanged(target, options.expected, fs);
    if (!check.ok) return check;
    mode = check.mode;
    owner = check.owner;
    links = check.links;
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', mode);
    let offset = 0;
    while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    if (owner && fs === realFs) keepOwner(fd, owner);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    if (options.createOnly) {
      // link() fails with EEXIST when the name is taken: creating never replaces a file.
      try {
        fs.linkSync(temp, target);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') return { ok: false, reason: 'exists', message: 'the file already exists (not overwritten)' };
        throw e;
      }
      fs.unlinkSync(temp);
    } else {
      // Last look just before the rename: narrows the window for an edit made meanwhile.
      const again = unchanged(target, options.expected, fs);
      if (!again.ok) return again;
      fs.renameSync(temp, target);
    }
    syncFolder(dirname(target));
    return { ok: true, path: target, ...(links > 1 ? { otherLinks: links - 1 } : {}) };
  } catch (e) {
    return ioFailure(e, 'write');
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing: the write error is the one to report
      }
    }
    removeQuietly(temp, fs);
  }
}

/** The file a write lands on: the symlink's real target (a rename would replace the link itself). */
function realTarget(path: string, fs: WriterFs, creating: boolean): string {
  const absolute = resolve(path);
  if (creating) return join(fs.realpathSync(dirname(absolute)), basename(absolute));
  try {
    return fs.realpathSync(absolute);
  } catch (e) {
    // A missing file (deleted during the run) or a dangling symlink: report it at the check.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return absolute;
    throw e;
  }
}

function realRoot(root: string, fs: WriterFs): string {
  try {
    return fs.realpathSync(root);
  } catch {
    return resolve(root);
  }
}

type Check = { ok: true; mode: number; owner: { uid: number; gid: number }; links: number } | { ok: false; reason: RefusalReason; message: string };

function unchanged(target: string, expected: FileSnapshot | undefined, fs: WriterFs): Check {
  let stat: nodeFs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: 'deleted', message: 'it was deleted during the run; not recreated' };
    return ioFailure(e, 'check');
  }
  if (!stat.isFile()) return { ok: false, reason: 'not-a-file', message: 'it is no longer a regular file' };
  // A rename replaces a file the folder lets us replace, even one marked read-only (chmod 444) or
  // writable only by its owner: the mark is the person's "do not change this", so it is kept.
  if ((stat.mode & 0o222) === 0 || (fs === realFs && !writableByUs(target))) {
    return { ok: false, ...READ_ONLY };
  }
  if (expected) {
    const changed = { ok: false as const, reason: 'changed' as const, message: 'it changed since it was read (edited during the run?); not overwritten' };
    if (stat.size !== expected.size || stat.mtimeMs !== expected.mtimeMs) return changed;
    try {
      if (sha256(fs.readFileSync(target)) !== expected.sha256) return changed;
    } catch (e) {
      return ioFailure(e, 'check');
    }
  }
  return { ok: true, mode: stat.mode & 0o7777, owner: { uid: stat.uid, gid: stat.gid }, links: stat.nlink };
}

function writableByUs(path: string): boolean {
  try {
    nodeFs.accessSync(path, nodeFs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function ioFailure(e: unknown, stage: 'resolve' | 'check' | 'write'): { ok: false; reason: 'io'; message: string } {
  const err = e as NodeJS.ErrnoException;
  const what = err.code === 'ENOSPC' ? 'no space left on the device' : err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.code === 'EROFS' ? 'read-only file system' : err.message ?? String(e);
  const code = err.code && !what.includes(err.code) ? ` (${err.code})` : '';
  return { ok: false, reason: 'io', message: `${stage === 'write' ? 'write failed' : 'cannot check it'}: ${what}${code}; nothing was changed` };
}

function removeQuietly(path: string, fs: WriterFs): void {
  try {
    fs.unlinkSync(path);
  } catch {
    // gone already (renamed into place) or never created
  }
}

/**
 * The replacement keeps the file's owner and group where we may set them (root, or a group we are
 * in): a fix is an edit, not a new file. Best effort: otherwise the file is ours after the rename.
 */
function keepOwner(fd: number, owner: { uid: number; gid: number }): void {
  if (typeof process.getuid !== 'function') return;
  try {
    if (owner.uid !== process.getuid() || owner.gid !== process.getgid?.()) nodeFs.fchownSync(fd, owner.uid, owner.gid);
  } catch {
    try {
      nodeFs.fchownSync(fd, process.getuid(), owner.gid);
    } catch {
      // not permitted: the file keeps our owner and group
    }
  }
}

/** Makes the rename durable across a crash; not every platform can open a folder (Windows), so best effort. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = nodeFs.openSync(folder, 'r');
    nodeFs.fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) nodeFs.closeSync(fd);
  }
}
