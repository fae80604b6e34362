import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSectionMarkdown } from '../../../src/core/document/markdown';
import { plainText } from '../../../src/core/document/mdastUtil';
import { atxHeading as readAtx } from '../../../src/core/text/atxHeading';

/** As the line scanner uses it: the title trimmed of all white space. */
const atxHeading = (text: string) => {
  const h = readAtx(text);
  return h && { level: h.level, title: h.title.trim() };
};

describe('ATX headings read by the line scanner', () => {
  it('reads levels, titles and closing runs as CommonMark does', () => {
    assert.deepEqual(atxHeading('## Timeline'), { level: 2, title: 'Timeline' });
    assert.deepEqual(atxHeading('   ### Five whys ###   '), { level: 3, title: 'Five whys' });
    assert.deepEqual(atxHeading('# #'), { level: 1, title: '' });
    assert.deepEqual(atxHeading('#'), { level: 1, title: '' });
    assert.deepEqual(atxHeading('# C# notes'), { level: 1, title: 'C# notes' });
    assert.deepEqual(atxHeading('# tag#'), { level: 1, title: 'tag#' });
    assert.equal(atxHeading('#hashtag'), undefined);
    assert.equal(atxHeading('####### seven'), undefined);
    assert.equal(atxHeading('    # code'), undefined);
    assert.equal(atxHeading('\t# code'), undefined);
  });

  it('reads a heading of spaces and U+2028 (which hung the old pattern) at once', () => {
    const line = `# ${' '.repeat(100_000)}\u2028x`;
    assert.deepEqual(atxHeading(line), { level: 1, title: 'x' });
  });

  it('agrees with remark on which lines are headings and at which level', () => {
    const line = fc.array(fc.constantFrom('#', ' ', '\t', 'a', '\u2028', '\u00a0', '\\'), { maxLength: 14 }).map((cs) => cs.join(''));
    fc.assert(fc.property(line, (text) => {
      const node = parseSectionMarkdown(text).children[0];
      const expected = node?.type === 'heading' ? { level: node.depth, title: plainText(node).trim() } : undefined;
      const got = atxHeading(text);
      assert.equal(got?.level, expected?.level, JSON.stringify(text));
      // remark drops a trailing backslash-escaped character's backslash; the title is compared when plain.
      if (got && expected && !text.includes('\\')) assert.equal(got.title, expected.title, JSON.stringify(text));
    }), { numRuns: 3000 });
  });
});
