import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePostmortem } from '../../../src/core/document/parse';
import { readSummary, summaryAsOf, WorkspaceIndex } from '../../../src/core/index';
import { computeMetrics } from '../../../src/core/metrics';
import { incidentOf } from '../../../src/core/metrics/incident';
import { lintText } from '../../../src/core/lint/engine';
import type { Nodes } from 'mdast';
import { TASK_LINE } from '../../../src/core/actions/extract';
import { htmlBlockStart } from '../../../src/core/index/htmlBlocks';
import { mistypedItemAt, untakenCodeAt, untakenItemAt, untakenTextAt } from '../../../src/core/index/untakenItems';
import { htmlListTask } from '../../../src/core/index/hiddenTasks';
import { untakenEntryCode, untakenEntryText } from '../../../src/core/index/untakenEntries';
import { indentWidth } from '../../../src/core/index/sectionWalker';
import { actionShape } from '../../../src/core/actions/actionShaped';

/**
 * Every consumer of a post-mortem reads the same action items and timeline entries: the lint's
 * full parser, the summary (index, tree, `actions`, status bar) and the metrics (CLI from text, the
 * dashboard from the index). Documents are generated with what trips line scanners: HTML comments
 * holding items, fences (``` and ~~~, longer closers, unclosed), indented code, nested and wrapped
 * items, sub-headings, tables, items in the front matter. Fixed seed (test/unit/setup/fastCheckSeed.ts).
 */

const NOW = '2026-11-27T12:00:00Z';

// `@Devon-/-Kevin`, `@dana-`, `@Devon/Kevin` (two people or a team?): not handles, so no consumer reads an owner from them (actions/ownerHandle.ts); `@bob's`, `@ana.`: the handle before the signs.
// `zoe\u0308`: a Mac's decomposed `zoë`, the same handle as the composed one (trial13a F16).
const owner = fc.constantFrom('ana', 'bo', 'alex', 'cy', 'zoe\u0308', 'zoë', 'Devon-/-Kevin', 'dana-', "bob's", 'ana.', 'octo-org/sre', 'Devon/Kevin', 'Acme/SRE');
// Two `due:` on one item (trial C8): every consumer takes the first date.
// A date written in words (trial11 T9) is the due date when no `due:` is written, in both readers.
const due = fc.constantFrom('', ' due 2026-12-14', ' due on 2026-12-14 due:2026-11-01', ' by 2026-12-15', ' by 2026-12-15 deploy', ' Due: 2026-12-16 P2', ' due:2026-11-01', ' due:2026-12-24', ' due:next-week', ' due:next week P2', ' due:2026-12-24 due:2026-11-01', ' due:soon due:2026-11-01',
  // Due words with a month name (the year from the incident date, or none without one), a year-first date, and dates not read (actions/dueDate.ts).
  ' due Dec 14', ' deadline 14 January', ' due: 2026/12/14', ' due 03/04', ' due by Friday', ' failed due to DNS',
  // A done: date before, on and after today (NOW's day): one after today is flagged by lint and left out of time to close by the metrics (trial13a F10).
  ' done:2026-11-20', ' due:2026-11-25 done:2026-11-27', ' done:2026-12-31', ' due:2026-12-24 done:2026-11-28');
// A second `@name` stays text (one owner per item): every consumer takes the first.
const secondOwner = fc.constantFrom('', '', ' @Ana', ' @bo');
const words = fc.constantFrom('Add alert', 'Fix the pool', 'Write runbook', 'Review TTLs', 'Page on-call');
// Struck items (actions/struck-out): the whole line, a strike left open for the next line, GFM's single tilde, a struck word only.
const taskWords = fc.oneof(words, fc.constantFrom('~~Drop the cache~~', '~~Add alert', '~Retire the pool~', 'Keep ~~the~~ pool', '~~Old~~ ~~plan~~'));
// What a struck item's next line may say: a plain note, the end of the strike, a struck note, a lazy line ending it.
const continuation = fc.constantFrom('  owner @a, due 2026-12-20', '  for the pool~~', '  ~~and the cache~~', 'lazy end of it~~', '  ~~', '  replaced by OPS-12', '  ([Issue](https://github.com/acme/ops/issues/7))');
// Boxes as typed: a task's, a mistyped one (`[]`, `[ ]Text`: trial14a F14) and none (a plain bullet, which with an owner or due date is meant as an item).
const checkbox = fc.constantFrom('[ ] ', '[x] ', '[X] ', '[ ] ', '[x] ', '[] ', '[ ]', '[x]', '');
// Look-alike bullets (trial16a F16): `-` and a no-break space (a paste from Docs or Slack), `•`, `–`: text to Markdown, said by every reader.
const bullet = fc.constantFrom('-', '*', '+', '1.', '-\u00a0', '•', '–');

const task = fc.tuple(bullet, checkbox, taskWords, owner, secondOwner, due).map(([b, c, w, o, o2, d]) => `${b} ${c}${w} @${o}${o2}${d}`);
const time = fc.constantFrom('2026-11-20 14:09Z', '14:15Z', '2026-11-20T15:00:00Z', '16:00', '9:05 PM', '14:20 GMT+2', '2026-11-20 14:20 UTC+05:30', '15:00 -0800');
const milestone = fc.constantFrom('', '[detected] ', '[mitigated] ', '[resolved] ', '(chat) ');
const entry = fc.tuple(fc.constantFrom('-', '*', '1.', '-\u00a0', '•'), time, milestone, words).map(([b, t, m, w]) => `${b} ${t} ${m}${w}`);

const CLOSERS: Readonly<Record<string, string>> = { '<!--': '-->', '<!-- draft': '-->', '<?php': '?>', '<!DOCTYPE x': '>', '<![CDATA[': ']]>' };

