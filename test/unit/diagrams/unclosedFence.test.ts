import { strict as assert } from 'node:assert';
import { diagnoseMermaidBlocks } from '../../../src/core/diagrams/diagnostics';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { lintText } from '../../../src/core/lint/engine';
import { fixture } from './fixtures';

const FAULT_TREE = fixture('fault-tree.mmd');
const PROSE = Array.from({ length: 300 }, (_, i) => `Paragraph ${i + 1} of the analysis, with words Mermaid does not know.`).join('\n\n');

/** A post-mortem whose second diagram lost its closing fence, followed by many lines of prose and headings. */
function unclosedDoc(fence = '```'): string {
  return [
    '# Checkout outage', '', '## Root cause', '',
    '```mermaid', 'ishikawa-beta', '  Checkout 502s', '    People', '      New on-call', '```', '',
    `${fence}mermaid`, FAULT_TREE, '',
    '## Lessons learned', '', PROSE, '', '## Action items', '', '- [ ] Add a canary', '',
  ].join('\n');
}

function applyFirstFix(text: string): string {
  const d = diagnoseMermaidBlocks(text).find((x) => x.code === 'diagram/unclosed-fence');
  const fix = d?.fixes?.[0];
  assert.ok(fix, 'expected a fix');
  const result = applyEdits(text, fix.edits);
  assert.deepEqual(result.skipped, []);
  return result.text;
}

describe('a mermaid fence left unclosed', () => {
  it('gives one diagnostic for the block instead of a parse error per following line', () => {
    const text = unclosedDoc();
    const fenceLine = text.split('\n').indexOf('```mermaid', 6);
    const found = diagnoseMermaidBlocks(text);
    assert.deepEqual(found.map((d) => [d.code, d.severity, d.range.start.line]), [['diagram/unclosed-fence', 'error', fenceLine]]);
    assert.equal(found[0].message, `Diagram 2 (line ${fenceLine + 1}) has no closing \`\`\`: it runs to the end of the file, so everything after it is diagram text.`);
    const fromRule = lintText(text).diagnostics.filter((d) => /^(diagram|fault-tree|fishbone)\//.test(d.code));
    assert.deepEqual(fromRule.map((d) => d.code), ['diagram/unclosed-fence']);
  });

  it('offers to close the block before the next heading, after which the diagrams are clean', () => {
    const text = unclosedDoc();
    const fixed = applyFirstFix(text);
    assert.ok(fixed.includes(`${FAULT_TREE}\n\`\`\`\n\n## Lessons learned`), fixed.slice(0, 600));
    assert.deepEqual(diagnoseMermaidBlocks(fixed), []);
  });

  it('names the fence as written (~~~, ````) and closes it with the same', () => {
    for (const fence of ['~~~', '````']) {
      const text = unclosedDoc(fence);
      const [d] = diagnoseMermaidBlocks(text);
      assert.match(d.message, new RegExp(`has no closing ${fence}:`));
      assert.deepEqual(diagnoseMermaidBlocks(applyFirstFix(text)), []);
    }
  });

  it('closes a block at the end of the file when no heading follows, with or without a final newline', () => {
    for (const text of [`\`\`\`mermaid\n${FAULT_TREE}\n`, `\`\`\`mermaid\n${FAULT_TREE}`, `\`\`\`mermaid\r\n${FAULT_TREE.replace(/\n/g, '\r\n')}\r\n`]) {
      const [d, ...more] = diagnoseMermaidBlocks(text);
      assert.deepEqual(more, []);
      assert.match(d.message, /^Diagram 1 \(line 1\) has no closing ```/);
      const fixed = applyFirstFix(text);
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      assert.ok(fixed.endsWith(`${eol}\`\`\`${eol}`), JSON.stringify(fixed.slice(-20)));
      assert.deepEqual(diagnoseMermaidBlocks(fixed), []);
    }
  });

  it('is reported for any mermaid block, a sequence diagram included, since it swallows the rest of the file', () => {
    const found = diagnoseMermaidBlocks('# T\n\n```mermaid\nsequenceDiagram\n  A->>B: hi\n\n## Next\n');
    assert.deepEqual(found.map((d) => d.code), ['diagram/unclosed-fence']);
  });
});

describe('a fishbone or fault tree closed by another code block\'s fence (its own closing fence lost)', () => {
  const doc = (kind: 'fault tree' | 'sequence'): string => [
    '# Checkout outage', '', '## Root cause', '',
    '```mermaid', kind === 'fault tree' ? FAULT_TREE : 'sequenceDiagram\n  A->>B: hi', '',
    '## Lessons learned', '', 'The retry storm came from this client setting:', '', '```', 'retries: 10', '```', '',
  ].join('\n');

  it('gives one diagnostic naming the swallowed heading and the fence that closed the block', () => {
    const text = doc('fault tree');
    const lines = text.split('\n');
    const found = diagnoseMermaidBlocks(text);
    assert.deepEqual(found.map((d) => [d.code, d.range.start.line]), [['diagram/unclosed-fence', 4]]);
    assert.equal(found[0].message,
      `Diagram 1 (line 5) runs on past the heading "## Lessons learned" (line ${lines.indexOf('## Lessons learned') + 1}) to the fence on line ${lines.indexOf('```') + 1}: its own closing \`\`\` is probably missing.`);
    const fixed = applyFirstFix(text);
    assert.ok(fixed.includes(`${FAULT_TREE}\n\`\`\`\n\n## Lessons learned`));
    assert.deepEqual(diagnoseMermaidBlocks(fixed), []);
  });

  it('leaves other diagram kinds to Mermaid (some accept a "#" line) and ignores a "#" not at the margin', () => {
    assert.deepEqual(diagnoseMermaidBlocks(doc('sequence')), []);
    const effect = '```mermaid\nishikawa-beta\n  # of 502s tripled\n    People\n      New on-call\n```\n';
    assert.deepEqual(diagnoseMermaidBlocks(effect).map((d) => d.code), []);
    // At the margin too, when the fishbone reads it as its effect: a closed block that parses has not run on.
    const atMargin = '```mermaid\nishikawa-beta\n# of failed logins rose\n  People\n    New on-call\n```\n';
    assert.deepEqual(diagnoseMermaidBlocks(atMargin).map((d) => d.code), []);
  });
});
