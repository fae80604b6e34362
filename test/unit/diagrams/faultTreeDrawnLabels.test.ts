import assert from 'node:assert/strict';
import { drawnFaultTreeLabel, isFaultTreeLabelCut, MAX_DRAWN_LABEL, printFaultTree, withDrawnFaultTreeLabels, type FaultTree } from '../../../src/core/diagrams';

/** The editor's fault-tree drawing cuts long labels as the fishbone's does (trial14b F8: a 190-character event took the whole drawing). */
describe('fault-tree labels as drawn', () => {
  const LONG = `Redis failover took 40 s because the sentinel quorum was misconfigured, see https://wiki.example.com/incidents/2026/checkout/redis-failover-sentinel-quorum 🔥 and the runbook that nobody had updated since the migration`;

  it('cuts a long label to the fishbone\'s length with "…" and breaks a URL into pieces the flowchart can wrap', () => {
    const drawn = drawnFaultTreeLabel(LONG);
    assert.ok([...drawn.replace(/ /g, '')].length <= MAX_DRAWN_LABEL, drawn);
    assert.ok(drawn.endsWith('…'), drawn);
    assert.ok(drawn.split(' ').every((word) => [...word].length <= 24), drawn);
    assert.equal(isFaultTreeLabelCut(LONG), true);
  });

  it('leaves a short label as written', () => {
    assert.equal(drawnFaultTreeLabel('Payment provider down'), 'Payment provider down');
    assert.equal(isFaultTreeLabelCut('Payment provider down'), false);
  });

  it('changes only the labels: ids, kinds and probabilities are drawn as in the text', () => {
    const tree: FaultTree = { nodes: [
      { id: 'G1', type: 'gate', label: 'Checkout down', gate: 'or', inputs: ['E1', 'E2'] },
      { id: 'E1', type: 'event', label: LONG, event: 'basic', probability: 0.01 },
      { id: 'E2', type: 'event', label: 'Second cause', event: 'basic' },
    ] };
    const drawn = withDrawnFaultTreeLabels(tree);
    assert.equal(drawn.nodes[1].label, drawnFaultTreeLabel(LONG));
    assert.deepEqual({ ...drawn.nodes[1], label: LONG }, tree.nodes[1]);
    assert.equal(drawn.nodes[0], tree.nodes[0], 'a short label keeps its node');
    const text = printFaultTree(drawn);
    assert.ok(!text.includes('wiki.example.com/incidents/2026/checkout'), 'the URL is not drawn whole');
    assert.ok(text.includes('E1['), text);
  });
});
