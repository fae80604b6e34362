import { strict as assert } from 'node:assert';
import { diagnoseMermaidBlocks } from '../../../src/core/diagrams/diagnostics';
import { fixture } from './fixtures';

describe('diagnoseMermaidBlocks', () => {
  it('is silent on valid diagrams', () => {
    assert.deepEqual(diagnoseMermaidBlocks(fixture('postmortem.md')), []);
  });

  it('reports parse errors and fault-tree problems at their lines in the whole document', () => {
    const doc = fixture('postmortem.md')
      .replace('      Config change merged without canary', '      Config change merged without canary\n        %% why?')
      .replace('  G1 --> E1 & E2', '  G1 --> E1')
      .replace('%% ft:event E2 basic p=0.002', '%% ft:event E2 basic p=2');
    const found = diagnoseMermaidBlocks(doc).map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]);
    assert.deepEqual(found, [
      ['diagram/parse-error', 'warning', 15, 8],
      ['fault-tree/gate-inputs', 'warning', 25, 2],
      ['fault-tree/probability-range', 'error', 28, 2],
      ['fault-tree/unreachable', 'warning', 29, 2],
      // The drawing still says p = 0.002: readers of the drawing would see another value.
      ['fault-tree/drawn-mismatch', 'warning', 29, 2],
    ]);
    const lines = doc.split('\n');
    assert.equal(lines[25].trim(), 'G1 --> E1');
    assert.match(diagnoseMermaidBlocks(doc)[2].message, /Fault tree \(diagram 2\).*between 0 and 1.*found 2/);
  });

  it('reports a bad gate line as a parse error without crashing', () => {
    const doc = '```mermaid\nflowchart TB\n  %% ft:fault-tree v1\n  %% ft:gate G1 vote\n  G1["x"]\n```';
    const d = diagnoseMermaidBlocks(doc);
    assert.ok(d.some((x) => x.code === 'diagram/parse-error' && x.range.start.line === 3 && /k=/.test(x.message)));
  });

  it('reports only the bad line when a fault tree cannot be read, not follow-on warnings about the half-read tree', () => {
    const doc = fixture('postmortem.md').replace(/%% ft:gate G1 \w+/, '%% ft:gate G1 xor');
    const found = diagnoseMermaidBlocks(doc);
    assert.deepEqual(found.map((d) => d.code), ['diagram/parse-error'], found.map((d) => d.message).join('\n'));
    assert.match(found[0].message, /gate kind of G1.*"xor"/);
  });
});
