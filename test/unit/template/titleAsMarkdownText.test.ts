import assert from 'node:assert/strict';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { defaultIdFor, fileNameFor, renderPostmortemTemplate } from '../../../src/core/template/newPostmortem';
import { evidenceLine } from '../../../src/core/evidence/section';
import { parsePostmortem } from '../../../src/core/document/parse';

/** What GitHub renders: CommonMark with GFM. */
const render = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).parse(markdown);

function nodesOf(root: Root, type: Nodes['type']): Nodes[] {
  const found: Nodes[] = [];
  const visit = (n: Nodes) => {
    if (n.type === type) found.push(n);
    if ('children' in n) for (const c of n.children) visit(c as Nodes);
  };
  visit(root);
  return found;
}

// trial13b F9: user text with `<…>` went raw into Markdown a code host renders as HTML.
describe('user text the tool writes into Markdown renders as typed (trial13b F9)', () => {
  const title = 'Checkout "502" <b> & 🔥 storm_x *now* #1';

  it('the H1 of a new post-mortem is the title as Markdown text; the front matter keeps it as typed', () => {
    const text = renderPostmortemTemplate({ zone: 'UTC', title, now: new Date('2026-12-07T05:00:00Z') });
    const h1 = text.split('\n').find((l) => l.startsWith('# Checkout'))!;
    assert.equal(h1, '# Checkout "502" \\<b\\> \\& 🔥 storm\\_x \\*now\\* \\#1');
    const heading = nodesOf(render(h1), 'heading')[0]!;
    assert.equal(toString(heading), title, 'rendered as typed');
    assert.equal(nodesOf(heading as Root, 'html').length, 0, 'no HTML in the heading');
    assert.equal(parsePostmortem(text).meta.title, title);
  });

  it('a title with HTML: the H1 escapes it with backslashes only, and the file name and id leave the tags out (trial 13a)', () => {
    const tagged = 'Checkout <b>5xx</b> after push';
    const now = new Date('2026-12-07T05:00:00Z');
    const text = renderPostmortemTemplate({ zone: 'UTC', title: tagged, now });
    const h1 = text.split('\n').find((l) => l.startsWith('# Checkout'))!;
    assert.equal(h1, '# Checkout \\<b\\>5xx\\</b\\> after push');
    assert.doesNotMatch(text, /&lt;/);
    assert.equal(toString(nodesOf(render(h1), 'heading')[0]!), tagged);
    assert.equal(fileNameFor(tagged, now), '2026-12-07-checkout-5xx-after-push.md');
    assert.equal(defaultIdFor(tagged, now), 'PM-20261207-checkout-5xx-after-push');
    // Text that only looks like a comparison keeps its words; a title of a tag alone keeps the tag's name.
    assert.equal(fileNameFor('p99 <5ms and a < b > c', now), '2026-12-07-p99-5ms-and-a-b-c.md');
    assert.equal(fileNameFor('<script>', now), '2026-12-07-script.md');
  });

  it('an evidence caption is Markdown text inside the link: no tag dropped, brackets and pipes kept', () => {
    const caption = 'API errors <during> the "rollout" | 5xx [x]';
    const line = evidenceLine({ path: 'pm.assets/api-errors.log', caption, capturedAt: Date.parse('2026-12-07T05:31:00Z') });
    assert.equal(line, '- [API errors \\<during\\> the "rollout" \\| 5xx \\[x\\]](pm.assets/api-errors.log) — captured 2026-12-07 05:31Z');
    const link = nodesOf(render(line), 'link')[0]!;
    assert.equal(toString(link), caption);
    assert.equal((link as { url: string }).url, 'pm.assets/api-errors.log');
  });
});
