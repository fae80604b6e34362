import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Code, Root } from 'mdast';
import { parseSectionMarkdown } from '../../../src/core/document/markdown';
import { readPlainListSection } from '../../../src/core/document/plainLists';
import { LineIndex } from '../../../src/core/text/lineIndex';

/**
 * Fenced code at a section's top level (logs and commands pasted into prose) is read from the lines
 * (plainLists.ts readFence) instead of sending the section to the Markdown parser: the code blocks
 * the lines give must be the tree's, and the lines must give up where the tree reads it otherwise.
 */
const codeOf = (root: Root) =>
  root.children.filter((n): n is Code => n.type === 'code').map((c) => ({ lang: c.lang ?? null, meta: c.meta ?? null, value: c.value, line: c.position!.start.line, endLine: c.position!.end.line }));

function bothReadings(lines: string[], eol = '\n') {
  const text = ['## Notes', ...lines].join(eol);
  const plain = readPlainListSection(new LineIndex(text), 'Notes');
  return { plain, fast: plain && codeOf(plain.tree), tree: codeOf(parseSectionMarkdown(text)) };
}

describe('fenced code read from the lines (plainLists.ts)', () => {
  const cases: Record<string, string[]> = {
    'a closed bash block after prose': ['Run this:', '```bash', 'kubectl rollout undo deploy/api', '```', '', 'Then check.'],
    'a tilde fence with info and meta': ['~~~~ js title="x"', 'const a = 1;', '~~~', '~~~~'],
    'an indented opener (content loses that indent)': ['  ```', '  two', '    four', ' one', '  ```'],
    'a fence that never closes runs to the section end': ['Intro', '```', '## not a heading here', '- [ ] not a task'],
    'a longer closing fence closes, a shorter one does not': ['````', '```', 'still code', '`````'],
    'a fence right below a list item ends the list': ['- 14:00Z a', '```', 'log', '```', '- 14:05Z b'],
    'a fence interrupting a paragraph': ['Prose line', '```', 'x', '```'],
  };
  for (const [name, lines] of Object.entries(cases)) {
    it(`gives the tree's code blocks: ${name}`, () => {
      const { plain, fast, tree } = bothReadings(lines);
      assert.ok(plain, 'the lines should decide this section');
      assert.deepEqual(fast, tree);
    });
  }

  it('leaves to the tree what is no fence or cannot be read from the lines', () => {
    for (const lines of [['```a`b', 'x'], ['``` a\\b', 'x', '```'], ['``` &amp;', 'x', '```'], ['    ```', 'x']]) {
      const { plain, fast, tree } = bothReadings(lines);
      if (plain) assert.deepEqual(fast, tree, JSON.stringify(lines));
      else assert.equal(plain, undefined);
    }
  });

  it('agrees with the tree on generated sections', () => {
    const line = fc.constantFrom(
      '', '', 'prose', '- 14:00Z a', '- [ ] task @a', '  continued', '### Sub', '<!-- c -->', '```', '```bash', '````', '~~~', '~~~~ js m', ' ```', '   ~~~',
      '    ```', '```a`b', '~~~ a`b', '``` ', '```  ', 'log line 1', '  indented log', '[a](b) in code?', '| a | b |', '> quote',
    );
    let decided = 0;
    let withCode = 0;
    fc.assert(fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, crlf) => {
      const { plain, fast, tree } = bothReadings(lines, crlf ? '\r\n' : '\n');
      if (!plain) return;
      decided++;
      if (fast!.length) withCode++;
      assert.deepEqual(fast, tree, JSON.stringify(lines));
    }), { numRuns: 4000 });
    assert.ok(decided > 1000 && withCode > 500, `decided ${decided}, with code ${withCode}`);
  });
});
