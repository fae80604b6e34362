import { normalizeFishboneLabel } from '../escape';
import { newCauseId, type Fishbone, type FishboneCause } from './model';

/**
 * Pure edits on a fishbone: each returns a new model and leaves untouched nodes (and their source
 * lines) shared, so printing afterwards changes only the lines the edit concerns. An edit that
 * cannot apply (unknown id, nothing to indent under) returns the same model object.
 */

type Nodes = readonly FishboneCause[];

interface Location {
  readonly parentId: string | null;
  readonly index: number;
  readonly node: FishboneCause;
}

export function findCause(model: Fishbone, id: string): Location | undefined {
  const search = (nodes: Nodes, parentId: string | null): Location | undefined => {
    for (let i = 0; i < nodes.length; i++) {
      if (nodes[i].id === id) return { parentId, index: i, node: nodes[i] };
      const hit = search(nodes[i].causes, nodes[i].id);
      if (hit) return hit;
    }
    return undefined;
  };
  return search(model.categories, null);
}

/** Replaces the child list of `parentId` (null = the categories). */
function updateChildren(model: Fishbone, parentId: string | null, update: (nodes: Nodes) => Nodes): Fishbone {
  if (parentId === null) return { ...model, categories: update(model.categories) };
  const walk = (nodes: Nodes): Nodes => {
    let changed = false;
    const next = nodes.map((n) => {
      if (n.id === parentId) {
        changed = true;
        return { ...n, causes: update(n.causes) };
      }
      const causes = walk(n.causes);
      if (causes === n.causes) return n;
      changed = true;
      return { ...n, causes };
    });
    return changed ? next : nodes;
  };
  return { ...model, categories: walk(model.categories) };
}

function isInside(model: Fishbone, id: string, ancestorId: string): boolean {
  const ancestor = findCause(model, ancestorId);
  if (!ancestor) return false;
  const walk = (nodes: Nodes): boolean => nodes.some((n) => n.id === id || walk(n.causes));
  return walk(ancestor.node.causes);
}

/** Adds a cause under `parentId` (null adds a category) at `index` (default: last). */
export function addCause(model: Fishbone, parentId: string | null, label: string, index?: number): { model: Fishbone; id: string } {
  if (parentId !== null && !findCause(model, parentId)) return { model, id: '' };
  const node: FishboneCause = { id: newCauseId(), label: normalizeFishboneLabel(label), causes: [] };
  const next = updateChildren(model, parentId, (nodes) => {
    const at = index === undefined ? nodes.length : Math.max(0, Math.min(index, nodes.length));
    return [...nodes.slice(0, at), node, ...nodes.slice(at)];
  });
  return { model: next, id: node.id };
}

export function renameCause(model: Fishbone, id: string, label: string): Fishbone {
  const at = findCause(model, id);
  if (!at) return model;
  return updateChildren(model, at.parentId, (nodes) =>
    nodes.map((n) => (n.id === id ? { ...n, label: normalizeFishboneLabel(label) } : n)));
}

export function renameEffect(model: Fishbone, effect: string): Fishbone {
  return { ...model, effect: normalizeFishboneLabel(effect) };
}

/** Deletes a cause with everything under it. */
export function deleteCause(model: Fishbone, id: string): Fishbone {
  const at = findCause(model, id);
  if (!at) return model;
  return updateChildren(model, at.parentId, (nodes) => nodes.filter((n) => n.id !== id));
}

/** Moves a cause (with its sub-causes) under `parentId` (null = make it a category) at `index`. */
export function moveCause(model: Fishbone, id: string, parentId: string | null, index?: number): Fishbone {
  const at = findCause(model, id);
  if (!at) return model;
  if (parentId !== null && (parentId === id || isInside(model, parentId, id) || !findCause(model, parentId))) return model;
  const removed = updateChildren(model, at.parentId, (nodes) => nodes.filter((n) => n.id !== id));
  return updateChildren(removed, parentId, (nodes) => {
    const pos = index === undefined ? nodes.length : Math.max(0, Math.min(index, nodes.length));
    return [...nodes.slice(0, pos), at.node, ...nodes.slice(pos)];
  });
}

/** Moves a cause up (-1) or down (+1) among its siblings. */
export function reorderCause(model: Fishbone, id: string, delta: number): Fishbone {
  const at = findCause(model, id);
  if (!at) return model;
  return moveCause(model, id, at.parentId, at.index + delta);
}

/** Tab: the cause becomes the last sub-cause of its previous sibling. */
export function indentCause(model: Fishbone, id: string): Fishbone {
  const at = findCause(model, id);
  if (!at || at.index === 0) return model;
  const siblings = at.parentId === null ? model.categories : findCause(model, at.parentId)!.node.causes;
  return moveCause(model, id, siblings[at.index - 1].id);
}

/** Shift+Tab: the cause becomes the sibling just after its parent. */
export function outdentCause(model: Fishbone, id: string): Fishbone {
  const at = findCause(model, id);
  if (!at || at.parentId === null) return model;
  const parent = findCause(model, at.parentId)!;
  return moveCause(model, id, parent.parentId, parent.index + 1);
}
