import assert from 'node:assert/strict';
import { parseFaultTree, parseFishbone } from '../../../src/core/diagrams';
import { faultTreeIdentity, faultTreeOutline, locateFaultTreeRow } from '../../../webview/diagram/faultTreeOutline';
import { EFFECT_KEY, fishboneIdentity, fishboneOutline, locateFishboneRow } from '../../../webview/diagram/fishboneOutline';
import { outlineCommand } from '../../../webview/diagram/outlineKeys';
import type { StructuralAction } from '../../../webview/diagram/outlineModel';

const FISH = ['ishikawa-beta', '  Checkout failed', '    People', '      New on-call', '    Process', '      No canary'].join('\n');
const TREE = [
  'flowchart TB', '  %% ft:fault-tree v1',
  '  %% ft:gate G1 or', '  G1["Checkout down"]', '  G1 --> G2 & E3',
  '  %% ft:gate G2 and', '  G2["Both replicas down"]', '  G2 --> E1 & E2',
  '  %% ft:event E1 basic p=0.1', '  E1["Disk full"]@{ shape: circle }',
  '  %% ft:event E2 basic p=0.2', '  E2["Replica lag"]@{ shape: circle }',
  '  %% ft:event E3 basic p=0.05', '  E3["LB misconfigured"]@{ shape: circle }',
].join('\n');

