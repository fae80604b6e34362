import type { PlainDiagnostic } from '../lint/lintOne';
import type { EncodingIssue } from './encoding';

/** An encoding problem as a lint diagnostic: NUL is an error (the file was not checked), bad UTF-8 a warning. */
export function encodingDiagnostic(issue: EncodingIssue): PlainDiagnostic {
  const { line, character } = issue.at;
  return {
    code: issue.code,
    severity: issue.code === 'file/nul' ? 'error' : 'warning',
    range: { start: { line, character }, end: { line, character: character + 1 } },
    message: issue.message,
  };
}
