import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractActionItems } from '../../../src/core/actions/extract';
import type { Nodes } from 'mdast';
import { plainText, startLine, walk } from '../../../src/core/document/mdastUtil';
import { plainProseHasDigit } from '../../../src/core/document/plainProse';
import { parsePostmortem } from '../../../src/core/document/parse';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { extractTimeline } from '../../../src/core/timeline/extract';

/**
 * The parser reads flat timeline and action-item lists from their lines, and parses a five-whys
 * block on its own, when that gives what the section's full Markdown parse gives. These tests hold
 * it to that: the entries, items and answers must equal what the full tree of each section yields.
 */

const FIVE_WHYS = /^(?:the\s+)?(?:5|five)[\s-]+whys?\b/i;
/** The parser looks for five whys in prose sections only when a heading line names them literally. */
const FIVE_WHYS_HEADING_LINE = /^ {0,3}#{2,6}[ \t].*\b(?:5|five)[\s-]+whys?\b/im;

/** What the full remark tree of each section yields, in document coordinates. */
function fromFullTrees(text: string) {
  const doc = parsePostmortem(text);
  const timeline: unknown[] = [];
  const actions: unknown[] = [];
  let fiveWhys: unknown;
  for (const section of doc.sections) {
    const lines = new LineIndex(section.text);
    const at = section.startLine;
    if (section.id === 'timeline') {
      for (const e of extractTimeline(section.mdast, lines)) timeline.push({ ...e, line: e.line + at });
    }
    if (section.id === 'action-items') {
      for (const { checkbox: _c, lineLength: _l, ...a } of extractActionItems(section.mdast, lines)) actions.push({ ...a, line: a.line + at });
    }
    const looked = section.id === 'timeline' || section.id === 'action-items' || FIVE_WHYS_HEADING_LINE.test(section.text);
    const whys = !looked ? -1 : section.mdast.children.findIndex((n) => n.type === 'heading' && n.depth >= 2 && FIVE_WHYS.test(plainText(n).trim()));
    if (whys !== -1 && fiveWhys === undefined) {
      const list = section.mdast.children.slice(whys + 1).find((n) => n.type === 'list' || n.type === 'heading');
      const answers = list?.type === 'list' && list.ordered
        ? list.children.map((item) => ({ line: startLine(item) + at, text: plainText(item).trim() })).filter((a) => a.text.length > 0)
        : [];
      fiveWhys = { headingLine: startLine(section.mdast.children[whys]) + at, answers };
    }
  }
  return { timeline, actions, fiveWhys };
}

function fromParser(text: string) {
  const doc = parsePostmortem(text);
  return {
    // Every field the extractors give (sub-heading dates and groups included), as the parser keeps them.
    timeline: doc.sections.flatMap((s) => (s.rawTimeline ?? []).map((e) => ({ ...e, line: e.line + s.startLine }))),
    actions: doc.actionItems.map(({ range: _r, checkboxRange: _c, ...a }) => a),
    fiveWhys: doc.fiveWhys ? { headingLine: doc.fiveWhys.headingLine, answers: doc.fiveWhys.answers } : undefined,
  };
}

const HEAD = ['---', 'type: postmortem', 'status: in-review', 'started_at: 2026-11-20T14:00:00Z', '---', '', '# Incident', ''];

function doc(...body: string[]): string {
  return [...HEAD, ...body].join('\n');
}