/** A block that may hold items (or look like it), as lines. */
function blocks(item: fc.Arbitrary<string>): fc.Arbitrary<readonly string[]> {
  return fc.oneof(
    item.map((l) => [l]),
    item.map((l) => [l]),
    fc.tuple(item, words).map(([l, w]) => [l, `  ${w} continued`]),
    fc.tuple(item, continuation).map(([l, c]) => [l, c]),
    fc.tuple(item, continuation, continuation).map(([l, c, d]) => [l, c, d]),
    // An owner or due date under a task line that has none (items13, trial13a): read by no one, said by lint and the summary alike.
    fc.tuple(bullet, checkbox, words, fc.constantFrom(['  owner @a, due 2026-12-20'], ['  see the runbook', '  @bo due:2026-12-24'], ['lazy line @cy'], ['', '  @bo after a blank line'], ['  ```', '  @fenced'])).map(([b, c, w, rest]) => [`${b} ${c} ${w}`, ...rest]),
    fc.tuple(item, item).map(([a, b]) => [a, `  ${b}`]),
    fc.tuple(item, item).map(([a, b]) => [a, '', `    ${b}`]),
    item.map((l) => ['<!-- example:', l, '-->']),
    item.map((l) => [`<!-- ${l} -->`]),
    fc.tuple(item, item).map(([a, b]) => ['<!--', a, '', b, '-->']),
    fc.tuple(fc.constantFrom('```', '~~~', '````', '```md'), item).map(([f, l]) => [f, l, f.replace(/md$/, '')]),
    item.map((l) => ['```', l, '````']),
    item.map((l) => ['````', l, '```', l, '````']),
    item.map((l) => ['', `    ${l}`, '']),
    // Day headings in words (trial19c F7): read alike by both readers, their year inferred from the day above.
    fc.constantFrom(['### Short term'], ['### 2026-11-21'], ['#### Later'], ['## '], ['### Saturday, 21 November'], ['### Nov 22'], ['### Day 3'], ['### Nov 31'], ['### **Dec 1** — rollback']),
    // Setext headings (a paragraph over `---` or `===`) end the section; under a list item's lazy line the `---` is a rule.
    fc.constantFrom(['', 'Lessons', '-------'], ['', 'Later', '==='], ['Some prose', 'over two lines', '---'], ['- [ ] Lazy underline @alex', 'Action items', '---'], ['', 'Action items', '---']),
    fc.constantFrom([''], [''], ['Some prose about the incident.'], ['> quoted - [ ] not an item'], ['---'], ['* * *']),
    fc.tuple(item, item).map(([a, b]) => ['Prose right before a list:', a, `\t${b}`]),
    item.map((l) => ['A paragraph', `2. [ ] Ordered from two cannot interrupt it @alex`, l]),
    // Ordered task lines Markdown folds into the text above (trial17a F2, F3, F4): after a paragraph,
    // nested under an item's text (a list interrupting it must start at 1), after indented code
    // (micromark's reading); a footnote definition is no paragraph to interrupt (F3b).
    fc.tuple(fc.constantFrom('2.', '3)', '10.', '1.', '-'), checkbox, words, owner, due).map(([n, c, w, o, d]) => ['Agreed in the review on 2026-11-22:', `${n} ${c}${w} @${o}${d}`]),
    fc.tuple(item, fc.constantFrom('  ', '   ', '    ', '      '), fc.constantFrom('3.', '2)', '1.', '-'), checkbox, words, owner).map(([l, ind, n, c, w, o]) => [l, `${ind}${n} ${c}${w} @${o} due:2026-12-20`]),
    fc.tuple(item, fc.constantFrom('3.', '1.'), words).map(([l, n, w]) => [l, '', '  More about it.', `  ${n} [ ] ${w} @cy`]),
    fc.tuple(fc.constantFrom('    kubectl get pods', '\tcode'), fc.constantFrom(['2. [ ] Page on pool @ann due:2026-11-30', '3. [ ] Load-test'], ['-', '2. [ ] Page @ann'], ['1. [ ] Page @ann', '2. [ ] Next @bo'], ['- [ ] Page @ann']))
      .map(([code, rest]) => ['We agreed on these:', '', code, '', ...rest]),
    fc.tuple(item, fc.constantFrom('[^1]: Agreed with the database team.', '[^note]:', '   [^a]: A note', '[^1]: A note'), fc.constantFrom([], ['lazy line'], ['', '    indented more'], ['', 'A paragraph']), fc.constantFrom('2.', '3)', '-'), words)
      .map(([l, fn, more, n, w]) => [l, '', fn, ...more, `${n} [ ] ${w} @bo due:2026-11-30`]),
    item.map((l) => [`> ${l}`, l]),
    // A quote or an HTML block holding task lines (trial13a F21): no reader lists them, all say so (actions/hidden-task).
    item.map((l) => ['> Carried over from INC-12:', `> ${l}`, '>', `>> ${l}`]),
    item.map((l) => ['<details><summary>More</summary>', l, '</details>']),
    // HTML list items written as tasks (Confluence, Jira exports; trial16a F16): said as hidden tasks.
    item.map((l) => ['<ul>', `<li>${l.replace(/^\S+ /, '')}</li>`, '</ul>']),
    item.map((l) => [`<ul><li><input type="checkbox"> ${l.replace(/^\S+ (?:\[.?\] ?)?/, '')}</li></ul>`]),
    item.map((l) => [`<input type="checkbox"> ${l.replace(/^\S+ (?:\[.?\] ?)?/, '')}`]),
    item.map((l) => ['', `\t${l}`, '']),
    fc.tuple(item, item).map(([a, b]) => ['<div class="x">', a, `  ${b}`, '', a]),
    fc.tuple(item, item).map(([a, b]) => [a, '  <details>', `  ${b}`]),
    item.map((l) => [`Text <!-- opens a comment inline`, l, '-->']),
    fc.tuple(item, item, item).map(([a, b, c]) => [a, `  ${b}`, `    ${c}`]),
    item.map((l) => ['<!-- closed --> trailing text', l]),
    fc.constantFrom(['<div>', '- [ ] In a div @alex', '</div>'], ['<details>', '', '- [ ] After a blank in details @bo', '</details>']),
    // Owner cells with two people and Due cells with two dates (trial T12): every consumer takes the first.
    fc.tuple(words, owner, fc.constantFrom('', ', @bo', ' and Cy', ', Ana'), fc.constantFrom('', '2026-11-01', '2026-12-24, 2026-11-01', 'soon'), fc.constantFrom('open', 'Done', '**closed**', "Won't do", 'Cancelled', ''))
      .map(([w, o, o2, d, s]) => ['', '| Action | Owner | Due | Status |', '| --- | --- | --- | --- |', `| ${w} | @${o}${o2} | ${d} | ${s} |`, '']),
    // A date in words in the action cell: the due date without a Due column, text beside one (trial11 T9).
    fc.tuple(words, owner, fc.constantFrom('due 2026-12-14', 'by 2026-12-14', ''), fc.boolean())
      .map(([w, o, d, withDue]) => (withDue ? ['', '| Action | Owner | Due |', '| --- | --- | --- |', `| ${w} ${d} | @${o} | 2026-11-01 |`, ''] : ['', '| Action | Owner |', '| --- | --- |', `| ${w} ${d} | @${o} |`, ''])),
    fc.tuple(time, words).map(([t, w]) => ['', '| Time | Event |', '|---|---|', `| ${t} | ${w} |`, '']),
    // A Date column and a Time column (trial C1): read together, an empty Date takes the row above's.
    fc.tuple(fc.constantFrom('| Date | Time (IST) | Event |', '| Time | Date | What |', '| Date/Time | Date | Event |', '| Event | Day | When |'),
      fc.array(fc.tuple(fc.constantFrom('2026-11-20', '', '', '2026-11-21', '20/11/2026', '**2026-11-22**'), fc.constantFrom('14:09', '23:50', '00:10Z', '9:05 PM', '', '2026-11-20 14:20'), words), { minLength: 1, maxLength: 4 }))
      .map(([header, rows]) => ['', header, '|---|---|---|', ...rows.map(([d, t, w]) => (header.startsWith('| Time') ? `| ${t} | ${d} | ${w} |` : header.startsWith('| Event') ? `| ${w} | ${d} | ${t} |` : `| ${d} | ${t} | ${w} |`)), '']),
    // A fence, heading or item inside an HTML block of any kind is its text (trial U12).
    fc.tuple(fc.constantFrom('<!--', '<!-- draft', '<script>', '<pre>', '<style type="x">', '<textarea>', '<?php', '<!DOCTYPE x', '<![CDATA['),
      fc.constantFrom('```', '~~~', '## Lessons', '### Sub', '<!--', '- [ ] Inside @alex'), item)
      .map(([open, inner, l]) => [open, inner, CLOSERS[open] ?? `</${open.slice(1).split(/[ >]/)[0]}>`, l]),
    fc.tuple(fc.constantFrom('<div>', '<details>', '<span class="x">', '</section>'), fc.constantFrom('```', '## Lessons', '- [ ] In HTML @alex'), item)
      .map(([open, inner, l]) => [open, inner, '', l]),
    item.map((l) => ['<!-- a --> <!-- b', '```', '-->', l]),
    // A fence left open inside an item ends with the item.
    fc.tuple(item, fc.constantFrom('  ```', '  ~~~', '   ```', '  <!--', '  <script>'), item).map(([a, f, b]) => [a, f, '  code', b]),
    fc.tuple(item, item).map(([a, b]) => [a, '  ```', '', '  - [ ] fenced @alex', b]),
  );
}

