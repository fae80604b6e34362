import { tokenBelow } from '../../actions/continuation';
import type { ActionItem, PostmortemDocument } from '../../document/model';
import type { Fix } from '../../types';

/**
 * An owner, due date or ticket written on a line that continues a task item's paragraph
 * (`- [ ] Add alert` / `  owner @a, due 2026-12-20`): tokens are read on the task line only, so
 * the item has no owner or due date while the user sees one right there. The message says where
 * it is, and the fix joins the lines up to that one onto the task line, where it is read.
 */
export interface ContinuationToken {
  /** The token as written (`@a`, `due 2026-12-20`). */
  readonly written: string;
  /** 0-based line it is on. */
  readonly line: number;
  readonly fix: Fix;
}

export function continuationToken(doc: PostmortemDocument, item: ActionItem, kind: 'owner' | 'due' | 'ticket'): ContinuationToken | undefined {
  if (item.form !== 'task') return undefined;
  const section = doc.sections.find((s) => s.startLine <= item.line && item.line < s.endLine);
  const below = tokenBelow(doc.lines, item.line, section?.endLine ?? doc.lines.lineCount, kind);
  if (!below) return undefined;
  const { written, line } = below;
  // Each line break up to this line becomes one space: the lines' words stay, now on the task line.
  const edits = [];
  for (let l = item.line + 1; l <= line; l++) {
    const previous = doc.lines.lineText(l - 1);
    const next = doc.lines.lineText(l);
    edits.push({
      range: { start: { line: l - 1, character: previous.trimEnd().length }, end: { line: l, character: next.length - next.trimStart().length } },
      newText: ' ',
    });
  }
  return {
    written, line,
    fix: { title: `Join line ${line + 1} to the task line, so ${written} is read`, edits, isPreferred: true },
  };
}

/** `: "@a" is written on line 12, under the task line, where an owner is not read; join it to the task line`. */
export function continuationNote(token: ContinuationToken, what: string): string {
  return `: "${token.written}" is written on line ${token.line + 1}, under the task line, where ${what} is not read (only the task line's tokens are); join it to the task line`;
}
