/**
 * trial18d: tickets written into the wrong item or file, duplicates, and what `tickets create` and
 * `tickets status` say, against the GitHub stand-in (every request and answer checked against
 * GitHub's published description).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import tickets from '../../../src/cli/commands/tickets';
import { ticketEnvironment } from '../../../src/cli/commands/ticketsTracker';
import { runInProcess } from '../../robustness/inProcess';
import { workspace } from '../cli/harness';
import { GitHubStandIn } from '../../trackers/githubStandIn';

const head = (id: string, title: string) => `---
id: ${id}
title: ${title}
status: published
type: postmortem
---
# ${title}

## Action items

`;

const RC = { tracker: { type: 'github', repository: 'acme/shop', labels: ['postmortem'] }, owners: { dana: { github: 'dana-l' }, bob: { github: 'bob-k' } } };
const ISSUE = (n: number) => `https://github.com/acme/shop/issues/${n}`;

describe('postmortem tickets: a ticket is written into its own item and file only (trial18d)', function () {
  let server: GitHubStandIn;
  let ws: ReturnType<typeof workspace>;
  const saved = ticketEnvironment.env;
  const run = (...argv: string[]) => runInProcess(tickets, ws.dir, ...argv);
  const write = (path: string, text: string) => writeFileSync(join(ws.dir, path), text);
  const creates = () => server.count('issues/create');

  beforeEach(async () => {
    server = await new GitHubStandIn().start();
    ws = workspace({ '.postmortemrc.json': JSON.stringify(RC) });
    ticketEnvironment.env = { GITHUB_TOKEN: server.token, GITHUB_API_URL: server.url };
  });
  afterEach(async () => {
    ticketEnvironment.env = saved;
    ws.cleanup();
    await server.stop();
    assert.deepEqual(server.violations, []);
  });

  it('F1: after two same-text items of different owners swap, each keeps its own ticket and the other gets a new one', async () => {
    const dana = '- [ ] Add an alert @dana due:2026-12-20';
    const bob = '- [ ] Add an alert @bob due:2026-12-21';
    const fix = '- [ ] Fix the retry loop @dana due:2026-12-22';
    write('pm.md', `${head('PM-1', 'Base')}${dana}\n${bob}\n${fix}\n`);
    server.users.delete('bob-k'); // bob's create is refused (422): dana's and the third item get #1 and #2.
    const first = await run('create', 'pm.md');
    assert.equal(first.code, 2, first.stdout);
    assert.match(first.stdout, /FAILED {2}pm\.md:12 {2}Add an alert: .*422/);
    server.users.add('bob-k');
    // The team swaps the two "Add an alert" lines and runs again.
    write('pm.md', `${head('PM-1', 'Base')}${bob}\n${dana} ${ISSUE(1)}\n${fix} ${ISSUE(2)}\n`);
    const second = await run('create', 'pm.md');
    assert.equal(second.code, 0, second.stdout + second.stderr);
    assert.match(second.stdout, /created acme\/shop#3 {2}pm\.md:11 {2}Add an alert\n/);
    assert.equal(ws.read('pm.md'), `${head('PM-1', 'Base')}${bob} ${ISSUE(3)}\n${dana} ${ISSUE(1)}\n${fix} ${ISSUE(2)}\n`);
    assert.deepEqual(server.issues.find((i) => i.number === 3)!.assignees, ['bob-k']);
  });

  it('F1: a ticket found by its marker that is another item\'s in the file already is NOT LINKED, said, exit 2', async () => {
    const item = '- [ ] Add an alert @dana due:2026-12-20';
    write('pm.md', `${head('PM-1', 'Base')}${item}\n`);
    assert.equal((await run('create', 'pm.md')).code, 0);
    // The same item written again above the first (a paste): it would be given #1 as well.
    write('pm.md', `${head('PM-1', 'Base')}${item}\n${item} ${ISSUE(1)}\n`);
    const r = await run('create', 'pm.md');
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stdout, /NOT LINKED {2}pm\.md:11 {2}Add an alert: acme\/shop#1 carries this item's marker but is the ticket of line 12 already: not written here too\./);
    assert.match(r.stdout, /0 tickets written into pm\.md; 1 item without a ticket/);
    assert.equal(ws.read('pm.md'), `${head('PM-1', 'Base')}${item}\n${item} ${ISSUE(1)}\n`);
    assert.equal(creates(), 1);
  });

  it('F1: two tickets with one item\'s marker (a duplicate): NOT LINKED, both named, exit 2', async () => {
    const item = '- [ ] Rotate the key @bob';
    write('pm.md', `${head('PM-2', 'Keys')}${item}\n`);
    assert.equal((await run('create', 'pm.md')).code, 0);
    const first = server.issues[0]!;
    server.add({ title: first.title, body: first.body, labels: first.labels });
    write('pm.md', `${head('PM-2', 'Keys')}${item}\n`);
    const r = await run('create', 'pm.md');
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stdout, /NOT LINKED {2}pm\.md:11 {2}Rotate the key: 2 tickets carry this item's marker \(acme\/shop#2, acme\/shop#1\): one was created twice\./);
    assert.equal(ws.read('pm.md'), `${head('PM-2', 'Keys')}${item}\n`);
  });

  it('F2: a second post-mortem with the same id gets its own ticket, as its dry run said, with a note naming the other file', async () => {
    const item = '- [ ] Add an alert @dana due:2026-12-20';
    write('a.md', `${head('PM-1', 'Base')}${item}\n`);
    write('other.md', `${head('PM-1', 'Other incident')}${item}\n`);
    assert.equal((await run('create', 'a.md')).code, 0);
    const dry = await run('create', 'other.md', '--dry-run');
    assert.match(dry.stdout, /^Would create 1 ticket in GitHub Issues/);
    const r = await run('create', 'other.md');
    assert.match(r.stdout, /created acme\/shop#2 {2}other\.md:11 {2}Add an alert\n {6}note: acme\/shop#1 carries the same marker but was made for a\.md, another post-mortem with the same id/);
    assert.equal(r.code, 1, r.stdout);
    assert.equal(ws.read('other.md'), `${head('PM-1', 'Other incident')}${item} ${ISSUE(2)}\n`);
    assert.equal(creates(), 2);
    // Each file keeps finding its own ticket after that.
    write('a.md', `${head('PM-1', 'Base')}${item}\n`);
    const again = await run('create', 'a.md');
    assert.match(again.stdout, /found {3}acme\/shop#1 {2}a\.md:11/);
    assert.equal(creates(), 2);
  });

  it('review18 R1: a title with "(`" in the link form (CI): the ticket of a run whose write-back was lost is found, not created twice', async () => {
    ticketEnvironment.env = { ...ticketEnvironment.env, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: 'abc123' };
    const item = '- [ ] Add an index @dana';
    const text = `${head('PM-1', 'Slow (`db`) queries')}${item}\n`;
    write('pm.md', text);
    assert.equal((await run('create', 'pm.md')).code, 0);
    assert.match(server.issues[0]!.body, /^Action item from the post-mortem \*\*PM-1 · Slow \(`db`\) queries\*\* \(\[pm\.md:11\]\(https:\/\/github\.com\/acme\/shop\/blob\/abc123\/pm\.md#L11\)\)\./);
    write('pm.md', text); // the address never made it into the file
    const r = await run('create', 'pm.md');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /found {3}acme\/shop#1 {2}pm\.md:11 {2}Add an index \(created by an earlier run\)/);
    assert.doesNotMatch(r.stdout, /note:/);
    assert.equal(creates(), 1);
  });

  it('review18 R6: x.md and team-b/x.md with the same id are two files: each gets its own ticket, the other named in a note', async () => {
    const item = '- [ ] Add an alert @dana due:2026-12-20';
    mkdirSync(join(ws.dir, 'team-b'));
    write('team-b/x.md', `${head('PM-1', 'Base')}${item}\n`);
    write('x.md', `${head('PM-1', 'Base')}${item}\n`);
    assert.equal((await run('create', 'team-b/x.md')).code, 0);
    const r = await run('create', 'x.md');
    assert.match(r.stdout, /created acme\/shop#2 {2}x\.md:11 {2}Add an alert\n {6}note: acme\/shop#1 carries the same marker but was made for team-b\/x\.md, another post-mortem/);
    assert.equal(ws.read('x.md'), `${head('PM-1', 'Base')}${item} ${ISSUE(2)}\n`);
    // And the other way round: team-b/x.md's rerun finds #1, not x.md's #2.
    write('team-b/x.md', `${head('PM-1', 'Base')}${item}\n`);
    const back = await run('create', 'team-b/x.md');
    assert.match(back.stdout, /found {3}acme\/shop#1 {2}team-b\/x\.md:11/);
    assert.equal(creates(), 2);
  });

  it('review18 R5: the help says the duplicate check sees only the issues read before every marker was found', async () => {
    const r = await run('create', '--help');
    assert.match(r.stdout.replace(/\s+/g, ' '), /the only one with the marker among the issues read: the lookup stops at the first ticket of each marker/);
  });

  it('F3: a ticket of an earlier run is found after the configured labels changed (the lookup does not filter by them)', async () => {
    write('l.md', `${head('PM-L', 'Labels')}- [ ] Task one @dana\n`);
    assert.equal((await run('create', 'l.md')).code, 0);
    // The address never made it into the file (a lost write), and the team adds a label.
    write('l.md', `${head('PM-L', 'Labels')}- [ ] Task one @dana\n`);
    write('.postmortemrc.json', JSON.stringify({ ...RC, tracker: { ...RC.tracker, labels: ['postmortem', 'sre'] } }));
    const r = await run('create', 'l.md');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /found {3}acme\/shop#1 {2}l\.md:11 {2}Task one \(created by an earlier run\)/);
    assert.equal(creates(), 1);
    assert.ok(server.requests.filter((q) => q.operation === 'issues/list-for-repo').every((q) => !/labels=/.test(q.query)), 'no list request filters by label');
  });

  it('F3 / review18 R7: a look-back stopped at its limit is said only for a file that went through a run before, with what to do', async () => {
    for (let i = 0; i < 300; i++) server.add({ title: `other ${i}` });
    write('l.md', `${head('PM-L', 'Labels')}- [ ] Task one @dana\n`);
    const first = await run('create', 'l.md');
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.doesNotMatch(first.stdout, /note:/, 'a first run: no earlier ticket can exist, nothing to say');
    assert.equal(server.count('issues/list-for-repo'), 3);
    // The file has #301 now; 300 more issues later, an item is added.
    for (let i = 0; i < 300; i++) server.add({ title: `later ${i}` });
    write('l.md', `${head('PM-L', 'Labels')}- [ ] Task one @dana ${ISSUE(301)}\n- [ ] Task two @bob\n`);
    const second = await run('create', 'l.md');
    assert.equal(second.code, 0, second.stdout + second.stderr);
    assert.match(second.stdout, /note: GitHub Issues \(acme\/shop\): tickets of earlier runs were looked for among the 300 newest issues only, and this file has been through a run before\. If an earlier run made a ticket for an item created now \(its answer or the write into the file lost\), it is older than those and was not seen: search the tracker for the item's marker — acme\/shop#602 \(postmortem-item: PM-L\/[0-9a-f]{16}\) — and close the newer ticket if an older one has it\./);
  });

  it('F5: a create whose answer is lost, then a failed lookup: "the ticket may exist", counted apart, exit 2', async () => {
    write('h.md', `${head('PM-H', 'Hang')}- [ ] Task one @dana\n- [ ] Task two @bob\n`);
    server.inject('POST', /\/issues$/, { kind: 'drop-after-handling' });
    server.inject('GET', /\/issues$/, { kind: 'answer', answer: { status: 502, body: { message: 'Bad gateway' } } }, 1);
    const r = await run('create', 'h.md');
    assert.equal(r.code, 2);
    assert.match(r.stdout, /UNKNOWN h\.md:11 {2}Task one: the ticket may exist: the answer to the create was lost \(.*\), and looking for it failed \(.*502: "Bad gateway".*\)\. Run the command again to find it/);
    assert.match(r.stdout, /1 ticket written into h\.md; 1 item may have a ticket whose answer was lost \(run the command again to find it\)\./);
    assert.equal(server.issues.length, 2);
    // Run again: found, not created twice.
    const again = await run('create', 'h.md');
    assert.match(again.stdout, /found {3}acme\/shop#1 {2}h\.md:11/);
    assert.equal(again.code, 0);
    assert.equal(creates(), 2);
  });

  it('tick19: owner and due changed between a lost create answer and the rerun: the ticket is found, not made twice; the note says what to change in the tracker', async () => {
    write('o.md', `${head('PM-O', 'Owner')}- [ ] Task one @dana due:2026-12-20\n- [ ] Task two @dana\n`);
    server.inject('POST', /\/issues$/, { kind: 'drop-after-handling' });
    server.inject('GET', /\/issues$/, { kind: 'answer', answer: { status: 502, body: { message: 'Bad gateway' } } }, 1);
    const first = await run('create', 'o.md');
    assert.equal(first.code, 2, first.stdout);
    assert.match(first.stdout, /UNKNOWN o\.md:11 {2}Task one/);
    // The team hands the item to bob with a later date, then runs again.
    write('o.md', `${head('PM-O', 'Owner')}- [ ] Task one @bob due:2026-12-24\n- [ ] Task two @dana ${ISSUE(2)}\n`);
    const r = await run('create', 'o.md');
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /found {3}acme\/shop#1 {2}o\.md:11 {2}Task one \(created by an earlier run\)\n {6}note: acme\/shop#1 was made for this item by an earlier run \(its answer lost\) when it said owner dana \(now bob\), due 2026-12-20 \(now 2026-12-24\): it is this item's ticket, written in, not created again; its assignee, due date and body still say what the item said then: change them in the tracker\./);
    assert.equal(creates(), 2, 'Task one and Task two: no second ticket for Task one');
    assert.match(readFileSync(join(ws.dir, 'o.md'), 'utf8'), /- \[ \] Task one @bob due:2026-12-24 https:\/\/github\.com\/acme\/shop\/issues\/1\n/);
  });

  it('tick19: the same after a lost answer, but another item has the same text: a second ticket, and a note names the first', async () => {
    write('s.md', `${head('PM-S', 'Same')}- [ ] Add an alert @dana\n- [ ] Add an alert @carol\n`);
    server.inject('POST', /\/issues$/, { kind: 'drop-after-handling' });
    server.inject('GET', /\/issues$/, { kind: 'answer', answer: { status: 502, body: { message: 'Bad gateway' } } }, 1);
    assert.equal((await run('create', 's.md')).code, 2);
    write('s.md', `${head('PM-S', 'Same')}- [ ] Add an alert @bob\n- [ ] Add an alert @carol ${ISSUE(2)}\n`);
    const r = await run('create', 's.md');
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /created acme\/shop#3 {2}s\.md:11 {2}Add an alert\n {6}note: acme\/shop#1 was made for an item with this text \(owner dana, no due date\); if it was this item's before its owner or due date changed, close one of the two\./);
  });

  it('F6: the token is not shown when the tracker\'s error text echoes it', async () => {
    write('f.md', `${head('PM-F', 'Fail')}- [ ] Task one @dana\n`);
    server.inject('POST', /\/issues$/, { kind: 'answer', answer: { status: 400, body: { message: `Problems parsing request: header authorization=Bearer ${server.token} is malformed; contact dana.lee@acme-corp.com` } } });
    const r = await run('create', 'f.md');
    assert.equal(r.code, 2);
    assert.match(r.stdout, /FAILED {2}f\.md:11 {2}Task one: .*\(400: "Problems parsing request: header authorization=Bearer \[redacted: credentials\] is malformed; contact \[redacted: email\]"\)/);
    assert.doesNotMatch(r.stdout + r.stderr, new RegExp(server.token));
    assert.doesNotMatch(r.stdout + r.stderr, /acme-corp/);
  });

  it('F11, F12: the title is the task line\'s words without Markdown; a second owner is said to be left out; continuation lines go into the body', async () => {
    write('t.md', `${head('PM-T', 'Titles')}- [ ] Fix **bold** thing with \`code\` @dana @bob\n- [ ] Item with continuation @dana\n  that goes on the next line\n`);
    const dry = await run('create', 't.md', '--dry-run');
    assert.match(dry.stdout, /t\.md:11 {2}Fix bold thing with code @bob {2}\(assignee dana-l; @bob not assigned: a ticket gets the item's first owner only; labels postmortem\)/);
    assert.match(dry.stdout, /t\.md:12 {2}Item with continuation {2}\(assignee dana-l; labels postmortem\)/);
    const r = await run('create', 't.md');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /created acme\/shop#1 {2}t\.md:11 {2}Fix bold thing with code @bob {2}\(@bob not assigned\)/);
    assert.deepEqual(server.issues.map((i) => i.title), ['Fix bold thing with code @bob', 'Item with continuation']);
    assert.match(server.issues[1]!.body, /^> Item with continuation that goes on the next line$/m);
  });

  it('F8: a Jira-style key in an item with a GitHub tracker is said to be none of its issues; status counts it not checked, exit 1', async () => {
    write('k.md', `${head('PM-K', 'Keys')}- [ ] Task three OPS-7 mentioned @dana\n`);
    const dry = await run('create', 'k.md', '--dry-run');
    assert.match(dry.stdout, /k\.md:11 {2}Task three mentioned {2}\(already tracked: OPS-7 — a key like Jira's; GitHub issues are #N or an address: if it is a word of the text, not the item's ticket, write it in backticks \(`OPS-7`\) to get one\)/);
    const status = await run('status', 'k.md');
    assert.match(status.stdout, /k\.md:11 {2}Task three mentioned {2}OPS-7 {2}not checked: not a ticket of GitHub Issues \(acme\/shop\)/);
    assert.equal(status.code, 1);
  });

  describe('tickets status', () => {
    it('F4: a deleted issue (410) is its row; the other tickets are checked and shown, exit 1', async () => {
      server.add({ title: 'one' });
      server.close(server.add({ title: 'two' }).number, '2026-12-01');
      write('st.md', `${head('PM-S', 'Status')}- [ ] One #1\n- [ ] Two #2\n- [ ] Gone #99\n`);
      server.inject('GET', /\/issues\/99$/, { kind: 'answer', answer: { status: 410, body: { message: 'This issue was deleted', documentation_url: 'https://docs.github.com/rest/issues/issues#get-an-issue' } } });
      const r = await run('status', 'st.md');
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /st\.md:11 {2}One {2}#1 {2}ticket open/);
      assert.match(r.stdout, /st\.md:12 {2}Two {2}#2 {2}ticket closed 2026-12-01, item open: mark it done \(done:2026-12-01\)/);
      assert.match(r.stdout, /st\.md:13 {2}Gone {2}#99 {2}not checked: GitHub Issues \(acme\/shop\): gone \(410: "This issue was deleted"\): deleted from the tracker\./);
      assert.match(r.stdout, /2 tickets checked: 1 open item with a closed ticket, 0 done items with an open ticket, 1 not checked/);
    });

    it('F7: a ticket that could not be checked is not agreement: exit 1', async () => {
      server.add({ title: 'one' });
      write('st.md', `${head('PM-S', 'Status')}- [ ] One #1\n- [ ] Missing #9\n`);
      const r = await run('status', 'st.md');
      assert.match(r.stdout, /st\.md:12 {2}Missing {2}#9 {2}not checked: GitHub Issues \(acme\/shop\): not found \(404/);
      assert.match(r.stdout, /1 ticket checked: 0 open items with a closed ticket, 0 done items with an open ticket, 1 not checked/);
      assert.equal(r.code, 1);
    });

    it('F13: one issue written two ways is asked for once', async () => {
      server.add({ title: 'one' });
      write('st.md', `${head('PM-S', 'Status')}- [ ] One #1\n- [ ] Also one ${ISSUE(1)}\n- [ ] Case https://github.com/ACME/Shop/issues/1\n`);
      const r = await run('status', 'st.md');
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /3 tickets checked/);
      assert.equal(server.count('issues/get'), 1);
    });
  });
});
