import { strict as assert } from 'node:assert';
import { diagnoseMermaidBlocks } from '../../../src/core/diagrams/diagnostics';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { fixture } from './fixtures';

const fishbone = (keyword: string): string => `# Outage\n\n\`\`\`mermaid\n${keyword}\n  Checkout 502s\n    People\n      New on-call\n\`\`\`\n`;
const faultTree = (marker: string): string =>
  `\`\`\`mermaid\nflowchart TB\n  ${marker}\n  %% ft:gate G1 or\n  G1["Checkout down"]\n  G1 --> E1 & E2\n  %% ft:event E1 basic\n  E1["LB misconfigured"]@{ shape: circle }\n`
  + `  %% ft:event E2 basic\n  E2["Provider down"]@{ shape: circle }\n\`\`\`\n`;

/** Applies a diagnostic's first fix, as a person clicking the quick fix would. */
function fixed(text: string, index = 0): string {
  const fix = diagnoseMermaidBlocks(text)[index].fixes?.[0];
  assert.ok(fix, 'expected a fix');
  const result = applyEdits(text, fix.edits);
  assert.deepEqual(result.skipped, []);
  return result.text;
}

describe('misspelt fishbone keyword and fault-tree marker', () => {
  for (const typo of ['ishikawa-betax', 'ishikawa-bta', 'ishkawa-beta', 'ishikawa_beta', 'ishikawa-gamma']) {
    it(`reports "${typo}" at the keyword, and the fix makes the block a fishbone without problems`, () => {
      const text = fishbone(typo);
      const [d, ...more] = diagnoseMermaidBlocks(text);
      assert.deepEqual(more, []);
      assert.equal(d.code, 'diagram/misspelt-keyword');
      assert.equal(d.severity, 'error');
      assert.equal(d.message, `Fishbone (diagram 1): Expected "ishikawa-beta", found "${typo}".`);
      assert.deepEqual(d.range, { start: { line: 3, character: 0 }, end: { line: 3, character: typo.length } });
      assert.equal(fixed(text), fishbone('ishikawa-beta'));
      assert.deepEqual(diagnoseMermaidBlocks(fixed(text)), []);
    });
  }

  it('accepts the keywords Mermaid accepts, in any case (ishikawa, Ishikawa-beta)', () => {
    for (const keyword of ['ishikawa-beta', 'ishikawa', 'Ishikawa-beta', 'ISHIKAWA']) assert.deepEqual(diagnoseMermaidBlocks(fishbone(keyword)), [], keyword);
  });

  it('warns when the effect is on the keyword line (Mermaid draws it, the editor cannot read it), with a fix splitting the line', () => {
    const text = fishbone('ishikawa-beta Checkout 502s').replace('  Checkout 502s\n    People\n      New on-call', '    People\n      New on-call');
    const [d, ...more] = diagnoseMermaidBlocks(text);
    assert.deepEqual(more, []);
    assert.equal(d.code, 'diagram/parse-error');
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /Expected the effect on the line after "ishikawa-beta", found it on the same line \("Checkout 502s"\)/);
    assert.equal(fixed(text), fishbone('ishikawa-beta'));
  });

  it('leaves other diagrams alone: flowcharts without a marker, sequence diagrams, pie charts, mindmaps', () => {
    const others = [
      '```mermaid\nflowchart TB\n  %% the deploy path\n  A --> B\n```',
      '```mermaid\ngraph LR\n  A --> B\n```',
      '```mermaid\nsequenceDiagram\n  Alice->>Bob: hi\n```',
      '```mermaid\npie\n  "a": 1\n```',
      '```mermaid\nmindmap\n  root\n```',
      '```mermaid\nsankey-beta\n  a,b,1\n```',
      '```mermaid\n```',
    ];
    for (const text of others) assert.deepEqual(diagnoseMermaidBlocks(text), [], text);
  });

  for (const typo of ['%% ft:fault-tre v1', '%%ft:fault-tree v1', '%% FT:fault-tree v1', '%% ft:fault-tree', '%% ft:fault-tree v3']) {
    it(`reports the fault-tree marker "${typo}" and fixes it to the v1 marker (the block draws no gate kinds)`, () => {
      const text = faultTree(typo);
      const [d, ...more] = diagnoseMermaidBlocks(text);
      assert.deepEqual(more, []);
      assert.equal(d.code, 'diagram/misspelt-keyword');
      assert.equal(d.message, `Fault tree (diagram 1): Expected "%% ft:fault-tree v1", found "${typo}".`);
      assert.deepEqual(d.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 2 + typo.length } });
      assert.equal(fixed(text), faultTree('%% ft:fault-tree v1'));
      // A v1 block is read; it only gets the offer to upgrade.
      assert.deepEqual(diagnoseMermaidBlocks(fixed(text)).map((x) => [x.code, x.severity]), [['fault-tree/dialect-v1', 'info']]);
    });
  }

  for (const typo of ['%% ft:fault-tre v2', '%% ft:fault-tree', '%% ft:fault-tree v3']) {
    it(`fixes "${typo}" to the v2 marker in a block that draws its gate kinds`, () => {
      const v2 = fixture('postmortem.md').split('~~~mermaid\n')[1].split('~~~')[0];
      const text = `\`\`\`mermaid\n${v2.replace('%% ft:fault-tree v2', typo)}\`\`\`\n`;
      const [d, ...more] = diagnoseMermaidBlocks(text);
      assert.deepEqual(more, []);
      assert.equal(d.message, `Fault tree (diagram 1): Expected "%% ft:fault-tree v2", found "${typo}".`);
      assert.deepEqual(diagnoseMermaidBlocks(fixed(text)), []);
    });
  }

  it('reports a flowchart with "%% ft:" data lines but no marker, and the fix adds the marker', () => {
    const text = faultTree('%% drawn by hand').replace('  %% drawn by hand\n', '');
    const [d, ...more] = diagnoseMermaidBlocks(text);
    assert.deepEqual(more, []);
    assert.equal(d.code, 'fault-tree/missing-marker');
    assert.equal(d.range.start.line, 1);
    assert.equal(fixed(text), faultTree('%% ft:fault-tree v1'));
  });

  it('keeps CRLF line breaks in the fix that adds a line', () => {
    const text = faultTree('x').replace('  x\n', '').replace(/\n/g, '\r\n');
    assert.equal(fixed(text), faultTree('%% ft:fault-tree v1').replace(/\n/g, '\r\n'));
  });

  it('numbers the diagram among all mermaid blocks of the document', () => {
    const doc = `${fixture('postmortem.md')}\n\n${fishbone('ishikawa-betax')}`;
    const found = diagnoseMermaidBlocks(doc);
    assert.deepEqual(found.map((d) => d.code), ['diagram/misspelt-keyword']);
    assert.match(found[0].message, /^Fishbone \(diagram 4\): /);
  });
});
