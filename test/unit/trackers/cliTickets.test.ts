import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import tickets from '../../../src/cli/commands/tickets';
import { ticketEnvironment } from '../../../src/cli/commands/ticketsTracker';
import { runInProcess } from '../../robustness/inProcess';
import { buildOnce, repoRoot, workspace } from '../cli/harness';
import { GitHubStandIn } from '../../trackers/githubStandIn';

const POSTMORTEM = `---
id: INC-2026-014
title: Checkout outage
status: published
---
# Checkout outage

## Action items

- [ ] Add pool saturation alert @dana due:2026-12-04 P1
- [ ] Load-test the checkout path @bob
- [x] Roll back the config done:2026-11-21
`;

const RC = JSON.stringify({ tracker: { type: 'github', repository: 'acme/shop', labels: ['postmortem'] }, owners: { dana: { github: 'dana-l' }, bob: { github: 'bob-k' } } });

describe('postmortem tickets (CLI) against the GitHub stand-in', function () {
  let server: GitHubStandIn;
  let ws: ReturnType<typeof workspace>;
  const saved = ticketEnvironment.env;
  const run = (...argv: string[]) => runInProcess(tickets, ws.dir, ...argv);

  beforeEach(async () => {
    server = await new GitHubStandIn().start();
    ws = workspace({ '.postmortemrc.json': RC, 'postmortems/checkout.md': POSTMORTEM });
    ticketEnvironment.env = { GITHUB_TOKEN: server.token, GITHUB_API_URL: server.url };
  });
  afterEach(async () => {
    ticketEnvironment.env = saved;
    ws.cleanup();
    await server.stop();
    assert.deepEqual(server.violations, []);
  });

  it('--dry-run lists what would be created, sends nothing and writes nothing', async () => {
    const r = await run('create', 'postmortems/checkout.md', '--dry-run');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Would create 2 tickets in GitHub Issues \(acme\/shop\) \(dry run: nothing sent, nothing written\):/);
    assert.match(r.stdout, /postmortems\/checkout\.md:10 {2}Add pool saturation alert {2}\(assignee dana-l; due 2026-12-04; P1; labels postmortem\)/);
    assert.equal(server.requests.length, 0);
    assert.equal(ws.read('postmortems/checkout.md'), POSTMORTEM);
  });

  it('--dry-run takes a runbook or dashboard link as text, and names each open item it skips with its ticket', async () => {
    writeFileSync(join(ws.dir, 'postmortems/links.md'), POSTMORTEM.replace('- [x] Roll back', [
      '- [ ] Update the runbook at https://wiki.acme.com/runbooks/db @dana due:2026-12-20',
      '- [ ] Add panel to [the dashboard](https://grafana.acme.com/d/abc123) @dana',
      '- [ ] Rotate the signing key @bob OPS-12',
      '- [ ] Fix webhook @bob ticket: https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      '- [x] Roll back',
    ].join('\n')));
    const r = await run('create', 'postmortems/links.md', '--dry-run');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Would create 4 tickets/);
    assert.match(r.stdout, /links\.md:12 {2}Update the runbook at https:\/\/wiki\.acme\.com\/runbooks\/db {2}\(/);
    assert.match(r.stdout, /links\.md:13 {2}Add panel to the dashboard {2}\(/);
    assert.match(r.stdout, /^Skipped 2 open items that name a ticket already/m);
    // A Jira-style key with a GitHub tracker: still the item's ticket, but said to be no GitHub issue (trial18d F8).
    assert.match(r.stdout, /links\.md:14 {2}Rotate the signing key {2}\(already tracked: OPS-12 — a key like Jira's; GitHub issues are #N or an address: if it is a word of the text, not the item's ticket, write it in backticks \(`OPS-12`\) to get one\)/);
    // The webhook written as the ticket is named, but not printed: it is a secret.
    assert.match(r.stdout, /links\.md:15 {2}Fix webhook {2}\(already tracked: \[redacted: [^\]]+\]\)/);
    assert.doesNotMatch(r.stdout, /hooks\.slack\.com/);
  });

  it('--dry-run takes a dashboard or a webhook written as the last word as text too: those items get tickets', async () => {
    writeFileSync(join(ws.dir, 'postmortems/last.md'), POSTMORTEM.replace('- [x] Roll back', [
      '- [ ] Add a panel @dana https://grafana.acme.com/d/abc123',
      '- [ ] Rotate the webhook @bob https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      '- [ ] Fix the retry budget @bob https://github.com/acme/shop/issues/7',
      '- [x] Roll back',
    ].join('\n')));
    const r = await run('create', 'postmortems/last.md', '--dry-run');
    assert.match(r.stdout, /Would create 4 tickets/);
    assert.match(r.stdout, /last\.md:12 {2}Add a panel https:\/\/grafana\.acme\.com\/d\/abc123 {2}\(/);
    assert.match(r.stdout, /last\.md:13 {2}Rotate the webhook \[redacted: [^\]]+\] {2}\(/);
    assert.match(r.stdout, /^Skipped 1 open item that names a ticket already/m);
    assert.match(r.stdout, /last\.md:14 {2}Fix the retry budget {2}\(already tracked: https:\/\/github\.com\/acme\/shop\/issues\/7\)/);
    assert.doesNotMatch(r.stdout, /hooks\.slack\.com/);
    // Held back from what would be sent (the webhook): said, exit 1.
    assert.equal(r.code, 1, r.stdout);
  });

  it('creates the tickets and writes their addresses into the items; a second run has nothing to do', async () => {
    const r = await run('create', 'postmortems/checkout.md');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /created acme\/shop#1 {2}postmortems\/checkout\.md:10/);
    assert.match(r.stdout, /2 tickets written into postmortems\/checkout\.md\./);
    const text = ws.read('postmortems/checkout.md');
    assert.match(text, /^- \[ \] Add pool saturation alert @dana due:2026-12-04 P1 https:\/\/github\.com\/acme\/shop\/issues\/1$/m);
    assert.match(text, /^- \[ \] Load-test the checkout path @bob https:\/\/github\.com\/acme\/shop\/issues\/2$/m);
    const again = await run('create', 'postmortems/checkout.md');
    assert.equal(again.code, 0);
    assert.match(again.stdout, /every open action item has a ticket already/);
    assert.match(again.stdout, /checkout\.md:10 {2}Add pool saturation alert {2}\(already tracked: https:\/\/github\.com\/acme\/shop\/issues\/1\)/);
    assert.equal(server.issues.length, 2);
  });

  it('a partial batch says which items got tickets, writes only those, exits 2', async () => {
    server.users.delete('bob-k');
    const r = await run('create', 'postmortems/checkout.md');
    assert.equal(r.code, 2);
    assert.match(r.stdout, /created acme\/shop#1/);
    assert.match(r.stdout, /FAILED {2}postmortems\/checkout\.md:11 {2}Load-test the checkout path: GitHub Issues \(acme\/shop\): the tracker refused the ticket \(422/);
    assert.match(r.stdout, /1 ticket written into postmortems\/checkout\.md; 1 item without a ticket/);
    const text = ws.read('postmortems/checkout.md');
    assert.match(text, /P1 https:\/\/github\.com\/acme\/shop\/issues\/1$/m);
    assert.match(text, /^- \[ \] Load-test the checkout path @bob$/m);
  });

  it('a rate limit before anything was created: nothing written, says until when', async () => {
    server.inject('GET', /\/issues$/, { kind: 'answer', answer: { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1893500000' }, body: { message: 'API rate limit exceeded for user.', documentation_url: 'https://docs.github.com/rest' } } });
    const r = await run('create', 'postmortems/checkout.md');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /GitHub Issues \(acme\/shop\): rate limit reached until 2030-01-01T\d\d:\d\d:\d\dZ/);
    assert.match(r.stderr, /No tickets were created; postmortems\/checkout\.md is unchanged\./);
    assert.equal(ws.read('postmortems/checkout.md'), POSTMORTEM);
  });

  it('without GITHUB_TOKEN: says which variable, sends nothing; a refused token is never printed', async () => {
    ticketEnvironment.env = { GITHUB_API_URL: server.url };
    const missing = await run('create', 'postmortems/checkout.md');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /GitHub Issues needs GITHUB_TOKEN in the environment/);
    ticketEnvironment.env = { GITHUB_TOKEN: 'ghp_secretvalue123', GITHUB_API_URL: server.url };
    const refused = await run('create', 'postmortems/checkout.md');
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /the token was refused \(401: "Bad credentials"\)\. Check GITHUB_TOKEN/);
    assert.doesNotMatch(refused.stdout + refused.stderr, /secretvalue/);
  });

  describe('secrets and personal data in an item (trial 14a F30)', () => {
    const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    const LEAKY = POSTMORTEM.replace('- [ ] Load-test the checkout path @bob', `- [ ] Revoke ${TOKEN} and call +1 415 867 5309 or mail dana.lee@acme-corp.com @bob`);

    it('--dry-run shows the placeholders, names what is held back, exits 1', async () => {
      writeFileSync(join(ws.dir, 'postmortems/checkout.md'), LEAKY);
      const r = await run('create', 'postmortems/checkout.md', '--dry-run');
      assert.equal(r.code, 1, r.stderr);
      assert.doesNotMatch(r.stdout, /ghp_|867 5309|dana\.lee/);
      assert.match(r.stdout, /checkout\.md:11 {2}Revoke \[redacted: github-token\] and call \[redacted: phone\] or mail \[redacted: email\]/);
      assert.match(r.stdout, /held back: 3 values \(github-token, phone, email\), sent as \[redacted: …\]/);
      assert.match(r.stdout, /Held back 3 secret or personal values \(github-token, phone, email\) from 1 ticket/);
      assert.match(r.stdout, /Revoke or rotate a token/);
      assert.match(r.stdout, /"redaction\.allow"/);
      assert.equal(server.requests.length, 0);
    });

    it('never posts them: the tracker gets placeholders in title and body; the report says so, exit 1', async () => {
      writeFileSync(join(ws.dir, 'postmortems/checkout.md'), LEAKY);
      const r = await run('create', 'postmortems/checkout.md');
      assert.equal(r.code, 1, r.stderr);
      assert.equal(server.issues.length, 2);
      const posted = JSON.stringify(server.issues);
      assert.doesNotMatch(posted, /ghp_abc|867|5309|dana\.lee|acme-corp/);
      const leaky = server.issues.find((i) => i.title.startsWith('Revoke'))!;
      assert.equal(leaky.title, 'Revoke [redacted: github-token] and call [redacted: phone] or mail [redacted: email]');
      assert.match(leaky.body, /> Revoke \[redacted: github-token\] and call \[redacted: phone\] or mail \[redacted: email\]/);
      assert.match(r.stdout, /created acme\/shop#\d {2}postmortems\/checkout\.md:11 {2}Revoke \[redacted: github-token\].*\(held back: github-token, phone, email\)/);
      assert.match(r.stdout, /2 tickets written into postmortems\/checkout\.md\./);
      assert.match(r.stdout, /postmortems\/checkout\.md itself still has them: `postmortem lint postmortems\/checkout\.md` reports each as redaction\/\*/);
      // The post-mortem keeps its text (lint reports it); the ticket's address is written back.
      assert.match(ws.read('postmortems/checkout.md'), new RegExp(`Revoke ${TOKEN} .* https://github\\.com/acme/shop/issues/\\d$`, 'm'));
    });

    it('a value in "redaction.allow" is sent as written, exit 0', async () => {
      writeFileSync(join(ws.dir, '.postmortemrc.json'), JSON.stringify({ ...JSON.parse(RC), redaction: { allow: ['dana.lee@acme-corp.com'] } }));
      writeFileSync(join(ws.dir, 'postmortems/checkout.md'), POSTMORTEM.replace('- [ ] Load-test the checkout path @bob', '- [ ] Mail dana.lee@acme-corp.com the load-test plan @bob'));
      const r = await run('create', 'postmortems/checkout.md');
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.ok(server.issues.some((i) => i.title === 'Mail dana.lee@acme-corp.com the load-test plan'));
      assert.doesNotMatch(r.stdout, /held back/i);
    });
  });

  it('a broken tracker section is a config error naming the setting', async () => {
    const bad = workspace({ '.postmortemrc.json': JSON.stringify({ tracker: { type: 'github', repository: 'shop' } }), 'postmortems/checkout.md': POSTMORTEM });
    try {
      const r = await runInProcess(tickets, bad.dir, 'create', 'postmortems/checkout.md');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /config: .*Expected "tracker\.repository" to be "OWNER\/REPO"/);
    } finally {
      bad.cleanup();
    }
  });

  it('status: exit 1 on drift (open item, closed ticket; done item, open ticket), with JSON for CI', async () => {
    const open = server.add({ title: 'alert' });
    const closed = server.add({ title: 'load test' });
    server.close(closed.number, '2026-11-30');
    const third = server.add({ title: 'rollback' });
    const text = POSTMORTEM
      .replace('P1\n', `P1 https://github.com/acme/shop/issues/${open.number}\n`)
      .replace('@bob\n', `@bob https://github.com/acme/shop/issues/${closed.number}\n`)
      .replace('done:2026-11-21\n', `done:2026-11-21 #${third.number}\n`);
    ws = workspace({ '.postmortemrc.json': RC, 'postmortems/checkout.md': text });
    const r = await run('status');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /checkout\.md:11 {2}Load-test the checkout path {2}https:\/\/github\.com\/acme\/shop\/issues\/2 {2}ticket closed 2026-11-30, item open: mark it done \(done:2026-11-30\)/);
    assert.match(r.stdout, /checkout\.md:12 {2}Roll back the config {2}#3 {2}item done, ticket still open/);
    assert.match(r.stdout, /3 tickets checked: 1 open item with a closed ticket, 1 done item with an open ticket/);
    const json = await run('status', '--format', 'json');
    assert.equal(json.code, 1);
    const rows = JSON.parse(json.stdout) as { line: number; drift: string | null; closedOn: string | null }[];
    assert.deepEqual(rows.map((x) => [x.line, x.drift, x.closedOn]), [[10, null, null], [11, 'ticket-closed', '2026-11-30'], [12, 'ticket-open', null]]);
  });

  it('status: exit 0 when items and tickets agree', async () => {
    server.add({ title: 'alert' });
    ws = workspace({ '.postmortemrc.json': RC, 'postmortems/checkout.md': POSTMORTEM.replace('P1\n', 'P1 #1\n') });
    const r = await run('status', 'postmortems');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /1 ticket checked: 0 open items with a closed ticket, 0 done items with an open ticket/);
  });

  it('is a command of the built CLI (help lists it; the tracker is reached only on 127.0.0.1 here)', async () => {
    buildOnce();
    const out = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'tickets', 'create', 'postmortems/checkout.md', '--dry-run'], { cwd: ws.dir, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.on('close', () => resolve(text));
    });
    assert.match(out, /Would create 2 tickets in GitHub Issues \(acme\/shop\)/);
    assert.match(readFileSync(join(repoRoot, 'dist', 'cli.js'), 'utf8'), /postmortem tickets create FILE/);
  });
});
