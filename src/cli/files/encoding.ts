/**
 * How the CLI decodes a file: UTF-8, checked. A file that is not valid UTF-8 is read with U+FFFD in
 * place of the bad bytes (so it can still be checked) but is never rewritten: writing the decoded
 * text back would replace every undecodable byte (all accents of a Windows-1252 file), far from any
 * fix. A NUL byte means the file is not text: it is reported and not read further. The byte checks
 * and their words are the core's (src/core/text/byteChecks.ts, byteIssueWords.ts), shared with the
 * editor's diagnostic and write guard; this module names `--fix` in them.
 */
import { byteIssue, type ByteIssue } from '../../core/text/byteChecks';
import { byteIssueFact, byteIssueMessage, CLI_BYTE_WORDS } from '../../core/text/byteIssueWords';
import type { BytePosition } from '../../core/text/byteChecks';
import { readingLoss, type ReadForm } from '../../core/text/encodeAsRead';

export { invalidUtf8Offsets, positionOf, type BytePosition } from '../../core/text/byteChecks';

export interface EncodingIssue {
  readonly code: 'file/not-utf8' | 'file/nul' | 'file/lone-cr' | 'file/utf16';
  readonly at: BytePosition;
  readonly message: string;
  /** What is wrong, without what the checks do about it (byteIssueFact): for messages that say another consequence (convert). */
  readonly fact?: string;
}

/**
 * The issue of a UTF-16 file (read.ts decodes it, with or without a byte-order mark): checked, and
 * written back in the same UTF-16 (core/text/encodeAsRead.ts) unless some of it did not decode; the
 * message says which UTF-16 and, without a BOM, from what it was inferred, since that is a reading
 * the tool chose.
 */
export function utf16Issue(decoded: { readonly encoding: 'UTF-16LE' | 'UTF-16BE'; readonly bom: boolean; readonly inferred?: string; readonly damaged: boolean }): EncodingIssue {
  const endian = decoded.encoding === 'UTF-16LE' ? 'little-endian' : 'big-endian';
  const how = decoded.bom ? 'with a byte-order mark' : `inferred: ${decoded.inferred ?? 'no byte-order mark; NUL bytes'}`;
  const kept = decoded.bom ? 'and its byte-order mark' : 'without a byte-order mark';
  const writes = decoded.damaged
    ? 'but some of it could not be decoded (U+FFFD or NUL in the text), so --fix never rewrites this file'
    : `--fix writes it back in the same encoding, ${kept}`;
  return {
    code: 'file/utf16',
    at: { offset: 0, line: 0, character: 0, byteInLine: 1 },
    message: `encoded as UTF-16 (${endian}, ${how}), as Windows PowerShell and Notepad's "Unicode" save files: checked as decoded; ${writes}. Code hosts may not render UTF-16: re-save it as UTF-8 if yours does not.`,
  };
}

/** NUL first (not text at all), else invalid UTF-8, else a line break that is a lone CR, else nothing, in the CLI's words. */
export function encodingIssue(bytes: Uint8Array): EncodingIssue | undefined {
  const issue = byteIssue(bytes);
  return issue ? encodingIssueOf(issue) : undefined;
}

/** A byte problem (NUL, invalid UTF-8, a lone CR) in the CLI's words. UTF-16 is decoded before this (core/text/decodeMarkdown.ts). */
export function encodingIssueOf(issue: ByteIssue): EncodingIssue {
  return { code: issue.code, at: issue.at, message: byteIssueMessage(issue, CLI_BYTE_WORDS), fact: byteIssueFact(issue) };
}

/**
 * Why an edit of a file read so would not be written back (undefined when it would: safeWrite then
 * writes it in its own encoding, BOM and line breaks). Asked before a command does what it cannot
 * undo (tickets created, copies made); safeWrite checks again when it writes.
 */
export function rewriteRefusal(file: { readonly encoding?: EncodingIssue; readonly form: ReadForm }): string | undefined {
  const issue = file.encoding;
  if (issue?.code === 'file/not-utf8') return `not valid UTF-8 (line ${issue.at.line + 1}): writing it would replace its undecodable bytes, read as U+FFFD; re-save it as UTF-8 first`;
  return readingLoss(file.form);
}