describe('fishbone outline', () => {
  const model = () => parseFishbone(FISH).model;
  const run = (key: string, action: StructuralAction) => fishboneOutline.act(model(), key, action);

  it('lists the effect, categories and causes with their depth', () => {
    assert.deepEqual(fishboneOutline.rows(model()).map((r) => [r.key, r.depth, r.label, r.role]), [
      [EFFECT_KEY, 0, 'Checkout failed', 'effect'], ['0', 1, 'People', 'category'], ['0.0', 2, 'New on-call', 'cause'],
      ['1', 1, 'Process', 'category'], ['1.0', 2, 'No canary', 'cause'],
    ]);
  });

  it('Enter adds a sibling after the row and starts renaming it, changing one line of text', () => {
    const r = run('0.0', 'addSibling');
    assert.equal(r.select, '0.1');
    assert.equal(r.rename, true);
    assert.equal(fishboneOutline.print(r.model), FISH.replace('New on-call', 'New on-call\n      New cause'));
  });

  it('Tab indents under the previous sibling, Shift+Tab outdents back', () => {
    const r = run('1', 'indent');
    assert.equal(r.select, '0.1');
    assert.equal(fishboneOutline.print(r.model), ['ishikawa-beta', '  Checkout failed', '    People', '      New on-call', '      Process', '        No canary'].join('\n'));
    const back = fishboneOutline.act(r.model, '0.1', 'outdent');
    assert.equal(fishboneOutline.print(back.model), FISH);
    assert.equal(back.select, '1');
  });

  it('Delete removes the row and selects its neighbour; the effect cannot be deleted', () => {
    const r = run('0', 'delete');
    assert.equal(fishboneOutline.print(r.model), ['ishikawa-beta', '  Checkout failed', '    Process', '      No canary'].join('\n'));
    assert.equal(r.select, '0');
    const m = model();
    assert.equal(fishboneOutline.act(m, EFFECT_KEY, 'delete').model, m);
  });

  it('renames and moves a cause to another category', () => {
    const renamed = fishboneOutline.rename(model(), '1.0', 'No canary <b>stage</b> #1');
    assert.match(fishboneOutline.print(renamed), /^ {6}No canary #lt;b#gt;stage#lt;\/b#gt; #1$/m);
    const moved = fishboneOutline.moveToCategory(model(), '0.0', '1');
    assert.equal(moved.select, '1.1');
    assert.equal(parseFishbone(fishboneOutline.print(moved.model)).model.categories[1].causes[1].label, 'New on-call');
  });
});

describe('fault-tree outline', () => {
  const tree = () => parseFaultTree(TREE).model;

  it('lists nodes depth-first with gate kinds and probabilities', () => {
    assert.deepEqual(faultTreeOutline.rows(tree()).map((r) => [r.key, r.depth, r.label, r.badge]), [
      ['G1', 0, 'Checkout down', 'OR'], ['G1/G2', 1, 'Both replicas down', 'AND'],
      ['G1/G2/E1', 2, 'Disk full', 'p=0.1'], ['G1/G2/E2', 2, 'Replica lag', 'p=0.2'], ['G1/E3', 1, 'LB misconfigured', 'p=0.05'],
    ]);
  });

  it('adds a sibling event after the row, with a generated id', () => {
    const r = faultTreeOutline.act(tree(), 'G1/G2/E1', 'addSibling');
    assert.equal(r.select, 'G1/G2/E4');
    assert.match(faultTreeOutline.print(r.model), /G2 --> E1 & E4 & E2/);
  });

  it('indents into the gate above and outdents back out', () => {
    const r = faultTreeOutline.act(tree(), 'G1/E3', 'indent');
    assert.equal(r.select, 'G1/G2/E3');
    assert.match(faultTreeOutline.print(r.model), /G1 --> G2\n/);
    assert.match(faultTreeOutline.print(r.model), /G2 --> E1 & E2 & E3/);
    const back = faultTreeOutline.act(r.model, 'G1/G2/E3', 'outdent');
    assert.equal(back.select, 'G1/E3');
    assert.equal(faultTreeOutline.print(back.model), faultTreeOutline.print(tree()), "back to the tree it started from");
  });

  it('deletes a subtree but never the top event', () => {
    const r = faultTreeOutline.act(tree(), 'G1/G2', 'delete');
    assert.deepEqual(r.model.nodes.map((n) => n.id), ['G1', 'E3']);
    const t = tree();
    assert.equal(faultTreeOutline.act(t, 'G1', 'delete').model, t);
  });
});

describe('outline keyboard map', () => {
  const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
    outlineCommand({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

  it('maps the documented keys', () => {
    assert.deepEqual(key('Enter'), { kind: 'structural', action: 'addSibling' });
    assert.deepEqual(key('Enter', { ctrlKey: true }), { kind: 'structural', action: 'addChild' });
    assert.deepEqual(key('Tab'), { kind: 'structural', action: 'indent' });
    assert.deepEqual(key('Tab', { shiftKey: true }), { kind: 'structural', action: 'outdent' });
    assert.deepEqual(key('Delete'), { kind: 'structural', action: 'delete' });
    assert.deepEqual(key('F2'), { kind: 'rename' });
    assert.deepEqual(key('Enter', { altKey: true }), { kind: 'details' });
    assert.deepEqual(key('ArrowUp', { altKey: true }), { kind: 'structural', action: 'up' });
    assert.deepEqual(key('ArrowDown'), { kind: 'select', delta: 1 });
    assert.deepEqual(key('z', { ctrlKey: true }), { kind: 'history', direction: 'undo' });
    assert.deepEqual(key('Z', { metaKey: true, shiftKey: true }), { kind: 'history', direction: 'redo' });
    assert.deepEqual(key('y', { ctrlKey: true }), { kind: 'history', direction: 'redo' });
    assert.equal(key('a'), undefined);
  });
});

describe('rows named by identity, not position (trial13b F10)', () => {
  const fish = (text: string) => parseFishbone(text).model;
  const TWO = ['ishikawa-beta', '  Effect', '    Technology', '      Pool capped', '      One query per line', '      Retry', '      Retry'].join('\n');

  it('finds a fishbone cause again after a cause was added above it, and the effect always', () => {
    const id = fishboneIdentity(fish(TWO), '0.1')!;
    const moved = fish(TWO.replace('    Technology\n', '    Technology\n      Teammate cause\n'));
    assert.equal(locateFishboneRow(moved, id), '0.2');
    assert.equal(locateFishboneRow(moved, fishboneIdentity(fish(TWO), EFFECT_KEY)!), EFFECT_KEY);
  });

  it('gives up on a renamed, deleted or no longer distinguishable cause instead of guessing', () => {
    const id = fishboneIdentity(fish(TWO), '0.1')!;
    assert.equal(locateFishboneRow(fish(TWO.replace('One query per line', 'N+1 queries')), id), undefined);
    assert.equal(locateFishboneRow(fish(TWO.replace('      One query per line\n', '')), id), undefined);
    // Twins: the second "Retry" is found while both are there, not once a third one arrives.
    const twin = fishboneIdentity(fish(TWO), '0.3')!;
    assert.equal(locateFishboneRow(fish(TWO.replace('      Pool capped\n', '')), twin), '0.2');
    assert.equal(locateFishboneRow(fish(`${TWO}\n      Retry`), twin), undefined);
    assert.equal(locateFishboneRow(fish(TWO), 'not json'), undefined);
  });

  it('finds a fault-tree row by its node id under the same gate, else the node\'s first row', () => {
    const rows = faultTreeOutline.rows(parseFaultTree(TREE).model);
    assert.equal(locateFaultTreeRow(rows, faultTreeIdentity('G1/G2/E2')), 'G1/G2/E2');
    assert.equal(locateFaultTreeRow(rows, faultTreeIdentity('G1/E2')), 'G1/G2/E2');
    assert.equal(locateFaultTreeRow(rows, faultTreeIdentity('G1/E9')), undefined);
  });
});