describe('parser fast paths (flat lists, five-whys slice)', () => {
  const cases: Record<string, string> = {
    'a flat timeline and task list': doc('## Timeline', '', '- 2026-11-20 14:00Z Deploy', '- 14:09Z [detected] Alert', '', '## Action items', '', '- [ ] Add a guard @bob due:2026-12-01', '- [x] Roll back @al'),
    'a lazy continuation line': doc('## Timeline', '- 14:00Z Deploy', 'continues here', '- 14:09Z Alert'),
    'a task continued on the next line': doc('## Action items', '- [ ] Add a guard', '  to the deploy @bob', '- [ ] Other'),
    'a thematic break among items': doc('## Timeline', '- 14:00Z a', '- - -', '- 14:09Z b'),
    'mixed bullet characters': doc('## Timeline', '- 14:00Z a', '* 14:05Z b', '+ 14:09Z c'),
    'an ordered timeline': doc('## Timeline', '1. 14:00Z a', '3. 14:05Z b'),
    'a nested item': doc('## Action items', '- [ ] Parent @a', '  - [ ] Child @b'),
    'an HTML comment swallowing items': doc('## Action items', '<!--', '- [ ] Hidden @a', '-->', '- [ ] Shown @b'),
    'a box without text': doc('## Action items', '- [ ]', '- [x]  Done twice-spaced'),
    'a tab in the box': doc('## Action items', '- [\t] Tab box @a'),
    'lone carriage returns': doc('## Timeline', '- 14:00Z a\r- 14:05Z b'),
    'CRLF line ends': doc('## Timeline', '- 14:00Z a', '- 14:05Z b').replace(/\n/g, '\r\n'),
    'five whys with plain answers': doc('## Root cause', '', 'Prose.', '', '### Five whys', '', '1. Why? Because a', '2. Why? Because b', '', '```mermaid', 'flowchart TD', '```'),
    'five whys with markup in answers': doc('## Root cause', '', '### Five whys', '', '1. Why? *Because* `a`', '2. Why? [link](http://x)'),
    'five whys behind a reference definition': doc('## Root cause', '', '[a]: http://x', '', '### Five whys', '', '1. Why? [a]'),
    'five whys inside an HTML comment': doc('## Root cause', '', '<!--', '### Five whys', '', '1. Why? hidden', '-->', '', '### 5 whys', '', '1. Why? shown'),
    'a setext five-whys heading first': doc('## Root cause', '', 'Five whys', '---', '', '1. Why? a', '', '### Five whys', '', '1. Why? b'),
    'five whys after an indented fence': doc('## Root cause', '', '- item', '  ```', '### Five whys', '', '1. Why? a'),
    'five whys with a paragraph before the list': doc('## Root cause', '', '### Five whys', '', 'Intro.', '', '1. Why? a', '2) Why? b'),
    'five whys whose list continues': doc('## Root cause', '', '### Five whys', '', '1. Why? a', '   more of a', '', '2. Why? b', '', 'After.'),
    'five whys heading with emphasis': doc('## Root cause', '', '### Five *whys*', '', '1. Why? a'),
    'five whys as the section heading': doc('## Five whys', '', '1. Why? a', '2. Why? b'),
    'a timeline titled five whys by alias': doc('## Timeline', '', '### Five whys', '', '1. 14:00Z a'),
    'a note, day sub-headings and bold entries': doc('## Timeline', '', 'All times UTC.', '', '### 2026-11-20', '', '- **14:00Z** deploy', '- 14:09Z [detected] alert', '', '### 2026-11-21', '', '- 01:00Z resolved'),
    'tasks under topic sub-headings, continued': doc('## Action items', '', '### Prevention', '', '* [ ] [#27110](http://x) -', '  Test the plugins', 'lazily continued', '', '### Detection', '', '- [x] **Alert** on it @a'),
    'the template comment between items': doc('## Action items', '', '- [ ] Shown @a', '<!--', '- [ ] Hidden @b', '-->', '- [ ] Also shown @c', '<!-- - [ ] one-line hidden @d -->'),
    'a comment that never closes': doc('## Timeline', '', '- 14:00Z a', '', '<!-- draft', '- 14:05Z hidden'),
    'a paragraph continued by an indented line': doc('## Timeline', '', 'Intro line', '    indented continuation', '- 14:00Z a'),
    'an indented line after a heading': doc('## Timeline', '', '### Day 1', '    code?', '- 14:00Z a'),
    'entries described below their time (loose items)': doc('## Timeline', '', '- 14:00Z a', '', '  Described here', 'lazily', '', '    and here', '', '- 14:05Z b', '', '  More.'),
    'a nested task after a blank line': doc('## Action items', '', '- [ ] a @x', '', '  - [ ] nested @y', '', '- [ ] b @z'),
    'code in an item after a blank line': doc('## Action items', '', '- [ ] a @x', '', '      - [ ] code, not a task', '- [ ] b @z'),
    'a one-space line after a list': doc('## Action items', '', '- [ ] a @x', '', ' - [ ] b @z', '', ' prose'),
    'a task whose next line is a table delimiter row': doc('## Action items', '', '- [ ] a @x', '  :-', '- [ ] b @z'),
    'a note whose next line is a table delimiter row': doc('## Timeline', '', 'Times', ':-', '', '- 14:00Z a'),
    'ordered tasks, two spaces after the number': doc('## Action items', '', '1.  [x] **Root cause** @a', '2. [ ] Guard @b', '   continued', '10. [ ] ten'),
    'an ordered list after a bullet list': doc('## Action items', '', '- [ ] a', '1. [ ] b', '2) [ ] c'),
    'an ordered list that cannot interrupt': doc('## Timeline', '', 'Note', '2. 14:00Z a', '', '- 14:05Z b', '3. 14:06Z c'),
    'code spans, issue numbers and links starting lines': doc('## Timeline', '', '- 14:00Z @a files', '  [flutter#1](http://x) for', '  `stable` channel,', '  #123 is related', '', '  [Travis](http://x) errored', '', '  [a]: http://x', '- 14:05Z b'),
    'nested blocks inside timeline entries': doc('## Timeline', '', '- 14:00Z a', '  - nested', '  ```', '- 14:01Z not an entry', '  ```', '- 14:02Z b', '', '  > quote', '', '      code', 'lazy?', '- 14:03Z c'),
    'a fence in an entry closed by the next entry': doc('## Timeline', '', '- 14:00Z a', '', '  ```', '  log', '- 14:05Z b', '  ```', '- 14:06Z c'),
    'an entry holding a list first': doc('## Timeline', '', '- - 14:00Z nested', '- # 14:01Z heading', '- > 14:02Z quote', '- [ ]', '- [overview](http://x) dashboards'),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`reads what the full parse reads: ${name}`, () => {
      assert.deepEqual(fromParser(text), fromFullTrees(text));
    });
  }

  it('reads what the full parse reads for generated sections', () => {
    const line = fc.constantFrom(
      '', '', '- 14:00Z a', '- 2026-11-20 14:09Z [detected] b', '* 15:00 c', '+ 16:00 d', '- [ ] fix @bob due:2026-12-01', '- [x] done @al', '- [X] Done',
      '- [ ]', '-  two spaces', '- - -', '---', '***', '===', 'prose', '  - nested', '  continuation', '1. Why? because', '2. Why? then', '1) why', '10. ten',
      '- 1. nested', '- > quote', '- ```', '```', '~~~', '  ```', '    code', '<!--', '-->', '<div>', '| a | b |', '| - | - |', '[x]: http://x',
      '### Five whys', '### 5 whys', '### *Five* whys', '#### Sub', '### 2026-11-20', '> quote', '- &amp; x', '1. Why? *emph*', '1. Why? [x]', '\\- not a list',
      // Real timelines and action lists: a note line, sub-headings, bold starts, continuations, the template's comments.
      'All times UTC.', '_Times are approximate._', '*Note*: from chat', '**Jun 4, 2025**: published', '- **Jun 4, 2025**: published', '- [ ] **Guard** the deploy @a',
      '- _x_ item', '- *', '- * x', '- ***', '- __', '- *\tx', '  continued [link](http://x)', '      deep continuation', '  - [ ] nested task', '[x] not a definition',
      '[^1]: - [ ] in a footnote', '### Short term', '### 2026-11-21', '#### Day 2 ###', '### Day #2', '<!-- one line -->', '<!-- opens', 'inside - [ ] hidden @a',
      'closes -->', '<!-->', '<!--->', '<!---->', ' <!-- indented -->', 'a | b', ':-|-', '_ _ _', '* * *', '*\tx', '* x', '\tTabbed', '   three spaces',
      // Fenced code at the top level (logs and commands pasted into a section), closed or not, and lines that only look like fences.
      '```bash', '````', '~~~~ js meta', ' ```', '   ~~~', '    ```', '```a`b', '``` a\\b', '~~~ a`b', '``` ', '`` x', '- [ ] in a fence? @f', '### inside?',
    );
    const heading = fc.constantFrom('## Timeline', '## Action items', '## Root cause', '## Five whys', '## Lessons');
    const section = fc.tuple(heading, fc.array(line, { maxLength: 12 })).map(([h, ls]) => [h, ...ls]);
    fc.assert(fc.property(fc.array(section, { minLength: 1, maxLength: 4 }), fc.boolean(), (sections, crlf) => {
      const text = doc(...sections.flat()).replace(/\n/g, crlf ? '\r\n' : '\n');
      assert.deepEqual(fromParser(text), fromFullTrees(text));
    }), { numRuns: 1500 });
  });

  it('reads what the full parse reads for generated loose lists (paragraphs below an item)', () => {
    const line = fc.constantFrom(
      '', '', '', '- 14:00Z a', '- [ ] fix @bob', '- [ ] fix @bob', '- [x] done @al', '* 15:00 c', 'prose', '### Day 2', '<!-- c -->',
      ...[1, 2, 3, 4, 5, 6, 7].flatMap((n) => [' '.repeat(n) + 'described', ' '.repeat(n) + 'described', ' '.repeat(n) + '- [ ] nested @n']),
      '  1. step', '   > quote', '  ```', '    <div>',
    );
    const heading = fc.constantFrom('## Timeline', '## Action items');
    fc.assert(fc.property(heading, fc.array(line, { maxLength: 10 }), (h, ls) => {
      const text = doc(h, ...ls);
      assert.deepEqual(fromParser(text), fromFullTrees(text));
    }), { numRuns: 2000 });
  });

  it('reads what the full parse reads for generated lists with nested blocks (ordered, code spans, links, nested lists and code)', () => {
    const indented = (n: number) => [
      'described', '`stable` channel', '#123 related', '[link](http://x) text', '[a]: http://x', '[^1]: note', '- nested', '* nested', '```', '~~~', '> quote',
      '1. step', '2. step', ':-', '|-|', '<img src="x">', '<div>', '| a | b |', '- [ ] nested task @n', '1. [x] nested done', '===', '---', '# h', '***',
    ].map((t) => ' '.repeat(n) + t);
    const line = fc.constantFrom(
      '', '', '', '', '- 14:00Z a', '- [ ] fix @bob', '- [x] done @al', '* 15:00 c', '1. 14:00Z a', '2. 14:05Z b', '1) x', '2) [ ] y', '10. ten',
      '1.  [x] two-space task @a', '1. [ ] task @b', '2. [x] done', '-  two spaces', '-    four', '-     five', '- [overview](http://x) dashboards',
      '- [a]: http://x', '- [ ]', '- [ x] odd box', '- `code` first', '- ```', '- #12 issue', '- # heading', '- - nested', '- > quote', '- a | b',
      'prose', '`code` note', '#5 note', '[x](y) note', '[x]: y', '### Day 2', '### *Day* 3', '<!-- c -->', '<!--', '-->', 'a |', ':--', '---', '===',
      '<START OF OUTAGE>', '</div>', '<script>', '<pre>', '<http://x>', '2023', '      - deep sub', '    -   spaced sub',
      ...[0, 1, 2, 3, 4, 5, 6].flatMap(indented),
    );
    const heading = fc.constantFrom('## Timeline', '## Action items', '## Five whys');
    fc.assert(fc.property(heading, fc.array(line, { maxLength: 12 }), (h, ls) => {
      const text = doc(h, ...ls);
      assert.deepEqual(fromParser(text), fromFullTrees(text));
    }), { numRuns: 3000 });
  });

  it('reads what the full parse reads for generated tables and marked-up sub-headings', () => {
    const header = fc.constantFrom('| Time (UTC) | Event |', '| Time | Event | Note |', 'Time | Event', '| Action | Owner | Status |', '| Action item | Owner | Due |', '| *Action* | Owner |', '| Time |', '|', '| Time | Event', '  | Time | Event |');
    const delimiter = fc.constantFrom('| --- | --- |', '|:-|-:|', '| - | - | - |', '| -- | --- |  x', '|---|', '| :-: | --- |   ', '|--|--', '| - - | - |', '--- | ---', '|  -  |  -  |');
    const row = fc.constantFrom(
      '| 14:00Z | a |', '| 14:05Z | b | c |', '| 14:06 |', '|', '||', '| 14:07 || d |', '| a \\| b | 14:08 |', '| `x|y` | 14:09 |', '| 14:10 | e |   ', '|  | f |',
      '| 14:11 | g', '| 14:12\t| h |\t', '| \\\\| 14:13 | i |', '| [ ] fix @bob | @bob | done |', '| Fix the thing | @al | open |', '| Guard | | |', '|a|b|c|d|', 'not a row?',
      '- 14:14Z item', '  | indented | row |', '### Day 9',
    );
    const table = fc.tuple(header, delimiter, fc.array(row, { maxLength: 4 })).map(([h, d, rs]) => [h, d, ...rs]);
    const line = fc.constantFrom(
      '', '', '', '- 14:00Z a', '- [ ] fix @bob', '1. [x] done @al', 'prose', '### Day 2', '### _2026-11-21_', '### Later ([#12](http://x))', '### Day 3 ##',
      '### *Five* whys', '### `code` [x]', '### a <!-- b', '### [x][y]', '[y]: http://z', '<!-- c -->', '  described', '<img src="x">', '<div>', '- [ ] parent @a', '  - sub, no box',
    ).map((l) => [l]);
    const heading = fc.constantFrom('## Timeline', '## Action items');
    fc.assert(fc.property(heading, fc.array(fc.oneof(line, table), { maxLength: 8 }), (h, blocks) => {
      const text = doc(h, ...blocks.flat());
      assert.deepEqual(fromParser(text), fromFullTrees(text));
    }), { numRuns: 3000 });
  });

  it('reads what the full parse reads for generated five whys after diagrams (fenced code holding HTML, tables, rules)', () => {
    const inner = fc.constantFrom('A["x<br/>y"]', 'b -->|l| c', '---', '===', '[x]: http://y', '## not a heading', '### Five whys', '<!--', '| a |', '  ```', '~~~');
    const fence = fc.tuple(fc.constantFrom('```mermaid', '~~~', '````'), fc.array(inner, { maxLength: 4 }), fc.constantFrom('```', '~~~', '````', '')).map(([o, ls, c]) => [o, ...ls, c]);
    const line = fc.constantFrom(
      '', '', 'Prose.', '### Five whys', '### 5 whys', '1. Why? a', '2. Why? b', '2) Why? c', '3. Why? *d*', '<div>', '| a | b |', '[x]: http://x', 'Setext', '---', '- item', '  ```',
      '<!--', '-->', '<pre>', '</pre>', '[x]', '1. Why? [x]',
    ).map((l) => [l]);
    const heading = fc.constantFrom('## Root cause', '## Lessons');
    fc.assert(fc.property(heading, fc.array(fc.oneof(line, fence), { maxLength: 10 }), (h, blocks) => {
      const text = doc(h, ...blocks.flat());
      assert.deepEqual(fromParser(text), fromFullTrees(text));
    }), { numRuns: 3000 });
  });

  it('says from the lines whether the prose holds a digit only when the tree agrees', () => {
    const line = fc.constantFrom(
      '', '', '- 5,200 customers', '- no number here', '- [ ] 3 items @a', '- [x] done', 'Prose with 12 users.', 'Prose without.', '### Day 2', '### Notes',
      '`code 1` first', 'text `code 1`', 'see <!-- 3 --> x', '<!-- 4 -->', '<!--', '5 inside a comment', '-->', '&#49; entity', '![img 1](x)', '[link 1](x)',
      '[x]: http://x/1', 'www.x1.com', '**2** bold', '_3_ emph', '\\1 escaped', '<http://x/1>', 'url https://x.com/1', '  continued 7', '    8 deeper', '| 9 | a |',
      '```', '10 in code', '1. ordered', '> 11 quoted', 'Wow! 12', '~~13~~', '#14 issue', '  `code` 15', '  #16 issue', '  [x](y) 17', '1. [ ] 18 ordered',
      '  ```', '  [x]: http://x/19', ':-', '  :-', '=20', '~21', '### *Day* 22', '### Day 23 ##', '### _24_', '### [25](x)', '<img alt="26">', '<START 27>', '28 after',
    );
    const heading = fc.constantFrom('## Impact', '## Impact 2', '## Impact *1*');
    const hasDigit = (root: Nodes) => {
      let found = false;
      walk(root, (n) => void (found ||= n.type === 'text' && /\d/.test(n.value)));
      return found;
    };
    let decided = 0;
    fc.assert(fc.property(heading, fc.array(line, { maxLength: 8 }), fc.boolean(), (h, ls, crlf) => {
      const text = doc(h, ...ls).replace(/\n/g, crlf ? '\r\n' : '\n');
      const section = parsePostmortem(text).sections.find((s) => s.id === 'impact')!;
      const fast = plainProseHasDigit(section.text, section.title);
      if (fast === undefined) return;
      decided++;
      assert.equal(fast, hasDigit(section.mdast));
    }), { numRuns: 1500 });
    // The lines must decide most plain sections, or the fast path is not one.
    assert.ok(decided > 300, `decided only ${decided} of 1500`);
  });
});
