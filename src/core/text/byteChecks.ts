/**
 * The bytes of a file that would not survive being decoded as UTF-8 text and written back by an
 * editor: NUL (not text), invalid UTF-8 (decoded as U+FFFD, so a rewrite replaces every accent of a
 * Windows-1252 file), a lone CR (a line break to Markdown and editors, which VS Code rewrites as LF
 * or CRLF) and UTF-16 (a byte-order mark). Shared by both hosts: the editor refuses to write such a
 * file (src/vscode/editing/writeGuard.ts); the CLI reports them (src/cli/files/encoding.ts words them
 * for the terminal) and its writer puts lone CRs and UTF-16 back as they were (encodeAsRead.ts), so
 * only NUL and invalid UTF-8 stop its `--fix`. Pure: bytes in, facts out; each host writes its own message.
 */

/** Where a problem byte is: 0-based line, UTF-16 column in the decoded line (as diagnostics count), 1-based byte in the line. */
export interface BytePosition {
  readonly offset: number;
  readonly line: number;
  readonly character: number;
  readonly byteInLine: number;
}

export type ByteIssue =
  | { readonly code: 'file/nul'; readonly at: BytePosition }
  | {
    readonly code: 'file/not-utf8';
    readonly at: BytePosition;
    /** The first invalid byte. */
    readonly byte: number;
    /** How many invalid sequences the file holds. */
    readonly count: number;
    /** Every invalid byte stands alone (no cut-short multi-byte sequence): a single-byte encoding such as Windows-1252. */
    readonly singleByte: boolean;
  }
  | { readonly code: 'file/lone-cr'; readonly at: BytePosition; readonly count: number };

/** The position of the first byte of each invalid UTF-8 sequence, counting at most `limit` of them. */
export function invalidUtf8Offsets(bytes: Uint8Array, limit = 1000): { first: number[]; count: number } {
  const first: number[] = [];
  let count = 0;
  let i = 0;
  const n = bytes.length;
  const bad = (at: number) => {
    count++;
    if (first.length < limit) first.push(at);
  };
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else {
      bad(i);
      i++;
      continue;
    }
    let j = 1;
    for (; j <= need && i + j < n && (bytes[i + j] & 0xc0) === 0x80; j++) cp = (cp << 6) | (bytes[i + j] & 0x3f);
    if (j <= need || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      bad(i);
      // A cut-short sequence is one error (its lead and continuation bytes); an overlong one, byte by byte.
      i += j <= need ? j : 1;
      continue;
    }
    i += need + 1;
  }
  return { first, count };
}

const utf8 = new TextDecoder('utf-8');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Line and column of a byte offset (one pass up to the offset). */
export function positionOf(bytes: Uint8Array, offset: number): BytePosition {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    // Lines end at LF, as the core's LineIndex counts them (so positions match the other diagnostics).
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const character = utf8.decode(bytes.subarray(lineStart, offset)).length;
  return { offset, line, character, byteInLine: offset - lineStart + 1 };
}

/**
 * UTF-16 with a byte-order mark: what Windows PowerShell 5.1's `>` / `Out-File` and Notepad's "Unicode"
 * write. Every other character is a NUL byte, so it used to be called "not a text file". Editors read
 * it by its BOM; so does the CLI.
 */
export function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** NUL first (not text at all), else invalid UTF-8, else a line break that is a lone CR, else nothing. UTF-16 is found before this (utf16Of). */
export function byteIssue(bytes: Uint8Array): ByteIssue | undefined {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { code: 'file/nul', at: positionOf(bytes, nul) };
  // Nearly every file is valid UTF-8: the platform's strict decoder says so natively (the same
  // rules as invalidUtf8Offsets: no overlongs, surrogates or code points past U+10FFFF), and only
  // a file it rejects is walked byte by byte to say where and how.
  if (isValidUtf8(bytes)) return loneCr(bytes);
  const { first, count } = invalidUtf8Offsets(bytes);
  if (count === 0) return loneCr(bytes);
  const singleByte = first.every((o) => bytes[o] >= 0x80 && (o + 1 >= bytes.length || (bytes[o + 1] & 0xc0) !== 0x80));
  return { code: 'file/not-utf8', at: positionOf(bytes, first[0]), byte: bytes[first[0]], count, singleByte };
}

/** A CR not followed by LF: Markdown (and editors) read it as a line break; a rewrite turns it into LF or CRLF. */
function loneCr(bytes: Uint8Array): ByteIssue | undefined {
  let count = 0;
  let first = -1;
  for (let i = bytes.indexOf(0x0d); i !== -1; i = bytes.indexOf(0x0d, i + 1)) {
    if (bytes[i + 1] === 0x0a) continue;
    count++;
    if (first < 0) first = i;
  }
  return count === 0 ? undefined : { code: 'file/lone-cr', at: positionOf(bytes, first), count };
}

/**
 * Line endings of both kinds, CRLF and LF alone: an editor keeps one line-ending sequence per
 * document (VS Code takes the more common one when it opens the file), so saving rewrites the
 * others. The first line whose ending is the less common kind, 0-based. Lone CRs are byteIssue's.
 */
export function mixedLineEndings(bytes: Uint8Array): { readonly crlf: number; readonly lf: number; readonly firstOddLine: number } | undefined {
  let crlf = 0;
  let lf = 0;
  let firstCrlf = -1;
  let firstLf = -1;
  let line = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1), line++) {
    if (i > 0 && bytes[i - 1] === 0x0d) {
      crlf++;
      if (firstCrlf < 0) firstCrlf = line;
    } else {
      lf++;
      if (firstLf < 0) firstLf = line;
    }
  }
  if (crlf === 0 || lf === 0) return undefined;
  return { crlf, lf, firstOddLine: crlf > lf ? firstLf : firstCrlf };
}

export const hexByte = (b: number): string => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * The line breaks of a decoded text that a save in one line-ending sequence would rewrite: lone CRs
 * first, else CRLF beside LF. For a file in UTF-16, whose bytes the checks above cannot read (every
 * other byte NUL): the editor's write guard asks it of the decoded text. Lines counted as the core
 * counts them (at LF, a lone CR as a line break too).
 */
export function lineBreakIssueOfText(text: string):
  | { readonly code: 'file/lone-cr'; readonly line: number; readonly count: number }
  | { readonly code: 'file/mixed-eol'; readonly crlf: number; readonly lf: number; readonly firstOddLine: number }
  | undefined {
  let line = 0;
  let loneCr = 0;
  let firstLoneCr = -1;
  let crlf = 0;
  let lf = 0;
  let firstCrlf = -1;
  let firstLf = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        if (firstCrlf < 0) firstCrlf = line;
        i++;
      } else {
        loneCr++;
        if (firstLoneCr < 0) firstLoneCr = line;
      }
      line++;
    } else if (c === 10) {
      lf++;
      if (firstLf < 0) firstLf = line;
      line++;
    }
  }
  if (loneCr > 0) return { code: 'file/lone-cr', line: firstLoneCr, count: loneCr };
  if (crlf === 0 || lf === 0) return undefined;
  return { code: 'file/mixed-eol', crlf, lf, firstOddLine: crlf > lf ? firstLf : firstCrlf };
}
