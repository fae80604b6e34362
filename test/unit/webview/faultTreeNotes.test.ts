import { strict as assert } from 'node:assert';
import { faultTreeSession } from '../../../webview/diagram/faultTreeSession';

/** A fault tree with blank lines and an event nothing points at (E3, drawn on block line 13). */
const BLOCK = [
  'flowchart TB',
  '  %% ft:fault-tree v1',
  '',
  '  %% ft:gate G1 or',
  '  G1["Checkout down"]',
  '  G1 --> E1 & E2',
  '',
  '  %% ft:event E1 basic p=0.01',
  '  E1["Disk full"]@{ shape: circle }',
  '  %% ft:event E2 basic p=0.02',
  '  E2["Replica lag"]@{ shape: circle }',
  '',
  '  %% ft:event E3 basic p=0.03',
  '  E3["Orphan"]@{ shape: circle }',
].join('\n');

describe('fault-tree panel notes', () => {
  it('name the lines of the text as it is in the document (blank lines included), before any edit', () => {
    const notes = faultTreeSession(BLOCK).notes();
    const orphan = notes.find((n) => /E3|Orphan/.test(n.message));
    assert.ok(orphan, notes.map((n) => n.message).join('\n'));
    assert.equal(BLOCK.split('\n')[orphan.line!], '  E3["Orphan"]@{ shape: circle }');
  });
});
