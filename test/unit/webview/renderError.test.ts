import { strict as assert } from 'node:assert';
import { faultTreeSession } from '../../../webview/diagram/faultTreeSession';
import { fishboneSession } from '../../../webview/diagram/fishboneSession';
import { renderErrorText } from '../../../webview/diagram/problemList';

const MERMAID_ERROR = "Parse error on line 6:\n...E1((\"Disk full\n----------------------^\nExpecting 'SQE', 'DOUBLECIRCLEEND', got 'PS'";

const FAULT_TREE = [
  'flowchart TB',
  '  %% ft:fault-tree v1',
  '  %% ft:gate G1 or',
  '  G1["Checkout down"]',
  '  G1 --> E1 & E2',
  '  %% ft:event E1 basic p=0.01',
  '  E1["Disk full"]@{ shape: circle }',
  '  %% ft:event E2 basic p=0.02',
  '  E2["Replica lag"]@{ shape: circle }',
].join('\n');

/** A fishbone with an empty category: the editor draws a placeholder cause under it. */
const FISHBONE = ['ishikawa-beta', '  Checkout returned 502', '    People', '      New on-call', '    Process'].join('\n');

describe('Mermaid\'s error under the drawing', () => {
  it('turns its lines into document lines when Mermaid drew the block\'s own text', () => {
    const text = renderErrorText(MERMAID_ERROR, 20, false, true);
    assert.match(text, /lines are document lines/);
    assert.match(text, /Parse error on line 26:/);
    assert.doesNotMatch(text, /line 6\b/);
  });

  it('keeps Mermaid\'s own line numbers, said to be the drawing\'s, when it drew generated text', () => {
    const text = renderErrorText(MERMAID_ERROR, 20, false, false);
    assert.match(text, /Parse error on line 6:/);
    assert.match(text, /\(line numbers refer to the drawing's text\)/);
    assert.doesNotMatch(text, /line 26|document lines/);
  });

  it('shows a generated drawing\'s error without the line note when Mermaid names no line', () => {
    const text = renderErrorText('No diagram type detected', 20, false, false);
    assert.equal(text, 'Mermaid could not draw this: No diagram type detected');
  });

  it('leaves Mermaid\'s grammar dump out when our parser listed the block\'s problems, whatever was drawn', () => {
    for (const drewBlockText of [true, false]) {
      const text = renderErrorText(MERMAID_ERROR, 20, true, drewBlockText);
      assert.match(text, /fix the lines listed under the outline/);
      assert.doesNotMatch(text, /Expecting|on line/);
    }
  });

  it('draws generated text for editable fault trees and fishbones with an empty category (so their lines are not translated)', () => {
    const tree = faultTreeSession(FAULT_TREE);
    assert.equal(tree.writable, true);
    assert.notEqual(tree.drawingText(), FAULT_TREE);
    const fish = fishboneSession(FISHBONE);
    assert.equal(fish.writable, true);
    assert.match(fish.drawingText(), /no causes yet/);
    assert.notEqual(fish.drawingText(), FISHBONE);
  });

  it('draws the block\'s own text for a block the editor cannot read (so Mermaid\'s lines are the document\'s)', () => {
    const broken = `${FAULT_TREE}\n  E3(("Unclosed`;
    const tree = faultTreeSession(broken);
    assert.equal(tree.writable, false);
    assert.equal(tree.drawingText(), broken);
  });
});
