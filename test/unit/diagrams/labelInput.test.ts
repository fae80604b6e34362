import { strict as assert } from 'node:assert';
import {
  cleanLabelInput, decodeFishboneLabel, encodeFishboneLabel, encodeFlowchartLabel, fishboneLineProblems, parseFishbone, removedControlNote,
} from '../../../src/core/diagrams';
import { hasRealCause } from '../../../src/core/diagrams/fishbone/placeholders';

describe('diagram labels typed or pasted into the editor (trial13b F11)', () => {
  it('removes a terminal\'s colour sequences whole, NUL, BEL and C1 controls, and counts them', () => {
    const pasted = 'Pasted from terminal: \u001b[31mERROR\u001b[0m conn refused \u0000 end\u0007 \u0085x';
    assert.deepEqual(cleanLabelInput(pasted), { label: 'Pasted from terminal: ERROR conn refused  end x', removed: 5 });
    assert.deepEqual(cleanLabelInput('title \u001b]0;tab title\u0007done'), { label: 'title done', removed: 1 });
    assert.deepEqual(cleanLabelInput('a\tb'), { label: 'a b', removed: 0 }, 'a tab is whitespace, not removed');
    assert.deepEqual(cleanLabelInput('Émoji 🔥 and RTL שלום stay'), { label: 'Émoji 🔥 and RTL שלום stay', removed: 0 });
    assert.match(removedControlNote(6), /^Removed 6 control characters from the name/);
    assert.match(removedControlNote(1), /^Removed 1 control character from/);
  });

  it('stays linear on a pasted wall of escapes', () => {
    const wall = '\u001b['.repeat(200_000) + 'x';
    const started = Date.now();
    const cleaned = cleanLabelInput(wall);
    assert.ok(Date.now() - started < 2000);
    assert.equal(cleaned.removed, 200_000);
  });

  it('never writes a control character raw: both printers encode one that reaches them', () => {
    const fish = encodeFishboneLabel('a\u0000b\u001bc\u0085d');
    assert.equal(fish, 'a#0;b#27;c#133;d');
    assert.equal(decodeFishboneLabel(fish), 'a\u0000b\u001bc\u0085d');
    assert.equal(encodeFlowchartLabel('a\u0000b\u0085c'), 'a#0;b#133;c');
  });
});

describe('fishbone lines Mermaid draws otherwise, and empty causes (trial13b F1, F4)', () => {
  const BLOCK = ['ishikawa-beta', '  Effect <x>', '    Technology', '      A & B <c>', '      p99 > 2s & fine', '      #32;', '        child'].join('\n');

  it('flags a line with a raw "<", with a fix that writes the entities and keeps the label', () => {
    const problems = fishboneLineProblems(parseFishbone(BLOCK).model, BLOCK);
    const raw = problems.filter((p) => p.code === 'fishbone/raw-markup');
    assert.deepEqual(raw.map((p) => p.line), [1, 3]);
    const fix = raw[1].fix!;
    const line = BLOCK.split('\n')[3];
    const fixed = line.slice(0, fix.start) + fix.text + line.slice(fix.end);
    assert.equal(fixed, '      A #amp; B #lt;c#gt;');
    assert.equal(decodeFishboneLabel(fixed), decodeFishboneLabel(line), 'the label reads the same');
  });

  it('flags an empty cause; offers to delete it only when nothing hangs under it; an empty cause is no root cause', () => {
    const model = parseFishbone(BLOCK).model;
    const empty = fishboneLineProblems(model, BLOCK).filter((p) => p.code === 'fishbone/empty-cause');
    assert.equal(empty.length, 1);
    assert.equal(empty[0].line, 5);
    assert.equal(empty[0].fix, undefined, 'its sub-cause would lose its parent');
    const leaf = ['ishikawa-beta', '  Effect', '    Technology', '      #32;'].join('\n');
    const only = parseFishbone(leaf).model;
    assert.equal(fishboneLineProblems(only, leaf)[0].fix?.wholeLine, true);
    assert.equal(hasRealCause(only.categories[0]), false);
  });
});
