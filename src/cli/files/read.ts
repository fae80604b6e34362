import { closeSync, lstatSync, openSync, readlinkSync, readSync } from 'node:fs';
import { decodeMarkdown, linesAsMarkdownReadsThem } from '../../core/text/decodeMarkdown';
import type { ReadForm } from '../../core/text/encodeAsRead';
import { encodingIssueOf, utf16Issue, type EncodingIssue } from './encoding';
import { snapshotOf, type FileSnapshot } from './safeWrite';
import { describeIoError, readUserFile } from './userFile';

export { describeIoError };

/** Larger files are skipped: a post-mortem is a few hundred KB at most; 10 MB is a log pasted by mistake. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type ReadResult =
  | {
    readonly kind: 'text';
    /** UTF-8 or UTF-16 decoded (core/text/decodeMarkdown.ts); a BOM stays in the text, so writing it back keeps it. */
    readonly text: string;
    /** What was read, for the safe writer's "changed since read" check. */
    readonly snapshot: FileSnapshot;
    /** The bytes read, when asked for (`keepBytes`): a caller that decodes them otherwise (convert) never reads the file again. */
    readonly bytes?: Uint8Array;
    /** Not valid UTF-8 (text has U+FFFD, never written back), UTF-16 (decoded), NUL bytes (not text: not checked) or lone CRs (read as LF). */
    readonly encoding?: EncodingIssue;
    /** How the bytes were read, for a write of the edited text in the same encoding, BOM and line breaks (core/text/encodeAsRead.ts); absent for NUL bytes. */
    readonly form?: ReadForm;
  }
  | {
    readonly kind: 'skip';
    readonly reason: string;
    /** The first bytes (UTF-8), enough for the front matter: whether the skipped file is a post-mortem. */
    readonly head?: string;
  }
  | { readonly kind: 'error'; readonly message: string };

/** Reads a Markdown file as UTF-8 or UTF-16, checking the encoding (see encoding.ts); with `keepBytes`, the result holds the bytes it decoded. */
export function readMarkdownFile(path: string, options: { readonly keepBytes?: boolean } = {}): ReadResult {
  try {
    // A FIFO or device named *.md would block the read forever or never end: the guarded reader refuses it.
    const read = readUserFile(path, MAX_FILE_BYTES);
    if (!read.ok) {
      if (read.kind === 'not-regular') return { kind: 'error', message: read.reason };
      if (read.kind === 'too-large') return { kind: 'skip', reason: read.reason, head: headOf(path) };
      const e = Object.assign(new Error(read.reason), read.code ? { code: read.code } : {});
      return { kind: 'error', message: brokenLink(path, e) ?? describeIoError(e) };
    }
    const bytes = read.bytes;
    // The stat the guarded reader took of the open file, before reading it: a later change shows as a new mtime.
    const snapshot = snapshotOf(bytes, read.stat);
    const kept = options.keepBytes ? { bytes } : {};
    // The one reading of a post-mortem's bytes (core): UTF-8, or UTF-16 by its BOM or its NUL bytes; lone CRs as LF.
    const decoding = decodeMarkdown(bytes);
    if (decoding.kind === 'nul') return { kind: 'text', text: linesAsMarkdownReadsThem(bytes.toString('utf8')), snapshot, encoding: encodingIssueOf(decoding.issue), ...kept };
    const { text, encoding, issue } = decoding;
    const form: ReadForm = { encoding, bom: decoding.bom, bytes, text, withLineBreaks: decoding.withLineBreaks };
    if (encoding !== 'UTF-8') return { kind: 'text', text, snapshot, encoding: utf16Issue({ ...decoding, encoding }), form, ...kept };
    return { kind: 'text', text, snapshot, ...(issue ? { encoding: encodingIssueOf(issue) } : {}), form, ...kept };
  } catch (e) {
    return { kind: 'error', message: brokenLink(path, e) ?? describeIoError(e) };
  }
}

/** "broken symlink (to notes/gone.md, which does not exist)" for a link whose target is missing. */
function brokenLink(path: string, e: unknown): string | undefined {
  if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
  try {
    if (!lstatSync(path).isSymbolicLink()) return undefined;
    return `broken symlink (to ${readlinkSync(path)}, which does not exist)`;
  } catch {
    return undefined;
  }
}

const HEAD_BYTES = 64 * 1024;

/** The first 64 KB of a file as text ('' when it cannot be read): a front matter fits in it. */
function headOf(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

