/**
 * A fault-tree block written before labels were written readably (trial 12 T13: `p99 #62; 2s`, `#35;4411`,
 * `100#37;`) keeps every label the user did not edit byte for byte: the first edit in the diagram
 * editor used to rewrite them all, a diff on lines nobody touched.
 */
import assert from 'node:assert/strict';
import { parseFaultTree, printFaultTree, rename, setProbability, type FaultTree } from '../../../src/core/diagrams';
import { faultTreeSession } from '../../../webview/diagram/faultTreeSession';

const TREE: FaultTree = {
  nodes: [
    { id: 'G1', type: 'gate', label: 'Checkout p99 > 2s; incident #4411;', gate: 'or', inputs: ['E1', 'E2'] },
    { id: 'E1', type: 'event', label: 'Pool at 100% [db]', event: 'basic', probability: 0.01 },
    { id: 'E2', type: 'event', label: 'Cache {eu} | us', event: 'basic' },
  ],
};

/** The block as the printer before T13 wrote it: every one of `> ; # % [ ] { } |` as a character code. */
const OLD = printFaultTree(TREE)
  .replace('Checkout p99 > 2s; incident #35;4411;', 'Checkout p99 #62; 2s#59; incident #35;4411#59;')
  .replace('Pool at 100% [db]', 'Pool at 100#37; #91;db#93;')
  .replace('Cache {eu} | us', 'Cache #123;eu#125; #124; us');

/** Lines of `after` that are not in `before`, in order. */
const changed = (before: string, after: string) => after.split('\n').filter((l) => !before.split('\n').includes(l));

describe('fault-tree printer: labels written in the old spelling', () => {
  it('the old block reads as the same tree (the test starts from the spelling users have)', () => {
    assert.notEqual(OLD, printFaultTree(TREE));
    assert.ok(OLD.includes('G1["Checkout p99 #62; 2s#59; incident #35;4411#59;<br/>OR"]'), OLD);
    assert.deepEqual(parseFaultTree(OLD).model, TREE);
  });

  it('a probability change rewrites only that event\'s data line and drawn value, not any label', () => {
    const parsed = parseFaultTree(OLD);
    const after = printFaultTree(setProbability(parsed.model, 'E1', 0.05), { written: parsed.written });
    assert.deepEqual(changed(OLD, after), ['  %% ft:event E1 basic p=0.05', '  E1["Pool at 100#37; #91;db#93;<br/>p = 0.05"]@{ shape: circle }']);
    assert.equal(changed(after, OLD).length, 2);
    // Without what the block wrote, every label is rewritten: the diff the user saw.
    assert.equal(changed(OLD, printFaultTree(setProbability(parsed.model, 'E1', 0.05))).length, 4);
  });

  it('a renamed node is written in today\'s spelling; the others stay as written', () => {
    const parsed = parseFaultTree(OLD);
    const after = printFaultTree(rename(parsed.model, 'E2', 'Cache {eu} | us > 80%'), { written: parsed.written });
    assert.deepEqual(changed(OLD, after), ['  E2["Cache {eu} | us > 80%<br/>p = ?"]@{ shape: circle }']);
    assert.deepEqual(parseFaultTree(after).model.nodes.map((n) => n.label), ['Checkout p99 > 2s; incident #4411;', 'Pool at 100% [db]', 'Cache {eu} | us > 80%']);
  });

  it('a label renamed back to its old text is written as it was', () => {
    const parsed = parseFaultTree(OLD);
    const there = rename(parsed.model, 'E1', 'Pool full');
    const back = rename(there, 'E1', 'Pool at 100% [db]');
    assert.equal(printFaultTree(back, { written: parsed.written }), OLD);
  });

  it('the diagram editor\'s first edit of an old block changes only the edited node\'s lines', () => {
    const session = faultTreeSession(OLD);
    const e2 = session.rows().find((r) => r.label === 'Cache {eu} | us');
    assert.ok(e2);
    assert.ok(session.rename(e2.key, 'Cache eu down'));
    assert.deepEqual(changed(OLD, session.text()), ['  E2["Cache eu down<br/>p = ?"]@{ shape: circle }']);
    assert.equal(changed(session.text(), OLD).length, 1);
  });
});
