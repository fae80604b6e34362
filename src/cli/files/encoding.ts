/**
 * How the CLI decodes a file: UTF-8, checked. A file that is not valid UTF-8 is read with U+FFFD in
 * place of the bad bytes (so it can still be checked) but is never rewritten: writing the decoded
 * text back would replace every undecodable byte (all accents of a Windows-1252 file), far from any
 * fix. A NUL byte means the file is not text: it is reported and not read further. The byte checks
 * are the core's (src/core/text/byteChecks.ts, shared with the editor's write guard); this module
 * words them for the terminal.
 */
import { byteIssue, hexByte } from '../../core/text/byteChecks';
import type { BytePosition } from '../../core/text/byteChecks';

export { invalidUtf8Offsets, positionOf, utf16Of, type BytePosition } from '../../core/text/byteChecks';

export interface EncodingIssue {
  readonly code: 'file/not-utf8' | 'file/nul' | 'file/lone-cr' | 'file/utf16';
  readonly at: BytePosition;
  readonly message: string;
  /** What is wrong, without what the checks do about it ("not valid UTF-8: byte 0xE9 at line 3, …."): for messages that say another consequence (convert). */
  readonly fact?: string;
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
  const issue = byteIssue(bytes);
  if (!issue) return undefined;
  const { at } = issue;
  switch (issue.code) {
    case 'file/nul':
      return { code: issue.code, at, message: `contains NUL at line ${at.line + 1} (byte ${at.byteInLine} of the line): not a text file, or text damaged by a tool; not checked and never fixed. Remove the NUL bytes.` };
    case 'file/not-utf8': {
      const guess = issue.singleByte ? ' It looks like Windows-1252 or Latin-1: re-save it as UTF-8.' : '';
      const many = issue.count > 1 ? ` (${issue.count} invalid sequences in the file)` : '';
      const fact = `not valid UTF-8: byte ${hexByte(issue.byte)} at line ${at.line + 1}, byte ${at.byteInLine} of the line${many}.`;
      return { code: issue.code, at, fact, message: `${fact} Checked with those bytes read as U+FFFD; --fix never rewrites this file (it would replace them).${guess}` };
    }
    case 'file/lone-cr':
      // Read with such CRs as LF (read.ts), so the checks see the lines a person sees; a fix written
      // back would turn them into LF, so the file is reported and never rewritten.
      return {
        code: issue.code,
        at,
        message: `a line break that is a lone CR (classic Mac line ending, or a CR inside a line) at line ${at.line + 1}${issue.count > 1 ? ` (${issue.count} in the file)` : ''}: checked with it read as a line break, as Markdown reads it, but --fix never rewrites this file (it would change its line endings). Re-save it with LF or CRLF line endings.`,
      };
  }
}
