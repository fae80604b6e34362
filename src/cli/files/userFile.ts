import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/**
 * The one way the CLI reads a file a user named or a folder holds (post-mortems, `--config` and rc
 * files, `import-timeline --input`, `fta`, templates, evidence): a FIFO, a device or `/dev/zero`
 * named as a file would block the read forever or never end ("internal error: RangeError: Invalid
 * string length" after reading 512 MB). The file is opened without blocking (O_NONBLOCK: a FIFO
 * opens at once instead of waiting for a writer; it changes nothing for a regular file), checked on
 * the open descriptor (no swap between a check and the read) to be a regular file of at most
 * `maxBytes`, then read to its end but never past `maxBytes`.
 */

export const MB = 1024 * 1024;

export type UserFileRead =
  | { readonly ok: true; readonly bytes: Buffer; readonly stat: Stats }
  | {
    readonly ok: false;
    /** `not-regular`: a folder, pipe or device; `too-large`: over maxBytes; `io`: the system refused (its code, e.g. ENOENT). */
    readonly kind: 'not-regular' | 'too-large' | 'io';
    /** "not a regular file (a pipe or device?)", "larger than 10 MB (12.5 MB)", "ENOENT". */
    readonly reason: string;
    readonly code?: string;
  };

/** O_NONBLOCK where the platform has it (not on Windows, where FIFOs are not files anyway). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export function readUserFile(path: string, maxBytes: number): UserFileRead {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, kind: code === 'EISDIR' ? 'not-regular' : 'io', reason: describeIoError(e), ...(code ? { code } : {}) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, kind: 'not-regular', reason: stat.isDirectory() ? 'is a folder' : 'not a regular file (a pipe or device?)' };
    if (stat.size > maxBytes) return { ok: false, kind: 'too-large', reason: tooLarge(stat.size, maxBytes) };
    // Read to the end, as far as maxBytes + 1: a file that grew since fstat is still bounded.
    // Sized to the file (one byte more shows growth), at least 1 KB for files whose size says nothing
    // (/proc): a fixed 64 KB per file made reading 2,000 post-mortems of ~6 KB allocate 128 MB.
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(stat.size + 1, 1024)));
    let length = 0;
    let chunk = buffer;
    for (;;) {
      if (length === chunk.length) {
        if (chunk.length > maxBytes) break;
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, chunk.length * 2));
        chunk.copy(bigger, 0, 0, length);
        chunk = bigger;
      }
      const n = readSync(fd, chunk, length, chunk.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return { ok: false, kind: 'too-large', reason: tooLarge(length, maxBytes, true) };
    return { ok: true, bytes: chunk.subarray(0, length), stat };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, kind: 'io', reason: describeIoError(e), ...(code ? { code } : {}) };
  } finally {
    closeSync(fd);
  }
}

/**
 * The first `count` bytes of a regular file (fewer when it is shorter), opened as readUserFile
 * opens one; undefined for a folder, pipe or device, or when the system refuses. What a file is by
 * its bytes (core/evidence/fileSignature.ts) needs only its head, not a 256 MB log.
 */
export function readUserFileHead(path: string, count: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const buffer = Buffer.alloc(count);
    let length = 0;
    while (length < count) {
      const n = readSync(fd, buffer, length, count - length, null);
      if (n === 0) break;
      length += n;
    }
    return buffer.subarray(0, length);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function tooLarge(size: number, maxBytes: number, grew = false): string {
  const limit = maxBytes >= MB ? `${maxBytes / MB} MB` : `${maxBytes / 1024} KB`;
  return grew ? `larger than ${limit} (it grew while being read)` : `larger than ${limit} (${(size / MB).toFixed(1)} MB)`;
}

/** A refused read as an exception, for callers that report read errors in one place (`message` is the reason, `code` the system's when there is one). */
export class UserFileError extends Error {
  constructor(readonly path: string, readonly refusal: Extract<UserFileRead, { ok: false }>) {
    super(refusal.reason);
    this.name = 'UserFileError';
  }

  get code(): string | undefined {
    return this.refusal.code;
  }
}

/** A file that may be missing (an rc file looked for in each folder): undefined when it is not there, else its text or a UserFileError. */
export function readOptionalUserText(path: string, maxBytes: number): string | undefined {
  const read = readUserFile(path, maxBytes);
  if (read.ok) return read.bytes.toString('utf8');
  if (read.code === 'ENOENT' || read.code === 'ENOTDIR') return undefined;
  throw new UserFileError(path, read);
}

/** The limits: a post-mortem (and `fta`'s input) 10 MB (read.ts), these for the others. */
export const MAX_CONFIG_BYTES = 1 * MB;
/** One export file (a CSV, a Slack day, an Alertmanager JSON): as much as `git log` may print (64 MB). */
export const MAX_EXPORT_BYTES = 64 * MB;
/** One evidence file (a screenshot, a log excerpt); over 5 MB already warns to use Git LFS. */
export const MAX_EVIDENCE_BYTES = 256 * MB;

/** An I/O error in plain words ("no such file"), not an errno ("ENOENT"). */
export function describeIoError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder';
    default: return err.message ?? String(e);
  }
}
