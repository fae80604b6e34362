import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, NOW, runCli, workspace } from './harness';

const pm = (id: string, items: string) => `---\ntype: postmortem\nid: ${id}\ntitle: Incident ${id}\nstatus: draft\n---\n\n## Action items\n\n${items}\n`;

describe('postmortem actions (spawned CLI)', function () {
  this.timeout(60_000);
  before(buildOnce);

  const files = {
    'postmortems/a.md': pm('PM-A', '- [ ] Add alert @bob due:2026-11-01 P1\n- [x] Roll back @alice\n- [ ] Write runbook @carol due:2027-01-10'),
    'postmortems/b.md': pm('PM-B', '| Action | Owner | Due | Status |\n|---|---|---|---|\n| Load test | @bob | 2026-12-24 | open |'),
    'README.md': '# not a post-mortem\n\n## Action items\n\n- [ ] Ignored @bob\n',
  };

  it('lists open items grouped by post-mortem with owner, due date and an OVERDUE marker', () => {
    const ws = workspace(files);
    try {
      const r = runCli(ws.dir, 'actions', '--now', NOW);
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.split('\n');
      assert.equal(lines[0], 'postmortems/a.md  PM-A · Incident PM-A');
      assert.match(r.stdout, /postmortems\/a\.md:10 +Add alert +@bob +due 2026-11-01 +P1 +OVERDUE/);
      assert.doesNotMatch(r.stdout, /Roll back|Ignored/);
      assert.match(r.stdout, /postmortems\/b\.md:12 +Load test +@bob +due 2026-12-24$/m);
      assert.match(r.stdout, /^3 open action items, 1 overdue in 2 post-mortems$/m);
    } finally {
      ws.cleanup();
    }
  });

  it('prints an item\'s words without their Markdown markers; the JSON keeps the description as written (trial T7)', () => {
    const ws = workspace({ 'postmortems/c.md': pm('PM-C', '- [ ] **Strike team formation**: tune `max_conn` per [the runbook](https://wiki.example/rb) @dana due:2027-01-10') });
    try {
      const r = runCli(ws.dir, 'actions', '--now', NOW);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /postmortems\/c\.md:10 +Strike team formation: tune max_conn per the runbook +@dana/);
      const [item] = JSON.parse(runCli(ws.dir, 'actions', '--format', 'json', '--now', NOW).stdout) as { description: string }[];
      assert.equal(item!.description, '**Strike team formation**: tune `max_conn` per the runbook');
    } finally {
      ws.cleanup();
    }
  });

  it('shows a placeholder owner as no owner, and @alex, Alex and an Owner cell alex as one person', () => {
    const ws = workspace({
      'postmortems/p.md': pm('PM-P', '- [ ] Add alert @alex due:2027-01-10\n- [ ] Fill in @owner due:2027-01-11\n- [ ] Write runbook @Alex due:2027-01-12'),
      'postmortems/q.md': pm('PM-Q', '| Action | Owner | Due | Status |\n|---|---|---|---|\n| Load test | alex | 2027-01-13 | open |\n| Plan | TBD | 2027-01-14 | open |'),
    });
    try {
      const r = runCli(ws.dir, 'actions', '--now', NOW);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Fill in +no owner \(@owner is a placeholder\) +due 2027-01-11$/m);
      assert.match(r.stdout, /Plan +no owner \(@TBD is a placeholder\) +due 2027-01-14$/m);
      const alex = JSON.parse(runCli(ws.dir, 'actions', '--owner', 'ALEX', '--format', 'json', '--now', NOW).stdout) as { description: string; owner: string }[];
      assert.deepEqual(alex.map((i) => [i.description, i.owner]), [['Add alert', 'alex'], ['Write runbook', 'Alex'], ['Load test', 'alex']]);
      const json = JSON.parse(runCli(ws.dir, 'actions', '--format', 'json', '--now', NOW).stdout) as { description: string; owner: string | null; placeholderOwner: string | null }[];
      assert.deepEqual(json.filter((i) => i.owner === null).map((i) => [i.description, i.placeholderOwner]), [['Fill in', 'owner'], ['Plan', 'TBD']]);
      const placeholder = runCli(ws.dir, 'actions', '--owner', '@owner', '--format', 'json', '--now', NOW);
      assert.deepEqual(JSON.parse(placeholder.stdout), [], 'no one is called "owner"');
      assert.equal(placeholder.code, 0);
      assert.equal(placeholder.stderr, 'postmortem actions: --owner @owner is a placeholder, not a person: items with it are listed as "no owner" (run without --owner to see them)\n', 'the empty list says why');
      assert.equal(runCli(ws.dir, 'actions', '--owner', 'alex', '--now', NOW).stderr, '', 'a person: no note');
    } finally {
      ws.cleanup();
    }
  });

  it('shows an @ token that is not a handle as no owner, saying so, in the list and the JSON; lint warns about it', () => {
    const ws = workspace({
      'postmortems/h.md': pm('PM-H', '- [ ] Rotate keys @Devon-/-Kevin due:2027-01-10\n- [ ] Fix @bob\'s script due:2027-01-11\n- [ ] Pair on the runbook @Devon/Kevin due:2027-01-12\n- [ ] Page the team @octo-org/sre due:2027-01-14'),
      'postmortems/t.md': pm('PM-T', '| Action | Owner | Due | Status |\n|---|---|---|---|\n| Load test | @Devon-/-Kevin | 2027-01-13 | open |'),
    });
    try {
      const r = runCli(ws.dir, 'actions', '--now', NOW);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Rotate keys @Devon-\/-Kevin +no owner \("@Devon-\/-Kevin" is not a handle\) +due 2027-01-10$/m);
      assert.match(r.stdout, /Load test +no owner \("@Devon-\/-Kevin" is not a handle\) +due 2027-01-13$/m);
      assert.match(r.stdout, /script +@bob +due 2027-01-11$/m, 'a possessive after a handle is not part of it');
      // Two capitalised names around a slash: two people or a team? Not one owner, said.
      assert.match(r.stdout, /Pair on the runbook @Devon\/Kevin +no owner \("@Devon\/Kevin": two people or a team\?\) +due 2027-01-12$/m);
      assert.match(r.stdout, /Page the team +@octo-org\/sre +due 2027-01-14$/m, 'a team as GitHub writes it is the owner');
      const json = JSON.parse(runCli(ws.dir, 'actions', '--format', 'json', '--now', NOW).stdout) as { description: string; owner: string | null; invalidOwner: string | null }[];
      assert.deepEqual(json.map((i) => [i.description, i.owner, i.invalidOwner]), [['Rotate keys @Devon-/-Kevin', null, 'Devon-/-Kevin'], ["Fix 's script", 'bob', null], ['Pair on the runbook @Devon/Kevin', null, 'Devon/Kevin'], ['Page the team', 'octo-org/sre', null], ['Load test', null, 'Devon-/-Kevin']]);
      assert.deepEqual(JSON.parse(runCli(ws.dir, 'actions', '--owner', 'Devon', '--format', 'json', '--now', NOW).stdout), [], 'no one called Devon is read from it');
      const lint = runCli(ws.dir, 'lint', 'postmortems', '--format', 'json', '--now', NOW);
      const bad = (JSON.parse(lint.stdout) as { code: string; message: string; severity: string }[]).filter((d) => d.code === 'actions/bad-owner');
      assert.deepEqual(bad.map((d) => d.severity), ['warning', 'warning', 'warning']);
      assert.match(bad[1].message, /found "@Devon\/Kevin" .*: it could be two people \(Devon and Kevin\) or a team, which GitHub writes @org\/team-slug with the slug in lower case \(@devon\/kevin\), so it is not read as the owner/);
      // The three readings are fixes, none preferred; --fix applies none of them.
      const fixed = runCli(ws.dir, 'lint', 'postmortems', '--fix', '--now', NOW);
      assert.equal(fixed.code, 0, fixed.stderr);
      assert.match(ws.read('postmortems/h.md'), /^- \[ \] Pair on the runbook @Devon\/Kevin due:2027-01-12$/m);
      assert.match(bad[0].message, /found "@Devon-\/-Kevin" .*: it is neither a handle nor an organisation's team \(@org\/team\): the part before "\/" ends with "-", so it is not read as the owner/);
    } finally {
      ws.cleanup();
    }
  });

  it('--overdue says when nothing is overdue, and how many items are open (not "0 open action items")', () => {
    const ws = workspace({ ...files, 'postmortems/d.md': pm('PM-D', '- [ ] Fix date @erin due:2024-02-30') });
    try {
      const none = runCli(ws.dir, 'actions', '--overdue', '--now', '2026-10-01T00:00:00Z');
      assert.equal(none.code, 0, none.stderr);
      assert.equal(none.stdout, 'No overdue action items; 4 open action items in 3 post-mortems\n');
      const some = runCli(ws.dir, 'actions', '--overdue', '--now', NOW);
      assert.match(some.stdout, /^1 overdue of 4 open action items in 3 post-mortems$/m);
      const bob = runCli(ws.dir, 'actions', '--overdue', '--owner', 'bob', '--now', '2026-10-01T00:00:00Z');
      assert.equal(bob.stdout, 'No overdue action items; 2 open action items of @bob in 2 post-mortems (3 read)\n', 'the count is bob\'s, and says so, in the post-mortems holding them');
      const all = runCli(ws.dir, 'actions', '--now', NOW);
      assert.match(all.stdout, /Fix date due:2024-02-30 +@erin +invalid due date "2024-02-30" \(February 2024 has 29 days\)$/m);
    } finally {
      ws.cleanup();
    }
  });

  it('filters by owner and overdue, and prints JSON', () => {
    const ws = workspace(files);
    try {
      const bob = JSON.parse(runCli(ws.dir, 'actions', '--owner', '@Bob', '--format', 'json', '--now', NOW).stdout) as { description: string; overdue: boolean; line: number; file: string; postmortemId: string }[];
      assert.deepEqual(bob.map((i) => [i.file, i.line, i.description, i.overdue, i.postmortemId]), [
        ['postmortems/a.md', 10, 'Add alert', true, 'PM-A'],
        ['postmortems/b.md', 12, 'Load test', false, 'PM-B'],
      ]);
      const overdue = JSON.parse(runCli(ws.dir, 'actions', '--overdue', '--format', 'json', '--now', NOW).stdout) as unknown[];
      assert.equal(overdue.length, 1);
      const later = JSON.parse(runCli(ws.dir, 'actions', '--overdue', '--format', 'json', '--now', '2027-02-01T00:00:00Z').stdout) as unknown[];
      assert.equal(later.length, 3);
    } finally {
      ws.cleanup();
    }
  });
});

