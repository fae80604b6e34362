import assert from 'node:assert/strict';
import { readSummary } from '../../../src/core/api';
import { adfText, planTickets, toAdf, urlPathOf, type AdfDoc, type TrackerConfig } from '../../../src/core/trackers';
import type { AdfNode } from '../../../src/core/trackers/adf';
import { namesPath } from '../../../src/core/trackers/createTickets';
import { assertLinearGrowth } from '../robustness/linearGrowth';
import { adfProblems } from '../../trackers/jiraStandIn';

const POSTMORTEM = `---
id: INC-7
title: Checkout <db> outage
---
# Checkout outage

## Action items

- [ ] Rotate the **payments** key with \`vault rotate <db-1>\`, see <https://runbooks.example/rotate> ~~today~~ and *soon*, cc ops@example.com @dana due:2026-12-20
`;

const JIRA: TrackerConfig = { type: 'jira', fields: { site: 'https://acme.atlassian.net', project: 'OPS' }, labels: [] };
const GITHUB: TrackerConfig = { type: 'github', fields: { repository: 'acme/shop' }, labels: [] };

/** Every node of a document, parents before children (a stack walk). */
function nodes(doc: AdfDoc): AdfNode[] {
  const all: AdfNode[] = [];
  const stack: AdfNode[] = [...doc.content].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    all.push(n);
    for (const c of [...(n.content ?? [])].reverse()) stack.push(c);
  }
  return all;
}

const texts = (doc: AdfDoc) => nodes(doc).filter((n) => n.type === 'text');
const marked = (doc: AdfDoc, mark: string) => texts(doc).filter((n) => n.marks?.some((m) => m.type === mark)).map((n) => n.text);

