import { printFishbone, type Fishbone, type FishboneCause } from '../../src/core/diagrams';
import type { Note } from './session';

/** Drawn (never written) under a category that has no causes yet. */
export const EMPTY_CATEGORY_PLACEHOLDER = '(no causes yet)';

/**
 * The text Mermaid draws for a fishbone in the editor. Mermaid's ishikawa layout draws a category
 * without causes as a short stub whose label box lands on its neighbour's box (boxes overlap and
 * hide each other), so in the view an empty category gets a placeholder cause. The document keeps
 * the text as written; `emptyCategoryNotes` says why the picture differs and what to do.
 */
export function fishboneDrawingText(model: Fishbone): string {
  const categories = model.categories.map((c): FishboneCause => (c.causes.length > 0 ? c : {
    id: c.id, label: c.label, source: c.source, causes: [{ id: `${c.id}-placeholder`, label: EMPTY_CATEGORY_PLACEHOLDER, causes: [] }],
  }));
  return printFishbone({ ...model, categories });
}

/**
 * One warning per empty category, because GitHub and the Markdown preview draw it overlapping.
 * `text` is the block as the document holds it: its non-blank lines are the keyword, the effect,
 * then one line per node in outline order, which gives each category its line.
 */
export function emptyCategoryNotes(model: Fishbone, text: string): Note[] {
  const nonBlank = text.split('\n').flatMap((l, i) => (l.trim() === '' ? [] : [i]));
  const notes: Note[] = [];
  let ordinal = 2;
  const count = (nodes: readonly FishboneCause[]): number => nodes.reduce((n, c) => n + 1 + count(c.causes), 0);
  for (const category of model.categories) {
    if (category.causes.length === 0) {
      notes.push({
        severity: 'warning', line: nonBlank[ordinal],
        message: `Category "${category.label}" has no causes yet: Mermaid draws an empty category over its neighbour in the preview and on GitHub ("${EMPTY_CATEGORY_PLACEHOLDER}" stands in here). Add a cause or delete the category.`,
      });
    }
    ordinal += 1 + count(category.causes);
  }
  return notes;
}
