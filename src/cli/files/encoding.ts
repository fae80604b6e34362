/**
 * How the CLI decodes a file: UTF-8, checked. A file that is not valid UTF-8 is read with U+FFFD in
 * place of the bad bytes (so it can still be checked) but is never rewritten: writing the decoded
 * text back would replace every undecodable byte (all accents of a Windows-1252 file), far from any
 * fix. A NUL byte means the file is not text: it is reported and not read further. The byte checks
 * and their words are the core's (src/core/text/byteChecks.ts, byteIssueWords.ts), shared with the
 * editor's diagnostic and write guard; this module names `--fix` in them.
 */
import { byteIssue } from '../../core/text/byteChecks';
import { byteIssueFact, byteIssueMessage, CLI_BYTE_WORDS } from '../../core/text/byteIssueWords';
import type { BytePosition } from '../../core/text/byteChecks';

export { invalidUtf8Offsets, positionOf, utf16Of, type BytePosition } from '../../core/text/byteChecks';

export interface EncodingIssue {
  readonly code: 'file/not-utf8' | 'file/nul' | 'file/lone-cr' | 'file/utf16';
  readonly at: BytePosition;
  readonly message: string;
  /** What is wrong, without what the checks do about it (byteIssueFact): for messages that say another consequence (convert). */
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
  return issue ? { code: issue.code, at: issue.at, message: byteIssueMessage(issue, CLI_BYTE_WORDS), fact: byteIssueFact(issue) } : undefined;
}
