import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { markdownCode, markdownLine, markdownText } from '../../../src/core/text/markdownText';
import { assertLinearGrowth } from '../robustness/linearGrowth';

/** What GitHub renders: CommonMark with GFM (tables, strikethrough, autolinks, footnotes). */
const parser = unified().use(remarkParse).use(remarkGfm);
const render = (markdown: string): Root => parser.parse(markdown);

/** The one node of `type` the page holds; fails when the text opened another block or split it. */
function only(root: Root, type: Nodes['type']): Nodes {
  const found: Nodes[] = [];
  const visit = (n: Nodes) => {
    if (n.type === type) found.push(n);
    if ('children' in n) for (const c of n.children) visit(c as Nodes);
  };
  visit(root);
  assert.equal(found.length, 1, `one ${type} in ${JSON.stringify(root.children.map((c) => c.type))}`);
  return found[0];
}

/**
 * Inside `node`, only text: no emphasis, code, HTML, image, footnote or link the text did not have.
 * A GFM autolink literal (`www.x.org`, `https://…`) shows its own text as written, so it may stay.
 */
function onlyText(node: Nodes): void {
  if (!('children' in node)) return;
  for (const child of node.children as Nodes[]) {
    if (child.type === 'link' && /^(https?:\/\/|mailto:|www\.)/.test(child.url) && child.url.endsWith(toString(child))) continue;
    assert.equal(child.type, 'text', `a ${child.type} node: ${JSON.stringify(child)}`);
  }
}

/** Each place the Markdown outputs put user text, and where the text lands in the rendered page. */
const PLACES: { name: string; page: (t: string) => string; holder: Nodes['type']; prefix?: string; suffix?: string }[] = [
  { name: 'a paragraph of its own', page: (t) => t, holder: 'paragraph' },
  { name: 'a list line after a note', page: (t) => `- Note: ${t}.`, holder: 'paragraph', prefix: 'Note: ', suffix: '.' },
  { name: 'a heading (postmortem list groups)', page: (t) => `## ${t}`, holder: 'heading' },
  { name: 'a link text (postmortem list titles)', page: (t) => `See [${t}](postmortems/a.md) now`, holder: 'link' },
];

function tableCell(text: string): Nodes {
  const table = only(render(`| a | b | c |\n|---|---|---|\n| x | ${text} | y |\n`), 'table');
  assert.ok(table.type === 'table');
  const row = table.children[1];
  assert.equal(row.children.length, 3, 'the row keeps its three cells');
  return row.children[1];
}

/** Strings rich in what Markdown reads as syntax, with line breaks, controls and any character. */
const SPECIALS = ['*', '_', '`', '~', '#', '\\', '[', ']', '(', ')', '!', '<', '>', '&', '|', '$', '-', '+', '=', '.', ':', '/', '@', '"', "'", '1', '9', 'a', 'w', ' ', ' ', '\t', '\n', '\r', '\u2028', '\u0000', 'é', '&amp;', '&#42;', 'www.', 'http://', '<!--', '<img', '***', '~~', '```', '[^1]', ']: ', '|---|'];
const hostile = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SPECIALS) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) }), { maxLength: 24 }).map((parts) => parts.join(''));

describe('user text in Markdown output (src/core/text/markdownText.ts)', () => {
  it('renders as exactly the text written, in a paragraph, a note, a heading, a link and a table cell (CommonMark + GFM)', () => {
    fc.assert(fc.property(hostile, (text) => {
      const expected = markdownLine(text);
      if (expected === '') return; // nothing to show: an empty cell, no paragraph at all
      const escaped = markdownText(text);
      for (const place of PLACES) {
        const holder = only(render(place.page(escaped)), place.holder);
        onlyText(holder);
        assert.equal(toString(holder), `${place.prefix ?? ''}${expected}${place.suffix ?? ''}`, `${place.name}: ${JSON.stringify(place.page(escaped))}`);
      }
      const cell = tableCell(escaped);
      onlyText(cell);
      assert.equal(toString(cell), expected, `a table cell: ${JSON.stringify(escaped)}`);
    }), { numRuns: 400 });
  });

  it('a code span shows the text exactly, backticks and all', () => {
    fc.assert(fc.property(hostile, (text) => {
      const expected = markdownLine(text);
      if (expected === '') return;
      const paragraph = only(render(`- ${markdownCode(text)}: said`), 'paragraph');
      assert.ok(paragraph.type === 'paragraph');
      const first = paragraph.children[0];
      assert.equal(first.type, 'inlineCode', JSON.stringify(paragraph));
      assert.equal(first.type === 'inlineCode' && first.value, expected);
    }), { numRuns: 400 });
  });

  it('the titles a user reported stay text: *em*, _em_, `code`, ~~gone~~, # heading, 1. list, \\ and HTML', () => {
    const cases: [string, string][] = [
      ['*em* outage', '\\*em\\* outage'],
      ['_em_ and __strong__', '\\_em\\_ and \\_\\_strong\\_\\_'],
      ['`rm -rf` ran', '\\`rm -rf\\` ran'],
      ['~~gone~~', '\\~\\~gone\\~\\~'],
      ['# Not a heading #', '\\# Not a heading \\#'],
      ['1. Not a list', '1\\. Not a list'],
      ['- not an item', '\\- not an item'],
      ['C:\\Temp\\', 'C:\\\\Temp\\\\'],
      ['<img src=x onerror=alert(1)> & &amp;', '\\<img src=x onerror=alert(1)\\> \\& \\&amp;'],
      ['<!-- not a comment -->', '\\<!-- not a comment --\\>'],
      ['[click](https://evil.example) | costs $5', '\\[click\\](https\\://evil.example) \\| costs \\$5'],
    ];
    for (const [title, escaped] of cases) {
      assert.equal(markdownText(title), escaped);
      assert.equal(toString(only(render(markdownText(title)), 'paragraph')), title);
    }
  });

  it('puts each title on one line: breaks and control characters become spaces, the ends trimmed', () => {
    assert.equal(markdownText(' a\r\nb\u2028c\u001b[31md\t '), 'a b c \\[31md');
    assert.equal(markdownCode('a ``b`` c'), '```a ``b`` c```');
    assert.equal(markdownCode('`x'), '`` `x ``');
  });

  it('runs in linear time on long runs of any one special character', () => {
    for (const unit of ['*', '`', ' ', '1', '\\', '-', '\n']) {
      assertLinearGrowth(`markdownText ${JSON.stringify(unit)}`, markdownText, (size) => `${unit.repeat(size)}x`);
      assertLinearGrowth(`markdownCode ${JSON.stringify(unit)}`, markdownCode, (size) => `${unit.repeat(size)}x`);
    }
  });
});
