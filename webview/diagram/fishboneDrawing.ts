import {
  emptyCategoryProblems, EMPTY_CATEGORY_PLACEHOLDER, fishboneLineProblems, mapCauseTree, printFishbone, withDrawnLabels, type Fishbone, type FishboneCause,
} from '../../src/core/diagrams';
import type { Note } from './session';

export { EMPTY_CATEGORY_PLACEHOLDER };

/**
 * The text Mermaid draws for a fishbone in the editor. Mermaid's ishikawa layout draws a category
 * without causes as a short stub whose label box lands on its neighbour's box (boxes overlap and
 * hide each other), so in the view an empty category gets a placeholder cause. The document keeps
 * the text as written; `emptyCategoryNotes` says why the picture differs and what to do. Long
 * labels are drawn cut to a few lines (core `withDrawnLabels`); the outline keeps them whole.
 */
export function fishboneDrawingText(model: Fishbone): string {
  return printFishbone(withDrawnLabels(withoutRawMarkupLines(withStandIns(model))));
}

/** The model as drawn: an empty category with its placeholder cause (it takes a row on the bone too). */
export function withStandIns(model: Fishbone): Fishbone {
  const categories = model.categories.map((c): FishboneCause => (c.causes.length > 0 ? c : {
    id: c.id, label: c.label, source: c.source, causes: [{ id: `${c.id}-placeholder`, label: EMPTY_CATEGORY_PLACEHOLDER, causes: [] }],
  }));
  return { ...model, categories };
}

/**
 * A line typed by hand with a raw `<` is drawn by Mermaid with `&lt;` / `&amp;` or loses a `<word>`
 * (trial13b F1), so the editor draws such a label as the outline shows it (printed afresh, encoded):
 * the drawing and outline agree and every shape can be matched to its row. The Problems list (and
 * lint, `fishbone/raw-markup`) say how GitHub would draw the line as written, with a fix.
 */
function withoutRawMarkupLines(model: Fishbone): Fishbone {
  const clean = (n: FishboneCause): FishboneCause => (n.source?.text.includes('<') ? { id: n.id, label: n.label, causes: n.causes } : n);
  const categories = mapCauseTree(model.categories, clean);
  return { ...model, effectSource: model.effectSource?.text.includes('<') ? undefined : model.effectSource, categories };
}

/**
 * One warning per empty category, because GitHub and the Markdown preview draw it overlapping, and
 * per line Mermaid would draw otherwise than the outline shows it (a raw `<`) or empty cause. The
 * wording and lines come from the core, which also reports them to the Problems panel.
 */
export function emptyCategoryNotes(model: Fishbone, text: string): Note[] {
  return [...emptyCategoryProblems(model, text), ...fishboneLineProblems(model, text)]
    .sort((a, b) => a.line - b.line)
    .map((p) => ({ severity: p.severity ?? 'warning', line: p.line, message: p.message }));
}
