import { causeLineBudgets, drawnFishboneLabel, type Fishbone, type FishboneCause } from '../../src/core/diagrams';
import { withStandIns } from './fishboneDrawing';
import { EFFECT_KEY } from './fishboneOutline';
import type { OutlineRow } from './outlineModel';

/** One drawn shape and the outline row it stands for. */
export interface DrawnNode {
  readonly element: Element;
  /** The outline row a click selects. */
  readonly key: string;
  /** The model node (a fault-tree node drawn once is used by several rows when shared). */
  readonly node: string;
}

const FAULT_TREE_ID = /^([A-Za-z][A-Za-z0-9_]*)-\d+$/;

/**
 * Fault-tree shapes: Mermaid gives each flowchart node `<svg id>-flowchart-<node id>-<n>`. Node ids
 * are letters, digits and `_` (the dialect's rule), so the id is read back exactly; a click on a
 * shared node selects its first row.
 */
export function faultTreeDrawnNodes(svg: SVGSVGElement, rows: readonly OutlineRow[], idOf: (key: string) => string): DrawnNode[] {
  const firstRow = new Map<string, string>();
  for (const r of rows) {
    const id = idOf(r.key);
    if (!firstRow.has(id)) firstRow.set(id, r.key);
  }
  const prefix = `${svg.id}-flowchart-`;
  const out: DrawnNode[] = [];
  for (const g of svg.querySelectorAll('g.node[id]')) {
    if (!g.id.startsWith(prefix)) continue;
    const id = FAULT_TREE_ID.exec(g.id.slice(prefix.length))?.[1];
    const key = id === undefined ? undefined : firstRow.get(id);
    if (id !== undefined && key !== undefined) out.push({ element: g, key, node: id });
  }
  return out;
}

/**
 * Fishbone shapes carry no ids. Mermaid's ishikawa renderer draws the effect's head group, then
 * per category (in order) its label group followed by one sub-group per cause below it, in
 * pre-order with the children reversed on the upper side (even categories) — see its
 * `flattenTree`. The keys are laid out in that order; each drawn text is compared with the label
 * it should show (a long one cut, as fishboneDrawingText draws it): a shape that differs is left
 * unmapped, and when the shapes do not follow the model's structure nothing is mapped (no click
 * selects a wrong row).
 */
export function fishboneDrawnNodes(svg: SVGSVGElement, model: Fishbone): DrawnNode[] {
  const out: DrawnNode[] = [];
  const head = svg.querySelector('g.ishikawa-head-group');
  if (head) out.push({ element: head, key: EFFECT_KEY, node: EFFECT_KEY });
  let category = -1;
  // Causes crowded on a bone are drawn cut to their rows (core crowding): compared as drawn.
  const budgets = causeLineBudgets(withStandIns(model));
  let expected: { key: string; label: string }[] = [];
  let next = 0;
  for (const g of svg.querySelectorAll('g.ishikawa-label-group, g.ishikawa-sub-group')) {
    if (g.classList.contains('ishikawa-label-group')) {
      category += 1;
      const c = model.categories[category];
      if (!c || (category > 0 && !complete(expected, next))) return [];
      const key = String(category);
      expected = subKeys(c.causes, key, category % 2 === 0);
      next = 0;
      if (sameText(drawnText(g), drawnFishboneLabel(c.label, 'category'))) out.push({ element: g, key, node: key });
      continue;
    }
    if (category < 0) return [];
    const cause = expected[next++];
    // A category without causes is drawn with a stand-in cause (see fishboneDrawing): it belongs to the category.
    if (!cause) {
      if (expected.length > 0) return [];
      out.push({ element: g, key: String(category), node: String(category) });
      continue;
    }
    // A shape whose text is not the label it should show is left unmapped (its click does nothing); the
    // order still places every other shape, so one odd label no longer disables the whole drawing (trial13b F1).
    if (sameText(drawnText(g), drawnFishboneLabel(cause.label, 'cause', budgets[category]))) out.push({ element: g, key: cause.key, node: cause.key });
  }
  return category + 1 === model.categories.length && complete(expected, next) ? out : [];
}

/** Every cause shape of a category was seen (an empty category draws one stand-in shape). */
const complete = (expected: readonly unknown[], seen: number): boolean => seen === expected.length || (expected.length === 0 && seen === 1);

function subKeys(causes: readonly FishboneCause[], key: string, reversed: boolean): { key: string; label: string }[] {
  const out: { key: string; label: string }[] = [];
  // An explicit stack (no recursion over user data): [causes, their parent key], visited in drawing order.
  const stack: { nodes: readonly FishboneCause[]; parent: string; at: number }[] = [{ nodes: causes, parent: key, at: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.at >= top.nodes.length) {
      stack.pop();
      continue;
    }
    const i = reversed ? top.nodes.length - 1 - top.at : top.at;
    top.at += 1;
    const node = top.nodes[i];
    const nodeKey = `${top.parent}.${i}`;
    out.push({ key: nodeKey, label: node.label });
    if (node.causes.length > 0) stack.push({ nodes: node.causes, parent: nodeKey, at: 0 });
  }
  return out;
}

/** The text a shape draws (its <text> elements; not a <title> tooltip added after drawing). */
function drawnText(g: Element): string {
  return [...g.querySelectorAll('text')].map((t) => t.textContent ?? '').join('');
}

/** Mermaid wraps long labels into lines: compare without whitespace. */
function sameText(drawn: string | null, label: string): boolean {
  return (drawn ?? '').replace(/\s+/g, '') === label.replace(/\s+/g, '');
}
