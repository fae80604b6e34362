import {
  addCause, addChild, causeLineBudgets, newFaultTree, newFishbone, parseFishbone, printFaultTree, printFishbone, type FaultTree, type Fishbone,
} from '../../src/core/diagrams';

/** Labels that must be drawn exactly as typed, without running anything or changing the config. */
export const HOSTILE_LABELS = [
  'Quote "double" and \'single\'',
  'Brackets [x] (y) {z} <w>',
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '%%{init: {"theme":"forest","themeVariables":{"primaryColor":"#ff0000","lineColor":"#ff0000"}}}%%',
  'click E1 "javascript:window.__pwned = \'click\'"',
  'Ishikawa diagrams were drawn by hand',
  'end',
  'Ran `kubectl drain` with ``` fences',
  'Pager 📟 stayed silent 🙈',
  'A & B; C # D % 100',
];

export function hostileFishbone(): string {
  let model: Fishbone = newFishbone('Checkout <b>502</b> for 41 "minutes"', ['People', 'Process', 'Technology']);
  HOSTILE_LABELS.forEach((label, i) => {
    model = addCause(model, model.categories[i % 3].id, label).model;
  });
  return printFishbone(model);
}

/**
 * The lines each hostile label's row has room for in hostileFishbone (label i is under category
 * i % 3): crowded causes are drawn cut to them (core crowding, trial16b F2).
 */
export function hostileCauseLines(): number[] {
  const budgets = causeLineBudgets(parseFishbone(hostileFishbone()).model);
  return HOSTILE_LABELS.map((_, i) => budgets[i % 3]);
}

export function hostileFaultTree(): string {
  let tree: FaultTree = newFaultTree('Top <script>window.__pwned = "top"</script> "event"');
  const top = tree.nodes[0].id;
  const and = addChild(tree, top, { type: 'gate', label: 'Both [replicas] end', gate: 'and' });
  tree = and.tree;
  HOSTILE_LABELS.forEach((label, i) => {
    const parent = i < 3 ? and.id : top;
    tree = addChild(tree, parent, { type: 'event', label, event: 'basic', probability: 0.01 * (i + 1) }).tree;
  });
  return printFaultTree(tree);
}

/** The trial's tree (docs/diagrams.md's shape): OR(AND(0.01, 0.05), 0.001), P(top) = 0.0014995. */
export function dnsFaultTree(): string {
  let tree: FaultTree = newFaultTree('Customers cannot resolve our domain');
  const top = tree.nodes[0].id;
  const and = addChild(tree, top, { type: 'gate', label: 'Bad config reaches production', gate: 'and' });
  tree = and.tree;
  tree = addChild(tree, and.id, { type: 'event', label: 'Bad config pushed', event: 'basic', probability: 0.01 }).tree;
  tree = addChild(tree, and.id, { type: 'event', label: 'Health check did not roll back', event: 'basic', probability: 0.05 }).tree;
  tree = addChild(tree, top, { type: 'event', label: 'Upstream resolver outage', event: 'basic', probability: 0.001 }).tree;
  return printFaultTree(tree);
}

/** A fishbone of 6 categories × 9 causes + effect ≈ 60 nodes. */
export function fishbone60(): string {
  let model = newFishbone('Checkout returned 502 for 41 minutes');
  for (const category of model.categories) {
    for (let i = 0; i < 9; i++) model = addCause(model, category.id, `${category.label} cause ${i + 1}`).model;
  }
  return printFishbone(model);
}

/** A fault tree of 60 nodes: top OR of 11 AND gates with 4 basic events each (+ 4 direct events). */
export function faultTree60(): string {
  let tree = newFaultTree('Checkout unavailable');
  const top = tree.nodes[0].id;
  let e = 0;
  for (let g = 0; g < 11; g++) {
    const gate = addChild(tree, top, { type: 'gate', label: `Subsystem ${g + 1} down`, gate: g % 3 === 2 ? 'vote' : 'and', k: 2 });
    tree = gate.tree;
    for (let i = 0; i < 4; i++) tree = addChild(tree, gate.id, { type: 'event', label: `Failure ${++e}`, event: 'basic', probability: 0.01 + e / 1000 }).tree;
  }
  while (tree.nodes.length < 60) tree = addChild(tree, top, { type: 'event', label: `Direct failure ${++e}`, event: 'basic', probability: 0.0001 }).tree;
  return printFaultTree(tree);
}