// A section heading written as ATX or setext ("Action items" over `---`, trial14a F19): every reader splits the same.
// Timeline entries Markdown folds into the text above (trial17a F2): `All times UTC:` then `2. 14:02Z …`.
const foldedEntries = fc.tuple(fc.constantFrom('All times UTC:', '    code', ''), fc.constantFrom('2.', '1.', '-'), time, milestone, words)
  .map(([above, n, t, m, w]) => [above, ...(above.startsWith(' ') ? [''] : []), `${n} ${t} ${m}${w}`, `3. ${t} ${w}`]);
const section = (title: string, item: fc.Arbitrary<string>) =>
  fc.tuple(fc.array(title === 'Timeline' ? fc.oneof(blocks(item), foldedEntries) : blocks(item), { maxLength: 8 }), fc.boolean()).map(([bs, setext]) => [...(setext ? ['', title, '-'.repeat(title.length)] : [`## ${title}`]), '', ...bs.flat(), '']);

const frontMatter = fc.constantFrom(
  ['---', 'type: postmortem', 'started_at: 2026-11-20T14:00:00Z', 'resolved_at: 2026-11-20T16:00:00Z', '---'],
  ['---', 'type: postmortem', 'timezone: Europe/Berlin', 'started_at: 2026-11-20 14:00', 'notes: |', '  - [ ] In the front matter @fm', '  - 14:00Z [detected] not an entry', '---'],
  // A YAML merge key and a `!!timestamp` tag (trial13a F17): lint and the summary say the same of them.
  ['---', 'type: postmortem', 'base: &b', '  started_at: 2026-11-20T14:00:00Z', '<<: *b', '---'],
  ['---', 'type: postmortem', 'started_at: !!timestamp 2026-11-20T14:00:00Z', '---'],
  // A block scalar keeps its line break (trial14a F18): lint rejects the value, the summary reads it and says so.
  ['---', 'type: postmortem', 'started_at: |', '  2026-11-20T14:00:00Z', '---'],
  [],
);

