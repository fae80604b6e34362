import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertPostmortem } from '../../../src/core/import/convert';
import { readSummary } from '../../../src/core/index/readSummary';
import { parsePostmortem } from '../../../src/core/document/parse';

/**
 * Findings of trial 17c on how convert reads the action items of real post-mortems (F1, F2, F4,
 * F5, F12): each fixture is written in the shape the trial found (a Jira export, a Flutter wiki
 * page, jupyterhub's items wrapped at 80 columns, a Google Doc table), and each check is what
 * `postmortem actions` then shows, or what the report says (a warning: the CLI exits 1).
 */
const DIR = join(__dirname, '../../fixtures/convert/trial17');
const convertFixture = (name: string) => convertPostmortem(readFileSync(join(DIR, name), 'utf8'), { fileName: name });
/** The items as `postmortem actions` reads them from the converted file. */
const items = (r: ReturnType<typeof convertPostmortem>) => readSummary(r.text).actionItems.map((i) => ({
  text: i.description, owner: i.owner, due: i.due, ticket: i.ticket, done: i.isDone,
}));
const warnings = (r: ReturnType<typeof convertPostmortem>) => r.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.range.start.line + 1} ${d.code}`);
/** The CLI's exit 0: complete, and no warning. */
const exitsZero = (r: ReturnType<typeof convertPostmortem>) => r.report.complete && !r.diagnostics.some((d) => d.severity !== 'info');

describe('convert: action items of real post-mortems (trial 17c)', () => {
  it('F1/F5: a Jira table (Key, Summary, Assignee, Due "15/Nov/26", Status) gives its three items, tickets, owners and due dates', () => {
    const r = convertFixture('jira-table.md');
    assert.deepEqual(items(r), [
      { text: 'Pin kiosk clock sync to UTC', owner: 'Siobhan-Kelly', due: '2026-11-15', ticket: 'OPS-812', done: true },
      { text: 'Add kiosk heartbeat alert', owner: 'Dwayne-Pike', due: '2026-11-30', ticket: 'OPS-813', done: false },
      { text: 'Paging path for terminal staff (status: In Progress)', owner: 'Dwayne-Pike', due: '2026-12-04', ticket: 'OPS-814', done: false },
    ]);
    assert.equal(r.report.actionItems, 3);
    assert.deepEqual(warnings(r), []);
  });

  it('F1: a table under Action items with no column read as the action is said (exit 1), kept as written', () => {
    const r = convertFixture('unread-table.md');
    assert.deepEqual(warnings(r), ['10 convert/table-not-read']);
    assert.match(r.diagnostics.find((d) => d.code === 'convert/table-not-read')!.message, /columns "Ref", "Change", "Assignee", "Due".*its 2 rows are kept as a table, not as action items/);
    assert.equal(exitsZero(r), false);
    assert.match(r.text, /^\| OPS-812 \| Pin kiosk clock sync to UTC \| Siobhan Kelly \| 2026-11-15 \|$/m);
  });

  it('F5/F12: a Due cell not read is said; "TBD" is no date to say; the "#" column is no part of the text', () => {
    const r = convertFixture('due-cells.md');
    assert.deepEqual(items(r).map((i) => [i.text, i.due]), [
      ['Add canary stage for payments-gw config (status: In progress)', '2026-12-20'],
      ['Alert on queue depth, not just p99 next sprint', undefined],
      ['Runbook: rollback of gateway configs TBD', undefined],
    ]);
    assert.deepEqual(warnings(r), ['13 convert/due-not-read']);
    assert.match(r.diagnostics.find((d) => d.code === 'convert/due-not-read')!.message, /^Due date "next sprint" is not read/);
    assert.ok(r.notes.some((n) => /The "#" column's numbers \(1, 2, 3\) are row numbers/.test(n.message)), r.notes.map((n) => n.message).join('\n'));
  });

  it('F2: flattened wiki action tables are read as the flattened time tables are; one that does not part into rows is said', () => {
    const r = convertFixture('wiki-flat.md');
    assert.deepEqual(items(r), [
      { text: 'Ensure that Travis tests the ability to build the gallery. Done', owner: 'xster', due: undefined, ticket: 'https://github.com/flutter/flutter/pull/14714', done: true },
      { text: 'Build all examples on Travis and AppVeyor on the dev branch. #15164', owner: 'xster', due: undefined, ticket: 'https://github.com/flutter/flutter/issues/15164', done: false },
      { text: 'Update the release process to include downloading the archive of the prior beta.', owner: 'gspencergoog', due: undefined, ticket: undefined, done: false },
    ]);
    assert.ok(r.notes.some((n) => /"\[@gspen\.\.\.\]\(https:\/\/github\.com\/gspencergoog\)" is a name cut short/.test(n.message)));
    // The second table's second row has five cells under four columns: not guessed, said.
    assert.deepEqual(warnings(r), ['23 convert/table-not-read']);
    assert.match(r.text, /^\| Action Item \| Owner \| Issue \| Notes \| \|-------------\|-------\|-------\|-------\|\n\| Send an email/m);
  });

  it('F4: an owner, due date or ticket on a wrapped line of an item is read (the lines joined, said); a plain wrap or "an @role" stays', () => {
    const r = convertFixture('wrapped.md');
    assert.deepEqual(items(r), [
      { text: 'Revisit automatic pull requests to encourage keeping mybinder.org up-to-date with smaller, more-frequent changes (Issue)', owner: undefined, due: undefined, ticket: 'https://github.com/jupyterhub/binderhub/pull/222', done: false },
      { text: 'Add a replication lag alert to the primary database cluster so we see it early', owner: 'Ana-Lima', due: '2026-12-20', ticket: undefined, done: false },
      { text: "Rotate the hub's API tokens before the next release", owner: 'kim', due: '2026-12-22', ticket: undefined, done: false },
      { text: 'Allow disabling image culler in helm chart so that operators can turn it off', owner: undefined, due: undefined, ticket: undefined, done: false },
      { text: 'It would be useful to have a channel for reaching people in a hurry. (added an @emergency role on Discord)', owner: undefined, due: undefined, ticket: undefined, done: true },
      // Flutter's wiki: "OWNER:" / "blasten@ (DONE)." over two lines, the owner before a done mark.
      { text: 'The `flutter.gradle` script should exclude non-Android plugins for transitive dependencies in a way that’s resilient to Android Studio side effects. (DONE).', owner: 'blasten', due: undefined, ticket: undefined, done: true },
    ]);
    assert.match(r.text, /^- \[ \] Allow disabling image culler in helm chart\n {2}so that operators can turn it off$/m);
    assert.ok(r.notes.some((n) => /^4 action items are wrapped over several lines .*\(lines 10, 13, 15, 21 of the original\)/.test(n.message)), r.notes.map((n) => n.message).join('\n'));
  });

  it('F1: lint and the summary read a Jira table in a post-mortem (Summary is the action, Key the ticket), the same items', () => {
    const text = ['# X', '', '## Action items', '', '| Key | Summary | Assignee | Due | Status |', '|---|---|---|---|---|',
      '| OPS-812 | Pin kiosk clock sync to UTC | Siobhan Kelly | 2026-11-15 | Done |', '| OPS-813 | Add kiosk heartbeat alert | Dwayne Pike | 2026-11-30 | Open |', ''].join('\n');
    const summary = readSummary(text).actionItems.map((i) => [i.description, i.owner, i.due, i.ticket, i.isDone]);
    assert.deepEqual(summary, [
      ['Pin kiosk clock sync to UTC', 'Siobhan Kelly', '2026-11-15', 'OPS-812', true],
      ['Add kiosk heartbeat alert', 'Dwayne Pike', '2026-11-30', 'OPS-813', false],
    ]);
    assert.deepEqual(parsePostmortem(text).actionItems.map((i) => [i.description, i.owner?.value, i.due?.value, i.ticket?.value, i.isDone]), summary);
  });
});
