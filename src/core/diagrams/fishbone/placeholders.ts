import type { DiagramProblem } from '../problems';
import type { Fishbone, FishboneCause } from './model';

/**
 * The texts a new fishbone starts with — the editor's *Insert Fishbone Diagram* template and the
 * `pm-fishbone` snippet's defaults — all meant to be renamed. Kept here so the template that writes
 * them and the readers that must not take them for causes (metrics, dashboard, lint) share them.
 */
export const TEMPLATE_EFFECT = 'What happened (the effect)';
/** Short enough that Mermaid (which wraps cause labels at 15 characters) keeps it on one line. */
export const TEMPLATE_CAUSE = 'Name a cause';
/**
 * Categories of a new fishbone, each given one cause to rename. Mermaid's ishikawa layout draws a
 * category without causes as a short stub whose label box lands on the next category's box, so the
 * template never has an empty category; four categories keep the first picture compact.
 */
export const TEMPLATE_CATEGORIES: readonly string[] = ['People', 'Process', 'Technology', 'Environment'];

/** The `pm-fishbone` snippet's defaults (snippets/postmortem.code-snippets; a test keeps them in step). */
const SNIPPET_EFFECT = 'What the system did';
const SNIPPET_CAUSES = ['Condition that shaped decisions', 'Process gap', 'Technical cause', 'External condition', 'What monitoring missed'];

const key = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();
const CAUSES = new Set([TEMPLATE_CAUSE, ...SNIPPET_CAUSES].map(key));
const EFFECTS = new Set([TEMPLATE_EFFECT, SNIPPET_EFFECT].map(key));

/** A cause label that is still the template's or the snippet's text. */
export function isPlaceholderCause(label: string): boolean {
  return CAUSES.has(key(label));
}

export function isPlaceholderEffect(label: string): boolean {
  return EFFECTS.has(key(label));
}

/**
 * Whether a category names a real cause: a cause under it (at any depth) that is not a
 * placeholder and not empty. Walked with a stack (a user's fishbone may be deep).
 */
export function hasRealCause(category: FishboneCause): boolean {
  const stack: FishboneCause[] = [...category.causes];
  for (let node = stack.pop(); node; node = stack.pop()) {
    // An empty cause (`#32;`, a cleared name) names nothing either.
    if (!isPlaceholderCause(node.label) && node.label.trim() !== '') return true;
    for (const c of node.causes) stack.push(c);
  }
  return false;
}

/**
 * One problem per placeholder left in a fishbone (the effect, each placeholder cause), on its line.
 * `text` is the block content the model was read from: its lines other than blanks and `%%` comments
 * are the keyword, the effect, then one line per node in outline order. Severity is the rule's
 * (info in a draft, warning from in-review, like the other template leftovers).
 */
export function placeholderProblems(model: Fishbone, text: string): DiagramProblem[] {
  const nodeLines = text.split('\n').flatMap((l, i) => (l.trim() === '' || /^\s*%%/.test(l) ? [] : [i]));
  const problems: DiagramProblem[] = [];
  if (isPlaceholderEffect(model.effect)) {
    problems.push({ code: 'fishbone/placeholder', severity: 'warning', line: nodeLines[1] ?? 0, message: `Expected the effect (what happened), found the template's "${model.effect.trim()}"` });
  }
  // Outline order, iteratively: each node is one line after the effect.
  let ordinal = 2;
  const stack: { node: FishboneCause; category: string }[] = [];
  for (let i = model.categories.length - 1; i >= 0; i--) stack.push({ node: model.categories[i], category: '' });
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, category } = item;
    if (category && isPlaceholderCause(node.label)) {
      problems.push({
        code: 'fishbone/placeholder', severity: 'warning', line: nodeLines[ordinal] ?? 0,
        message: `Expected a cause under "${category}", found the template's "${node.label.trim()}": rename it or delete it (placeholders are not counted as root causes)`,
      });
    }
    ordinal += 1;
    for (let i = node.causes.length - 1; i >= 0; i--) stack.push({ node: node.causes[i], category: category || node.label });
  }
  return problems;
}
