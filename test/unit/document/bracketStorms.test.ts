import assert from 'node:assert/strict';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { bracketStorms, MAX_BRACKETS_PER_PARAGRAPH, neutraliseBracketStorms } from '../../../src/core/document/bracketStorms';
import { parseSectionMarkdown } from '../../../src/core/document/markdown';
import { assertLinearGrowth } from '../robustness/linearGrowth';

const plain = unified().use(remarkParse).use(remarkGfm).freeze();

const TOKENS = ['[', ']', '](u)', '[a]', '[^1]', '~', '~~', '*', '_', '**', 'www.example.com', 'https://x.org/a', 'a@b.co', 'x', ' ', '\n', '\n\n', '`', '- ', '> ', '```\n'];

describe('Markdown reading stays linear on paragraphs of brackets, tildes and emphasis (trial C7)', function () {
  this.timeout(120_000);

  it('gives the same tree as plain remark-gfm on random links, autolinks, emphasis and strikethrough', () => {
    const doc = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(''));
    fc.assert(
      fc.property(doc, (text) => assert.deepEqual(parseSectionMarkdown(text), plain.parse(text), JSON.stringify(text))),
      { numRuns: 2000 },
    );
  });

  it('still reads an autolink inside and after a closed link label, and none inside an open one', () => {
    const after = JSON.stringify(parseSectionMarkdown('[a](u) then www.example.com\n'));
    assert.equal(after.split('"type":"link"').length - 1, 2);
    const inside = parseSectionMarkdown('[see www.example.com](u)\n');
    assert.deepEqual(inside, plain.parse('[see www.example.com](u)\n'));
  });

  it('reads one stray `[` before 80 KB of words in linear time (80 KB took 21 s: every word walked back to the `[`)', () => {
    assertLinearGrowth('a stray [ then words', (text) => parseSectionMarkdown(text), (n) => `[ ${'a '.repeat(n / 2)}\n`, [2_000, 20_000]);
  });

  it('reads paragraphs of `[`…`](`, `~a`, `[*_` and `[^a` in linear time', () => {
    for (const make of [
      (n: number) => `${'['.repeat(n / 2)}${']('.repeat(n / 4)}\n`,
      (n: number) => `${'~a'.repeat(n / 2)}\n`,
      (n: number) => `${'[*_`'.repeat(n / 4)}\n`,
      (n: number) => `${'*_'.repeat(n / 2)}\n`,
      (n: number) => `${'[^a'.repeat(n / 3)}\n`,
      (n: number) => `${'[a]'.repeat(n / 3)}\n`,
    ]) {
      assertLinearGrowth(JSON.stringify(make(8)), (text) => parseSectionMarkdown(text), make, [2_000, 20_000]);
    }
  });

  it('reads the characters past the limit as text, keeping every offset, and says which paragraph', () => {
    const text = `Intro.\n\nLog: ${'['.repeat(MAX_BRACKETS_PER_PARAGRAPH + 10)} end\n\nNext.\n`;
    const out = neutraliseBracketStorms(text);
    assert.equal(out.length, text.length);
    assert.equal([...out].filter((c) => c === '[').length, MAX_BRACKETS_PER_PARAGRAPH);
    assert.deepEqual(bracketStorms(text), [{ line: 2, count: MAX_BRACKETS_PER_PARAGRAPH + 10 }]);
  });

  it('leaves fenced code, list items and table rows with many brackets as written (each is its own block)', () => {
    const many = '[x](u) '.repeat(MAX_BRACKETS_PER_PARAGRAPH);
    const fence = `\`\`\`\n${'['.repeat(1000)}\n\`\`\`\n`;
    const list = Array.from({ length: 300 }, (_, i) => `- [item ${i}](u${i})`).join('\n') + '\n';
    const table = `| a | b |\n|---|---|\n${Array.from({ length: 300 }, () => '| [x](u) | y |').join('\n')}\n`;
    for (const text of [fence, list, table, `${many.slice(0, 200)}\n`]) {
      assert.equal(neutraliseBracketStorms(text), text);
      assert.deepEqual(bracketStorms(text), []);
    }
  });
});
