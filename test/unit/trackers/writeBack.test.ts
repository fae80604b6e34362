import assert from 'node:assert/strict';
import { applyEdits, readSummary } from '../../../src/core/api';
import { closedOnFor, driftOf, itemIdOf, markersIn, ticketWriteBack, toAdf } from '../../../src/core/trackers';

const DOC = `# Outage

## Action items

- [ ] Add pool saturation alert @dana due:2026-12-04   
- [ ] Add pool saturation alert @bob

| Action | Owner | Ticket |
|---|---|---|
| Rotate the keys | @dana | |
`;

const write = (text: string, line: number, itemText: string, ticket: string) => {
  const result = ticketWriteBack(text, { line, text: itemText }, ticket);
  assert.equal(result.kind, 'edit', result.kind === 'refused' ? result.message : '');
  return applyEdits(text, [(result as { edit: import('../../../src/core/types').TextEdit }).edit]).text;
};

describe('trackers: writing the ticket back into the item', () => {
  it('appends the address after the item text (trailing spaces left out), where the grammar reads it as the ticket', () => {
    const after = write(DOC, 4, 'Add pool saturation alert @dana due:2026-12-04   ', 'https://github.com/acme/shop/issues/12');
    assert.match(after, /^- \[ \] Add pool saturation alert @dana due:2026-12-04 https:\/\/github\.com\/acme\/shop\/issues\/12   $/m);
    const item = readSummary(after).actionItems[0]!;
    assert.equal(item.ticket, 'https://github.com/acme/shop/issues/12');
    assert.equal(item.description, 'Add pool saturation alert');
  });

  it('a Jira key as a link: read as the key\'s ticket, the description unchanged', () => {
    const after = write(DOC, 5, 'Add pool saturation alert @bob', '[OPS-12](https://acme.atlassian.net/browse/OPS-12)');
    const item = readSummary(after).actionItems[1]!;
    assert.equal(item.ticket, 'https://acme.atlassian.net/browse/OPS-12');
    assert.equal(item.description, 'Add pool saturation alert');
  });

  it('a table row with a Ticket column gets it in that cell (trial18d F9); without one, in the action cell', () => {
    const after = write(DOC, 9, 'Rotate the keys', 'https://github.com/acme/shop/issues/3');
    assert.match(after, /^\| Rotate the keys \| @dana \| https:\/\/github\.com\/acme\/shop\/issues\/3 \|$/m);
    assert.equal(readSummary(after).actionItems[2]!.ticket, 'https://github.com/acme/shop/issues/3');
    assert.equal(readSummary(after).actionItems[2]!.description, 'Rotate the keys');
    const tight = DOC.replace('| Rotate the keys | @dana | |', '| Rotate the keys | @dana ||');
    assert.match(write(tight, 9, 'Rotate the keys', '#3'), /^\| Rotate the keys \| @dana \| #3 \|$/m);
    const noColumn = DOC.replace('| Action | Owner | Ticket |\n|---|---|---|\n| Rotate the keys | @dana | |', '| Action | Owner |\n|---|---|\n| Rotate the keys | @dana |');
    const inAction = write(noColumn, 9, 'Rotate the keys', 'https://github.com/acme/shop/issues/3');
    assert.match(inAction, /^\| Rotate the keys https:\/\/github\.com\/acme\/shop\/issues\/3 \| @dana \|$/m);
    assert.equal(readSummary(inAction).actionItems[2]!.ticket, 'https://github.com/acme/shop/issues/3');
  });

  it('finds the item after lines moved; refuses when it was edited or already has a ticket', () => {
    const moved = `Intro line\n\n${DOC}`;
    assert.match(write(moved, 4, 'Add pool saturation alert @bob', '#5'), /@bob #5$/m);
    assert.equal(ticketWriteBack(DOC, { line: 5, text: 'Add pool alert @bob' }, '#5').kind, 'refused');
    const withTicket = write(DOC, 5, 'Add pool saturation alert @bob', '#5');
    const again = ticketWriteBack(withTicket, { line: 5, text: 'Add pool saturation alert @bob #5' }, '#6');
    assert.equal(again.kind, 'refused');
    assert.match((again as { message: string }).message, /already has a ticket \(#5\)/);
  });
});

describe('trackers: item ids, markers, drift, ADF', () => {
  it('ids are stable, differ per item and per repeated description, and survive odd post-mortem ids', () => {
    assert.equal(itemIdOf('INC-1', 'Add alert', 0), itemIdOf('INC-1', '  add   ALERT ', 0));
    assert.notEqual(itemIdOf('INC-1', 'Add alert', 0), itemIdOf('INC-1', 'Add alert', 1));
    assert.match(itemIdOf('../weird id/ü', 'x', 0), /^weird-id\/[0-9a-f]{16}$/);
    const id = itemIdOf('INC-1', 'Add alert', 0);
    assert.deepEqual(markersIn(`text\n<!-- postmortem-item: ${id} -->`), [id]);
  });

  it('drift: open item with a closed ticket, done item with an open one', () => {
    assert.deepEqual(driftOf({ isDone: false }, { state: 'closed', closedAt: '2026-11-30T10:00:00Z' }, 'UTC'), { kind: 'ticket-closed', closedOn: '2026-11-30' });
    assert.deepEqual(driftOf({ isDone: true }, { state: 'open' }, 'UTC'), { kind: 'ticket-open' });
    assert.equal(driftOf({ isDone: true }, { state: 'closed' }, 'UTC'), undefined);
    assert.equal(driftOf({ isDone: false }, { state: 'open' }, 'UTC'), undefined);
  });

  // trial13a F5: the proposed done: date was GitHub's UTC date or Jira's offset date, never the writer's.
  it('drift: the closing day is the writer\'s, whatever zone the tracker wrote the time in', () => {
    const github = { state: 'closed', closedAt: '2026-12-06T23:30:00Z' } as const;
    const jira = { state: 'closed', closedAt: '2026-12-07T12:30:00.000+1300' } as const; // the same instant
    for (const [zone, day] of [['Pacific/Chatham', '2026-12-07'], ['Asia/Kolkata', '2026-12-07'], ['America/Los_Angeles', '2026-12-06'], ['UTC', '2026-12-06']] as const) {
      assert.equal(closedOnFor(github, zone), day, `GitHub, ${zone}`);
      assert.equal(closedOnFor(jira, zone), day, `Jira, ${zone}`);
    }
    assert.equal(closedOnFor({ state: 'closed', closedAt: '2026-12-06T23:30:00' }, 'UTC'), undefined, 'a time without a zone: no date rather than a guess');
    assert.equal(closedOnFor({ state: 'closed', closedAt: 'soon' }, 'UTC'), undefined);
    assert.deepEqual(driftOf({ isDone: false }, { state: 'closed', closedAt: 'soon' }, 'UTC'), { kind: 'ticket-closed' });
  });

  it('Jira descriptions: paragraphs, a list, links and the marker as text', () => {
    const adf = toAdf('From **x** ([a.md:3](https://h/a.md#L3)).\n\n- Owner: dana\n- Due: 2026-12-04\n\n<!-- postmortem-item: INC-1/0123456789abcdef -->');
    assert.deepEqual(adf.content.map((n) => n.type), ['paragraph', 'bulletList', 'paragraph']);
    assert.deepEqual(adf.content[0]!.content![3], { type: 'text', text: 'a.md:3', marks: [{ type: 'link', attrs: { href: 'https://h/a.md#L3' } }] });
    assert.deepEqual(adf.content[1]!.content!.map((n) => n.type), ['listItem', 'listItem']);
    assert.deepEqual(adf.content[2]!.content, [{ type: 'text', text: 'postmortem-item: INC-1/0123456789abcdef' }]);
    assert.deepEqual(markersIn(JSON.stringify(adf)), ['INC-1/0123456789abcdef']);
  });
});