// Items typed under another heading, before or after Action items, or in a post-mortem without one (trial 9 T1, CLOSING-14).
const elsewhere = fc.constantFrom('Lessons learned', 'Response', 'Where we got lucky');
const document = fc
  // Left open at the end: a fence, or a `<pre>` that runs to its closing tag (trial15a F14); what follows is no item to anyone.
  .tuple(frontMatter, section('Timeline', entry), section('Action items', task), fc.constantFrom(undefined, '```', '<pre>'), fc.boolean(), elsewhere.chain((t) => section(t, task)), fc.constantFrom('before', 'after', 'alone', 'none'))
  .map(([fm, timeline, actions, unclosed, crlf, other, place]) => {
    const body = place === 'before' ? [...other, ...actions] : place === 'after' ? [...actions, ...other] : place === 'alone' ? other : actions;
    const lines = [...fm, '', '# Incident', '', ...timeline, ...body, ...(unclosed ? [unclosed, '- [ ] After an unclosed block @alex'] : [])];
    return lines.join(crlf ? '\r\n' : '\n');
  });

/** An item as every consumer can state it. */
const item = (i: { line: number; description: string; isDone: boolean; owner?: string; badOwner?: string; due?: string; doneDate?: string; struck?: true }) =>
  ({ line: i.line, description: i.description, isDone: i.isDone, owner: i.owner, badOwner: i.badOwner, due: i.due, doneDate: i.doneDate, struck: i.struck });
/** What the summary and the parser say about a due date read from words: the year's source, the words not read. */
const dueWords = (i: { dueYearFrom?: string; dueUnread?: string | { value: string } }) => ({ yearFrom: i.dueYearFrom, unread: typeof i.dueUnread === 'string' ? i.dueUnread : i.dueUnread?.value });

/**
 * From the Markdown tree of the Action items sections: task items inside a block quote, and task
 * lines inside an HTML block of kind 6 or 7 (not its opening line; comments and <pre>/<script>
 * blocks are meant as such), as 0-based document lines.
 */
function hiddenInTree(doc: ReturnType<typeof parsePostmortem>): number[] {
  const lines = new Set<number>();
  for (const section of doc.sections) {
    if (section.id !== 'action-items') continue;
    const visit = (node: Nodes, quoted: boolean, inParagraph = false): void => {
      if (node.type === 'listItem' && quoted && typeof node.checked === 'boolean' && node.position) lines.add(section.startLine + node.position.start.line - 1);
      if (node.type === 'html' && !quoted && node.position && htmlBlockStart(node.value.split('\n')[0], true) === 'blank') {
        for (let l = node.position.start.line; l < node.position.end.line; l++) {
          const text = doc.lines.lineText(section.startLine + l);
          const task = TASK_LINE.exec(text);
          if (task && text.slice(task[0].length).trim()) lines.add(section.startLine + l);
        }
        // An HTML list item written as a task, on any line of the block, its first too (a block: inline HTML in a paragraph is text's).
        if (!inParagraph) for (let l = node.position.start.line - 1; l < node.position.end.line; l++) {
          const text = doc.lines.lineText(section.startLine + l);
          if (!TASK_LINE.test(text) && htmlListTask(text)) lines.add(section.startLine + l);
        }
      }
      if ('children' in node) for (const c of node.children as Nodes[]) visit(c, quoted || node.type === 'blockquote', inParagraph || node.type === 'paragraph');
    };
    visit(section.mdast, false);
  }
  return [...lines].sort((a, b) => a - b);
}

/** Whether section line `l` (0-based) is the paragraph's first and the paragraph starts past the line's indentation: a list item's (or quote's) own text, not text that swallowed a marker. */
function startsAfterMarker(node: Nodes, l: number, text: string): boolean {
  return node.position!.start.line - 1 === l && node.position!.start.column - 1 > text.length - text.trimStart().length;
}

/**
 * From the Markdown tree of the Action items sections: list items that are no tasks to GFM (outside
 * quotes) whose line is a mistyped box or, at the section's top level, a bullet with an owner or due
 * date (index/untakenItems.ts decides the line's words; the tree decides which lines are list items).
 */
function untakenInTree(doc: ReturnType<typeof parsePostmortem>): number[] {
  const lines = new Set<number>();
  for (const section of doc.sections) {
    if (section.id !== 'action-items') continue;
    const visit = (node: Nodes, quoted: boolean, listDepth: number): void => {
      if (node.type === 'listItem' && !quoted && typeof node.checked !== 'boolean' && node.position) {
        const line = section.startLine + node.position.start.line - 1;
        if (untakenItemAt(line, doc.lines.lineText(line), listDepth === 1 ? 'top' : 'nested')) lines.add(line);
      }
      // Text to Markdown that looks like an item (`-` and a no-break space, `•`, an HTML checkbox): any line of a paragraph.
      if (node.type === 'paragraph' && node.position) {
        for (let l = node.position.start.line - 1; l < node.position.end.line; l++) {
          const text = doc.lines.lineText(section.startLine + l);
          const u = untakenTextAt(0, text);
          // A task line read as paragraph text (trial17a F2–F4): not the first line of an item's own paragraph (it starts after the marker).
          if (u && (u.kind !== 'folded' || !startsAfterMarker(node, l, text))) lines.add(section.startLine + l);
        }
      }
      // An indented code block at the section's top level holding a task line.
      if (node.type === 'code' && listDepth === 0 && !quoted && node.position && indentWidth(doc.lines.lineText(section.startLine + node.position.start.line - 1)) >= 4) {
        for (let l = node.position.start.line - 1; l < node.position.end.line; l++) if (untakenCodeAt(0, doc.lines.lineText(section.startLine + l))) lines.add(section.startLine + l);
      }
      const depth = listDepth + (node.type === 'list' ? 1 : 0);
      if ('children' in node) for (const c of node.children as Nodes[]) visit(c, quoted || node.type === 'blockquote', depth);
    };
    visit(section.mdast, false, 0);
  }
  return [...lines].sort((a, b) => a - b);
}

