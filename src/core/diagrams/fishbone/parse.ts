import { decodeFishboneLabel } from '../escape';
import type { DiagramProblem, ParseResult } from '../problems';
import { newCauseId, type Fishbone, type FishboneCause } from './model';

interface MutableCause {
  id: string;
  label: string;
  causes: MutableCause[];
  source: { text: string; label: string; depth: number };
}

/**
 * Reads an `ishikawa-beta` block the way Mermaid does: keyword, effect, then one node per line with
 * indentation giving depth. Unlike Mermaid, indentation is matched against the enclosing levels, so
 * a line indented between two levels is reported instead of silently re-parented.
 */
export function parseFishbone(content: string): ParseResult<Fishbone> {
  const lines = content.split('\n').map((l) => l.replace(/\r$/, ''));
  const problems: DiagramProblem[] = [];
  const problem = (line: number, message: string): void => {
    problems.push({ line, message, code: 'diagram/parse-error' });
  };
  let keyword: Fishbone['keyword'] = 'ishikawa-beta';
  let keywordSource: string | undefined;
  let effect: { text: string; label: string } | undefined;
  const roots: MutableCause[] = [];
  // Stack of open nodes with the column their text starts at.
  const stack: { column: number; node: MutableCause }[] = [];

  lines.forEach((line, n) => {
    if (line.trim() === '') return;
    if (/^\s*%%/.test(line)) {
      problems.push({ line: n, code: 'diagram/parse-error', severity: 'warning', message: 'Comments inside a fishbone are not kept by the editor: remove the %% line, or edit this block as text only.' });
      return;
    }
    if (keywordSource === undefined) {
      const m = /^\s*(ishikawa-beta|ishikawa)\s*$/i.exec(line);
      if (!m) {
        problem(n, `Expected "ishikawa-beta" on the first line, found "${line.trim()}".`);
        keywordSource = '';
        return;
      }
      keyword = m[1].toLowerCase() === 'ishikawa' ? 'ishikawa' : 'ishikawa-beta';
      keywordSource = line;
      return;
    }
    if (/\t/.test(line.slice(0, line.length - line.trimStart().length))) {
      problem(n, 'Expected spaces for indentation, found a tab (Mermaid counts a tab as one space).');
    }
    const column = line.length - line.trimStart().length;
    const label = decodeFishboneLabel(line);
    if (effect === undefined) {
      effect = { text: line, label };
      return;
    }
    let popped: { column: number; node: MutableCause } | undefined;
    while (stack.length > 0 && stack[stack.length - 1].column >= column) popped = stack.pop()!;
    if (popped !== undefined && popped.column !== column) problem(n, betweenLevelsMessage(column, popped, stack, effect.label));
    const node: MutableCause = { id: newCauseId(), label, causes: [], source: { text: line, label, depth: stack.length } };
    if (stack.length === 0) roots.push(node);
    else stack[stack.length - 1].node.causes.push(node);
    stack.push({ column, node });
  });

  if (keywordSource === undefined) problem(0, 'Expected "ishikawa-beta" on the first line, found an empty block.');
  else if (effect === undefined && keywordSource !== '') problem(0, 'Expected the effect (the problem being analysed) on the line after "ishikawa-beta".');

  const model: Fishbone = {
    keyword,
    keywordSource: keywordSource || undefined,
    effect: effect?.label ?? '',
    effectSource: effect,
    categories: roots as FishboneCause[],
  };
  return { model, problems, writable: problems.length === 0 };
}

/**
 * The line is indented less than the level it closes (`closed`) but more than the level still open
 * (the stack top), so it matches neither: name both columns and what the cause would become at each.
 */
/** `1 space`, `4 spaces` (trial13b F13: "Expected indentation of 1 spaces"). */
const spaces = (n: number): string => `${n} space${n === 1 ? '' : 's'}`;

function betweenLevelsMessage(
  column: number,
  closed: { column: number; node: MutableCause },
  open: readonly { column: number; node: MutableCause }[],
  effectLabel: string,
): string {
  const deeper = `${spaces(closed.column)} (a sibling of "${closed.node.source.label}")`;
  const top = open[open.length - 1];
  const choices = top === undefined
    ? deeper
    : `${spaces(top.column)} (a child of "${open.length > 1 ? open[open.length - 2].node.source.label : effectLabel}") or ${deeper}`;
  return `Expected indentation of ${choices}, found ${column}: between two levels, Mermaid would attach this cause somewhere unexpected.`;
}
