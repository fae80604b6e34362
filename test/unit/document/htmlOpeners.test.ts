import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Node } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { MAX_OPENERS_IN_A_ROW, NEUTRAL_LT, neutraliseOpenerRuns } from '../../../src/core/document/htmlOpeners';
import { parseSectionMarkdown } from '../../../src/core/document/markdown';
import { assertLinearGrowth } from '../robustness/linearGrowth';

const remark = unified().use(remarkParse).use(remarkGfm).freeze();

/** The tree as JSON with every neutral `<` read back as `<`: what must not change. */
function tree(text: string): string {
  return JSON.stringify(remark.parse(text), (_key, value: unknown) => (typeof value === 'string' ? value.split(NEUTRAL_LT).join('<') : value));
}

const TOKENS = ['<!--', '-->', '<!-->', '<?', '?>', '<!D', '<!d x', '>', '<![CDATA[', ']]>', 'x', ' ', '\n', '\n\n', '- ', '> ', '`', '*', '# ', '| a |'];

describe('long rows of unclosed inline HTML openers (micromark rescans from each)', function () {
  this.timeout(120_000);

  it('keeps the length, and the text as written when no row is longer than the limit', () => {
    const text = `a ${'<!--'.repeat(MAX_OPENERS_IN_A_ROW)} b <? c`;
    assert.equal(neutraliseOpenerRuns(text), text);
    const long = `a ${'<?'.repeat(MAX_OPENERS_IN_A_ROW + 3)}`;
    const out = neutraliseOpenerRuns(long);
    assert.equal(out.length, long.length);
    assert.equal(out.split(NEUTRAL_LT).length - 1, 3, 'only the openers past the limit');
    assert.ok(out.startsWith(`a ${'<?'.repeat(MAX_OPENERS_IN_A_ROW)}`));
  });

  it('a closer ends a row: openers that close are rows of their own', () => {
    const row = (n: number) => '<!--'.repeat(n);
    const text = `${row(MAX_OPENERS_IN_A_ROW)} --> ${row(MAX_OPENERS_IN_A_ROW)} -->`;
    assert.equal(neutraliseOpenerRuns(text), text);
  });

  it('gives remark the same tree (types, positions, values) on random rows of openers and closers', () => {
    const doc = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(''));
    fc.assert(
      fc.property(doc, (text) => assert.equal(tree(neutraliseOpenerRuns(text, 2)), tree(text), JSON.stringify(text))),
      { numRuns: 2000 },
    );
  });

  it('reads a 20 KB line of each opener in linear time (it was quadratic: 16 KB of `<?` took 16 s)', () => {
    for (const opener of ['<!--', '<?', '<!D ', '<![CDATA[']) {
      assertLinearGrowth(`a paragraph of ${opener}`, (text) => parseSectionMarkdown(text), (n) => `x ${opener.repeat(Math.ceil(n / opener.length))}\n`, [2_000, 20_000]);
    }
  });

  it('leaves a real inline comment and a tree without openers alone', () => {
    const text = 'Fix the pool <!-- ask Ana --> @dana\n';
    assert.equal(neutraliseOpenerRuns(text), text);
    const node = parseSectionMarkdown(text).children[0] as Node & { children: Node[] };
    assert.ok(node.children.some((c) => c.type === 'html'));
  });
});
