import { causeLineBudgets, drawnFishboneBlock, isLabelCut, parseFishbone, type DiagramProblem, type Fishbone } from '../../src/core/diagrams';
import { commitField } from './commitField';
import { el } from './dom';
import { fishboneDrawnNodes, type DrawnNode } from './drawingNodes';
import { emptyCategoryNotes, fishboneDrawingText, withStandIns } from './fishboneDrawing';
import { causeAt, EFFECT_KEY, fishboneIdentity, fishboneOutline, locateFishboneRow } from './fishboneOutline';
import type { DiagramSession, Note } from './session';
import { fishboneReason } from './unavailableReasons';

export function fishboneSession(content: string): DiagramSession {
  const parsed = parseFishbone(content);
  let model: Fishbone = parsed.model;
  const writable = parsed.writable;
  const problems: readonly DiagramProblem[] = parsed.problems;
  const update = (next: Fishbone): boolean => {
    if (next === model) return false;
    model = next;
    return true;
  };

  return {
    kind: 'fishbone',
    writable,
    problems,
    rows: () => fishboneOutline.rows(model),
    act(key, action) {
      const r = fishboneOutline.act(model, key, action);
      return { changed: update(r.model), select: r.select, rename: r.rename };
    },
    unavailable(key, action) {
      if (fishboneOutline.act(model, key, action).model !== model) return undefined;
      return fishboneReason(action, { isEffect: key === EFFECT_KEY, isCategory: !key.includes('.'), underCategory: key.split('.').length === 2 });
    },
    drawnNodes(svg) {
      const nodes = fishboneDrawnNodes(svg, model);
      addFullLabels(nodes, model);
      return nodes;
    },
    nodeOf: (key) => key,
    identify: (key) => fishboneIdentity(model, key),
    locate: (identity) => locateFishboneRow(model, identity),
    lineOf(key) {
      // Rows are the block's lines in order (effect, then causes depth-first); blank and %% lines are skipped.
      const rows = fishboneOutline.rows(model);
      const index = rows.findIndex((r) => r.key === key);
      if (index < 0) return undefined;
      const lines = (model === parsed.model ? content : fishboneOutline.print(model)).split('\n');
      let seen = -1;
      for (let i = 1; i < lines.length; i++) {
        const t = lines[i].trim();
        if (t === '' || t.startsWith('%%')) continue;
        seen += 1;
        if (seen === index) return i;
      }
      return undefined;
    },
    rename: (key, label) => update(fishboneOutline.rename(model, key, label)),
    text: () => fishboneOutline.print(model),
    // A block the model cannot stand for is drawn from its own lines, long labels cut all the same (trial13b F5).
    drawingText: () => (writable ? fishboneDrawingText(model) : drawnFishboneBlock(content, { asOutline: true })),
    details(key, changed) {
      if (key === EFFECT_KEY) return effectField(model.effect, writable, (text) => {
        if (update(fishboneOutline.rename(model, EFFECT_KEY, text))) changed();
      });
      const node = causeAt(model, key);
      // Categories are the top level; only causes below them can move to another category. A
      // category has no fields: the page then shows no Details section at all.
      if (!node || !key.includes('.')) return undefined;
      const current = key.split('.')[0];
      const select = el('select', { attrs: { 'aria-label': 'Move to category', id: 'move-category', ...(writable ? {} : { disabled: '' }) } });
      for (const c of fishboneOutline.categories(model)) {
        const option = el('option', { text: c.label, attrs: { value: c.key } });
        option.selected = c.key === current;
        select.append(option);
      }
      select.addEventListener('change', () => {
        const r = fishboneOutline.moveToCategory(model, key, select.value);
        if (update(r.model)) changed(r.select);
      });
      return el('label', { className: 'field' }, ['Move to category ', select]);
    },
    // A block that is not writable already lists its problems; its model may not match its lines.
    notes: (): Note[] => (writable ? emptyCategoryNotes(model, model === parsed.model ? content : fishboneOutline.print(model)) : []),
    analysis: () => undefined,
    legend: () => [],
  };
}

/**
 * The effect's row: the problem statement in a field as wide as the pane, where a long statement
 * (the outline row and the drawing wrap or cut it) can be read and edited whole. Written on Enter or
 * when the field is left; an empty statement is refused (the block would hold a blank head).
 */
function effectField(effect: string, writable: boolean, write: (text: string) => void): HTMLElement {
  return el('div', { className: 'fields' }, [
    commitField({
      id: 'effect-text', label: 'Problem (the effect)', value: effect, disabled: !writable, isDiagramLabel: true,
      onCommit: (raw) => {
        if (raw === '') return 'Expected the problem in words (what went wrong), found nothing.';
        if (raw !== effect) write(raw);
        return undefined;
      },
    }, 'text'),
    el('span', { className: 'field-note', text: 'What every category and cause below leads to: the head of the fishbone.' }),
  ]);
}

/**
 * A label the drawing shows cut ("…", see core drawnLabels) gets its full text as the shape's
 * tooltip: an SVG <title>, set as text (never markup), once per drawn shape.
 */
function addFullLabels(nodes: readonly DrawnNode[], model: Fishbone): void {
  const budgets = causeLineBudgets(withStandIns(model));
  for (const n of nodes) {
    const role = n.key === EFFECT_KEY ? 'effect' : n.key.includes('.') ? 'cause' : 'category';
    const label = n.key === EFFECT_KEY ? model.effect : causeAt(model, n.key)?.label;
    if (label === undefined || !isLabelCut(label, role, role === 'cause' ? budgets[Number(n.key.split('.')[0])] : undefined) || n.element.querySelector(':scope > title')) continue;
    const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    title.textContent = label;
    n.element.prepend(title);
  }
}
