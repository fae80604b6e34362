import assert from 'node:assert/strict';
import { readSummary } from '../../../src/core/api';
import { createTickets, markersIn, planTickets, TRACKERS, TrackerError, type Tracker, type TrackerConfig } from '../../../src/core/trackers';
import { GitHubStandIn } from '../../trackers/githubStandIn';
import { githubSpecVersion } from '../../trackers/githubSpec';

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
- [ ] Document the runbook OPS-7
`;

const CONFIG: TrackerConfig = { type: 'github', fields: { repository: 'acme/shop' }, labels: ['postmortem'] };
const OWNERS = { dana: { github: 'dana-l' }, bob: { github: 'bob-k' } };

describe(`trackers: GitHub Issues against a stand-in checked with @octokit/openapi`, function () {
  let server: GitHubStandIn;
  const tracker = (token = server.token): Tracker =>
    TRACKERS.github!.create(CONFIG, { token }, { fetch, tokenSource: 'GITHUB_TOKEN', timeoutMs: 20_000, timer: server.timer, etags: new Map() }, server.url);
  const plans = () => planTickets(readSummary(POSTMORTEM), { path: 'postmortems/checkout.md' }, CONFIG, OWNERS);

  before(() => assert.match(githubSpecVersion(), /^\d+\.\d+\.\d+$/));
  beforeEach(async () => {
    server = await new GitHubStandIn().start();
  });
  afterEach(async () => {
    await server.stop();
    assert.deepEqual(server.violations, [], 'every request and answer matches GitHub\'s published description');
  });

  it('plans tickets for open items without one, with title, owner, due date, priority and the marker', () => {
    const p = plans();
    assert.deepEqual(p.map((x) => x.draft.title), ['Add pool saturation alert', 'Load-test the checkout path']);
    assert.equal(p[0]!.draft.assignee, 'dana-l');
    assert.equal(p[0]!.draft.due, '2026-12-04');
    assert.match(p[0]!.draft.body, /- Due: 2026-12-04\n- Priority: P1/);
    assert.match(p[0]!.draft.body, /<!-- postmortem-item: INC-2026-014\/[0-9a-f]{16} -->$/);
    assert.match(p[0]!.draft.body, /postmortems\/checkout\.md:10/);
    assert.notEqual(p[0]!.draft.itemId, p[1]!.draft.itemId);
    // The item's own marker first, then the one of its text and position (earlier versions'): both are looked up.
    assert.deepEqual(markersIn(p[0]!.draft.body), [p[0]!.draft.itemId, p[0]!.identity.textId]);
    assert.notEqual(p[0]!.draft.itemId, p[0]!.identity.textId);
  });

  it('creates the issues and writes back their addresses; a second run finds them instead of creating more', async () => {
    const first = await createTickets(tracker(), plans());
    assert.deepEqual(first.map((o) => o.kind), ['created', 'created']);
    assert.equal(server.issues.length, 2);
    assert.deepEqual(server.issues[0]!.labels, ['postmortem']);
    assert.deepEqual(server.issues[0]!.assignees, ['dana-l']);
    const ticket = first[0]!.kind === 'created' ? first[0]!.ticket : undefined;
    assert.equal(ticket?.writeBack, 'https://github.com/acme/shop/issues/1');
    assert.equal(ticket?.label, 'acme/shop#1');
    const again = await createTickets(tracker(), plans());
    assert.deepEqual(again.map((o) => o.kind), ['found', 'found']);
    assert.equal(server.issues.length, 2);
    assert.equal(server.count('issues/create'), 2);
  });

  it('a connection dropped after the create: the retry finds the marker and does not create a second issue', async () => {
    server.inject('POST', /\/issues$/, { kind: 'drop-after-handling' });
    const outcomes = await createTickets(tracker(), plans());
    assert.deepEqual(outcomes.map((o) => o.kind), ['found', 'created']);
    assert.equal(server.issues.length, 2, 'one issue per item');
    assert.equal(server.count('issues/create'), 2);
  });

  it('a 500 on the create: looks for the marker, finds none, creates once more', async () => {
    server.inject('POST', /\/issues$/, { kind: 'answer', answer: { status: 500, body: { message: 'Server Error' } } });
    const outcomes = await createTickets(tracker(), plans());
    assert.deepEqual(outcomes.map((o) => o.kind), ['created', 'created']);
    assert.equal(server.issues.length, 2);
  });

  it('no answer in time: a timeout that says the ticket may exist; the retry creates it once', async () => {
    server.inject('POST', /\/issues$/, { kind: 'hang' });
    server.inject('POST', /\/issues$/, { kind: 'hang' });
    const outcomes = await createTickets(tracker(), plans().slice(0, 1));
    // Both answers lost: the ticket may exist, and the outcome says so rather than "failed" (trial18d F5).
    assert.equal(outcomes[0]!.kind, 'unknown');
    const error = outcomes[0]!.kind === 'unknown' ? outcomes[0]!.error : undefined;
    assert.equal(error?.kind, 'timeout');
    assert.match(error!.message, /^GitHub Issues \(acme\/shop\): no answer from 127\.0\.0\.1:\d+ within 20 s\. The ticket may have been created: run the command again/);
    assert.match(outcomes[0]!.kind === 'unknown' ? outcomes[0]!.message : '', /^the ticket may exist: the answer to the create was lost twice/);
    assert.equal(server.issues.length, 0);
    const retry = await createTickets(tracker(), plans().slice(0, 1));
    assert.deepEqual(retry.map((o) => o.kind), ['created']);
    assert.equal(server.issues.length, 1);
  });

  it('rate limit (429 with reset): says until when, creates nothing more, reports the rest as not tried', async () => {
    await createTickets(tracker(), plans().slice(0, 1));
    const reset = Math.floor(Date.UTC(2030, 0, 1, 12, 30) / 1000);
    server.inject('POST', /\/issues$/, { kind: 'answer', answer: { status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }, body: { message: 'API rate limit exceeded' } } });
    const summary = readSummary(POSTMORTEM.replace('- [ ] Document the runbook OPS-7', '- [ ] Third item @dana\n- [ ] Fourth item'));
    const outcomes = await createTickets(tracker(), planTickets(summary, { path: 'postmortems/checkout.md' }, CONFIG, OWNERS));
    assert.deepEqual(outcomes.map((o) => o.kind), ['found', 'failed', 'not-tried', 'not-tried']);
    const error = outcomes[1]!.kind === 'failed' ? outcomes[1]!.error : undefined;
    assert.equal(error?.kind, 'rate-limit');
    assert.equal(error?.resetAt?.toISOString(), '2030-01-01T12:30:00.000Z');
    assert.match(error!.message, /GitHub Issues \(acme\/shop\): rate limit reached until 2030-01-01T12:30:00Z/);
  });

  it('a refused token (401) names the tracker and GITHUB_TOKEN, never the token', async () => {
    const error = await createTickets(tracker('wrong-token-value'), plans()).then(() => undefined, (e: unknown) => e as TrackerError);
    assert.ok(error instanceof TrackerError);
    assert.equal(error.kind, 'auth');
    assert.match(error.message, /^GitHub Issues \(acme\/shop\): the token was refused \(401: "Bad credentials"\)\. Check GITHUB_TOKEN/);
    assert.doesNotMatch(error.message, /wrong-token-value/);
    assert.equal(server.count('issues/create'), 0);
  });

  it('a repository that does not exist (404) says to check the configuration', async () => {
    const other = TRACKERS.github!.create({ ...CONFIG, fields: { repository: 'acme/nope' } }, { token: server.token }, { fetch, tokenSource: 'GITHUB_TOKEN' }, server.url);
    await assert.rejects(createTickets(other, plans()), (e: TrackerError) => e.kind === 'not-found' && /check the project\/repository in \.postmortemrc\.json/i.test(e.message));
  });

  it('a 422 (an assignee GitHub refuses) fails that item and goes on with the next', async () => {
    const outcomes = await createTickets(tracker(), planTickets(readSummary(POSTMORTEM), { path: 'p.md' }, CONFIG, { dana: { github: 'not-a-collaborator' }, bob: { github: 'bob-k' } }));
    assert.deepEqual(outcomes.map((o) => o.kind), ['failed', 'created']);
    const error = outcomes[0]!.kind === 'failed' ? outcomes[0]!.error : undefined;
    assert.equal(error?.kind, 'validation');
    assert.match(error!.message, /refused the ticket \(422: "Validation Failed: assignees invalid"\)/);
  });

  it('malformed JSON from the tracker is an error that says so, not a crash', async () => {
    server.inject('GET', /\/issues$/, { kind: 'malformed-json' });
    await assert.rejects(createTickets(tracker(), plans()), (e: TrackerError) => e.kind === 'malformed' && /is not JSON/.test(e.message));
    assert.equal(server.issues.length, 0);
  });

  it('offline (nothing listening) names the tracker and the address', async () => {
    const url = server.url;
    await server.stop();
    const t = TRACKERS.github!.create(CONFIG, { token: 'x' }, { fetch, tokenSource: 'GITHUB_TOKEN' }, url);
    await assert.rejects(t.findByMarkers(['INC-1/0123456789abcdef']), (e: TrackerError) => e.kind === 'offline' && /^GitHub Issues \(acme\/shop\): cannot reach 127\.0\.0\.1:\d+ \(connection refused\)/.test(e.message));
    server = await new GitHubStandIn().start();
  });

  it('reads states: open, closed with its date, missing; other trackers\' tickets are left out; ETags are reused', async () => {
    server.add({ title: 'a' });
    server.add({ title: 'b' });
    server.close(2, '2026-11-30');
    const etags = new Map();
    const t = TRACKERS.github!.create(CONFIG, { token: server.token }, { fetch, tokenSource: 'GITHUB_TOKEN', etags }, server.url);
    const tickets = ['#1', 'https://github.com/acme/shop/issues/2', 'https://github.com/other/repo/issues/1', 'OPS-7', '#9'];
    const states = await t.fetchStates(tickets);
    assert.deepEqual(states.get('#1'), { state: 'open', url: 'https://github.com/acme/shop/issues/1' });
    assert.deepEqual(states.get('https://github.com/acme/shop/issues/2'), { state: 'closed', url: 'https://github.com/acme/shop/issues/2', closedAt: '2026-11-30T10:00:00Z' });
    assert.ok(states.get('#9') instanceof TrackerError);
    assert.equal(states.has('OPS-7'), false);
    assert.equal(states.has('https://github.com/other/repo/issues/1'), false);
    assert.equal(etags.size, 2);
    const again = await t.fetchStates(['#1']);
    assert.equal((again.get('#1') as { state: string }).state, 'open', 'a 304 answer reuses the body seen before');
  });

  it('the stand-in\'s checks can fail: a request or answer the description does not allow is a violation', async () => {
    await fetch(`${server.url}/repos/acme/shop/issues?per_page=lots`, { headers: { authorization: `Bearer ${server.token}`, 'x-github-api-version': '2022-11-28' } });
    await fetch(`${server.url}/repos/acme/shop/issues`, { method: 'POST', headers: { authorization: `Bearer ${server.token}`, 'x-github-api-version': '2022-11-28', 'content-type': 'application/json' }, body: JSON.stringify({ body: 'no title' }) });
    assert.equal(server.violations.length >= 2, true, server.violations.join('\n'));
    assert.match(server.violations[0]!, /issues\/list-for-repo: query parameter per_page=lots/);
    assert.ok(server.violations.some((v) => /issues\/create: request body: .*title/.test(v)), server.violations.join('\n'));
    server.violations.length = 0;
  });
});
