import assert from 'node:assert/strict';
import { buildOnce, NOW, runCli, runCliWithEnv, workspace } from './harness';

const NOT_POSTMORTEMS = {
  'README.md': '# Acme shop\n\nReport abuse to support-bot@acme.com. Our ranges: `10.0.0.0/8`, 52.94.0.1.\n\n## Timeline\n\nNothing yet\n',
  'CONTRIBUTING.md': '# Contributing\n\nOpen a pull request.\n',
  'docs/redaction.md': '# Redaction\n\nA key looks like `-----BEGIN RSA PRIVATE KEY-----`.\n',
};

/**
 * What `postmortem lint` says about a post-mortem and what `postmortem actions` / `metrics` read from
 * it agree, and nothing is read differently without a word (issue 10, trial C1, C8, C20, C25, U10).
 */

interface LintRow { readonly line: number; readonly code: string; readonly message: string; readonly fixes: readonly { title: string; preferred?: boolean }[] }
interface ActionRow { readonly line: number; readonly description: string; readonly owner: string | null; readonly due: string | null }

function lintJson(dir: string, ...args: string[]): LintRow[] {
  const r = runCli(dir, 'lint', '--format', 'json', '--now', NOW, ...args);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout) as LintRow[];
}

function actionsJson(dir: string, ...args: string[]): ActionRow[] {
  const r = runCli(dir, 'actions', '--format', 'json', '--now', NOW, ...args);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as ActionRow[];
}

const FRONT = ['---', 'type: postmortem', 'id: PM-1', 'title: Agreement', 'status: draft', 'started_at: 2026-11-20T14:00:00Z', '---', ''];

