import { strict as assert } from 'node:assert';
import { analyzeFaultTree, analyzeFaultTreeBounded, FaultTreeAnalysisError } from '../../../src/core/diagrams/analysis/analyze';
import type { FaultTree, FtNode } from '../../../src/core/diagrams/faultTree/model';
import { validateFaultTree } from '../../../src/core/diagrams/faultTree/validate';
import { formatText } from '../../../src/cli/commands/fta';

const ev = (id: string, probability: number): FtNode => ({ id, type: 'event', label: id, event: 'basic', probability });
const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `E${i + 1}`);
const close = (a: number, b: number, rel = 1e-9): boolean => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) || Math.abs(a - b) < 1e-300;

/** P(at least k of n independent events of probability p), by dynamic programming over the count. */
function binomialTail(n: number, k: number, p: number): number {
  let dist = [1];
  for (let i = 0; i < n; i++) {
    const next = new Array<number>(dist.length + 1).fill(0);
    dist.forEach((q, c) => {
      next[c] += q * (1 - p);
      next[c + 1] += q * p;
    });
    dist = next;
  }
  return dist.slice(k).reduce((a, b) => a + b, 0);
}

/** Exactly k of n, same way. */
function binomialExactly(n: number, k: number, p: number): number {
  return binomialTail(n, k, p) - binomialTail(n, k + 1, p);
}

