import assert from 'node:assert/strict';
import { blankHiddenInline } from '../../../src/core/text/hiddenInline';
import { parseEntryText } from '../../../src/core/timeline/entryGrammar';
import { assertLinearGrowth } from '../robustness/linearGrowth';

/** What is left shown of a line, blanks squeezed. */
const shown = (text: string, autolinks = false) => blankHiddenInline(text, { autolinks }).replace(/ +/g, ' ').trim();

describe('blankHiddenInline: what Markdown does not show as text (trial17a F1, F5)', () => {
  it('blanks code spans, comments, tags and attributes, <code>/<kbd> text, link titles, alt text and, when asked, autolinks', () => {
    assert.equal(shown('a `[resolved]` b'), 'a b');
    assert.equal(shown('a ``run `x` as @zed`` b'), 'a b');
    assert.equal(shown('a <!-- [resolved] --> b'), 'a b');
    assert.equal(shown('a <span title="@zed due:2031-01-01">hover</span> b'), 'a hover b');
    assert.equal(shown('a <code>@zed</code> <KBD>x</KBD> b'), 'a b');
    assert.equal(shown('a [docs](https://x.test "@zed due:2031-01-01") b'), 'a [docs](https://x.test ) b');
    assert.equal(shown("a [docs](<https://x.test> '@zed') b"), 'a [docs](<https://x.test> ) b');
    assert.equal(shown('a ![@zed due:2031](img.png) ![[resolved]][ref] b'), 'a ![ ](img.png) ![ ][ref] b');
    assert.equal(shown('a <https://x/[resolved]> b', true), 'a b');
    assert.equal(shown('a <https://x/[resolved]> b'), 'a <https://x/[resolved]> b');
    // Not hidden: an unclosed span or comment, a `<` that opens no tag, brackets without a link after them.
    for (const kept of ['a `[resolved] b', 'a <!-- [resolved] b', 'a < b [resolved]', '![alt] text', 'x <code>open [resolved]']) {
      assert.equal(blankHiddenInline(kept).includes('[resolved]') || blankHiddenInline(kept).includes('alt'), true, kept);
    }
    // Same length, so columns stay.
    const line = 'x `a` <b title="t">c</b> ![d](e "f") <!-- g -->';
    assert.equal(blankHiddenInline(line, { autolinks: true }).length, line.length);
  });

  it('a timeline entry keeps a tag in code or markup as its text, and reads one shown', () => {
    const e = parseEntryText('14:09Z alert fired <!-- [resolved] was wrong --> `[detected]` [mitigated]');
    assert.deepEqual(e.milestones, ['mitigated']);
    assert.match(e.description, /`\[detected\]`/);
  });

  it('is linear on runs of the signs it looks for', () => {
    for (const unit of ['`', '``x', '<!--', '<a x="', '<code>', '<kbd>x', '![', '![[', '](a "', '](a ', '<https:', '<a ', '!['.padEnd(6, '[]')]) {
      assertLinearGrowth(`blankHiddenInline ${JSON.stringify(unit)}`, (t) => blankHiddenInline(t, { autolinks: true }), (size) => unit.repeat(Math.ceil(size / unit.length)));
    }
  });
});
