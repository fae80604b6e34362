import assert from 'node:assert/strict';
import { diagramTitle } from '../../../src/core/diagrams/diagramTitle';
import { BlockTracker, shiftedStartLine, spliceText, type TextChange } from '../../../src/vscode/diagrams/blockTracker';

const FISH = ['ishikawa-beta', '  Checkout failed', '    People', '      New on-call'].join('\n');
const FISH2 = ['ishikawa-beta', '  Search slow', '    Process', '      No canary'].join('\n');
const doc = (...blocks: string[]): string => ['# Post-mortem', '', ...blocks.flatMap((b) => ['```mermaid', b, '```', '']), 'The end.'].join('\n');

/** Applies one change the way the editor reports it and feeds the tracker. */
function edit(tracker: BlockTracker, text: string, version: number, change: TextChange): string {
  const next = spliceText(text, change.range, change.text);
  tracker.update(next, version, [change]);
  return next;
}
const at = (line: number, character = 0) => ({ line, character });

describe('BlockTracker', () => {
  it('opens only fishbone and fault-tree blocks', () => {
    assert.ok(BlockTracker.open(doc(FISH), 1, 0));
    assert.equal(BlockTracker.open(doc('sequenceDiagram\n  A->>B: hi'), 1, 0), undefined);
    assert.equal(BlockTracker.open(doc(FISH), 1, 1), undefined);
  });

  it('numbers a diagram among the diagrams of its kind: the only fault tree after a fishbone is "Fault tree 1" (trial T3)', () => {
    const TREE = ['flowchart TB', '  %% ft:fault-tree v2', '  T["Checkout down"]'].join('\n');
    const text = doc(FISH, 'sequenceDiagram\n  A->>B: hi', TREE, FISH2);
    const title = (index: number) => {
      const t = BlockTracker.open(text, 1, index)!;
      const s = t.state;
      return s.status === 'tracked' ? diagramTitle(s.kind, t.kindIndex) : 'gone';
    };
    assert.deepEqual([0, 2, 3].map(title), ['Fishbone 1', 'Fault tree 1', 'Fishbone 2']);
    // A fishbone inserted above the tree renumbers the second fishbone, not the tree.
    const t = BlockTracker.open(text, 1, 3)!;
    t.update(doc(FISH, FISH, TREE, FISH2), 2);
    const s = t.state;
    assert.ok(s.status === 'tracked' && s.block.index === 3);
    assert.equal(diagramTitle(s.kind, t.kindIndex), 'Fishbone 3');
  });

  it('follows the block when lines are added above it', () => {
    const text = doc(FISH);
    const t = BlockTracker.open(text, 1, 0)!;
    edit(t, text, 2, { range: { start: at(1), end: at(1) }, text: 'Intro\nMore intro\n' });
    const s = t.state;
    assert.equal(s.status, 'tracked');
    if (s.status === 'tracked') assert.equal(s.block.range.start.line, 4);
  });

  it('sees typing inside the block as a content change of the same block', () => {
    const text = doc(FISH);
    const t = BlockTracker.open(text, 1, 0)!;
    const next = spliceText(text, { start: at(6, 17), end: at(6, 17) }, ' engineer');
    const u = t.update(next, 2, [{ range: { start: at(6, 17), end: at(6, 17) }, text: ' engineer' }]);
    assert.deepEqual(u, { contentChanged: true, own: false, statusChanged: false });
    const s = t.state;
    assert.ok(s.status === 'tracked' && s.block.content.endsWith('New on-call engineer'));
  });

  it('finds a block moved elsewhere by its content, and never the wrong one', () => {
    const t = BlockTracker.open(doc(FISH, FISH2), 1, 0)!;
    // The two blocks swapped places (the editor reports one change over both).
    const swapped = doc(FISH2, FISH);
    t.update(swapped, 2, [{ range: { start: at(2), end: at(12) }, text: '…' }]);
    const s = t.state;
    assert.ok(s.status === 'tracked');
    if (s.status === 'tracked') {
      assert.equal(s.block.index, 1);
      assert.equal(s.block.content, FISH);
    }
  });

  it('says the block is gone when it was deleted, and refuses to write', () => {
    const text = doc(FISH, FISH2);
    const t = BlockTracker.open(text, 1, 0)!;
    const u = t.update(doc(FISH2), 2, [{ range: { start: at(2), end: at(8) }, text: '' }]);
    assert.equal(u.statusChanged, true);
    assert.equal(t.state.status, 'gone');
    const w = t.checkWrite(2, FISH);
    assert.equal(w.ok, false);
  });

  it('counts two identical candidates as gone rather than guess', () => {
    const t = BlockTracker.open(doc(FISH2, FISH), 1, 1)!;
    t.update(doc(FISH, FISH), 2, [{ range: { start: at(2), end: at(12) }, text: '…' }]);
    // Same index, same content: that one is ours.
    assert.equal(t.state.status, 'tracked');
    t.update(doc(FISH2, FISH2, FISH, FISH), 3, [{ range: { start: at(2), end: at(3) }, text: '…' }]);
    assert.equal(t.state.status, 'gone');
  });

  it('follows a fault tree through a change on disk that starts above it and ends inside it (trial14b F2)', () => {
    const TREE = ['flowchart TB', '  %% ft:fault-tree v1', '  %% ft:gate G1 or', '  G1["Top event (what failed)"]', '  G1 --> E1 & E2',
      '  %% ft:event E1 basic', '  E1["First cause"]@{ shape: circle }', '  %% ft:event E2 basic', '  E2["Second cause"]@{ shape: circle }'].join('\n');
    const before = doc(TREE).replace('# Post-mortem', '# Post-mortem\n- 14:05 alert');
    const t = BlockTracker.open(before, 1, 0)!;
    // The teammate edited the timeline line and added an event E9: VS Code reloads the file as one change
    // from the first changed line (above the block) to the last (inside it).
    const changed = TREE.replace('G1 --> E1 & E2', 'G1 --> E9 & E1 & E2').replace('  %% ft:event E1', '  %% ft:event E9 basic\n  E9["Teammate added on disk"]@{ shape: circle }\n  %% ft:event E1');
    const after = doc(changed).replace('# Post-mortem', '# Post-mortem\n- 14:06 alert (teammate)');
    const u = t.update(after, 2, [{ range: { start: at(1), end: at(8) }, text: '…' }]);
    assert.deepEqual(u, { contentChanged: true, own: false, statusChanged: false });
    const s = t.state;
    assert.ok(s.status === 'tracked' && s.block.content === changed);
    assert.equal(t.checkWrite(2, changed.replace('First cause', 'Redis failover took 40 s')).ok, true, 'the panel goes on writing');
  });

  it('gives a deleted block a reason that says how to get the panel back', () => {
    const t = BlockTracker.open(doc(FISH), 1, 0)!;
    t.update(doc(), 2, [{ range: { start: at(2), end: at(8) }, text: '' }]);
    const s = t.state;
    assert.ok(s.status === 'gone' && /reopen it with “Edit fishbone” above the block/.test(s.reason));
  });

  it('comes back when the deletion is undone', () => {
    const t = BlockTracker.open(doc(FISH), 1, 0)!;
    t.update(doc(), 2, [{ range: { start: at(2), end: at(8) }, text: '' }]);
    assert.equal(t.state.status, 'gone');
    const u = t.update(doc(FISH), 3, [{ range: { start: at(2), end: at(2) }, text: '…' }]);
    assert.equal(u.statusChanged, true);
    assert.equal(t.state.status, 'tracked');
  });

  it('writes the block content range only, with the document line breaks', () => {
    const text = doc(FISH).replace(/\n/g, '\r\n');
    const t = BlockTracker.open(text, 1, 0)!;
    const next = FISH.replace('New on-call', 'New on-call engineer');
    const w = t.checkWrite(1, next);
    assert.ok(w.ok);
    if (w.ok) {
      assert.deepEqual(w.range, { start: at(3), end: at(6, 17) });
      assert.equal(w.text, next.replace(/\n/g, '\r\n'));
      assert.equal(spliceText(text, w.range, w.text), doc(next).replace(/\n/g, '\r\n'));
    }
  });

  it('rejects an edit made before the block changed in the text, accepts one after unrelated typing', () => {
    let text = doc(FISH);
    const t = BlockTracker.open(text, 1, 0)!;
    text = edit(t, text, 2, { range: { start: at(0, 13), end: at(0, 13) }, text: ' (draft)' });
    assert.equal(t.checkWrite(1, FISH2).ok, true, 'the block itself did not change since version 1');
    edit(t, text, 3, { range: { start: at(6, 6), end: at(6, 9) }, text: 'Old' });
    const stale = t.checkWrite(2, FISH2);
    assert.equal(stale.ok, false);
    if (!stale.ok) assert.match(stale.reason, /changed in the text/);
    assert.equal(t.checkWrite(3, FISH2).ok, true);
    assert.equal(t.checkWrite(4, FISH2).ok, false, 'a version from the future is refused');
  });

  it('does not count the panel\'s own write as a change by someone else; typing in the text still counts (T8)', () => {
    const FISH3 = `${FISH2}\n      No overlap window`;
    let text = doc(FISH);
    const t = BlockTracker.open(text, 1, 0)!;
    // Edit 1 (made on version 1) is written; its echo is version 2.
    const first = t.checkWrite(1, FISH2);
    assert.ok(first.ok);
    if (!first.ok) return;
    text = spliceText(text, first.range, first.text);
    const echo = t.update(text, 2, [{ range: first.range, text: first.text }], FISH2);
    assert.deepEqual(echo, { contentChanged: true, own: true, statusChanged: false });
    // Edit 2 was built on edit 1 but names version 1 (the answer to edit 1 was not back yet): accepted.
    const second = t.checkWrite(1, FISH3);
    assert.equal(second.ok, true, second.ok ? '' : second.reason);
    // Someone types in the block: an edit made before that is refused, as before.
    text = edit(t, text, 3, { range: { start: at(5, 6), end: at(5, 9) }, text: 'Any' });
    const stale = t.checkWrite(2, FISH3);
    assert.equal(stale.ok, false);
    if (!stale.ok) assert.match(stale.reason, /changed in the text/);
    // An echo merged with typing in the block (content not exactly ours) is someone else's change.
    const third = t.checkWrite(3, FISH3);
    assert.ok(third.ok);
    if (!third.ok) return;
    const mixed = spliceText(text, third.range, third.text.replace('overlap', 'overlapping'));
    assert.equal(t.update(mixed, 4, [{ range: third.range, text: third.text }], FISH3).own, false);
    assert.equal(t.checkWrite(3, FISH3).ok, false);
  });

  it('refuses to overwrite text the parser does not understand, and refuses unparsable content', () => {
    const broken = FISH + '\n   Misindented cause';
    const t = BlockTracker.open(doc(broken), 1, 0)!;
    const w = t.checkWrite(1, FISH);
    assert.ok(!w.ok && /does not understand/.test(w.reason));
    const t2 = BlockTracker.open(doc(FISH), 1, 0)!;
    const w2 = t2.checkWrite(1, 'flowchart TB\n  A --> B');
    assert.ok(!w2.ok && /does not parse/.test(w2.reason));
  });

  it('refuses content that would close the fence and spill into the document', () => {
    const t = BlockTracker.open(doc(FISH), 1, 0)!;
    const w = t.checkWrite(1, ['ishikawa-beta', '  ```', '    People'].join('\n'));
    assert.ok(!w.ok && /code fence/.test(w.reason), JSON.stringify(w));
  });

  it('refuses to write into a block without a closing fence', () => {
    const text = ['# x', '```mermaid', FISH].join('\n');
    const t = BlockTracker.open(text, 1, 0)!;
    const w = t.checkWrite(1, FISH2);
    assert.ok(!w.ok && /closing fence/.test(w.reason));
  });
});

describe('shiftedStartLine', () => {
  it('shifts by lines added or removed before the fence, gives up when the fence line is touched', () => {
    assert.equal(shiftedStartLine(10, [{ range: { start: at(2), end: at(2) }, text: 'a\nb\n' }]), 12);
    assert.equal(shiftedStartLine(10, [{ range: { start: at(2), end: at(5) }, text: '' }]), 7);
    assert.equal(shiftedStartLine(10, [{ range: { start: at(12), end: at(13) }, text: '' }]), 10);
    assert.equal(shiftedStartLine(10, [{ range: { start: at(9), end: at(10, 2) }, text: '' }]), undefined);
  });
});
