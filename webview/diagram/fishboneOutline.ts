import {
  addCause, deleteCause, findCause, indentCause, moveCause, outdentCause, printFishbone, renameCause, renameEffect, reorderCause,
  type Fishbone, type FishboneCause,
} from '../../src/core/diagrams';
import type { ActionResult, OutlineModel, OutlineRow, StructuralAction } from './outlineModel';

/** Key of the effect row; causes are keyed by their index path, e.g. "2.0.1". */
export const EFFECT_KEY = 'effect';

export function causeAt(model: Fishbone, key: string): FishboneCause | undefined {
  if (key === EFFECT_KEY || key === '') return undefined;
  let nodes = model.categories;
  let node: FishboneCause | undefined;
  for (const part of key.split('.')) {
    node = nodes[Number(part)];
    if (!node) return undefined;
    nodes = node.causes;
  }
  return node;
}

export function keyOf(model: Fishbone, id: string): string | undefined {
  const walk = (nodes: readonly FishboneCause[], prefix: string): string | undefined => {
    for (let i = 0; i < nodes.length; i++) {
      const key = prefix === '' ? String(i) : `${prefix}.${i}`;
      if (nodes[i].id === id) return key;
      const hit = walk(nodes[i].causes, key);
      if (hit) return hit;
    }
    return undefined;
  };
  return walk(model.categories, '');
}

const parentKey = (key: string): string => (key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : EFFECT_KEY);

export const fishboneOutline: OutlineModel<Fishbone> & {
  categories(model: Fishbone): { key: string; label: string }[];
  moveToCategory(model: Fishbone, key: string, categoryKey: string): ActionResult<Fishbone>;
} = {
  rows(model) {
    const rows: OutlineRow[] = [{ key: EFFECT_KEY, depth: 0, label: model.effect, role: 'effect', deletable: false, badge: 'effect' }];
    const walk = (nodes: readonly FishboneCause[], prefix: string, depth: number): void => {
      nodes.forEach((node, i) => {
        const key = prefix === '' ? String(i) : `${prefix}.${i}`;
        rows.push({ key, depth, label: node.label, role: depth === 1 ? 'category' : 'cause', deletable: true });
        walk(node.causes, key, depth + 1);
      });
    };
    walk(model.categories, '', 1);
    return rows;
  },

  act(model, key, action: StructuralAction): ActionResult<Fishbone> {
    const node = causeAt(model, key);
    const follow = (next: Fishbone, id: string, rename = false): ActionResult<Fishbone> => ({ model: next, select: keyOf(next, id) ?? key, rename });
    if (!node) {
      // On the effect: adding anything adds a category.
      if (action === 'addSibling' || action === 'addChild') {
        const added = addCause(model, null, 'New category');
        return follow(added.model, added.id, true);
      }
      return { model };
    }
    const at = findCause(model, node.id)!;
    switch (action) {
      case 'addSibling': {
        const added = addCause(model, at.parentId, at.parentId === null ? 'New category' : 'New cause', at.index + 1);
        return follow(added.model, added.id, true);
      }
      case 'addChild':
      case 'addGate': {
        const added = addCause(model, node.id, 'New cause');
        return follow(added.model, added.id, true);
      }
      case 'indent': return follow(indentCause(model, node.id), node.id);
      case 'outdent': return follow(outdentCause(model, node.id), node.id);
      case 'up': return follow(reorderCause(model, node.id, -1), node.id);
      case 'down': return follow(reorderCause(model, node.id, +1), node.id);
      case 'delete': {
        const next = deleteCause(model, node.id);
        const siblings = at.parentId === null ? next.categories : findCause(next, at.parentId)?.node.causes ?? [];
        const parent = parentKey(key);
        const select = siblings.length === 0 ? parent
          : `${parent === EFFECT_KEY ? '' : `${parent}.`}${Math.min(at.index, siblings.length - 1)}`;
        return { model: next, select };
      }
    }
  },

  rename(model, key, label) {
    if (key === EFFECT_KEY) return renameEffect(model, label);
    const node = causeAt(model, key);
    return node ? renameCause(model, node.id, label) : model;
  },

  print: (model) => printFishbone(model),

  categories: (model) => model.categories.map((c, i) => ({ key: String(i), label: c.label })),

  moveToCategory(model, key, categoryKey) {
    const node = causeAt(model, key);
    const category = causeAt(model, categoryKey);
    if (!node || !category || node === category) return { model };
    const next = moveCause(model, node.id, category.id);
    return { model: next, select: keyOf(next, node.id) ?? key };
  },
};

/**
 * What a fishbone row is, not where it is: the labels from its category down to it, and which of the
 * rows with that same path it is (the n-th of m). Keys are index paths, which shift when a cause is
 * added above; this does not (trial13b F10: a rename open while a teammate's cause arrived on disk
 * renamed the cause that moved into the row's place).
 */
export function fishboneIdentity(model: Fishbone, key: string): string | undefined {
  if (key === EFFECT_KEY) return EFFECT_KEY;
  const all = pathsOf(model);
  const path = all.pathOf.get(key);
  if (path === undefined) return undefined;
  const same = all.keysOf.get(path) ?? [];
  return JSON.stringify({ path, nth: same.indexOf(key), of: same.length });
}

/**
 * The key of the row `identity` names in `model`, or undefined when it is gone or can no longer be
 * told apart (a row with the same path was added or removed beside it): the caller then refuses.
 */
export function locateFishboneRow(model: Fishbone, identity: string): string | undefined {
  if (identity === EFFECT_KEY) return EFFECT_KEY;
  let wanted: { path: string; nth: number; of: number };
  try {
    wanted = JSON.parse(identity) as { path: string; nth: number; of: number };
  } catch {
    return undefined;
  }
  const same = pathsOf(model).keysOf.get(wanted.path) ?? [];
  if (same.length === 1 && wanted.of === 1) return same[0];
  return same.length === wanted.of && wanted.of > 1 ? same[wanted.nth] : undefined;
}

/** Every cause's label path (JSON of the labels from its category down), and the keys per path in outline order. */
function pathsOf(model: Fishbone): { pathOf: Map<string, string>; keysOf: Map<string, string[]> } {
  const pathOf = new Map<string, string>();
  const keysOf = new Map<string, string[]>();
  // An explicit stack, no recursion over user data; pushed in reverse so keys come in outline order.
  const stack: { node: FishboneCause; key: string; labels: readonly string[] }[] = [];
  for (let i = model.categories.length - 1; i >= 0; i--) stack.push({ node: model.categories[i], key: String(i), labels: [model.categories[i].label] });
  for (let item = stack.pop(); item; item = stack.pop()) {
    const path = JSON.stringify(item.labels);
    pathOf.set(item.key, path);
    const list = keysOf.get(path);
    if (list) list.push(item.key);
    else keysOf.set(path, [item.key]);
    const causes = item.node.causes;
    for (let i = causes.length - 1; i >= 0; i--) stack.push({ node: causes[i], key: `${item.key}.${i}`, labels: [...item.labels, causes[i].label] });
  }
  return { pathOf, keysOf };
}
