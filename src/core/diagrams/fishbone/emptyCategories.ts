import type { DiagramProblem } from '../problems';
import type { Fishbone, FishboneCause } from './model';

/** Drawn (never written) by the diagram editor under a category that has no causes yet. */
export const EMPTY_CATEGORY_PLACEHOLDER = '(no causes yet)';

/**
 * One warning per category without causes: Mermaid's ishikawa layout draws such a category as a
 * short stub whose label box lands on its neighbour's, in the Markdown preview and on GitHub. The
 * Problems panel (through the lint rule) and the diagram editor's list both take their wording from
 * here, so they agree. `text` is the block content the model was read from: its lines other than
 * blanks and `%%` comments are the keyword, the effect, then one line per node in outline order,
 * which gives each category its (0-based) line.
 */
export function emptyCategoryProblems(model: Fishbone, text: string): DiagramProblem[] {
  const nodeLines = text.split('\n').flatMap((l, i) => (l.trim() === '' || /^\s*%%/.test(l) ? [] : [i]));
  const problems: DiagramProblem[] = [];
  let ordinal = 2;
  const count = (nodes: readonly FishboneCause[]): number => nodes.reduce((n, c) => n + 1 + count(c.causes), 0);
  for (const category of model.categories) {
    if (category.causes.length === 0) {
      problems.push({
        code: 'fishbone/empty-category',
        severity: 'warning',
        line: nodeLines[ordinal] ?? 0,
        message: `Category "${category.label}" has no causes yet: Mermaid draws an empty category over its neighbour in the preview and on GitHub (the diagram editor draws "${EMPTY_CATEGORY_PLACEHOLDER}" in its place). Add a cause or delete the category.`,
      });
    }
    ordinal += 1 + count(category.causes);
  }
  return problems;
}
