import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { walk } from '../../../src/core/document/mdastUtil';
import { parsePostmortem } from '../../../src/core/document/parse';
import { plainLinksOf, readPlainLinks } from '../../../src/core/document/plainLinks';
import type { SectionUnit } from '../../../src/core/document/model';

/**
 * links/missing-file and evidence/image-alt read a plain section's links and images from its lines
 * (plainLinks.ts) instead of its Markdown tree. Whenever the line reader answers, its answer must be
 * the tree's: every link, image, definition and image reference, at the same offsets, with the
 * same destination, and for images whether the alt text is blank.
 */
function fromTree(section: SectionUnit) {
  const found: { type: string; url: string; emptyAlt: boolean; start: number; end: number }[] = [];
  walk(section.mdast, (node: Nodes) => {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition' && node.type !== 'imageReference') return;
    const start = node.position?.start.offset;
    if (node.type === 'link' && (start === undefined || section.text[start] !== '[')) {
      // A bare URL or address (GFM autolink literal): not listed by the lines, as its destination
      // always has a scheme, which no caller reads as a workspace path.
      assert.match(node.url, /^(?:https?|mailto|xmpp):/);
      return;
    }
    found.push({
      type: node.type,
      url: 'url' in node ? node.url : '',
      emptyAlt: node.type === 'image' || node.type === 'imageReference' ? (node.alt ?? '').trim() === '' : false,
      start: start!,
      end: node.position!.end.offset!,
    });
  });
  return found;
}

function fromLines(section: SectionUnit) {
  return plainLinksOf(section)?.map((l) => ({ ...l }));
}

const HEAD = ['---', 'type: postmortem', 'status: draft', '---', '', '# Incident', ''];

/** Checks every section of `text`; returns how many the lines decided. */
function check(text: string): number {
  let decided = 0;
  for (const section of parsePostmortem(text).sections) {
    const fast = fromLines(section);
    if (fast === undefined) continue;
    decided++;
    assert.deepEqual(fast, fromTree(section), JSON.stringify(section.text));
  }
  return decided;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? markdownFiles(p) : name.endsWith('.md') ? [p] : [];
  });
}

