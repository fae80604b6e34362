import type { DiagramProblem } from '../../src/core/diagrams';
import type { Note } from './session';

export interface ListedProblem {
  readonly severity: 'error' | 'warning' | 'info';
  /** 1-based line of the document (what the editor's gutter shows), when the item is about one. */
  readonly fileLine?: number;
  readonly text: string;
}

/**
 * Parse problems and notes as one list in document order. Both carry 0-based lines of the block
 * content; `firstLine` is the document line of the block's first content line, so every item reads
 * "Line N:" with the N the editor shows. Items without a line (rare) go last, in their given order.
 */
export function problemList(problems: readonly DiagramProblem[], notes: readonly Note[], firstLine: number): ListedProblem[] {
  const items = [
    ...problems.map((p) => ({ severity: p.severity ?? 'error', line: p.line as number | undefined, message: p.message })),
    ...notes.map((n) => ({ severity: n.severity, line: n.line, message: n.message })),
  ];
  return items
    .map((item, order) => ({ item, order }))
    .sort((a, b) => (a.item.line ?? Infinity) - (b.item.line ?? Infinity) || a.order - b.order)
    .map(({ item }) => {
      const fileLine = item.line === undefined ? undefined : firstLine + item.line + 1;
      return { severity: item.severity, fileLine, text: fileLine === undefined ? item.message : `Line ${fileLine}: ${item.message}` };
    });
}

/** "line 6" / "on line 6" in Mermaid's messages. */
const MERMAID_LINE = /\b(on line|line) (\d+)\b/i;
const MERMAID_LINE_ALL = new RegExp(MERMAID_LINE.source, 'gi');

/**
 * Mermaid's own error for a drawing that failed. When our parser already listed the block's
 * problems, Mermaid's grammar dump ("Expecting 'SQE', 'DOUBLECIRCLEEND' …") adds nothing but a
 * second, differently numbered account, so it is left out. Mermaid's line numbers count within the
 * text it drew: when that is the block's text (1 = the block's first content line) they are turned
 * into document lines. Editable diagrams draw generated text (a fault tree's styling lines, a
 * fishbone's placeholder causes), whose lines match no document line: they are left as Mermaid
 * gave them, and said to be the drawing's.
 */
export function renderErrorText(error: string | undefined, firstLine: number, hasParseProblems: boolean, drewBlockText = true): string {
  if (hasParseProblems) return 'Mermaid could not draw this block either: fix the lines listed under the outline.';
  const message = error ?? 'unknown error';
  if (!drewBlockText) {
    const note = MERMAID_LINE.test(message) ? " (line numbers refer to the drawing's text)" : '';
    return `Mermaid could not draw this${note}: ${message}`;
  }
  const translated = message.replace(MERMAID_LINE_ALL, (_all, word: string, n: string) => `${word} ${firstLine + Number(n)}`);
  return `Mermaid could not draw this (lines are document lines): ${translated}`;
}
