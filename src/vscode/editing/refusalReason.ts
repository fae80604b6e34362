import { byteIssue, hexByte, lineBreakIssueOfText, mixedLineEndings, utf16Of } from '../../core/text/byteChecks';
import { utf16Reading } from './utf16Reading';

/**
 * The write guard's words (writeGuard.ts): why saving a document would change bytes of its file
 * beyond an edit, from the file's bytes (the core's byte checks, the same the CLI's `--fix` refuses
 * on) and the encoding VS Code read it with. No `vscode` here, so it is unit-tested.
 */

const UTF8_ENCODINGS = new Set(['utf8', 'utf8bom']);

/** What a save of the document would do to bytes VS Code read as U+FFFD; Convert says what its copy would hold. */
const SAVE_LOSS = 'saving would replace them';

/** VS Code read the file as UTF-8 (invalid bytes became U+FFFD). */
export function isUtf8(encoding: string): boolean {
  return UTF8_ENCODINGS.has(encoding);
}

/** UTF-8 or UTF-16: every character can be written back. */
export function isUnicode(encoding: string): boolean {
  return UTF8_ENCODINGS.has(encoding) || encoding.startsWith('utf16');
}

/**
 * A document with unsaved changes is refused only when VS Code read bytes into it that it cannot
 * write back: invalid UTF-8 read as UTF-8 (U+FFFD in the text where real characters are) or NUL.
 */
export function unsavedRefusal(bytes: Uint8Array, encoding: string, loss = SAVE_LOSS): string | undefined {
  if (!UTF8_ENCODINGS.has(encoding) || utf16Of(bytes)) return undefined;
  const issue = byteIssue(bytes);
  return issue?.code === 'file/not-utf8' || issue?.code === 'file/nul' ? refusalReason(bytes, encoding, loss) : undefined;
}

/**
 * Why a save of a document VS Code read from `bytes` in `encoding` would rewrite bytes of the file
 * that no edit touched, whatever its text (unsaved changes or not): UTF-16 read as something else,
 * NUL, invalid UTF-8 read as UTF-8 (U+FFFD), lone CRs or mixed line endings (VS Code keeps one
 * line-ending sequence per document). Undefined when the bytes themselves survive; a change on disk
 * since VS Code read the file is checkWrite's comparison.
 */
export function bytesRefusal(bytes: Uint8Array, encoding: string, loss = SAVE_LOSS): string | undefined {
  // UTF-16 (with a BOM, or without one by its NUL bytes): its line breaks from the decoded text, which the byte checks cannot read.
  const utf16 = utf16Reading(bytes);
  if (utf16) return encoding.startsWith('utf16') && !utf16.damaged && !lineBreakIssueOfText(utf16.text) ? undefined : refusalReason(bytes, encoding, loss);
  const issue = byteIssue(bytes);
  if (issue && (issue.code === 'file/lone-cr' || UTF8_ENCODINGS.has(encoding))) return refusalReason(bytes, encoding, loss);
  return mixedLineEndings(bytes) ? refusalReason(bytes, encoding, loss) : undefined;
}

/** Why the bytes on disk would not survive a save of the document, worst first, with what to do. */
export function refusalReason(bytes: Uint8Array, encoding: string, loss = SAVE_LOSS): string {
  const utf16 = utf16Reading(bytes);
  if (utf16) {
    if (!encoding.startsWith('utf16')) return `it is encoded as ${utf16.name} but VS Code read it as ${encoding}; reopen it as UTF-16 (Reopen with Encoding) or re-save it as UTF-8, then try again`;
    if (utf16.damaged) return `it is encoded as ${utf16.name} but some of it does not decode (a lone surrogate, shown as U+FFFD, or a NUL), and ${loss}. Remove those characters or re-save it as UTF-8 first, then try again`;
    const breaks = lineBreakIssueOfText(utf16.text);
    if (breaks?.code === 'file/lone-cr') return loneCrReason(breaks.line + 1, breaks.count);
    if (breaks) return mixedReason(breaks);
  }
  const issue = utf16 ? undefined : byteIssue(bytes);
  if (issue && (UTF8_ENCODINGS.has(encoding) || issue.code === 'file/lone-cr')) {
    const line = issue.at.line + 1;
    switch (issue.code) {
      case 'file/nul':
        return `it contains a NUL byte at line ${line}: not a text file, or text damaged by a tool; remove the NUL bytes first`;
      case 'file/not-utf8': {
        const guess = issue.singleByte ? ' It looks like Windows-1252 or Latin-1.' : '';
        const many = issue.count > 1 ? ` (${issue.count} invalid sequences in the file)` : '';
        return `it is not valid UTF-8 at line ${line} (byte ${hexByte(issue.byte)}${many}): VS Code shows those bytes as U+FFFD, and ${loss}.${guess} Re-save it as UTF-8 first (File > Save with Encoding), or reopen it with its encoding (Reopen with Encoding), then try again`;
      }
      case 'file/lone-cr':
        return loneCrReason(line, issue.count);
    }
  }
  const mixed = utf16 ? undefined : mixedLineEndings(bytes);
  if (mixed) return mixedReason(mixed);
  return `VS Code would save it differently (as ${encoding}) though its text is what VS Code read; re-save it as UTF-8 first, then try again`;
}

/**
 * Why a save would not give the bytes on disk back when the bytes themselves survive (bytesRefusal
 * found nothing): `changedOnDisk` when the file's text is no longer the document's (someone wrote it
 * since VS Code read it), else the encoding's. Trial13b F6: a file a teammate had just changed was
 * refused with "re-save it as UTF-8", sending the user to fix a file with nothing wrong with it.
 */
export function staleReason(bytes: Uint8Array, encoding: string, changedOnDisk: boolean): string {
  return changedOnDisk
    ? 'it changed on disk since VS Code read it (another program, a teammate\'s change or a git pull wrote it); VS Code reloads it and the views refresh: try again then'
    : refusalReason(bytes, encoding);
}

function loneCrReason(line: number, count: number): string {
  return `it has a line break that is a lone CR (old Mac line ending) at line ${line}${count > 1 ? ` (${count} in the file)` : ''}: saving would rewrite its line endings. Re-save it with LF or CRLF line endings first, then try again`;
}

function mixedReason(mixed: { readonly crlf: number; readonly lf: number; readonly firstOddLine: number }): string {
  return `it mixes CRLF and LF line endings (${mixed.crlf} CRLF, ${mixed.lf} LF; line ${mixed.firstOddLine + 1} differs): VS Code keeps one kind per file, so saving would rewrite the others. Pick one with "Change End of Line Sequence" and save, then try again`;
}
