import { strict as assert } from 'node:assert';
import { analyzeFaultTreeBounded, type FaultTree, type FtNode } from '../../../src/core/diagrams';
import { limitsSentence } from '../../../webview/diagram/analysisView';
import { ANALYSIS_LIMITS } from '../../../webview/diagram/faultTreeSession';

const ev = (id: string, p: number): FtNode => ({ id, type: 'event', label: id, event: 'basic', probability: p });
const ids = (n: number, prefix = 'E') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/** What the panel's analysis section says it left out (the sentence above the cut-set table). */
describe('the diagram panel says what its bounded analysis left out', () => {
  it('says nothing when every minimal cut set is listed', () => {
    const tree: FaultTree = { nodes: [{ id: 'G1', type: 'gate', label: 'top', gate: 'or', inputs: ids(3) }, ...ids(3).map((id) => ev(id, 0.1))] };
    const r = analyzeFaultTreeBounded(tree, ANALYSIS_LIMITS);
    assert.equal(limitsSentence(r.analysis!, r.analysis!.cutSets.length), undefined);
  });

  it('names the count and the order limits with the panel\'s budget (200 listed, order ≤ 6)', () => {
    // 250 single events and one AND of 7 under the top OR.
    const tree: FaultTree = {
      nodes: [
        { id: 'G1', type: 'gate', label: 'top', gate: 'or', inputs: ['G2', ...ids(250)] },
        { id: 'G2', type: 'gate', label: 'seven', gate: 'and', inputs: ids(7, 'F') },
        ...ids(250).map((id) => ev(id, 0.001)), ...ids(7, 'F').map((id) => ev(id, 0.5)),
      ],
    };
    const a = analyzeFaultTreeBounded(tree, ANALYSIS_LIMITS).analysis!;
    assert.equal(a.cutSets.length, 200);
    assert.equal(limitsSentence(a, 200), 'Showing the first 200 of 250 minimal cut sets of order ≤ 6, most probable first. Cut sets of more than 6 events were not computed. The top-event probability and importance cover every cut set.');
    // Only the order limit: every set of order ≤ 6 is listed.
    const small: FaultTree = { nodes: [tree.nodes[0], tree.nodes[1], ...tree.nodes.slice(2)].map((n) => (n.id === 'G1' && n.type === 'gate' ? { ...n, inputs: ['G2', 'E1'] } : n)) };
    const b = analyzeFaultTreeBounded(small, ANALYSIS_LIMITS).analysis!;
    assert.equal(limitsSentence(b, b.cutSets.length), 'Showing the 1 minimal cut sets of order ≤ 6. Cut sets of more than 6 events were not computed. The top-event probability and importance cover every cut set.');
  });

  it('passes on the core\'s sentence when the cut sets were cut short by the node budget', () => {
    // Top = AND of 12 ORs of 3 overlapping events: a small BDD, many more ZBDD nodes for its cut sets.
    const n = 12;
    const tree: FaultTree = {
      nodes: [
        { id: 'G1', type: 'gate', label: 'top', gate: 'and', inputs: Array.from({ length: n }, (_, i) => `G${i + 2}`) },
        ...Array.from({ length: n }, (_, i): FtNode => ({ id: `G${i + 2}`, type: 'gate', label: 'g', gate: 'or', inputs: [`E${i + 1}`, `E${((i + 1) % n) + 1}`, `E${((i + 5) % n) + 1}`] })),
        ...ids(n).map((id) => ev(id, 0.1)),
      ],
    };
    const a = analyzeFaultTreeBounded(tree, { ...ANALYSIS_LIMITS, maxOrder: 12, maxNodes: 500 }).analysis!;
    assert.ok(a.cutShort);
    assert.match(limitsSentence(a, 0)!, /^Analysis cut short: the minimal cut sets are too large to analyse here \(Stopped: the decision diagram passed \d+ nodes\), so they are not shown; the top-event probability, importance and single points of failure are exact\. To see them, split the tree into sub-trees \(transfer events\)\.$/);
  });
});
