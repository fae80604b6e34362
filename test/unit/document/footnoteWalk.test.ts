import assert from 'node:assert/strict';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseSectionMarkdown } from '../../../src/core/document/markdown';
import { assertLinearGrowth } from '../robustness/linearGrowth';

const plain = unified().use(remarkParse).use(remarkGfm).freeze();

const TOKENS = ['[', ']', '![', '^', '[^1]', '![^1]', '[^a b]', '[^1]: note\n', '(u)', 'x', ' ', '\n', '\n\n', '`', '\\', '*', '- '];

describe("remark-gfm's footnote look-back from `]` is bounded (it was quadratic)", function () {
  this.timeout(120_000);

  it('gives the same tree as plain remark-gfm on random brackets, footnotes and links', () => {
    const doc = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join(''));
    fc.assert(
      fc.property(doc, (text) => assert.deepEqual(parseSectionMarkdown(text), plain.parse(text), JSON.stringify(text))),
      { numRuns: 2000 },
    );
  });

  it('still reads a footnote call after `!` and a footnote definition', () => {
    const root = parseSectionMarkdown('See ![^1] and [^1].\n\n[^1]: The note.\n');
    const json = JSON.stringify(root);
    assert.equal(json.split('"footnoteReference"').length - 1, 2);
    assert.ok(json.includes('"footnoteDefinition"'));
  });

  it('reads 20 KB of `]` (or `](`, or `]` between code spans) in linear time', () => {
    for (const unit of [']', '](', ']`[`', 'a] ']) {
      assertLinearGrowth(`a paragraph of ${unit}`, (text) => parseSectionMarkdown(text), (n) => `x ${unit.repeat(Math.ceil(n / unit.length))}\n`, [2_000, 20_000]);
    }
  });
});
