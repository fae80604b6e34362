import { strict as assert } from 'node:assert';
import { parsePostmortem } from '../../../src/core/document/parse';
import type { ActionItem } from '../../../src/core/document/model';
import { readSummary } from '../../../src/core/index/readSummary';
import { lintText } from '../../../src/core/lint/engine';

function doc(body: string) {
  return parsePostmortem(`---\ntitle: t\nstatus: draft\n---\n# T\n\n${body}`);
}

/** What a token's span covers on the document line. */
function onLine(d: ReturnType<typeof doc>, item: ActionItem, token: { start: number; end: number } | undefined): string | undefined {
  return token ? d.lines.lineText(item.line).slice(item.textStart + token.start, item.textStart + token.end) : undefined;
}

describe('action item extraction', () => {
  it('reads task items at any depth, with sub-heading groups, and skips code blocks', () => {
    const d = doc([
      '## Action items', '', '### Short term', '',
      '- [ ] Add alert @bob due:2026-12-04', '  - [x] Nested step', '',
      '### Long term', '', '* [ ] Other bullet style', '',
      '```', '- [ ] not an item', '```', '', '## Lessons learned', '', '- [ ] not an action either',
    ].join('\n'));
    assert.deepEqual(d.actionItems.map((a) => [a.description, a.isDone, a.group]), [
      ['Add alert', false, 'Short term'],
      ['Nested step', true, 'Short term'],
      ['Other bullet style', false, 'Long term'],
    ]);
  });

  it('gives table cells spans relative to the action text, trimmed of padding', () => {
    const d = doc([
      '## Follow-ups', '',
      '| Action | Owner | Due | Status |', '|---|---|---|---|',
      '| Add alert   |  @bob  | 2026-12-04 | open |',
      '|Compact|li|2026/12/4|Done|',
    ].join('\n'));
    const [first, second] = d.actionItems;
    assert.equal(first.text, 'Add alert');
    assert.equal(onLine(d, first, first.owner), '@bob');
    assert.equal(first.owner?.value, 'bob');
    assert.equal(onLine(d, first, first.due), '2026-12-04');
    assert.equal(first.isDone, false);
    assert.equal(onLine(d, second, second.owner), 'li');
    assert.equal(onLine(d, second, second.badDue), '2026/12/4');
    assert.equal(second.isDone, true);
  });

  it('maps an Owner column left of the action column (negative offsets)', () => {
    const d = doc(['## Action items', '', '| Owner | Task | When |', '|---|---|---|', '| dana | Write runbook | 2026-12-01 |'].join('\n'));
    const [item] = d.actionItems;
    assert.ok(item.owner!.start < 0);
    assert.equal(onLine(d, item, item.owner), 'dana');
    assert.equal(onLine(d, item, item.due), '2026-12-01');
  });

  it('does not take "Details" for an ETA column nor "Updated" for a date', () => {
    const d = doc(['## Action items', '', '| Action | Details | Updated | Due |', '|---|---|---|---|', '| Pin deps | see notes | yes | 2026-12-01 |'].join('\n'));
    assert.equal(d.actionItems[0].due?.value, '2026-12-01');
    assert.equal(d.actionItems[0].badDue, undefined);
  });

  it('reads Priority and Tracking bug columns', () => {
    const d = doc(['## Action items', '', '| Action Item | Owner | Tracking bug | Priority |', '|---|---|---|---|', '| Pin deps | chinmay | [#6767](https://github.com/flutter/flutter/issues/6767) | p2 |'].join('\n'));
    const [item] = d.actionItems;
    assert.equal(item.priority?.value, 'P2');
    assert.equal(onLine(d, item, item.priority), 'p2');
    assert.match(item.ticket?.value ?? '', /6767/);
  });

  it('adds lazy and indented continuation lines to the description, in the parse and the index alike', () => {
    const body = [
      '## Action items', '',
      '* [ ] [flutter/flutter#27110](https://github.com/flutter/flutter/issues/27110) - Make the tool retry',
      'when the network drops, as', '  [the earlier fix](https://github.com/flutter/flutter/pull/27000) did @kim',
      '* [ ] Second item @ann', '  - [ ] Nested, not a continuation', '',
      '- [ ] Third @ann', '```', 'code after a task is not its text', '```', '',
      '- [ ] Fourth @ann', '', '  A separate paragraph of the item is not its description either',
    ].join('\n');
    const d = doc(body);
    const expected = [
      'flutter/flutter#27110 - Make the tool retry when the network drops, as the earlier fix did @kim',
      'Second item', 'Nested, not a continuation', 'Third', 'Fourth',
    ];
    assert.deepEqual(d.actionItems.map((a) => a.description), expected);
    assert.equal(d.actionItems[0].ticket?.value, 'https://github.com/flutter/flutter/issues/27110');
    // Tokens are read on the task line only: the owner on a continuation line is prose.
    assert.equal(d.actionItems[0].owner, undefined);
    const scanned = readSummary(`---\ntitle: t\nstatus: draft\n---\n# T\n\n${body}`).actionItems;
    assert.deepEqual(scanned.map((a) => a.description), expected);
    assert.equal(scanned[0].ticket, 'https://github.com/flutter/flutter/issues/27110');
  });

  it('quotes a link-first item readably in lint messages', () => {
    const text = `---\ntitle: t\nstatus: in-review\n---\n# T\n\n## Action items\n\n* [ ] [flutter/flutter#27110](https://github.com/flutter/flutter/issues/27110) - Make the tool retry\n`;
    const owner = lintText(text, { now: new Date('2026-11-27T12:00:00Z') }).diagnostics.find((x) => x.code === 'actions/missing-owner');
    assert.match(owner?.message ?? '', /"flutter\/flutter#27110 - Make the tool retry"/);
  });

  it('reports invalid priorities, impacts and efforts with what was found', () => {
    const text = `---\ntitle: t\nstatus: in-review\n---\n# T\n\n## Action items\n\n- [ ] Triage @a due:2026-12-01 P7 impact:huge effort:tiny\n`;
    const messages = lintText(text, { now: new Date('2026-11-27T12:00:00Z') }).diagnostics
      .filter((x) => /bad-(priority|level)/.test(x.code)).map((x) => `${x.code}: ${x.message}`);
    assert.deepEqual(messages, [
      'actions/bad-priority: Expected P1–P4, found P7',
      'actions/bad-level: Expected impact:low, impact:medium or impact:high, found impact:huge',
      'actions/bad-level: Expected effort:low, effort:medium or effort:high, found effort:tiny',
    ]);
  });

  it('offers no fix made of Object.prototype for kind:constructor or impact:constructor (a lookup by user text)', () => {
    const text = `---\ntitle: t\nstatus: in-review\n---\n# T\n\n## Action items\n\n- [ ] Triage @a due:2026-12-01 kind:constructor impact:constructor effort:__proto__\n`;
    const found = lintText(text, { now: new Date('2026-11-27T12:00:00Z') }).diagnostics.filter((x) => /bad-(kind|level)|internal/.test(x.code));
    assert.deepEqual(found.map((x) => x.code).sort(), ['actions/bad-kind', 'actions/bad-level', 'actions/bad-level']);
    for (const d of found) assert.ok(!(d.fixes ?? []).some((f) => /function|native code|\[object/.test(f.title)), `${d.code}: ${(d.fixes ?? []).map((f) => f.title).join(', ')}`);
  });

  it('keeps CRLF lines exact', () => {
    const d = parsePostmortem(['---', 'status: draft', '---', '## Action items', '', '- [ ] Fix it @bob due:2026-12-04', ''].join('\r\n'));
    const [item] = d.actionItems;
    assert.equal(onLine(d as ReturnType<typeof doc>, item, item.due), 'due:2026-12-04');
    assert.equal(item.range.end.character, '- [ ] Fix it @bob due:2026-12-04'.length);
  });
});
