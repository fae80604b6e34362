import { byteIssue, lineBreakIssueOfText, mixedLineEndings } from '../../core/text/byteChecks';
import { byteIssueMessage, type ByteIssueWords } from '../../core/text/byteIssueWords';
import { isUtf8 } from './refusalReason';
import { utf16Reading } from './utf16Reading';

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
  const utf16 = utf16Reading(bytes);
  if (utf16) {
    if (!encoding.startsWith('utf16')) {
      return { code: 'file/utf16', message: `encoded as ${utf16.name} but VS Code read it as ${encoding}: ${NEVER}. Reopen it as UTF-16 (Reopen with Encoding) or re-save it as UTF-8.` };
    }
    if (utf16.damaged) return { code: 'file/utf16', message: `encoded as ${utf16.name}, but some of it does not decode (a lone surrogate, shown as U+FFFD, or a NUL): a save would replace it; ${NEVER}.` };
    // Its line breaks, from the decoded text: the byte checks below cannot see them in UTF-16.
    const breaks = lineBreakIssueOfText(utf16.text);
    if (breaks?.code === 'file/lone-cr') return { code: breaks.code, message: byteIssueMessage({ code: breaks.code, at: { offset: 0, line: breaks.line, character: 0, byteInLine: 1 }, count: breaks.count }, EDITOR_BYTE_WORDS) };
    return breaks ? mixedProblem(breaks) : undefined;
  }
  const issue = byteIssue(bytes);
  // Read in a single-byte encoding the user chose (Reopen with Encoding), invalid UTF-8 round-trips.
  if (issue?.code === 'file/nul' && isUtf8(encoding)) {
    return { code: issue.code, message: `contains NUL at line ${issue.at.line + 1} (byte ${issue.at.byteInLine} of the line): not a text file, or text damaged by a tool; ${NEVER}. Remove the NUL bytes.` };
  }
  if (issue && (issue.code === 'file/lone-cr' || isUtf8(encoding))) return { code: issue.code, message: byteIssueMessage(issue, EDITOR_BYTE_WORDS) };
  const mixed = mixedLineEndings(bytes);
  return mixed ? mixedProblem(mixed) : undefined;
}

function mixedProblem(mixed: { readonly crlf: number; readonly lf: number; readonly firstOddLine: number }): ByteProblem {
  return {
    code: 'file/mixed-eol',
    message: `mixes CRLF and LF line endings (${mixed.crlf} CRLF, ${mixed.lf} LF; line ${mixed.firstOddLine + 1} differs): VS Code keeps one kind per document, so saving rewrites the others; ${NEVER}. Pick one with "Change End of Line Sequence" and save.`,
  };
}
