/**
 * How the CLI decodes a file: UTF-8, checked. A file that is not valid UTF-8 is read with U+FFFD in
 * place of the bad bytes (so it can still be checked) but is never rewritten: writing the decoded
 * text back would replace every undecodable byte (all accents of a Windows-1252 file), far from any
 * fix. A NUL byte means the file is not text: it is reported and not read further.
 */

/** Where a problem byte is: 0-based line, UTF-16 column in the decoded line (as diagnostics count), 1-based byte in the line. */
export interface BytePosition {
  readonly offset: number;
  readonly line: number;
  readonly character: number;
  readonly byteInLine: number;
}

export interface EncodingIssue {
  readonly code: 'file/not-utf8' | 'file/nul' | 'file/lone-cr' | 'file/utf16';
  readonly at: BytePosition;
  readonly message: string;
}

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
  const character = Buffer.from(bytes.subarray(lineStart, offset)).toString('utf8').length;
  return { offset, line, character, byteInLine: offset - lineStart + 1 };
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * UTF-16 with a byte-order mark: what Windows PowerShell 5.1's `>` / `Out-File` and Notepad's "Unicode"
 * write. Every other character is a NUL byte, so it used to be called "not a text file". VS Code reads
 * it by its BOM; so does the CLI (read.ts), and says so.
 */
export function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The issue of a UTF-16 file (read.ts decodes it): checked, never rewritten (the fix would be written back as UTF-8 or not at all). */
export function utf16Issue(encoding: 'utf-16le' | 'utf-16be', text: string): EncodingIssue {
  const endian = encoding === 'utf-16le' ? 'little-endian' : 'big-endian';
  const nul = text.indexOf('\0');
  const damaged = text.includes('\uFFFD') || nul >= 0 ? ' Some of it could not be decoded (U+FFFD or NUL in the text).' : '';
  return {
    code: 'file/utf16',
    at: { offset: 0, line: 0, character: 0, byteInLine: 1 },
    message: `encoded as UTF-16 (${endian}, with a byte-order mark), as Windows PowerShell and Notepad's "Unicode" save files: checked as decoded, but --fix never rewrites this file, and code hosts may not render it. Re-save it as UTF-8.${damaged}`,
  };
}

/** NUL first (not text at all), else invalid UTF-8, else a line break that is a lone CR, else nothing. UTF-16 is found before this (utf16Of). */
export function encodingIssue(bytes: Uint8Array): EncodingIssue | undefined {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const at = positionOf(bytes, nul);
    return { code: 'file/nul', at, message: `contains NUL at line ${at.line + 1} (byte ${at.byteInLine} of the line): not a text file, or text damaged by a tool; not checked and never fixed. Remove the NUL bytes.` };
  }
  const { first, count } = invalidUtf8Offsets(bytes);
  if (count === 0) return loneCr(bytes);
  const at = positionOf(bytes, first[0]);
  const lone = first.every((o) => bytes[o] >= 0x80 && (o + 1 >= bytes.length || (bytes[o + 1] & 0xc0) !== 0x80));
  const guess = lone ? ' It looks like Windows-1252 or Latin-1: re-save it as UTF-8.' : '';
  const many = count > 1 ? ` (${count} invalid sequences in the file)` : '';
  return {
    code: 'file/not-utf8',
    at,
    message: `not valid UTF-8: byte ${hex(bytes[first[0]])} at line ${at.line + 1}, byte ${at.byteInLine} of the line${many}. Checked with those bytes read as U+FFFD; --fix never rewrites this file (it would replace them).${guess}`,
  };
}

/**
 * A CR not followed by LF: Markdown (and VS Code) read it as a line break. The file is read with such
 * CRs as LF (read.ts), so the checks see the lines a person sees; but a fix written back would turn
 * them into LF, so the file is reported and never rewritten.
 */
function loneCr(bytes: Uint8Array): EncodingIssue | undefined {
  let count = 0;
  let first = -1;
  for (let i = bytes.indexOf(0x0d); i !== -1; i = bytes.indexOf(0x0d, i + 1)) {
    if (bytes[i + 1] === 0x0a) continue;
    count++;
    if (first < 0) first = i;
  }
  if (count === 0) return undefined;
  const at = positionOf(bytes, first);
  return {
    code: 'file/lone-cr',
    at,
    message: `a line break that is a lone CR (classic Mac line ending, or a CR inside a line) at line ${at.line + 1}${count > 1 ? ` (${count} in the file)` : ''}: checked with it read as a line break, as Markdown reads it, but --fix never rewrites this file (it would change its line endings). Re-save it with LF or CRLF line endings.`,
  };
}
