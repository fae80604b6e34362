import { strict as assert } from 'node:assert';
import { diagnoseMermaidBlocks } from '../../../src/core/diagrams/diagnostics';
import { parseFishbone } from '../../../src/core/diagrams/fishbone/parse';
import { lintText } from '../../../src/core/lint/engine';
import { emptyCategoryNotes } from '../../../webview/diagram/fishboneDrawing';

const BLOCK = 'ishikawa-beta\n  Checkout 502s\n    People\n      New on-call\n\n    Process\n    Technology\n      Pool too small';
const DOC = `# Checkout outage\n\n## Root cause\n\n\`\`\`mermaid\n${BLOCK}\n\`\`\`\n`;

describe('fishbone categories without causes (drawn overlapping by Mermaid)', () => {
  it('are reported by the core as a warning at the category line, with the diagram editor\'s wording', () => {
    const found = diagnoseMermaidBlocks(DOC);
    assert.deepEqual(found.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character]), [
      ['fishbone/empty-category', 'warning', 10, 4, 11],
    ]);
    const notes = emptyCategoryNotes(parseFishbone(BLOCK).model, BLOCK);
    assert.deepEqual(notes.map((n) => [n.severity, n.line]), [['warning', 5]]);
    // The panel lists the note under the block; Problems names the diagram first. Same words after that.
    assert.equal(found[0].message, `Fishbone (diagram 1): ${notes[0].message}`);
    assert.match(notes[0].message, /^Category "Process" has no causes yet: Mermaid draws an empty category over its neighbour .*Add a cause or delete the category\.$/);
  });

  it('reach the Problems panel and `postmortem lint` through the diagram rule', () => {
    const codes = lintText(DOC, { now: new Date('2026-11-27T12:00:00Z') }).diagnostics.filter((d) => d.code.startsWith('fishbone/'));
    assert.deepEqual(codes.map((d) => [d.code, d.range.start.line]), [['fishbone/empty-category', 10]]);
  });

  it('skip %% comment lines when finding the category line, and are silent once every category has a cause', () => {
    const withComment = DOC.replace('    Process\n', '    %% to do\n    Process\n');
    const found = diagnoseMermaidBlocks(withComment).filter((d) => d.code === 'fishbone/empty-category');
    assert.deepEqual(found.map((d) => d.range.start.line), [11]);
    assert.deepEqual(diagnoseMermaidBlocks(DOC.replace('    Process\n', '    Process\n      No canary\n')), []);
  });

  it('are not reported while the block has parse errors (its categories may be misread)', () => {
    const broken = DOC.replace('    Process\n', '   Process\n');
    assert.deepEqual(diagnoseMermaidBlocks(broken).map((d) => d.code), ['diagram/parse-error']);
  });
});
