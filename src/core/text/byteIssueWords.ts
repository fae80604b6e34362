import { hexByte, type ByteIssue } from './byteChecks';

/**
 * The words for a byte problem (byteChecks.ts), one text for both hosts so the CLI's `file/not-utf8`
 * and the editor's read alike: only what "never rewrites" it and how to re-save it differ (the CLI
 * names `--fix`, the editor its quick fixes and VS Code's encoding commands).
 */
export interface ByteIssueWords {
  /** What never rewrites such a file: "--fix never rewrites this file". */
  readonly never: string;
  /** How to re-save a Windows-1252 file as UTF-8: "re-save it as UTF-8". */
  readonly resaveUtf8: string;
  /**
   * What a write does to lone CRs, when it keeps them: the CLI writes a fixed file's line breaks
   * back as they were (core/text/encodeAsRead.ts); the editor cannot (VS Code keeps one line-ending
   * sequence per document), so it says `never`.
   */
  readonly keepsLoneCr?: string;
}

export const CLI_BYTE_WORDS: ByteIssueWords = { never: '--fix never rewrites this file', resaveUtf8: 're-save it as UTF-8', keepsLoneCr: '--fix writes its line breaks back as they are' };

export function byteIssueMessage(issue: ByteIssue, words: ByteIssueWords): string {
  const { at } = issue;
  switch (issue.code) {
    case 'file/nul':
      return `contains NUL at line ${at.line + 1} (byte ${at.byteInLine} of the line): not a text file, or text damaged by a tool; not checked and never fixed. Remove the NUL bytes.`;
    case 'file/not-utf8': {
      const guess = issue.singleByte ? ` It looks like Windows-1252 or Latin-1: ${words.resaveUtf8}.` : '';
      return `${byteIssueFact(issue)} Checked with those bytes read as U+FFFD; ${words.never} (it would replace them).${guess}`;
    }
    case 'file/lone-cr': {
      // Read with such CRs as LF, so the checks see the lines a person sees. The CLI's writer puts
      // them back; the editor would turn them into LF or CRLF on save, so it never writes the file.
      const consequence = words.keepsLoneCr ? `; ${words.keepsLoneCr}` : `, but ${words.never} (it would change its line endings)`;
      return `a line break that is a lone CR (classic Mac line ending, or a CR inside a line) at line ${at.line + 1}${issue.count > 1 ? ` (${issue.count} in the file)` : ''}: checked with it read as a line break, as Markdown reads it${consequence}. Re-save it with LF or CRLF line endings.`;
    }
  }
}

/**
 * What is wrong with the bytes, without what the checks do about it ("not valid UTF-8: byte 0xE9 at
 * line 3, byte 4 of the line."): for messages that say another consequence (convert refuses).
 */
export function byteIssueFact(issue: ByteIssue): string {
  const { at } = issue;
  switch (issue.code) {
    case 'file/nul':
      return `contains NUL at line ${at.line + 1} (byte ${at.byteInLine} of the line).`;
    case 'file/not-utf8': {
      const many = issue.count > 1 ? ` (${issue.count} invalid sequences in the file)` : '';
      return `not valid UTF-8: byte ${hexByte(issue.byte)} at line ${at.line + 1}, byte ${at.byteInLine} of the line${many}.`;
    }
    case 'file/lone-cr':
      return `a line break that is a lone CR at line ${at.line + 1}${issue.count > 1 ? ` (${issue.count} in the file)` : ''}.`;
  }
}
