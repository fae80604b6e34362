import { strict as assert } from 'node:assert';
import { analyzeFaultTree, FaultTreeAnalysisError } from '../../../src/core/diagrams/analysis/analyze';
import { escapeXml, mefName, toOpenPsaMef } from '../../../src/core/diagrams/analysis/mef';
import type { FaultTree, FtNode } from '../../../src/core/diagrams/faultTree/model';
import { parseFaultTree } from '../../../src/core/diagrams/faultTree/parse';
import { fixture } from './fixtures';

const ev = (id: string, probability?: number): FtNode => ({ id, type: 'event', label: id, event: 'basic', ...(probability === undefined ? {} : { probability }) });
const sets = (t: FaultTree, maxOrder?: number): string[] => analyzeFaultTree(t, { maxOrder }).cutSets.map((c) => c.events.join('+')).sort();

describe('fault tree analysis', () => {
  it('the shared doc example: OR(AND(A, B), C) has cut sets {A,B}, {C} and P = 0.069 (rare-event 0.07)', () => {
    const t: FaultTree = {
      nodes: [
        { id: 'G1', type: 'gate', label: 'top', gate: 'or', inputs: ['G2', 'C'] },
        { id: 'G2', type: 'gate', label: 'both', gate: 'and', inputs: ['A', 'B'] },
        ev('A', 0.1), ev('B', 0.2), ev('C', 0.05),
      ],
    };
    const a = analyzeFaultTree(t);
    assert.deepEqual(a.cutSets.map((c) => c.events), [['C'], ['A', 'B']]);
    assert.deepEqual(a.singlePointsOfFailure, ['C']);
    assert.ok(Math.abs(a.probability!.exact - 0.069) < 1e-12);
    assert.ok(Math.abs(a.probability!.rareEvent - 0.07) < 1e-12);
  });

  it('minimises across shared events: OR(A, AND(A, B)) is just {A}', () => {
    const t: FaultTree = {
      nodes: [
        { id: 'G1', type: 'gate', label: 'top', gate: 'or', inputs: ['A', 'G2'] },
        { id: 'G2', type: 'gate', label: 'g', gate: 'and', inputs: ['A', 'B'] },
        ev('A', 0.1), ev('B', 0.2),
      ],
    };
    assert.deepEqual(sets(t), ['A']);
    assert.ok(Math.abs(analyzeFaultTree(t).probability!.exact - 0.1) < 1e-12);
  });

  it('k-of-n: 2 of 3 gives the three pairs and the exact binomial probability', () => {
    const t: FaultTree = { nodes: [{ id: 'G1', type: 'gate', label: 'v', gate: 'vote', k: 2, inputs: ['A', 'B', 'C'] }, ev('A', 0.1), ev('B', 0.1), ev('C', 0.1)] };
    assert.deepEqual(sets(t), ['A+B', 'A+C', 'B+C']);
    const p = analyzeFaultTree(t).probability!.exact;
    assert.ok(Math.abs(p - (3 * 0.01 * 0.9 + 0.001)) < 1e-12);
  });

  it('house events switch branches on and off', () => {
    const tree = (on: boolean): FaultTree => ({
      nodes: [
        { id: 'G1', type: 'gate', label: 'top', gate: 'or', inputs: ['G2', 'C'] },
        { id: 'G2', type: 'gate', label: 'g', gate: 'and', inputs: ['H', 'A'] },
        { id: 'H', type: 'event', label: 'maintenance', event: 'house', houseState: on },
        ev('A', 0.1), ev('C', 0.2),
      ],
    });
    assert.deepEqual(sets(tree(true)), ['A', 'C']);
    assert.deepEqual(sets(tree(false)), ['C']);
  });

  it('bounds the order and says so', () => {
    const t: FaultTree = { nodes: [{ id: 'G1', type: 'gate', label: 'all', gate: 'and', inputs: ['A', 'B', 'C'] }, ev('A', 0.1), ev('B', 0.1), ev('C', 0.1)] };
    const cut = analyzeFaultTree(t, { maxOrder: 2 });
    assert.equal(cut.cutSets.length, 0);
    assert.equal(cut.limits.orderTruncated, true);
    assert.ok(Math.abs(cut.probability!.exact - 0.001) < 1e-15, 'exact probability does not depend on the cut-set bound');
    assert.equal(analyzeFaultTree(t, { maxOrder: 3 }).limits.orderTruncated, false);
  });

  it('bounds the listed count, keeping the most probable and the true total', () => {
    const inputs = Array.from({ length: 12 }, (_, i) => `E${i + 1}`);
    const t: FaultTree = { nodes: [{ id: 'G1', type: 'gate', label: 'any', gate: 'or', inputs }, ...inputs.map((id, i) => ev(id, (i + 1) / 100))] };
    const a = analyzeFaultTree(t, { maxCutSets: 3 });
    assert.equal(a.cutSetCount, 12);
    assert.equal(a.limits.countTruncated, true);
    assert.deepEqual(a.cutSets.map((c) => c.events[0]), ['E12', 'E11', 'E10']);
    assert.equal(a.singlePointsOfFailure.length, 12);
  });

  it('importance of the fixture matches SCRAM (MIF = Birnbaum, CIF = Fussell–Vesely)', () => {
    const a = analyzeFaultTree(parseFaultTree(fixture('fault-tree.mmd')).model);
    assert.ok(Math.abs(a.probability!.exact - 0.00654338) / 0.00654338 < 1e-5);
    const e1 = a.importance!.find((r) => r.id === 'E1')!;
    // Values from `scram --importance true` on the exported fixture.
    assert.ok(Math.abs(e1.birnbaum - 0.994451) < 1e-6);
    assert.ok(Math.abs(e1.fussellVesely - 0.151978) < 1e-6);
    assert.deepEqual(a.orderDistribution, [0, 1, 4]);
  });

  it('without all probabilities: cut sets yes, probabilities no, and says which are missing', () => {
    const t: FaultTree = { nodes: [{ id: 'G1', type: 'gate', label: 'x', gate: 'or', inputs: ['A', 'B'] }, ev('A', 0.1), ev('B')] };
    const a = analyzeFaultTree(t);
    assert.deepEqual(a.missingProbabilities, ['B']);
    assert.equal(a.probability, undefined);
    assert.equal(a.cutSets.length, 2);
  });

  it('refuses a tree with structural errors with a clear message', () => {
    const t: FaultTree = { nodes: [{ id: 'G1', type: 'gate', label: 'x', gate: 'or', inputs: ['G1', 'A'] }, ev('A', 0.1)] };
    assert.throws(() => analyzeFaultTree(t), (e: unknown) => e instanceof FaultTreeAnalysisError && /cycle/.test(e.message));
  });
});

