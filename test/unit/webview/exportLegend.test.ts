import { strict as assert } from 'node:assert';
import { faultTreeLegend, type FaultTree } from '../../../src/core/diagrams';
import { legendLines, legendTextColor } from '../../../webview/diagram/exportLegend';

/** The words of the legend written under an exported fault tree, and the colour of its text (trial13b F13). */
describe('the legend under an exported fault tree', () => {
  const events = Array.from({ length: 20 }, (_, i) => `E${i + 1}`);
  const tree: FaultTree = { nodes: [{ id: 'G1', type: 'gate', label: 'Site down', gate: 'or', inputs: events }, ...events.map((id) => ({ id, type: 'event' as const, label: id, event: 'basic' as const, probability: 0.1 }))] };
  const [or, spof] = faultTreeLegend(tree, { singlePointsOfFailure: events });

  it('names the single points of failure, the first 12 and how many more, a long name cut', () => {
    const names = events.map((id, i) => (i === 0 ? `Power ${'x'.repeat(200)}` : `Cause ${id}`));
    const text = legendLines({ entry: spof, names }, 80).join(' ');
    assert.match(text, /^Single point of failure: an event that alone causes the top event \(a cut set of one event\)\. Here: Power x+…, Cause E2, .*Cause E12 and 8 more$/);
    assert.ok(!text.includes('Cause E13'));
    assert.equal(/Power x+…/.exec(text)?.[0].length, 60);
    // Gate entries name no nodes: their colour is the gate's kind, which the drawing writes too.
    assert.deepEqual(legendLines({ entry: or, names: ['G1'] }, 80), ['OR gate: occurs when any of its inputs occurs']);
  });

  it('wraps at spaces into lines of the given width', () => {
    const lines = legendLines({ entry: spof, names: ['Pool capped at 20', 'Retry storm'] }, 30);
    assert.ok(lines.length > 3 && lines.every((l) => l.length <= 30), lines.join(' | '));
  });

  it('writes its text dark on a light page, white on a dark or black one, in the theme\'s colour on a transparent one', () => {
    assert.equal(legendTextColor('#ffffff', '#cccccc'), '#1f2328');
    assert.equal(legendTextColor('#1e1e1e', '#3b3b3b'), '#ffffff');
    assert.equal(legendTextColor('#000000', '#3b3b3b'), '#ffffff');
    assert.equal(legendTextColor(undefined, '#cccccc'), '#cccccc');
  });
});
