import assert from 'node:assert/strict';
import {
  addChild, drawnFaultTreeBlock, drawnFaultTreeLabel, isFaultTreeLabelCut, MAX_DRAWN_LABEL, newFaultTree, parseFaultTree, printFaultTree, type FaultTree,
} from '../../../src/core/diagrams';
import { faultTreeDrawingText } from '../../../webview/diagram/faultTreeDrawing';
import { previewSource } from '../../../webview/preview/previewSource';

/**
 * The fault-tree drawing cuts long labels as the fishbone's does (trial14b F8: a 190-character event
 * took the whole drawing, Fit 30 %). The editor's drawing, the read-only panel's and the preview's
 * all go through drawnFaultTreeBlock, so a block the editor cannot print is cut alike.
 */
const LONG = 'Redis failover took 40 s because the sentinel quorum was misconfigured, see https://wiki.example.com/incidents/2026/checkout/redis-failover-sentinel-quorum 🔥 and the runbook nobody updated since the migration';
const INIT = '%%{init: {"theme":"forest","themeVariables":{"primaryColor":"#ff0000","lineColor":"#ff0000"}}}%%';

function tree(labels: readonly string[]): FaultTree {
  let t = newFaultTree('Checkout unavailable');
  for (const label of labels) t = addChild(t, t.nodes[0].id, { type: 'event', label, event: 'basic', probability: 0.01 }).tree;
  return t;
}
/** Each node's label as the drawn block reads back (the user's part, without the drawn kind or probability). */
const labelsOf = (block: string): string[] => parseFaultTree(block).model.nodes.map((n) => n.label);

describe('fault-tree labels as drawn', () => {
  it('cuts a long label to the fishbone\'s length with "…" and breaks a URL into pieces the flowchart can wrap', () => {
    assert.equal([...LONG].length > 190, true);
    const drawn = drawnFaultTreeLabel(LONG);
    assert.ok([...drawn.replace(/ /g, '')].length <= MAX_DRAWN_LABEL, drawn);
    assert.ok(drawn.endsWith('…'), drawn);
    assert.ok(drawn.split(' ').every((word) => [...word].length <= 24), drawn);
    assert.equal(isFaultTreeLabelCut(LONG), true);
  });

  it('leaves a short label as written, and breaks a long word inside a line without joining the label\'s own lines', () => {
    assert.equal(drawnFaultTreeLabel('Payment provider down'), 'Payment provider down');
    assert.equal(isFaultTreeLabelCut('Payment provider down'), false);
    assert.equal(drawnFaultTreeLabel(`Trace\n${'a'.repeat(30)}`), `Trace\n${'a'.repeat(24)} ${'a'.repeat(6)}`);
  });

  it('draws a printed tree with only the long labels changed: ids, kinds, probabilities and other lines as printed', () => {
    const t = tree([LONG, 'Second cause']);
    const printed = printFaultTree(t);
    const drawn = drawnFaultTreeBlock(printed);
    const changed = drawn.split('\n').flatMap((line, i) => (line === printed.split('\n')[i] ? [] : [i]));
    assert.equal(changed.length, 1, drawn);
    assert.ok(!drawn.includes('wiki.example.com/incidents/2026/checkout'), 'the URL is not drawn whole');
    const back = parseFaultTree(drawn);
    assert.equal(back.problems.length, 0, JSON.stringify(back.problems));
    assert.deepEqual(back.model.nodes.map((n) => n.label), ['Checkout unavailable', drawnFaultTreeLabel(LONG), 'Second cause']);
    assert.deepEqual(back.model.nodes.map((n) => ({ ...n, label: '' })), t.nodes.map((n) => ({ ...n, label: '' })), 'kinds, probabilities and edges as in the tree');
    assert.match(drawn, /…<br\/>p = 0\.01"\]@\{ shape: circle \}$/m, 'the probability stays whole on its own line');
  });

  it('cuts a block that starts with a %%{init}%% line (read-only: the editor cannot print it) exactly as the editable drawing', () => {
    const t = tree([LONG, INIT, 'Second cause']);
    const editable = drawnFaultTreeBlock(printFaultTree(t));
    const block = `${INIT}\n${printFaultTree(t)}`;
    assert.equal(parseFaultTree(block).writable, false);
    const readOnly = drawnFaultTreeBlock(block).split('\n');
    assert.equal(readOnly[0], INIT, 'the directive line itself is not a label: kept as written');
    assert.equal(readOnly.slice(1).join('\n'), editable);
    assert.deepEqual(labelsOf(editable), ['Checkout unavailable', drawnFaultTreeLabel(LONG), drawnFaultTreeLabel(INIT), 'Second cause']);
    // The %%{init}%% label, cut, is still encoded: no line of the drawing opens a directive or comment.
    assert.ok(editable.split('\n').every((line) => !/^\s*[A-Za-z].*%%/.test(line)), editable);
  });

  it('keeps CRLF line ends and every line it does not cut byte for byte, in a v1 block too', () => {
    const v1 = printFaultTree(tree([LONG]), { version: 1 }).replace(/\n/g, '\r\n');
    const drawn = drawnFaultTreeBlock(v1).split('\n');
    const written = v1.split('\n');
    assert.equal(drawn.length, written.length);
    assert.ok(drawn.every((line) => line.endsWith('\r') || line === drawn.at(-1)));
    assert.deepEqual(drawn.flatMap((line, i) => (line === written[i] ? [] : [i])), [written.findIndex((l) => l.includes('wiki.example.com'))]);
  });

  it('the Markdown preview draws a fault tree as the editor does, a %%{init}%% block and a plain flowchart included', () => {
    const t = tree([LONG, 'Second cause']);
    const printed = printFaultTree(t);
    assert.equal(previewSource(printed), faultTreeDrawingText(t, []));
    assert.notEqual(previewSource(printed), printed);
    const block = `${INIT}\n${printed}`;
    assert.equal(previewSource(block), `${INIT}\n${faultTreeDrawingText(t, [])}`);
    const short = printFaultTree(tree(['Power loss']));
    assert.equal(previewSource(short), short, 'a tree without long labels is drawn as written');
    const flow = `flowchart TB\n  A["${LONG}"]`;
    assert.equal(previewSource(flow), flow, 'a flowchart that is not a fault tree is not touched');
  });
});