describe('trackers: Jira descriptions in ADF (trial18d F10)', () => {
  it('an item\'s Markdown is shown as Jira formatting, not as its characters; the document is valid by the published ADF schema', () => {
    const [plan] = planTickets(readSummary(POSTMORTEM), { path: 'pm/checkout.md', lineUrl: (l) => `https://github.com/acme/shop/blob/HEAD/pm/checkout.md#L${l}` }, JIRA, {});
    const adf = toAdf(plan!.draft.body);
    assert.deepEqual(adfProblems(adf), []);
    assert.deepEqual(adf.content.map((n) => n.type), ['paragraph', 'blockquote', 'bulletList', 'paragraph', 'paragraph']);
    const shown = texts(adf).map((n) => n.text).join('');
    for (const literal of ['**', '`', '~~', '&lt;', '&gt;', '\u200b', '](']) assert.ok(!shown.includes(literal), `Jira would show ${JSON.stringify(literal)}: ${shown}`);
    assert.deepEqual(marked(adf, 'strong'), ['INC-7 · Checkout <db> outage', 'payments']);
    assert.deepEqual(marked(adf, 'code'), ['vault rotate <db-1>']);
    assert.deepEqual(marked(adf, 'em'), ['soon']);
    assert.deepEqual(marked(adf, 'strike'), ['today']);
    const links = texts(adf).flatMap((n) => (n.marks ?? []).flatMap((m) => (m.type === 'link' ? [[n.text, m.attrs.href]] : [])));
    assert.deepEqual(links, [
      ['pm/checkout.md:9', 'https://github.com/acme/shop/blob/HEAD/pm/checkout.md#L9'],
      ['https://runbooks.example/rotate', 'https://runbooks.example/rotate'],
      ['ops@example.com', 'mailto:ops@example.com'],
    ]);
    const items = adf.content[2]!.content!.map((li) => li.content!.map((p) => p.content!.map((t) => t.text).join('')).join(''));
    assert.deepEqual(items, ['Owner: dana', 'Due: 2026-12-20']);
  });

  it('GitHub still gets the escaped Markdown (its renderer would make HTML and mentions of it)', () => {
    const [plan] = planTickets(readSummary(POSTMORTEM), { path: 'pm/checkout.md' }, GITHUB, {});
    assert.match(plan!.draft.body, /\*\*INC-7 · Checkout &lt;db&gt; outage\*\*/);
    assert.match(plan!.draft.body, /ops@\u200bexample\.com/);
  });

  it('reads back as the lines of its Markdown: the path, the Owner and Due lines and the markers are found again', () => {
    const [plan] = planTickets(readSummary(POSTMORTEM), { path: 'pm/out (2).md', lineUrl: (l) => `https://github.com/acme/shop/blob/HEAD/${urlPathOf('pm/out (2).md')}#L${l}` }, JIRA, {});
    const read = adfText(toAdf(plan!.draft.body)).split('\n');
    assert.equal(read[0], 'Action item from the post-mortem **INC-7 · Checkout <db> outage** ([pm/out (2).md:9](https://github.com/acme/shop/blob/HEAD/pm/out%20%282%29.md#L9)).');
    assert.ok(namesPath(read.join('\n'), 'pm/out (2).md'));
    assert.ok(!namesPath(read.join('\n'), 'pm/out.md'));
    assert.deepEqual(read.slice(2), ['- Owner: dana', '- Due: 2026-12-20', `postmortem-item: ${plan!.draft.itemId}`, `postmortem-item: ${plan!.identity.textId}`]);
  });

  it('a link whose address has parentheses is one link, whole (review18 r18t): written percent-encoded, and read whole when it is not', () => {
    assert.equal(urlPathOf('pm/outage (2)/a b.md'), 'pm/outage%20%282%29/a%20b.md');
    const raw = 'https://github.com/acme/shop/blob/HEAD/pm/outage%20(2).md#L9';
    const adf = toAdf(`Action item from the post-mortem **X** ([pm/outage (2).md:9](${raw})).`);
    const link = texts(adf).find((n) => n.marks?.some((m) => m.type === 'link'));
    assert.deepEqual(link?.marks, [{ type: 'link', attrs: { href: raw } }]);
    assert.ok(namesPath(adfText(adf), 'pm/outage (2).md'));
  });

  it('bodies made by earlier versions (the Markdown as text nodes) read as before', () => {
    const old = { type: 'doc', version: 1, content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Action item from the post-mortem **INC-7 · T** (' }, { type: 'text', text: 'pm/x.md:9', marks: [{ type: 'link', attrs: { href: 'https://h/pm/x.md#L9' } }] }, { type: 'text', text: ').' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '- Owner: dana' }, { type: 'hardBreak' }, { type: 'text', text: '- Due: 2026-12-20' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'postmortem-item: INC-7/0123456789abcdef' }] },
    ] };
    const read = adfText(old);
    assert.ok(namesPath(read, 'pm/x.md'));
    assert.deepEqual(read.split('\n').slice(1), ['- Owner: dana', '- Due: 2026-12-20', 'postmortem-item: INC-7/0123456789abcdef']);
    assert.ok(namesPath(adfText({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Action item from the post-mortem **T** (`pm/x.md:9`).' }] }] }), 'pm/x.md'));
  });

  it('what ADF does not allow where it stands keeps its words: a heading and a quote in a quote, a quote in a list, a table, empty items', () => {
    const adf = toAdf('> # h\n> > nested\n> - a\n>   > in item\n\n| a | b |\n|---|---|\n| `c` | **d** |\n\n- \n- x\n\n>\n\n**`code in bold`** [`code link`](https://q) [rel](../a.md) ![img](https://i.example/p.png)\n\nline  \nbreak');
    assert.deepEqual(adfProblems(adf), []);
    const shown = adfText(adf);
    for (const words of ['h', 'nested', 'in item', 'a | b', '`c` | **d**', '`code in bold`', '[`code link`](https://q)', 'rel', '[img](https://i.example/p.png)']) assert.ok(shown.includes(words), `${words} in ${shown}`);
    assert.ok(!shown.includes('../a.md'), 'a relative link is its text only: Jira cannot open it');
    assert.deepEqual(adfProblems(toAdf('')), []);
  });

  it('hostile text is converted and read back in linear time, without recursion', () => {
    const make = (unit: string) => (size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    // A body's quote is one line (an item's description): runs of one line's Markdown.
    for (const unit of ['*a ', '> ', '- ', '`', '[a](https://x/(', '**_~~', '<!-- ', '\\*']) {
      assertLinearGrowth(`toAdf ${JSON.stringify(unit)}`, (t) => adfText(toAdf(t)), make(unit), [500, 5_000, 20_000]);
    }
    // A document from the tracker nested 100,000 deep (not one toAdf writes).
    let deep: AdfNode = { type: 'paragraph', content: [{ type: 'text', text: 'bottom' }] };
    for (let i = 0; i < 100_000; i++) deep = { type: i % 2 ? 'blockquote' : 'bulletList', content: [i % 2 ? deep : { type: 'listItem', content: [deep] }] };
    assert.match(adfText({ type: 'doc', version: 1, content: [deep] }), /bottom$/);
  });
});