describe('lint and the readers agree (spawned CLI)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('a timeline table with Date and Time columns is read row by row, checked, and converted with its dates (C1)', () => {
    const doc = ['---', 'type: postmortem', 'id: PM-2', 'title: Login outage', 'status: draft', 'timezone: Asia/Kolkata',
      'started_at: 2026-02-28T18:00:00Z', 'resolved_at: 2026-02-28T19:40:00Z', '---', '', '## Summary', '', 'Logins failed.', '', '## Timeline', '',
      '| Date | Time (IST) | Event |', '|------|------|-------|',
      '| 2026-02-28 | 23:30 | Config push |',
      '| | 23:45 | [detected] Login errors alert |',
      '| 2026-03-01 | 00:20 | [mitigated] Config rolled back |',
      '| | 01:10 | [resolved] Error rate normal |',
      '| | 00:05 | late entry out of order |', ''].join('\n');
    const ws = workspace({ 'postmortems/a.md': doc });
    try {
      const timeline = lintJson(ws.dir, '.').filter((d) => d.code.startsWith('timeline/'));
      // The draft's front matter lacks detected_at and mitigated_at, which the marked rows give (info, trial 10 T3).
      assert.deepEqual(timeline.map((d) => [d.line, d.code]), [[15, 'timeline/not-utc'], [20, 'timeline/milestone-mismatch'], [21, 'timeline/milestone-mismatch'], [23, 'timeline/out-of-order']], JSON.stringify(timeline));
      assert.match(timeline[0].message, /^5 timeline entries are in Asia\/Kolkata time/);
      const fixed = runCli(ws.dir, 'lint', '--fix', '--now', NOW, '.');
      assert.ok(fixed.code === 0 || fixed.code === 1, fixed.stderr);
      const lines = ws.read('postmortems/a.md').split('\n');
      // Once the rows are UTC, fix-all copies the marked rows' times into the front matter, before its closing `---`.
      assert.deepEqual(lines.slice(8, 11), ['detected_at: 2026-02-28T18:15:00Z', 'mitigated_at: 2026-02-28T18:50:00Z', '---']);
      const rows = lines.slice(20, 25);
      // The last two rows need no date: after 18:50Z they are on 2026-02-28 in UTC, as they were in IST
      // (a dateless time takes the day of the entry above in its own zone, trial 11 T11).
      assert.deepEqual(rows, [
        '| 2026-02-28 | 18:00Z | Config push |',
        '| | 18:15Z | [detected] Login errors alert |',
        '| 2026-02-28 | 18:50Z | [mitigated] Config rolled back |',
        '| | 19:40Z | [resolved] Error rate normal |',
        '| | 18:35Z | late entry out of order |',
      ]);
      assert.deepEqual(lintJson(ws.dir, '.').filter((d) => d.code.startsWith('timeline/')).map((d) => [d.line, d.code]), [[25, 'timeline/out-of-order']]);
    } finally {
      ws.cleanup();
    }
  });

  it('--all-markdown --fix checks every Markdown file but writes only post-mortems (C25)', () => {
    const pm = [...FRONT, '## Summary', '', 'Mail from jane.doe@acme.com.', ''].join('\n');
    const declared = ['---', 'type: postmortem', 'title: Outside the globs', 'status: draft', '---', '', '# Outside the globs', '', 'Mail from jane.doe@acme.com.', ''].join('\n');
    const ws = workspace({ ...NOT_POSTMORTEMS, 'postmortems/a.md': pm, 'notes/declared.md': declared });
    try {
      const r = runCli(ws.dir, 'lint', '--all-markdown', '--fix', '--now', NOW, '.');
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      for (const [file, text] of Object.entries(NOT_POSTMORTEMS)) assert.equal(ws.read(file), text, `${file} is not a post-mortem: never written`);
      assert.match(r.stderr, /--fix left 3 files unchanged: not a post-mortem .*--fix writes only post-mortems/);
      assert.match(r.stdout, /README\.md/, 'still checked and reported');
      assert.match(ws.read('postmortems/a.md'), /\[redacted: email\]/, 'a post-mortem by path is fixed');
      assert.match(ws.read('postmortems/a.md'), /^## Timeline$/m);
      assert.match(ws.read('notes/declared.md'), /\[redacted: email\]/, 'a post-mortem by its front matter is fixed');
      const check = runCli(ws.dir, 'lint', '--all-markdown', '--now', NOW, '.');
      assert.doesNotMatch(check.stderr, /--fix left/, 'said only when fixing');
    } finally {
      ws.cleanup();
    }
  });

  it('two due dates on one item: lint says which one is used, and actions uses that one (C8)', () => {
    const doc = [...FRONT, '## Action items', '',
      '- [ ] Two dates @a due:2026-12-20 due:2026-12-24',
      '- [ ] Same date twice @a due:2026-12-20 due:2026-12-20',
      '- [ ] A word and a date @a due:soon due:2026-12-22', ''].join('\n');
    const ws = workspace({ 'postmortems/a.md': doc });
    try {
      const lint = lintJson(ws.dir, '.');
      const two = lint.find((d) => d.line === 11 && d.code === 'actions/one-due');
      assert.ok(two, JSON.stringify(lint));
      assert.match(two.message, /found due:2026-12-20 and due:2026-12-24 .*2026-12-20 \(the first\) is used as the due date/);
      assert.ok(two.fixes.length === 2 && two.fixes.every((f) => !f.preferred), 'which date was agreed is the team\'s call');
      const same = lint.find((d) => d.line === 12 && d.code === 'actions/one-due');
      assert.ok(same?.fixes.some((f) => f.preferred), 'a repeated date is removed by --fix');
      const word = lint.find((d) => d.line === 13 && d.code === 'actions/bad-due');
      assert.match(word?.message ?? '', /found "soon".*the item's due date is 2026-12-22/);
      assert.ok(!lint.some((d) => /not a real calendar date.*2026-12-2[04]"/.test(d.message)), 'a valid date is never called invalid');
      const items = actionsJson(ws.dir, '.');
      assert.deepEqual(items.map((i) => [i.line, i.due]), [[11, '2026-12-20'], [12, '2026-12-20'], [13, '2026-12-22']]);
      const fixed = runCli(ws.dir, 'lint', '--fix', '--now', NOW, '.');
      assert.ok(fixed.code === 0 || fixed.code === 1, fixed.stderr);
      assert.match(ws.read('postmortems/a.md'), /^- \[ \] Same date twice @a due:2026-12-20$/m);
      assert.match(ws.read('postmortems/a.md'), /^- \[ \] Two dates @a due:2026-12-20 due:2026-12-24$/m);
    } finally {
      ws.cleanup();
    }
  });

  it('two owners on one item: lint names the owner it reads, and actions and metrics count that one (U1)', () => {
    const doc = [...FRONT, '## Action items', '', '- [ ] Run a failover game day @alice @bob due:2026-12-10 P1', '- [ ] Automate the bundle check @bob due:2026-12-11', ''].join('\n');
    const ws = workspace({ 'postmortems/a.md': doc });
    try {
      const one = lintJson(ws.dir, '.').filter((d) => d.code === 'actions/one-owner');
      assert.equal(one.length, 1);
      assert.match(one[0].message, /@alice is read as the owner and "@bob" as text/);
      assert.deepEqual(actionsJson(ws.dir, '.').map((i) => i.owner), ['alice', 'bob']);
      const m = runCli(ws.dir, 'metrics', '--format', 'json', '--now', NOW, '.');
      const byOwner = (JSON.parse(m.stdout) as { actions: { byOwner: { key: string; total?: number; open?: number }[] } }).actions.byOwner;
      assert.deepEqual(byOwner.map((o) => o.key).sort(), ['alice', 'bob']);
    } finally {
      ws.cleanup();
    }
  });

  it('an action table: two people in the Owner cell, two dates in the Due cell, a Won\'t do row (T12)', () => {
    const doc = [...FRONT, '## Action items', '',
      '| # | Action | Owner | Due | Status |',
      '|---|--------|-------|-----|--------|',
      '| 1 | Add eviction alert | @alice, @bob | 2026-08-01 | Open |',
      '| 2 | Capacity review | Carol and Dave | 2026-12-20, 2026-12-27 | WIP |',
      '| 3 | Runbook | @dave | 2026-07-30 | Won\'t do |', ''].join('\n');
    const ws = workspace({ 'postmortems/b.md': doc });
    try {
      const lint = lintJson(ws.dir, '.');
      const owners = lint.filter((d) => d.code === 'actions/one-owner');
      assert.deepEqual(owners.map((d) => d.line), [13, 14]);
      assert.match(owners[0].message, /found @alice and @bob on "Add eviction alert": @alice is read as the owner and @bob is not read as an owner/);
      assert.deepEqual(owners[0].fixes.map((f) => f.title), ['Keep @alice as the owner (remove bob from the Owner cell)', 'Make @bob the owner (remove alice from the Owner cell)']);
      const due = lint.find((d) => d.code === 'actions/one-due');
      assert.match(due?.message ?? '', /found 2026-12-20 and 2026-12-27 in the Due column .*2026-12-20 \(the first\) is used/);
      assert.ok(!lint.some((d) => d.code === 'actions/overdue' && d.line === 15), 'a Won\'t do row is closed, not overdue');
      const items = actionsJson(ws.dir, '.');
      assert.deepEqual(items.map((i) => [i.line, i.owner, i.due]), [[13, 'alice', '2026-08-01'], [14, 'Carol', '2026-12-20']]);
      assert.deepEqual(actionsJson(ws.dir, '.', '--owner', 'BOB'), [], 'bob is not the owner: the warning says so');
      assert.deepEqual(actionsJson(ws.dir, '.', '--owner', '@Alice').map((i) => i.line), [13]);
      const m = runCli(ws.dir, 'metrics', '--format', 'json', '--now', NOW, '.');
      const a = (JSON.parse(m.stdout) as { actions: { open: number; overdue: number; byOwner: { key: string }[] } }).actions;
      assert.deepEqual(a.byOwner.map((o) => o.key).sort(), ['Carol', 'alice', 'dave']);
      assert.deepEqual([a.open, a.overdue], [2, 1]);
      const fix = runCli(ws.dir, 'lint', '--fix', '--now', NOW, '.');
      assert.ok(fix.code === 0 || fix.code === 1, fix.stderr);
      assert.match(ws.read('postmortems/b.md'), /\| @alice, @bob \|/, 'which person owns it is the team\'s call: --fix leaves it');
    } finally {
      ws.cleanup();
    }
  });

  it('a front-matter time lint rejects but metrics reads: lint\'s error, and metrics and list say how they read it (T6)', () => {
    const doc = ['---', 'type: postmortem', 'id: PM-AKL', 'title: Payments queue stuck', 'status: draft', 'timezone: Pacific/Auckland',
      'started_at: 2026-09-26T13:30:00Z', 'detected_at: 2026-09-27 03:10', 'resolved_at: 2026-09-26T16:00:00Z', '---', '# Payments queue stuck', ''].join('\n');
    const ws = workspace({ 'postmortems/akl.md': doc });
    try {
      const env = { TZ: 'Pacific/Auckland' };
      const lint = runCliWithEnv(ws.dir, env, 'lint', '--format', 'json', '--now', NOW, '.');
      const format = (JSON.parse(lint.stdout) as LintRow[]).find((d) => d.code === 'schema/format');
      assert.match(format?.message ?? '', /Expected `detected_at` to be an ISO 8601 date-time in UTC.*found "2026-09-27 03:10"/);
      const m = runCliWithEnv(ws.dir, env, 'metrics', '--format', 'json', '--now', NOW, '.');
      const json = JSON.parse(m.stdout) as { problems: { uri: string; message: string }[]; incidents: { detectedAt?: string }[] };
      assert.equal(json.incidents[0].detectedAt, '2026-09-26T14:10:00Z', 'the reading lint\'s fix would write');
      assert.deepEqual(json.problems.map((p) => p.message), ["Time read from a value lint rejects: `detected_at: 2026-09-27 03:10` is not an ISO 8601 date-time in UTC (lint: schema/format); it was read as Pacific/Auckland time (the front matter's `timezone`), 2026-09-26T14:10:00Z. `postmortem lint --fix` writes it so"]);
      const text = runCliWithEnv(ws.dir, env, 'metrics', '--now', NOW, '.');
      assert.match(text.stdout, /^note: postmortems\/akl\.md: Time read from a value lint rejects: `detected_at: 2026-09-27 03:10`/m);
      const list = runCliWithEnv(ws.dir, env, 'list', '.');
      assert.match(list.stderr, /^note: postmortems\/akl\.md: Time read from a value lint rejects: `detected_at/m);
      runCliWithEnv(ws.dir, env, 'lint', '--fix', '--now', NOW, '.');
      assert.match(ws.read('postmortems/akl.md'), /^detected_at: 2026-09-26T14:10:00Z$/m);
      const after = JSON.parse(runCliWithEnv(ws.dir, env, 'metrics', '--format', 'json', '--now', NOW, '.').stdout) as { problems: unknown[] };
      assert.deepEqual(after.problems, [], 'once written in UTC there is nothing to say');
    } finally {
      ws.cleanup();
    }
  });

  it('items nested past 64 levels: lint says so once, and lint, actions and metrics all count 64 items (U10), and name the rest, exit 1 (trial 15a F1)', () => {
    const nested = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- [ ] nested ${i} @eve due:2026-11-20`);
    const ws = workspace({ 'postmortems/a.md': [...FRONT, '## Action items', '', ...nested, ''].join('\n') });
    try {
      const lint = lintJson(ws.dir, '.');
      const deep = lint.filter((d) => d.code === 'document/nesting-too-deep');
      assert.equal(deep.length, 1, 'told once');
      assert.match(deep[0].message, /and 35 more lines below.*their text joins the item above/);
      assert.equal(lint.filter((d) => d.code === 'actions/overdue').length, 64);
      const a = runCli(ws.dir, 'actions', '--format', 'json', '--now', NOW, '.');
      assert.equal(a.code, 1, 'the 36 task lines read as text are not silently left out');
      assert.match(a.stderr, /postmortems\/a\.md: Task items not read, line 75: 36 task lines .* nested more than 64 levels deep/);
      const items = JSON.parse(a.stdout) as ActionRow[];
      assert.equal(items.length, 64);
      assert.match(items[63].description, /^nested 63 - \[ \] nested 64 @eve/);
      const m = runCli(ws.dir, 'metrics', '--format', 'json', '--now', NOW, '.');
      assert.equal(m.code, 1, m.stderr);
      assert.equal((JSON.parse(m.stdout) as { actions: { total: number } }).actions.total, 64);
    } finally {
      ws.cleanup();
    }
  });

  it('an HTML comment never closed: lint says so at the `<!--`, and no reader counts what it hides (C20)', () => {
    const doc = [...FRONT, '## Summary', '', 'x', '',
      '<!-- block comment start', 'still comment', '',
      '## Timeline', '', '- 2026-11-20 14:05Z [detected] x', '',
      '## Action items', '', '- [ ] hidden by unclosed comment @a due:2026-11-25', ''].join('\n');
    const ws = workspace({ 'postmortems/a.md': doc });
    try {
      const lint = lintJson(ws.dir, '.');
      const open = lint.filter((d) => d.code === 'document/unclosed-comment');
      assert.equal(open.length, 1, JSON.stringify(lint));
      assert.equal(open[0].line, 13);
      assert.match(open[0].message, /everything after line 13 .*"## Timeline" and "## Action items"/);
      assert.deepEqual(open[0].fixes, [], 'where the comment ends is the writer\'s call');
      const missing = lint.find((d) => d.code === 'sections/missing');
      assert.match(missing?.message ?? '', /heading on line 16 is inside the HTML comment opened on line 13/);
      assert.deepEqual(missing?.fixes, [], 'no second Timeline inserted before the hidden one');
      assert.ok(!lint.some((d) => d.code === 'actions/overdue'), 'lint does not check the hidden item');
      // actions does not count it either, and says why (exit 1: listed, part of a file not read).
      const actions = runCli(ws.dir, 'actions', '--format', 'json', '--now', NOW, '.');
      assert.equal(actions.code, 1, actions.stderr);
      assert.deepEqual(JSON.parse(actions.stdout), []);
      assert.match(actions.stderr, /postmortems\/a\.md: Not read after line 13: the HTML comment opened there with <!-- is never closed, so \d+ lines with 2 sections \("## Timeline", "## Action items"\), 1 action item and 1 timeline entry after it are read as its text: its action items there are not listed/);
      const before = ws.read('postmortems/a.md');
      runCli(ws.dir, 'lint', '--fix', '--now', NOW, '.');
      assert.equal(ws.read('postmortems/a.md'), before, '--fix leaves the file alone');
    } finally {
      ws.cleanup();
    }
  });
});