describe('links and images read from the lines (plainLinks)', () => {
  const cases: Record<string, string[]> = {
    'links and images in items': ['## Timeline', '', '- 14:00Z see [runbook](../runbooks/db.md) and ![graph](img/a.png)', '- 14:05Z ![](https://x.example/a.png) no alt'],
    'brackets that are text': ['## Timeline', '', '- 14:09Z [detected] (alert) fired', '- [mitigated] [a] [b](c)'],
    'a link inside a link is none': ['## Lessons', '', 'a [b [c](d) e](f) g'],
    'an image inside a link': ['## Lessons', '', '[![shot](a.png)](b.md)'],
    'a code span hiding a link': ['## Lessons', '', 'a `[b](c)` d [e](f)'],
    'a code span across lines': ['## Lessons', '', 'a `[b](c)', 'd` [e](f)'],
    'HTML and escapes in code spans': ['## Lessons', '', 'run `git reset <old>` and `a\\` then [e](f.md)', 'x `[a](<b>)` <br> [c](d.md)'],
    'an autolink literal around brackets': ['## Lessons', '', 'see https://x.example/[a](b) and www.x.example/[c](d)'],
    'a footnote call': ['## Lessons', '', 'a[^1] [b](c)', '', '[^1]: note'],
    'a definition': ['## Lessons', '', '[a]: ../x.md', '', 'see [a]'],
    'a title after the destination': ['## Lessons', '', '[a](b.md "t")'],
    'an entity in alt text': ['## Lessons', '', '![&#32;](a.png)'],
    'emphasis-only alt text': ['## Lessons', '', '![**](a.png) ![ ](b.png) ![*a*](c.png)'],
    'a link over two lines': ['## Lessons', '', 'x [a', 'b](c.md)'],
    'a bracket inside a bare URL': ['## Lessons', '', 'x [a https://x.example/] b](c.md) [d www.x.example/] e](f.md) [g https://x.example/x]y h](i.md)'],
    'escaped brackets': ['## Lessons', '', 'x \\[a](b.md) \\![c](d.png) [e\\](f.md)'],
  };
  for (const [name, lines] of Object.entries(cases)) {
    it(`agrees with the tree: ${name}`, () => {
      check([...HEAD, ...lines].join('\n'));
    });
  }

  it('answers for plain sections with links, and agrees with the tree', () => {
    const text = [...HEAD, '## Timeline', '', '- 14:00Z see [runbook](../runbooks/db.md) `code` ![graph](img/a.png)', '  [#12](https://x.example/12) (see [@dana](https://x.example/dana))', '', '- 14:05Z [detected] ![](a.png)'].join('\n');
    assert.equal(check(text), 1);
    const timeline = parsePostmortem(text).sections.find((s) => s.id === 'timeline')!;
    assert.deepEqual(plainLinksOf(timeline)?.map((l) => `${l.type} ${l.url} ${l.emptyAlt}`), ['link ../runbooks/db.md false', 'image img/a.png false', 'link https://x.example/12 false', 'link https://x.example/dana false', 'image a.png true']);
  });

  it('agrees with the tree on every section of the examples and fixtures', () => {
    let decided = 0;
    for (const file of [...markdownFiles('examples'), ...markdownFiles('test/fixtures')]) decided += check(readFileSync(file, 'utf8'));
    assert.ok(decided > 100, `decided ${decided}`);
  });

  it('agrees with the tree on generated sections', () => {
    // Mostly what plain prose holds (so the lines often decide), with every kind of syntax that must make them give up.
    const common = fc.constantFrom(
      'text', 'more words', ' ', ' ', '[a](b)', '[a](../x.md)', '![alt](img/a.png)', '![](a.png)', '![ ](a.png)', '[detected]', '`code`', '**b**', '(see [#12](https://x.example/12))',
      '[@dana](https://x.example/d)', '[a *b* c](d)', '[a [b] c](d)', '[![a](b)](c)', '!![a](b)', '[a]()', '[a](b)c', '![*a*](a.png)', '&amp;', 'https://x.example/', '!',
      '`<x>`', '`\\[a](b)`', '``a`b``',
    );
    const hostile = fc.constantFrom(
      '[', ']', '(', ')', '![', 'https://x.example/]', 'www.x.example/]', 'https://x.example/x]y', '](', ']: ', '![**](a.png)', '![~~](x)', '[x][y]', '[x][]', '[^1]', '[a](b "t")', '[a]( b)', '[a](<b>)', '[a](b(c))', '![a]()',
      '`', '``', '`[a](b)`', '`` ` ``', '\\', '\\[a](b)', '\\![a](b)', '<', '<b>', '<http://x.example>', '[&amp;](x)', '![&#32;](x)', '[a](b&amp;c)',
      'www.x.example', 'a@b.example', '[x@y.example](z)', '[www.x.example](z)', '[see https://x](z)', '*', '_', '~~s~~',
      '[a [b](c) d](e)', '![a [b](c) d](e)', '#', '|', ':', '[a](b|c)', '[a](b`c)', '[a](\tb)', '[\u00a0](x)', '![\u00a0](x)',
    );
    const inline = fc.oneof({ arbitrary: common, weight: 4 }, { arbitrary: hostile, weight: 1 });
    const inlineText = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
    const line = fc.oneof(
      inlineText,
      inlineText.map((t) => `- 14:00Z ${t}`),
      inlineText.map((t) => `- [ ] ${t} @a`),
      inlineText.map((t) => `  ${t}`),
      inlineText.map((t) => `### ${t}`),
      fc.constantFrom('', '', '', '- 14:00Z a', '- [x] done', '<!--', '-->', '<!-- [a](b) -->', '```', '    [a](b)', '[a]: b', '> [a](b)', '| [a](b) | c |', '| - | - |', '1. [a](b)', '---', '===', '```bash', '~~~', '````', ' ```', '   ~~~ x', '```a`b', '```&amp;'),
    );
    const heading = fc.constantFrom('## Timeline', '## Action items', '## Lessons', '## Summary');
    let decided = 0;
    let withLinks = 0;
    fc.assert(fc.property(fc.array(fc.tuple(heading, fc.array(line, { maxLength: 8 })), { minLength: 1, maxLength: 3 }), fc.boolean(), (sections, crlf) => {
      const text = [...HEAD, ...sections.flatMap(([h, ls]) => [h, ...ls])].join('\n').replace(/\n/g, crlf ? '\r\n' : '\n');
      for (const section of parsePostmortem(text).sections) {
        const fast = fromLines(section);
        if (fast === undefined) continue;
        decided++;
        if (fast.length) withLinks++;
        assert.deepEqual(fast, fromTree(section), JSON.stringify(section.text));
      }
    }), { numRuns: 4000 });
    // The lines must decide many sections, links and images among them, or the fast path is not one.
    assert.ok(decided > 1000 && withLinks > 300, `decided ${decided}, with links ${withLinks}`);
  });

  it('leaves a preamble (no heading line) to the tree', () => {
    assert.equal(readPlainLinks('## Notes\n\n[a](b)\n', 'Notes')?.length, 1);
    const preamble = parsePostmortem('[a](b)\n\n## Notes\n').sections[0]!;
    assert.equal(plainLinksOf(preamble), undefined);
  });
});