describe('postmortem new (spawned CLI)', function () {
  this.timeout(60_000);
  before(buildOnce);

  it('creates the file from the template, prints its path, and the result lints without errors', () => {
    const ws = workspace({});
    try {
      const r = runCli(ws.dir, 'new', 'Checkout 5xx: pool change', '--now', '2026-11-27T05:40:31Z', '--author', 'Ana Ruiz', '--started', '2026-11-27T05:10Z');
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'postmortems/2026-11-27-checkout-5xx-pool-change.md\n');
      const text = ws.read('postmortems/2026-11-27-checkout-5xx-pool-change.md');
      assert.match(text, /^id: PM-20261127-checkout-5xx-pool-change$/m);
      assert.match(text, /^started_at: 2026-11-27T05:10:00Z$/m);
      assert.match(text, /^authors: \[Ana Ruiz\]$/m);
      const lint = runCli(ws.dir, 'lint', '--format', 'json', '--now', '2026-11-27T06:00:00Z');
      assert.equal(lint.code, 0, lint.stdout);
      // With the start given, the example entry is the start's (trial T10): nothing at warning level is left.
      assert.deepEqual((JSON.parse(lint.stdout) as { severity: string; code: string }[]).filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.code), []);
      assert.match(text, /^- 2026-11-27 05:10Z \[started\] Describe what started the incident$/m);
    } finally {
      ws.cleanup();
    }
  });

  it('names the file of an emoji title without an invisible character (trial13a F18)', () => {
    const ws = workspace({});
    try {
      const r = runCli(ws.dir, 'new', 'Checkout \u26A0\uFE0F 5xx', '--now', NOW);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'postmortems/2026-11-27-checkout-5xx.md\n');
      assert.match(ws.read('postmortems/2026-11-27-checkout-5xx.md'), /^id: PM-20261127-checkout-5xx$/m);
    } finally {
      ws.cleanup();
    }
  });

  it('refuses to overwrite, honours --dir and --id, and needs a title', () => {
    const ws = workspace({});
    try {
      const args = ['new', 'Outage', '--dir', 'docs/reviews', '--id', 'PM-2026-099', '--now', NOW];
      assert.equal(runCli(ws.dir, ...args).code, 0);
      assert.match(ws.read('docs/reviews/2026-11-27-outage.md'), /^id: PM-2026-099$/m);
      const again = runCli(ws.dir, ...args);
      assert.equal(again.code, 2);
      assert.match(again.stderr, /already exists \(not overwritten\)/);
      const noTitle = runCli(ws.dir, 'new');
      assert.equal(noTitle.code, 2);
      assert.match(noTitle.stderr, /Expected a title/);
      assert.equal(runCli(ws.dir, 'new', 'X', '--id', 'bad id').code, 2);
      assert.ok(!existsSync(join(ws.dir, 'postmortems')));
    } finally {
      ws.cleanup();
    }
  });
});

describe('postmortem (top level)', function () {
  this.timeout(60_000);
  before(buildOnce);

  it('prints help, version and per-command help; unknown commands exit 2', () => {
    const ws = workspace({});
    try {
      const help = runCli(ws.dir, '--help');
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^ {2}lint +Check post-mortems/m);
      assert.match(help.stdout, /^ {2}actions /m);
      assert.match(runCli(ws.dir, '--version').stdout, /^\d+\.\d+\.\d+\n$/);
      const lintHelp = runCli(ws.dir, 'lint', '--help');
      assert.equal(lintHelp.code, 0);
      assert.match(lintHelp.stdout, /--format <text\|json\|sarif>/);
      assert.match(runCli(ws.dir, 'new', '-h').stdout, /--dir <folder>/);
      const unknown = runCli(ws.dir, 'lnt');
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /unknown command "lnt"/);
      assert.equal(runCli(ws.dir).code, 2);
    } finally {
      ws.cleanup();
    }
  });
});