describe('Open-PSA MEF export', () => {
  it('escapes labels, uses NCName-safe names and maps k-of-n bounds', () => {
    const t: FaultTree = {
      nodes: [
        { id: 'G1', type: 'gate', label: '<top> & "x"', gate: 'vote', k: 3, inputs: ['A', 'B', 'C'] },
        ev('A', 0.1), ev('B', 0.1), { id: 'C', type: 'event', label: 'c', event: 'house', houseState: true },
      ],
    };
    const xml = toOpenPsaMef(t);
    assert.match(xml, /<label>&lt;top&gt; &amp; &quot;x&quot;<\/label>/);
    assert.match(xml, /<and>/, 'k = n is an AND');
    assert.match(xml, /<define-house-event name="C">[\s\S]*<constant value="true"\/>/);
    assert.equal(mefName('1.x y'), '_1_x_y');
    assert.equal(escapeXml('a\u0000b'), 'ab');
  });
});

describe('fault tree analysis bounds', () => {
  it('gives up with a clear error instead of exhausting memory', () => {
    const inputs = Array.from({ length: 30 }, (_, i) => `E${i + 1}`);
    const t: FaultTree = { nodes: [{ id: 'G1', type: 'gate', label: 'v', gate: 'vote', k: 15, inputs }, ...inputs.map((id) => ev(id, 0.1))] };
    assert.throws(() => analyzeFaultTree(t, { maxNodes: 100 }), (e: unknown) => e instanceof FaultTreeAnalysisError && /too large to analyse/.test(e.message));
  });
});
