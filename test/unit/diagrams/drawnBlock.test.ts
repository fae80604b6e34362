/**
 * A fishbone block the editor cannot print (a %% comment, a line between two levels) is drawn from
 * its own lines, each long label cut as the editable drawing cuts it (trial13b F5: the read-only
 * panel drew a 300-character cause whole and fitted the drawing at 29 %).
 */
import { strict as assert } from 'node:assert';
import { drawnFishboneBlock, drawnLineCount, MAX_DRAWN_CATEGORY, parseFishbone } from '../../../src/core/diagrams';

const LONG = `Reindex throttle was none ${'x'.repeat(300)}`;
const BLOCK = [
  'ishikawa-beta', '  Checkout returned 502', '    People', '    %% reviewed with the on-call team', '      New on-call',
  '', '    Technology', `      ${LONG}`, '     Pool capped at 20', `    ${'Infrastructure and platform services everywhere'}`, '      Retry storm <5%> & more',
].join('\n');

describe('fishbone: a block drawn from its own lines', () => {
  it('cuts the long cause and the long category, keeps every other line byte for byte', () => {
    assert.equal(parseFishbone(BLOCK).writable, false);
    const drawn = drawnFishboneBlock(BLOCK).split('\n');
    const written = BLOCK.split('\n');
    assert.equal(drawn.length, written.length);
    const changed = drawn.flatMap((line, i) => (line === written[i] ? [] : [i]));
    assert.deepEqual(changed, [7, 9]);
    // Cut to the 4 lines its row has room for (2 causes under Technology, see crowding): Mermaid
    // would wrap the 60-character cut to 6 ("Reindex", "throttle was", "none", 15 x's, 15 x's, "xx…").
    assert.match(drawn[7], /^ {6}Reindex throttle was none[x ]*…$/);
    assert.ok(drawnLineCount(drawn[7].trim()) <= 4, drawn[7]);
    assert.ok([...drawn[7].trim()].length < 70, drawn[7]);
    assert.ok(drawn[9].startsWith('    Infrastructure and platform') && drawn[9].endsWith('…'));
    assert.ok([...drawn[9].trim()].length <= MAX_DRAWN_CATEGORY, drawn[9]);
    // The comment, the blank line, the odd indentation and the raw `<` stay as written.
    assert.equal(drawn[3], written[3]);
    assert.equal(drawn[8], '     Pool capped at 20');
    assert.equal(drawn[10], '      Retry storm <5%> & more');
  });

  it('reads back as the same tree: the same categories, causes under the same parents', () => {
    const shape = (text: string) => parseFishbone(text).model.categories.map((c) => [c.label.slice(0, 12), c.causes.map((n) => [n.label.slice(0, 12), n.causes.length])]);
    assert.deepEqual(shape(drawnFishboneBlock(BLOCK)), shape(BLOCK));
  });

  it('draws a raw `<` line encoded when asked to draw labels as the outline shows them, and keeps CRLF line ends', () => {
    const drawn = drawnFishboneBlock(BLOCK.replace(/\n/g, '\r\n'), { asOutline: true }).split('\n');
    assert.equal(drawn[10], '      Retry storm #lt;5%#gt; #amp; more');
    assert.ok(drawn.slice(0, -1).every((line) => line.endsWith('\r')), 'every line but the last keeps its CR');
    assert.equal(parseFishbone(drawn.join('\n')).model.categories[2].causes[0].label, 'Retry storm <5%> & more');
  });

  it('reads a block of 20,000 lines in one pass', () => {
    const lines = ['ishikawa-beta', '  Effect'];
    for (let i = 0; i < 20_000; i++) lines.push(`${' '.repeat(4 + (i % 50) * 2)}${i % 7 === 0 ? LONG : 'cause'}`);
    const started = performance.now();
    const drawn = drawnFishboneBlock(lines.join('\n'));
    assert.ok(performance.now() - started < 2_000);
    assert.equal(drawn.split('\n').filter((l) => l.endsWith('…')).length, Math.ceil(20_000 / 7));
  });
});
