import { addCause, newFaultTreeTemplate, newFishbone, printFaultTree, printFishbone } from '../../core/diagrams';
import { parsePostmortem } from '../../core/document/parse';
import { TEMPLATE_CATEGORIES, TEMPLATE_CAUSE, TEMPLATE_EFFECT } from '../../core/diagrams/fishbone/placeholders';
import type { DiagramKind } from '../../shared/protocol/messages';

/** The template's texts live in the core, where the readers that must not count them as causes read them. */
export { TEMPLATE_CAUSE } from '../../core/diagrams/fishbone/placeholders';

/** The diagram a new block starts with: enough to see the shape, all of it meant to be renamed. */
export function newDiagramText(kind: DiagramKind): string {
  if (kind === 'fishbone') {
    let model = newFishbone(TEMPLATE_EFFECT, TEMPLATE_CATEGORIES);
    for (const category of model.categories) model = addCause(model, category.id, TEMPLATE_CAUSE).model;
    return printFishbone(model);
  }
  return printFaultTree(newFaultTreeTemplate());
}

/**
 * The fenced block to insert at `line` of a document whose lines are `lines`: blank lines around it
 * when the neighbours are not blank. Returns the text and the line its opening fence lands on.
 */
export function blockInsertion(kind: DiagramKind, lines: readonly string[], line: number, eol: string): { text: string; fenceLine: number } {
  const before = line > 0 && (lines[line - 1] ?? '').trim() !== '';
  const after = line < lines.length && (lines[line] ?? '').trim() !== '';
  const body = ['```mermaid', ...newDiagramText(kind).split('\n'), '```'];
  const parts = [...(before ? [''] : []), ...body, ...(after ? [''] : [])];
  return { text: parts.join(eol) + eol, fenceLine: line + (before ? 1 : 0) };
}

/**
 * The line a new diagram goes on: after the cursor's line when the person put the cursor there
 * (on a blank line: that line), unless that is inside the front matter; else (the command came
 * from the walkthrough, or the cursor sits in the front matter, as in a file just created) after
 * the Root cause section's last line, else at the end of the document.
 */
export function diagramLine(text: string, cursorLine: number, cursorChosen: boolean): number {
  const doc = parsePostmortem(text);
  const fm = doc.frontMatter;
  const inFrontMatter = fm !== undefined && cursorLine >= fm.openLine && (fm.closeLine < 0 || cursorLine <= fm.closeLine);
  if (cursorChosen && !inFrontMatter) return doc.lines.lineText(cursorLine).trim() === '' ? cursorLine : cursorLine + 1;
  const rootCause = doc.sections.find((s) => s.id === 'root-cause');
  if (!rootCause) return doc.lines.lineCount;
  let last = rootCause.endLine - 1;
  while (last > rootCause.headingLine && doc.lines.lineText(last).trim() === '') last--;
  return last + 1;
}
