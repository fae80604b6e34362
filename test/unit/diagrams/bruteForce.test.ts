import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeFaultTree } from '../../../src/core/diagrams/analysis/analyze';
import type { FaultTree, FtNode, GateKind } from '../../../src/core/diagrams/faultTree/model';

/**
 * Independent oracle for small trees: evaluate the tree on every assignment of its events. Covers
 * what the SCRAM cross-check cannot (SCRAM 0.16.2 is wrong for vote gates whose inputs overlap).
 */
function truth(tree: FaultTree): { probability: number; cutSets: string[] } {
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  const events = tree.nodes.filter((n): n is Extract<FtNode, { type: 'event' }> => n.type === 'event');
  const failing: number[] = [];
  let probability = 0;
  for (let mask = 0; mask < 1 << events.length; mask++) {
    const value = (id: string): boolean => {
      const n = byId.get(id)!;
      if (n.type === 'event') return (mask & (1 << events.indexOf(n))) !== 0;
      const count = n.inputs.filter(value).length;
      return n.gate === 'and' ? count === n.inputs.length : n.gate === 'or' ? count > 0 : count >= n.k!;
    };
    if (!value(tree.nodes[0].id)) continue;
    failing.push(mask);
    probability += events.reduce((acc, e, i) => acc * (mask & (1 << i) ? e.probability! : 1 - e.probability!), 1);
  }
  // Minimal failing assignments are the minimal cut sets.
  const minimal = failing.filter((m) => !failing.some((o) => o !== m && (o & m) === o));
  const cutSets = minimal.map((m) => events.filter((_, i) => m & (1 << i)).map((e) => e.id).join('+')).sort();
  return { probability, cutSets };
}

const smallTrees = fc.record({
  probabilities: fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 9 }),
  gates: fc.array(fc.record({ kind: fc.constantFrom<GateKind>('and', 'or', 'vote'), inputs: fc.array(fc.nat(), { minLength: 2, maxLength: 5 }), k: fc.nat() }), { minLength: 1, maxLength: 6 }),
}).map(({ probabilities, gates }): FaultTree => {
  // Gate j may use any event and any later gate: overlapping inputs and shared events are common.
  const nodes: FtNode[] = gates.map((g, j) => {
    const choices = [...probabilities.map((_, e) => `E${e + 1}`), ...gates.slice(j + 1).map((_, x) => `G${j + 2 + x}`)];
    const inputs = [...new Set(g.inputs.map((i) => choices[i % choices.length]))];
    if (j + 1 < gates.length && !inputs.includes(`G${j + 2}`)) inputs.push(`G${j + 2}`);
    const id = `G${j + 1}`;
    return g.kind === 'vote' ? { id, type: 'gate', label: id, gate: 'vote', k: 1 + (g.k % inputs.length), inputs } : { id, type: 'gate', label: id, gate: g.kind, inputs };
  });
  probabilities.forEach((p, e) => nodes.push({ id: `E${e + 1}`, type: 'event', label: `E${e + 1}`, event: 'basic', probability: p / 1000 }));
  return { nodes };
});

describe('fault-tree analysis against truth tables', () => {
  it('the SCRAM 0.16.2 counterexample: atleast 2 of (E1 ∨ E2), E1, E2, E3 is just E1 ∨ E2', () => {
    const tree: FaultTree = {
      nodes: [
        { id: 'G1', type: 'gate', label: 'v', gate: 'vote', k: 2, inputs: ['G2', 'E1', 'E2', 'E3'] },
        { id: 'G2', type: 'gate', label: 'o', gate: 'or', inputs: ['E1', 'E2'] },
        { id: 'E1', type: 'event', label: '1', event: 'basic', probability: 0.1 },
        { id: 'E2', type: 'event', label: '2', event: 'basic', probability: 0.2 },
        { id: 'E3', type: 'event', label: '3', event: 'basic', probability: 0.3 },
      ],
    };
    const a = analyzeFaultTree(tree);
    assert.deepEqual(a.cutSets.map((c) => c.events.join('+')).sort(), ['E1', 'E2']);
    assert.ok(Math.abs(a.probability!.exact - 0.28) < 1e-12);
  });

  it('gives the exact probability and the minimal cut sets of random small trees', () => {
    fc.assert(fc.property(smallTrees, (tree) => {
      const expected = truth(tree);
      const a = analyzeFaultTree(tree, { maxCutSets: 10_000 });
      assert.deepEqual(a.cutSets.map((c) => [...c.events].sort((x, y) => Number(x.slice(1)) - Number(y.slice(1))).join('+')).sort(), expected.cutSets);
      assert.ok(Math.abs(a.probability!.exact - expected.probability) < 1e-12, `${a.probability!.exact} vs ${expected.probability}`);
    }), { numRuns: 200 });
  });
});
