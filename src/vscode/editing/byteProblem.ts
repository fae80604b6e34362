import { byteIssue, mixedLineEndings, utf16Of } from '../../core/text/byteChecks';
import { byteIssueMessage, type ByteIssueWords } from '../../core/text/byteIssueWords';
import { isUtf8 } from './refusalReason';

/**
 * The editor's words for a file whose bytes a save would rewrite (the diagnostic on line 1 of such
 * a post-mortem): the CLI's `file/not-utf8` / `file/lone-cr` text, naming what the editor withholds
 * instead of `--fix`, and `file/mixed-eol`, which only the editor has (the CLI writes each line's
 * ending back as it was; VS Code keeps one kind per document). No `vscode` here: unit-tested.
 */

const NEVER = 'quick fixes, Fix All and fix-on-save never rewrite this file here';
export const EDITOR_BYTE_WORDS: ByteIssueWords = {
  never: NEVER,
  resaveUtf8: 're-save it as UTF-8 (Reopen with Encoding: Western (Windows 1252), then Save with Encoding: UTF-8)',
};

export interface ByteProblem {
  readonly code: 'file/not-utf8' | 'file/lone-cr' | 'file/mixed-eol' | 'file/utf16' | 'file/nul';
  readonly message: string;
}

/** What is wrong with the bytes of a file VS Code read in `encoding`, as far as a save is concerned; undefined when a save keeps them. */
export function byteProblem(bytes: Uint8Array, encoding: string): ByteProblem | undefined {
  const utf16 = utf16Of(bytes);
  if (utf16) {
    return encoding.startsWith('utf16') ? undefined : {
      code: 'file/utf16',
      message: `encoded as UTF-16 but VS Code read it as ${encoding}: ${NEVER}. Reopen it as UTF-16 (Reopen with Encoding) or re-save it as UTF-8.`,
    };
  }
  const issue = byteIssue(bytes);
  // Read in a single-byte encoding the user chose (Reopen with Encoding), invalid UTF-8 round-trips.
  if (issue?.code === 'file/nul' && isUtf8(encoding)) {
    return { code: issue.code, message: `contains NUL at line ${issue.at.line + 1} (byte ${issue.at.byteInLine} of the line): not a text file, or text damaged by a tool; ${NEVER}. Remove the NUL bytes.` };
  }
  if (issue && (issue.code === 'file/lone-cr' || isUtf8(encoding))) return { code: issue.code, message: byteIssueMessage(issue, EDITOR_BYTE_WORDS) };
  const mixed = mixedLineEndings(bytes);
  if (!mixed) return undefined;
  return {
    code: 'file/mixed-eol',
    message: `mixes CRLF and LF line endings (${mixed.crlf} CRLF, ${mixed.lf} LF; line ${mixed.firstOddLine + 1} differs): VS Code keeps one kind per document, so saving rewrites the others; ${NEVER}. Pick one with "Change End of Line Sequence" and save.`,
  };
}
