import assert from 'node:assert/strict';
import { parseFishbone } from '../../../src/core/diagrams';
import { changedWords, refusedWords } from '../../../webview/diagram/actionWords';
import { fishboneOutline } from '../../../webview/diagram/fishboneOutline';
import type { StructuralAction } from '../../../webview/diagram/outlineModel';

/** What the diagram editor says after an outline action (trial14b F8: Tab and Shift+Tab reshaped the diagram without a word). */
const FISH = ['ishikawa-beta', '  Checkout failed', '    People', '      New on-call', '        No shadowing', '      Pager muted', '    Process', '      No canary'].join('\n');

function said(key: string, action: StructuralAction): string {
  const model = parseFishbone(FISH).model;
  const r = fishboneOutline.act(model, key, action);
  assert.notEqual(r.model, model, `${action} on ${key} changes the fishbone`);
  return changedWords(action, { rows: fishboneOutline.rows(model), key }, { rows: fishboneOutline.rows(r.model), key: r.select });
}

describe('what the outline says after an action', () => {
  it('names the row and where it went: indent under the row above, outdent to the level above', () => {
    assert.equal(said('0.1', 'indent'), 'Indented “Pager muted” under “New on-call”.');
    assert.equal(said('0.0.0', 'outdent'), 'Outdented “No shadowing”: now under “People”.');
  });

  it('says a cause became a category, with what moved with it and the key that undoes it, and the reverse', () => {
    assert.equal(said('0.0', 'outdent'), '“New on-call” is now a category, with the row under it (it was a cause under “People”). Ctrl+Z undoes it.');
    assert.equal(said('1', 'indent'), '“Process” is no longer a category: it is a cause under “People”, with the row under it. Ctrl+Z undoes it.');
  });

  it('gives a moved row its place among its siblings, and a deleted row what went with it', () => {
    assert.equal(said('0.1', 'up'), 'Moved “Pager muted” up: now 1 of 2 under “People”.');
    assert.equal(said('0.0', 'down'), 'Moved “New on-call” down: now 2 of 2 under “People”.');
    assert.equal(said('0', 'delete'), 'Deleted “People”, with the 3 rows under it. Ctrl+Z brings it back.');
    assert.equal(said('1.0', 'delete'), 'Deleted “No canary”. Ctrl+Z brings it back.');
  });

  it('tells the person a new row waits for its name, and says why a key did nothing', () => {
    assert.equal(said('0.1', 'addSibling'), 'New row under “People”: type its name, then Enter; Escape drops it.');
    assert.equal(refusedWords('indent', 'New on-call', 'it is the first in its category: there is no cause above it to move under'),
      'Cannot indent “New on-call”: it is the first in its category: there is no cause above it to move under.');
  });

  it('cuts a long name as the drawing does: the banner stays a line or two', () => {
    const long = `Redis failover took 40 s because the sentinel quorum was split, see https://grafana.example.com/d/${'x'.repeat(80)}`;
    const words = refusedWords('indent', long, 'the input above it is an event');
    assert.match(words, /^Cannot indent “Redis failover took 40 s because the sentinel quorum was…”: the input above it is an event\.$/);
  });
});
