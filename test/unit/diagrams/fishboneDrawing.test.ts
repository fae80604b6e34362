import { strict as assert } from 'node:assert';
import { parseFishbone } from '../../../src/core/diagrams/fishbone/parse';
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