/**
 * From the Markdown tree of the Timeline sections: paragraph lines that start with a look-alike
 * bullet before a time, and lines of an indented code block at the top level that are entries
 * (index/untakenEntries.ts decides the words; the tree decides what is text and what is code).
 */
function untakenEntriesInTree(doc: ReturnType<typeof parsePostmortem>): number[] {
  const lines = new Set<number>();
  for (const section of doc.sections) {
    if (section.id !== 'timeline') continue;
    const visit = (node: Nodes, depth: number): void => {
      if (node.type === 'paragraph' && node.position) {
        for (let l = node.position.start.line - 1; l < node.position.end.line; l++) {
          const text = doc.lines.lineText(section.startLine + l);
          const u = untakenEntryText(0, text);
          if (u && (u.kind !== 'folded' || !startsAfterMarker(node, l, text))) lines.add(section.startLine + l);
        }
      }
      if (node.type === 'code' && depth === 1 && node.position && indentWidth(doc.lines.lineText(section.startLine + node.position.start.line - 1)) >= 4) {
        for (let l = node.position.start.line - 1; l < node.position.end.line; l++) if (untakenEntryCode(0, doc.lines.lineText(section.startLine + l))) lines.add(section.startLine + l);
      }
      if ('children' in node) for (const c of node.children as Nodes[]) visit(c, depth + 1);
    };
    visit(section.mdast, 0);
  }
  return [...lines].sort((a, b) => a - b);
}

/**
 * From the Markdown tree of the sections other than Action items: list items outside quotes that
 * are tasks naming an owner or a due date, or lines with a mistyped box that do (`- [] Rotate keys
 * @ana due:…`): action items typed under another heading (actions/actionShaped.ts and
 * index/untakenItems.ts decide the words; the tree decides which lines are list items).
 */
function strayInTree(doc: ReturnType<typeof parsePostmortem>): { lines: number[]; box: number } {
  const lines: number[] = [];
  let box = 0;
  for (const section of doc.sections) {
    if (section.id === 'action-items') continue;
    const visit = (node: Nodes, quoted: boolean): void => {
      if (node.type === 'listItem' && !quoted && node.position) {
        const line = section.startLine + node.position.start.line - 1;
        const text = doc.lines.lineText(line);
        const task = TASK_LINE.exec(text);
        if (typeof node.checked === 'boolean' ? task && actionShape(text.slice(task[0].length)) : mistypedItemAt(line, text)) lines.push(line);
        if (typeof node.checked !== 'boolean' && mistypedItemAt(line, text)) box++;
      }
      if ('children' in node) for (const c of node.children as Nodes[]) visit(c, quoted || node.type === 'blockquote');
    };
    visit(section.mdast, false);
  }
  return { lines: lines.sort((a, b) => a - b), box };
}

