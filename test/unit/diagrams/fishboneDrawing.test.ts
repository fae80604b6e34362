import { strict as assert } from 'node:assert';
import { decodeFishboneLabel } from '../../../src/core/diagrams/escape';
import { drawnFishboneLabel, isLabelCut, MAX_DRAWN_LABEL } from '../../../src/core/diagrams/fishbone/drawnLabels';
import { parseFishbone } from '../../../src/core/diagrams/fishbone/parse';
import { previewSource } from '../../../webview/preview/previewSource';
import { newDiagramText, TEMPLATE_CAUSE } from '../../../src/vscode/diagrams/templates';
import { emptyCategoryNotes, EMPTY_CATEGORY_PLACEHOLDER, fishboneDrawingText } from '../../../webview/diagram/fishboneDrawing';

describe('fishbone drawing and template (Mermaid overlaps empty categories)', () => {
  it('the inserted template has no empty category: four categories, one cause to rename each', () => {
    const { model, writable } = parseFishbone(newDiagramText('fishbone'));
    assert.equal(writable, true);
    assert.deepEqual(model.categories.map((c) => [c.label, c.causes.map((x) => x.label)]), [
      ['People', [TEMPLATE_CAUSE]], ['Process', [TEMPLATE_CAUSE]], ['Technology', [TEMPLATE_CAUSE]], ['Environment', [TEMPLATE_CAUSE]],
    ]);
    assert.ok(TEMPLATE_CAUSE.length <= 15, 'Mermaid wraps cause labels longer than 15 characters');
  });

  it('draws a placeholder under empty categories only, and leaves the others as printed', () => {
    const text = 'ishikawa-beta\n  Outage\n    People\n      New on-call\n    Process\n    Technology';
    const drawn = fishboneDrawingText(parseFishbone(text).model);
    assert.equal(drawn, `ishikawa-beta\n  Outage\n    People\n      New on-call\n    Process\n      ${EMPTY_CATEGORY_PLACEHOLDER}\n    Technology\n      ${EMPTY_CATEGORY_PLACEHOLDER}`);
    assert.equal(fishboneDrawingText(parseFishbone(newDiagramText('fishbone')).model), newDiagramText('fishbone'));
  });

  it('warns on each empty category at its own line of the block, blank lines included', () => {
    const text = 'ishikawa-beta\n  Outage\n    People\n      New on-call\n        No shadowing\n\n    Process\n    Technology';
    const notes = emptyCategoryNotes(parseFishbone(text).model, text);
    assert.deepEqual(notes.map((n) => [n.line, n.severity]), [[6, 'warning'], [7, 'warning']]);
    assert.match(notes[0].message, /^Category "Process" has no causes yet: .*Add a cause or delete the category\.$/);
  });
});

describe('long fishbone labels in the drawing (trial T12: a 300-character cause shrank everything to 9 %)', () => {
  const WORD = 'x'.repeat(300);
  const SENTENCE = 'Reindex throttle was none because the default was changed to off in the release of October and nobody noticed it during the review of the configuration change';
  const block = (cause: string, category = 'Technology', effect = 'Search p99 > 9 s') =>
    ['ishikawa-beta', `  ${effect}`, '    People', '      On-call new hire', `    ${category}`, '      Reindex throttle none', `        ${cause}`].join('\n');
  const drawnLines = (text: string) => text.split('\n').map((l) => decodeFishboneLabel(l));

  it('cuts a long cause to a few lines with "…", and splits a word longer than a line into pieces Mermaid can wrap', () => {
    const word = drawnFishboneLabel(WORD, 'cause');
    assert.equal([...word.replace(/ /g, '')].length, MAX_DRAWN_LABEL);
    assert.ok(word.endsWith('…'));
    assert.ok(word.split(' ').every((piece) => [...piece].length <= 15), word);
    const sentence = drawnFishboneLabel(SENTENCE, 'cause');
    assert.equal(sentence, 'Reindex throttle was none because the default was changed…');
    assert.ok(SENTENCE.startsWith(sentence.slice(0, -1)), 'cut at a space, the words as written');
    assert.equal(drawnFishboneLabel(SENTENCE, 'category'), 'Reindex throttle was none…');
    assert.equal(drawnFishboneLabel('https://grafana.example.com/d/abc', 'cause'), 'https://grafana .example.com/d/ abc');
    assert.equal(drawnFishboneLabel('On-call new hire', 'cause'), 'On-call new hire');
    assert.equal(isLabelCut(WORD, 'cause'), true);
    assert.equal(isLabelCut('https://grafana.example.com/d/abc', 'cause'), false, 'broken into lines, not cut: no tooltip needed');
  });

  it('draws only the long labels differently; the block\'s other lines are printed as written', () => {
    const text = block(WORD, SENTENCE, SENTENCE);
    const drawn = fishboneDrawingText(parseFishbone(text).model);
    const lines = drawnLines(drawn);
    assert.equal(lines[1], drawnFishboneLabel(SENTENCE, 'effect'));
    assert.equal(lines[4], 'Reindex throttle was none…');
    assert.equal(lines[6], drawnFishboneLabel(WORD, 'cause'));
    assert.deepEqual([drawn.split('\n')[2], drawn.split('\n')[3], drawn.split('\n')[5]], ['    People', '      On-call new hire', '      Reindex throttle none']);
    const short = block('Short cause');
    assert.equal(fishboneDrawingText(parseFishbone(short).model), short);
  });

  it('the Markdown preview draws the same cut labels and leaves every other block as written', () => {
    const long = block(WORD);
    assert.equal(previewSource(long), fishboneDrawingText(parseFishbone(long).model));
    const short = `${block('Short cause')}\n  %% a comment the printer would drop`;
    assert.equal(previewSource(short), short);
    const flow = `flowchart TB\n  A["${WORD}"]`;
    assert.equal(previewSource(flow), flow);
    const broken = 'ishikawa-beta\n    too deep first';
    assert.equal(previewSource(broken), broken, 'a block the parser cannot read is drawn as written');
  });
});