describe('fault tree analysis at scale (issue 9, part 8)', function () {
  this.timeout(60_000);

  it('analyses an OR of 2,000 events with about one decision-diagram node per event (a left fold took 500,502 for 1,000, and refused 2,000)', () => {
    const inputs = ids(2000);
    const p = (i: number): number => 1e-5 * (1 + (i % 7));
    const t: FaultTree = { nodes: [{ id: 'G1', type: 'gate', label: 'any', gate: 'or', inputs }, ...inputs.map((id, i) => ev(id, p(i)))] };
    const a = analyzeFaultTree(t, { maxCutSets: 5 });
    assert.ok(a.stats.bddNodes <= 2 * inputs.length + 2, `BDD nodes ${a.stats.bddNodes}`);
    assert.equal(a.cutSetCount, 2000);
    assert.equal(a.singlePointsOfFailure.length, 2000);
    const exact = 1 - inputs.reduce((acc, _, i) => acc * (1 - p(i)), 1);
    assert.ok(close(a.probability!.exact, exact), `${a.probability!.exact} vs ${exact}`);
  });

  it('analyses a 500-of-1,000 vote gate and its importance (was more than 120 s with no message)', () => {
    const inputs = ids(1000);
    const t: FaultTree = { nodes: [{ id: 'G1', type: 'gate', label: 'half', gate: 'vote', k: 500, inputs }, ...inputs.map((id) => ev(id, 0.3))] };
    const a = analyzeFaultTree(t, { maxOrder: 10 });
    const tail = binomialTail(1000, 500, 0.3);
    assert.ok(close(a.probability!.exact, tail, 1e-6), `P ${a.probability!.exact} vs ${tail}`);
    // Birnbaum: the event decides exactly when 499 of the other 999 occur; FV = p × Birnbaum / P.
    const birnbaum = binomialExactly(999, 499, 0.3);
    assert.equal(a.importance!.length, 1000);
    for (const row of a.importance!) {
      assert.ok(close(row.birnbaum, birnbaum, 1e-6), `${row.id}: ${row.birnbaum} vs ${birnbaum}`);
      assert.ok(close(row.fussellVesely, (0.3 * birnbaum) / tail, 1e-6));
    }
    assert.equal(a.cutSetCount, 0, 'no cut set of at most 10 events');
    assert.equal(a.limits.orderTruncated, true);
  });

  it('validates and analyses a chain of 4,000 gates without overflowing the call stack', () => {
    const n = 4000;
    const nodes: FtNode[] = [];
    for (let i = 1; i <= n; i++) {
      nodes.push({ id: `G${i}`, type: 'gate', label: `g${i}`, gate: i % 2 ? 'or' : 'and', inputs: i < n ? [`G${i + 1}`, `E${i}`] : [`E${i}`, `E${i + 1}`] });
    }
    for (let i = 1; i <= n + 1; i++) nodes.push(ev(`E${i}`, 0.01 + (i % 10) / 100));
    const t: FaultTree = { nodes };
    assert.deepEqual(validateFaultTree(t), []);
    const a = analyzeFaultTree(t, { maxOrder: 4 });
    const pOf = (i: number): number => 0.01 + (i % 10) / 100;
    // Every event appears once, so each gate's probability follows from its inputs'.
    let q = n % 2 ? 1 - (1 - pOf(n)) * (1 - pOf(n + 1)) : pOf(n) * pOf(n + 1);
    for (let i = n - 1; i >= 1; i--) q = i % 2 ? 1 - (1 - q) * (1 - pOf(i)) : q * pOf(i);
    assert.ok(close(a.probability!.exact, q), `${a.probability!.exact} vs ${q}`);
    assert.deepEqual(a.singlePointsOfFailure, ['E1']);
    assert.ok(a.stats.bddNodes < 4 * n, `BDD nodes ${a.stats.bddNodes}`);
  });

  it('says an AND of 1,200 events at 0.5 is below what a double holds (0.5^1200 underflows), never "0 exact"; an impossible top stays 0', () => {
    const inputs = ids(1200);
    const t: FaultTree = { nodes: [{ id: 'G1', type: 'gate', label: 'all', gate: 'and', inputs }, ...inputs.map((id) => ev(id, 0.5))] };
    const a = analyzeFaultTree(t, { maxOrder: 2 });
    assert.equal(a.probability!.exact, 0);
    assert.equal(a.probability!.underflow, true);
    assert.match(formatText(a, 'x.md:3'), /Top event probability: below 1e-300, too small for a floating-point number/);
    assert.doesNotMatch(formatText(a, 'x.md:3'), /0 \(exact/);
    const small = analyzeFaultTree({ nodes: [{ id: 'G1', type: 'gate', label: 'all', gate: 'and', inputs: ['E1', 'E2'] }, ev('E1', 0.5), ev('E2', 0)] });
    assert.equal(small.probability!.exact, 0);
    assert.equal(small.probability!.underflow, undefined, 'an event at probability 0 makes 0 the exact answer');
  });

  it('finds a cycle at the end of a 4,000-gate chain', () => {
    const n = 4000;
    const nodes: FtNode[] = [];
    for (let i = 1; i <= n; i++) nodes.push({ id: `G${i}`, type: 'gate', label: 'g', gate: 'or', inputs: i < n ? [`G${i + 1}`, `E${i}`] : ['G1', `E${i}`] });
    for (let i = 1; i <= n; i++) nodes.push(ev(`E${i}`, 0.1));
    assert.deepEqual(validateFaultTree({ nodes }).filter((x) => x.code === 'fault-tree/cycle').map((x) => x.nodeId), [`G${n}`]);
  });
});

describe('bounded fault tree analysis (what the diagram editor calls)', () => {
  // Top = AND of 12 ORs of 3 overlapping events: a small BDD, many more ZBDD nodes for its 101 cut sets.
  const n = 12;
  const tree: FaultTree = {
    nodes: [
      { id: 'G1', type: 'gate', label: 'top', gate: 'and', inputs: Array.from({ length: n }, (_, i) => `G${i + 2}`) },
      ...Array.from({ length: n }, (_, i): FtNode => ({ id: `G${i + 2}`, type: 'gate', label: 'g', gate: 'or', inputs: [`E${i + 1}`, `E${((i + 1) % n) + 1}`, `E${((i + 5) % n) + 1}`] })),
      ...ids(n).map((id) => ev(id, 0.1)),
    ],
  };

  it('keeps probability, importance and single points of failure when the cut sets pass the node budget, and says so', () => {
    const full = analyzeFaultTree(tree, { maxOrder: 12 });
    const r = analyzeFaultTreeBounded(tree, { maxOrder: 12, maxNodes: 500 });
    assert.ok(r.analysis, r.error);
    const cut = r.analysis.cutShort;
    assert.ok(cut, 'cut short');
    assert.equal(cut.stage, 'cut-sets');
    assert.match(cut.message, /^Analysis cut short: the minimal cut sets are too large to analyse here \(Stopped: the decision diagram passed \d+ nodes\), so they are not shown; the top-event probability, importance and single points of failure are exact\./);
    assert.deepEqual(r.analysis.cutSets, []);
    assert.equal(r.analysis.probability!.exact, full.probability!.exact);
    assert.deepEqual(r.analysis.importance, full.importance);
    assert.deepEqual(r.analysis.singlePointsOfFailure, full.singlePointsOfFailure);
    assert.throws(() => analyzeFaultTree(tree, { maxOrder: 12, maxNodes: 500 }), (e: unknown) => e instanceof FaultTreeAnalysisError && /too large to analyse/.test(e.message));
  });

  it('finds single points of failure from the diagram alone when the cut sets are cut short', () => {
    const t: FaultTree = {
      nodes: [
        { id: 'G1', type: 'gate', label: 'top', gate: 'or', inputs: ['A', 'G2', 'B'] },
        { id: 'G2', type: 'gate', label: 'both', gate: 'and', inputs: ['C', 'D'] },
        ev('A', 0.01), ev('B', 0.2), ev('C', 0.5), ev('D', 0.5),
      ],
    };
    const full = analyzeFaultTree(t);
    const r = analyzeFaultTreeBounded(t, { maxNodes: 12 });
    assert.ok(r.analysis?.cutShort, r.error ?? 'not cut short');
    assert.deepEqual(full.singlePointsOfFailure, ['B', 'A']);
    assert.deepEqual(r.analysis.singlePointsOfFailure, ['B', 'A']);
  });

  it('returns a message instead of throwing when the top event itself passes the budget, or the tree is unsound', () => {
    const inputs = ids(30);
    const t: FaultTree = { nodes: [{ id: 'G1', type: 'gate', label: 'v', gate: 'vote', k: 15, inputs }, ...inputs.map((id) => ev(id, 0.1))] };
    const r = analyzeFaultTreeBounded(t, { maxNodes: 100 });
    assert.equal(r.analysis, undefined);
    assert.match(r.error!, /^Analysis cut short: the tree is too large to analyse here\. Stopped: the decision diagram passed 100 nodes\. Nothing could be computed/);
    const cyclic: FaultTree = { nodes: [{ id: 'G1', type: 'gate', label: 'x', gate: 'or', inputs: ['G1', 'A'] }, ev('A', 0.1)] };
    assert.match(analyzeFaultTreeBounded(cyclic).error!, /cycle/);
  });

  it('stops at its time budget with a message naming it', () => {
    const inputs = ids(2000);
    const t: FaultTree = { nodes: [{ id: 'G1', type: 'gate', label: 'v', gate: 'vote', k: 1000, inputs }, ...inputs.map((id) => ev(id, 0.5))] };
    // 1,000 × 1,000 decision-diagram nodes: far more than 1 ms of work on any machine.
    const r = analyzeFaultTreeBounded(t, { timeMs: 1 });
    assert.match(r.error ?? r.analysis?.cutShort?.message ?? '', /ran out of its time budget after [\d,]+ decision-diagram nodes \(1 ms\)/);
  });
});