describe('every consumer reads the same post-mortem (property)', () => {
  it('parser, summary, index and metrics agree on action items, done state and timeline entries', () => {
    fc.assert(
      fc.property(document, (text) => {
        const doc = parsePostmortem(text);
        const summary = readSummary(text);
        const linted = lintText(text, { now: new Date(NOW) }).diagnostics;
        const parsed = doc.actionItems.map((a) => item({ ...a, owner: a.owner?.value, badOwner: a.badOwner?.value, due: a.due?.value, doneDate: a.done?.value }));
        assert.deepEqual(summary.actionItems.map(item), parsed, 'summary vs parser: action items');
        assert.deepEqual(summary.actionItems.map(dueWords), doc.actionItems.map(dueWords), 'summary vs parser: due dates read from words');
        assert.deepEqual(incidentOf({ uri: 'a.md', text }).actions.map(item), parsed, 'metrics vs parser: action items');
        const index = new WorkspaceIndex();
        index.set('a.md', text);
        assert.deepEqual(index.openItems().map((o) => o.item.line), parsed.filter((p) => !p.isDone).map((p) => p.line), 'index: open items');
        const m = computeMetrics([{ uri: 'a.md', text }], { now: NOW });
        // No window: an undated post-mortem's items count too, as in `actions` and the tree.
        assert.equal(m.actions.total, parsed.length);
        // Struck out: the reader's one decision, so lint's actions/struck-out, `actions`, the sidebar and the metrics name the same items.
        const struckOpen = parsed.filter((p) => p.struck && !p.isDone).map((p) => p.line + 1);
        assert.equal(m.actions.struckOpen, struckOpen.length, 'metrics: struck open items');
        assert.deepEqual(linted.filter((d) => d.code === 'actions/struck-out').map((d) => d.range.start.line + 1), struckOpen, 'lint vs readers: struck-out items');
        // A done: date after today: lint's lines are the summary's note's, and the metrics leave those done items out (trial13a F10).
        const later = parsed.filter((p) => p.doneDate !== undefined && p.doneDate > NOW.slice(0, 10));
        assert.deepEqual(linted.filter((d) => d.code === 'actions/done-in-future').map((d) => d.range.start.line), later.map((p) => p.line), 'lint vs readers: done dates after today');
        const note = summaryAsOf(summary, Date.parse(NOW)).problems.find((p) => p.includes('actions/done-in-future'));
        assert.equal(note !== undefined, later.length > 0, 'summary as of now: the note');
        for (const p of later.slice(0, 3)) assert.ok(note?.includes(`line ${p.line + 1} done:${p.doneDate}`), `note names line ${p.line + 1}: ${note}`);
        assert.equal(m.actions.doneAfterToday.items, later.filter((p) => p.isDone).length, 'metrics: done items left out of time to close');
        // An owner, due date or ticket under the task line: not read by either, and where it is said by both (lint's message, the summary's ownerBelow/dueBelow/ticketBelow).
        for (const [what, code, field] of [['an owner', 'actions/missing-owner', 'ownerBelow'], ['a due date', 'actions/missing-due', 'dueBelow'], ['a ticket', 'actions/no-ticket', 'ticketBelow']] as const) {
          const said = linted.filter((d) => d.code === code && d.message.includes(`where ${what} is not read`))
            .map((d) => [d.range.start.line, Number(/is written on line (\d+)/.exec(d.message)?.[1]) - 1]);
          assert.deepEqual(summary.actionItems.filter((a) => a[field]).map((a) => [a.line, a[field]!.line]), said, `lint vs summary: ${field}`);
        }
        // A merge key is not read by either: lint's yaml/merge-key and the summary's "not read" note come together; a tagged time is read and said.
        assert.equal(summary.problems.some((p) => p.includes('YAML merge key')), linted.some((d) => d.code === 'yaml/merge-key'), 'lint vs summary: merge key');
        assert.equal(summary.problems.some((p) => p.includes('!!timestamp')), linted.some((d) => d.code === 'schema/type' && d.message.includes('!!timestamp')), 'lint vs summary: !!timestamp');
        assert.equal(summary.problems.some((p) => p.includes('line break or spaces around its time')), linted.some((d) => d.code === 'schema/format' && d.message.includes('line break or spaces around the time')), 'lint vs summary: block scalar time');
        assert.deepEqual(summary.timeline, doc.timeline, 'summary vs parser: timeline entries');
        // Entries after a look-alike bullet or indented into code (trial16a F16): the same lines for the tree, lint and the summary's note.
        const untakenEntries = untakenEntriesInTree(doc);
        const lintedEntries = linted.filter((d) => d.code === 'timeline/not-list-item' && /Markdown shows this line as text|which Markdown shows as code|more of that paragraph|takes as paragraph text|more of the paragraph above/.test(d.message)).map((d) => d.range.start.line);
        assert.deepEqual(lintedEntries, untakenEntries, 'lint vs Markdown tree: entries read as text or code');
        const entriesNote = summary.problems.find((p) => p.startsWith('Timeline entries not read'));
        assert.equal(entriesNote !== undefined, untakenEntries.length > 0, 'summary: the note for list and metrics');
        if (entriesNote) assert.ok(entriesNote.startsWith(`Timeline entries not read, line ${untakenEntries[0] + 1}: ${untakenEntries.length} line`), entriesNote);
        // Task lines in a quote or an HTML block: what the Markdown tree holds there, said by lint and the summary alike.
        const hidden = hiddenInTree(doc);
        const hiddenLinted = linted.filter((d) => d.code === 'actions/hidden-task').map((d) => d.range.start.line);
        assert.deepEqual(hiddenLinted, hidden, 'lint vs Markdown tree: hidden task lines');
        assert.equal(summary.hiddenActionItems?.count ?? 0, hidden.length, 'summary: hidden task lines');
        assert.deepEqual(summary.hiddenActionItems?.lines ?? [], hidden.slice(0, 5), 'summary: hidden task lines named');
        // Lines meant as items that Markdown reads as plain bullets (trial14a F14): the same lines for lint and the summary.
        const untaken = untakenInTree(doc);
        const lintedUntaken = lintText(text, { now: new Date(NOW) }).diagnostics.filter((d) => d.code === 'actions/not-a-task').map((d) => d.range.start.line);
        assert.deepEqual(lintedUntaken, untaken, 'lint vs Markdown tree: lines meant as items, read as plain bullets');
        assert.equal(summary.untakenActionItems?.count ?? 0, untaken.length, 'summary: untaken lines');
        assert.deepEqual(summary.untakenActionItems?.lines ?? [], untaken.slice(0, 5), 'summary: untaken lines named');
        assert.equal(summary.problems.some((p) => p.startsWith('Task items not read')), hidden.length > 0 || untaken.length > 0, 'summary: the note for actions, list and metrics');
        // Items with an owner or due date under another heading, a mistyped box among them: the same lines for lint and the summary, once.
        const stray = strayInTree(doc);
        assert.equal(summary.strayActionItems?.count ?? 0, stray.lines.length, 'summary: items outside Action items');
        assert.equal(summary.strayActionItems?.box ?? 0, stray.box, 'summary: mistyped boxes outside Action items');
        assert.deepEqual(summary.strayActionItems?.lines ?? [], stray.lines.slice(0, 5), 'summary: items outside Action items named');
        const outside = linted.filter((d) => d.code === 'actions/outside-section').map((d) => d.range.start.line);
        const hasSection = doc.sections.some((s) => s.id === 'action-items');
        // Beside an Action items section, lint also points at checklist tasks (an info); without one, only at the items.
        if (hasSection) {
          for (const line of stray.lines) assert.ok(outside.includes(line), `lint points at line ${line + 1}`);
          // The rest are task lines of their own (a checklist), never a quoted one: no reader takes those.
          for (const line of outside) if (!stray.lines.includes(line)) assert.ok(TASK_LINE.test(doc.lines.lineText(line)), `lint's line ${line + 1} is a task line: ${doc.lines.lineText(line)}`);
        }
        else assert.deepEqual(outside, stray.lines, 'lint vs Markdown tree: items outside a missing Action items section');
        for (const line of outside) assert.ok(!untaken.includes(line), `line ${line + 1} is said by one rule`);
        assert.equal(summary.problems.some((p) => p.startsWith('Not action items')), stray.lines.length > 0, 'summary: the note for actions, list and metrics');
        for (const a of summary.actionItems) assert.ok(!/@fm\b/.test(a.text), 'nothing from the front matter');
        // A written offset (`GMT+2`) is read as one by every consumer, and the marker after it kept.
        for (const e of doc.timeline) if (/(?:GMT|UTC)[+-]|[+-]\d{4}/.test(e.text)) assert.ok(e.zoneWritten && e.zone !== 'UTC', `offset read: ${e.text}`);
      }),
      { numRuns: 400 },
    );
  });

  it('a fence or heading inside an HTML comment or <script> hides nothing after it (trial U12)', () => {
    const cases: [string, string[]][] = [
      ['comment holding a fence', ['<!--', '```', '-->']],
      ['comment holding a tilde fence', ['<!--', '~~~', '-->']],
      ['script holding a fence', ['<script>', '```', '</script>']],
      ['comment holding a heading', ['<!--', '## Lessons', '-->']],
      ['unclosed fence in an item', ['- [ ] First @alex due:2026-12-20', '  ```', '  code']],
    ];
    for (const [name, block] of cases) {
      const text = ['---', 'type: postmortem', '---', '## Action items', '', ...block, '- [ ] After @h due:2026-11-01', ''].join('\n');
      const after = (items: readonly { description: string }[]) => items.filter((i) => i.description === 'After').length;
      assert.equal(after(parsePostmortem(text).actionItems), 1, `${name}: parser`);
      assert.equal(after(readSummary(text).actionItems), 1, `${name}: summary`);
      assert.equal(after(incidentOf({ uri: 'a.md', text }).actions), 1, `${name}: metrics`);
    }
  });

  it('items nested past 64 levels are the text of the item above in every consumer, as lint says (trial U10)', () => {
    const nested = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- [ ] nested ${i} @eve due:2026-11-20`);
    const text = ['---', 'type: postmortem', 'started_at: 2026-11-01T10:00:00Z', '---', '## Action items', '', ...nested, ''].join('\n');
    const doc = parsePostmortem(text);
    const parsed = doc.actionItems.map((a) => item({ ...a, owner: a.owner?.value, badOwner: a.badOwner?.value, due: a.due?.value, doneDate: a.done?.value }));
    assert.equal(parsed.length, 64, 'the parser reads 64 levels');
    assert.match(parsed[63].description, /^nested 63 - \[ \] nested 64 @eve/, 'the deeper items are its text, as written');
    assert.deepEqual(readSummary(text).actionItems.map(item), parsed, 'summary vs parser');
    assert.deepEqual(incidentOf({ uri: 'a.md', text }).actions.map(item), parsed, 'metrics vs parser');
    const index = new WorkspaceIndex();
    index.set('a.md', text);
    assert.equal(index.openItems().length, 64, 'tree and badge');
  });

  it('never takes an item from a comment, a fence or indented code (the template\'s example included)', () => {
    const text = [
      '---', 'type: postmortem', '---', '## Action items', '',
      '<!-- One task per line. E.g.', '     - [ ] Add an alert @alex due:2026-12-20 P2 OPS-123', '-->', '',
      '~~~', '- [ ] fenced @alex', '~~~', '', '    - [ ] indented code @alex', '',
    ].join('\n');
    assert.deepEqual(parsePostmortem(text).actionItems, []);
    assert.deepEqual(readSummary(text).actionItems, []);
    assert.deepEqual(incidentOf({ uri: 'a.md', text }).actions, []);
  });
});

/**
 * Text Markdown does not show as text (trial17a F1, F5): a code span, a comment, an HTML tag's
 * attribute, `<code>`/`<kbd>` text, a link title, alt text, an autolink. A milestone tag, an owner or a
 * due date there is no token to any consumer; the Markdown tree's visible text is the reference.
 */
describe('tokens only in the text Markdown shows (property, grammar17)', () => {
  const hidden: readonly ((x: string) => string)[] = [
    (x) => `\`${x}\``, (x) => `\`\`run \`x\` ${x}\`\``, (x) => `<!-- ${x} -->`, (x) => `<span title="${x}">hover</span>`,
    (x) => `[docs](https://x.test "${x}")`, (x) => `[docs](https://x.test '${x}')`, (x) => `<code>${x}</code>`, (x) => `<kbd>${x}</kbd>`, (x) => `![${x}](img.png)`,
  ];
  const wrap = (forTag: boolean) => fc.constantFrom<(x: string) => string>((x) => x, (x) => x, ...hidden, ...(forTag ? [(x: string) => `<https://x.test/${x}>`, (x: string) => `**${x}**`] : []));
  const tag = fc.constantFrom('[resolved]', '[detected]', '[mitigated]');
  const entryLine = fc.tuple(fc.constantFrom('14:09Z', '2026-11-20 14:20Z', '15:00'), words, fc.array(fc.tuple(wrap(true), tag), { maxLength: 2 }))
    .map(([t, w, tails]) => `- ${t} ${w} ${tails.map(([f, g]) => f(g)).join(' ')}`.trimEnd());
  const taskLine = fc.tuple(checkbox.filter((c) => c.startsWith('[') && c.endsWith(' ') && c.length === 4), words, wrap(false), fc.constantFrom('@zed due:2031-01-01', '@zed', 'due:2031-01-01', 'done:2031-01-02'))
    .map(([c, w, f, x]) => `- ${c}${w} ${f(x)}`);
  const doc = fc.tuple(fc.array(entryLine, { minLength: 1, maxLength: 4 }), fc.array(taskLine, { minLength: 1, maxLength: 4 }))
    .map(([entries, tasks]) => ['---', 'type: postmortem', 'started_at: 2026-11-20T14:00:00Z', '---', '', '# Incident', '', '## Timeline', '', ...entries, '', '## Action items', '', ...tasks, ''].join('\n'));

  /** Each list item's first-line text as Markdown shows it, by 0-based line: text nodes only, not what sits between `<code>`/`<kbd>` tags, not an autolink's URL. */
  function shownText(parsed: ReturnType<typeof parsePostmortem>, id: string): Map<number, string> {
    const shown = new Map<number, string>();
    for (const section of parsed.sections) {
      if (section.id !== id) continue;
      const visit = (node: Nodes, line: number | undefined) => {
        if (node.type === 'listItem') line = section.startLine + node.position!.start.line - 1;
        if (node.type === 'link' && node.children.length === 1 && node.children[0].type === 'text' && node.children[0].value === node.url) return;
        if (node.type === 'text' && line !== undefined && section.startLine + node.position!.start.line - 1 === line) shown.set(line, (shown.get(line) ?? '') + node.value);
        if (!('children' in node)) return;
        let inCode = 0;
        for (const c of node.children as Nodes[]) {
          if (c.type === 'html' && /^<(code|kbd)>$/i.test(c.value)) inCode++;
          else if (c.type === 'html' && /^<\/(code|kbd)>$/i.test(c.value)) inCode = Math.max(0, inCode - 1);
          else if (!inCode) visit(c, line);
        }
      };
      visit(section.mdast, undefined);
    }
    return shown;
  }

  it('milestone tags, owners and due dates are read from shown text only, by every consumer', () => {
    fc.assert(fc.property(doc, (text) => {
      const parsed = parsePostmortem(text);
      const summary = readSummary(text);
      assert.deepEqual(summary.timeline, parsed.timeline, 'summary vs parser: timeline entries');
      const entries = shownText(parsed, 'timeline');
      for (const e of parsed.timeline) {
        const shown = entries.get(e.line) ?? '';
        const expected = [...new Set([...shown.matchAll(/\[(resolved|detected|mitigated)\]/g)].map((m) => m[1]))].sort();
        assert.deepEqual([...e.milestones].sort(), expected, `line ${e.line + 1} ${JSON.stringify(e.text)}: tags shown ${JSON.stringify(shown)}`);
      }
      const items = incidentOf({ uri: 'a.md', text }).actions;
      const tasks = shownText(parsed, 'action-items');
      assert.equal(parsed.actionItems.length, tasks.size, 'one item per task line');
      for (const a of parsed.actionItems) {
        const shown = tasks.get(a.line) ?? '';
        const where = `line ${a.line + 1} ${JSON.stringify(a.text)}: shown ${JSON.stringify(shown)}`;
        assert.equal(a.owner?.value === 'zed', /(?:^|\s)@zed\b/.test(shown), `owner: ${where}`);
        assert.equal(a.due?.value === '2031-01-01', shown.includes('due:2031-01-01'), `due: ${where}`);
        assert.equal(a.done?.value === '2031-01-02', shown.includes('done:2031-01-02'), `done: ${where}`);
        assert.ok(!a.badDue && !a.badDone, `no unread date from hidden text: ${where}`);
      }
      const as = (list: readonly { line: number; owner?: string | { value: string }; due?: string | { value: string } }[]) =>
        list.map((i) => [i.line, typeof i.owner === 'string' ? i.owner : i.owner?.value, typeof i.due === 'string' ? i.due : i.due?.value]);
      assert.deepEqual(as(summary.actionItems), as(parsed.actionItems), 'summary vs parser: owners and due dates');
      assert.deepEqual(as(items), as(parsed.actionItems), 'metrics vs parser: owners and due dates');
    }), { numRuns: 300 });
  });

  // trial19c F2: which front-matter time of a clash is not used. Lint's time/order names the value the
  // summary (list, metrics, tree, actions) leaves out: the one out of order with the most others, its
  // own timeline entry counted; both of a tie (the later key's diagnostic names the earlier as related).
  it('lint and the summary leave out the same front-matter times out of order', () => {
    const KEYS = ['started', 'detected', 'mitigated', 'resolved'] as const;
    const minute = fc.constantFrom(0, 3, 10, 19, 31, 50, 63, 90);
    const stamp = (m: number) => `2026-11-03T${String(9 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00Z`;
    const times = fc.tuple(...KEYS.map(() => fc.option(minute, { nil: undefined })));
    const marks = fc.array(fc.tuple(fc.constantFrom(...KEYS, ''), minute), { maxLength: 5 });
    fc.assert(fc.property(times, marks, fc.boolean(), (values, entries, published) => {
      const front = KEYS.flatMap((k, i) => (values[i] === undefined ? [] : [`${k}_at: ${stamp(values[i]!)}`]));
      if (published) front.push('published_at: 2026-11-03T10:00:00Z');
      const timeline = entries.map(([m, at]) => `- ${stamp(at).slice(0, 10)} ${stamp(at).slice(11, 16)}Z ${m ? `[${m}] ` : ''}event`);
      const text = ['---', 'type: postmortem', 'title: T', ...front, '---', '', '## Timeline', '', ...timeline, ''].join('\n');
      const lines = text.split('\n');
      const keyAt = (line: number) => lines[line]!.slice(0, lines[line]!.indexOf('_at:'));
      const summary = readSummary(text);
      const written = KEYS.filter((_, i) => values[i] !== undefined);
      const unused = written.filter((k) => summary.milestones[k] === undefined).sort();
      const named = new Set<string>();
      for (const d of lintText(text, { now: new Date(NOW) }).diagnostics) {
        if (d.code !== 'time/order' || keyAt(d.range.start.line) === 'published') continue;
        named.add(keyAt(d.range.start.line));
        if (d.message.includes('use neither')) for (const r of d.related ?? []) named.add(keyAt(r.range.start.line));
      }
      assert.deepEqual([...named].sort(), unused, `lint names ${[...named]}, the summary leaves out ${unused}\n${text}`);
      const kept = KEYS.map((k) => summary.milestones[k]).filter((v) => v !== undefined);
      assert.ok(kept.every((v, i) => i === 0 || v >= kept[i - 1]!), 'the times used are in order');
      const record = incidentOf({ uri: 'a.md', text });
      assert.deepEqual(KEYS.map((k) => record[k]), KEYS.map((k) => summary.milestones[k]), 'metrics vs summary: times used');
    }), { numRuns: 300 });
  });
});
