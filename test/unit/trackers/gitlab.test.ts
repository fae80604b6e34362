import assert from 'node:assert/strict';
import { readSummary } from '../../../src/core/api';
import { createTickets, planTickets, TRACKERS, TrackerError, type Tracker, type TrackerConfig } from '../../../src/core/trackers';
import { GitLabStandIn } from '../../trackers/gitlabStandIn';

const POSTMORTEM = `---
id: INC-2026-030
title: Deploy outage
---
# Deploy outage

## Action items

- [ ] Gate deploys on canary health @dana due:2026-12-10
- [ ] Page on rollback failures @nobody
`;
const CONFIG: TrackerConfig = { type: 'gitlab', fields: { project: 'acme/shop' }, labels: ['postmortem', 'follow-up'] };

describe('trackers: GitLab issues against a stand-in (parameters as documented by GitLab)', function () {
  let server: GitLabStandIn;
  const tracker = (token = server.token): Tracker => TRACKERS.gitlab!.create(CONFIG, { token }, { fetch, tokenSource: 'GITLAB_TOKEN', timer: server.timer }, `${server.url}/api/v4`);
  const plans = (owners = { dana: { gitlab: 'dana' } }) => planTickets(readSummary(POSTMORTEM), { path: 'pm/deploy.md' }, CONFIG, owners);

  beforeEach(async () => {
    server = await new GitLabStandIn().start();
  });
  afterEach(async () => {
    await server.stop();
    assert.deepEqual(server.violations, []);
  });

  it('creates issues with labels, due date and the owner turned into a user id; a rerun finds them by marker', async () => {
    const outcomes = await createTickets(tracker(), plans());
    assert.deepEqual(outcomes.map((o) => o.kind), ['created', 'created']);
    assert.deepEqual(server.issues[0]!.assignee_ids, [7]);
    assert.equal(server.issues[0]!.due_date, '2026-12-10');
    assert.deepEqual(server.issues[0]!.labels, ['postmortem', 'follow-up']);
    const ticket = outcomes[0]!.kind === 'created' ? outcomes[0]!.ticket : undefined;
    assert.equal(ticket?.writeBack, 'https://gitlab.com/acme/shop/-/issues/1');
    assert.equal(ticket?.label, 'acme/shop#1');
    assert.deepEqual((await createTickets(tracker(), plans())).map((o) => o.kind), ['found', 'found']);
    assert.equal(server.issues.length, 2);
  });

  it('a ticket whose labels were changed in GitLab is still found: the lookup lists issues whatever their labels (trial18d F3)', async () => {
    await createTickets(tracker(), plans().slice(0, 1));
    server.issues[0]!.labels = ['triaged'];
    assert.deepEqual((await createTickets(tracker(), plans().slice(0, 1))).map((o) => o.kind), ['found']);
    assert.equal(server.issues.length, 1);
    assert.ok(server.requests.filter((r) => r.operation === 'listIssues').every((r) => !/labels=/.test(r.query)));
  });

  it('an owner GitLab does not know is a validation error for that item only', async () => {
    const outcomes = await createTickets(tracker(), plans({ dana: { gitlab: 'ghost' } }));
    assert.deepEqual(outcomes.map((o) => o.kind), ['failed', 'created']);
    assert.match((outcomes[0] as { error: TrackerError }).error.message, /no GitLab user "ghost"\. Check "owners"/);
  });

  it('a dropped connection after the create does not duplicate; 429 with RateLimit-Reset gives the time', async () => {
    server.inject('POST', /\/issues$/, { kind: 'drop-after-handling' });
    assert.deepEqual((await createTickets(tracker(), plans().slice(0, 1))).map((o) => o.kind), ['found']);
    assert.equal(server.issues.length, 1);
    server.inject('GET', /\/issues$/, { kind: 'answer', answer: { status: 429, headers: { 'ratelimit-reset': '1893456000' }, body: { message: 'Retry later' } } });
    await assert.rejects(tracker().fetchStates(['#1']), (e: TrackerError) => e.kind === 'rate-limit' && e.resetAt?.toISOString() === '2030-01-01T00:00:00.000Z');
  });

  it('reads states of many tickets in one request; missing ones are reported; other projects\' are not asked', async () => {
    server.add('a');
    server.add('b', '2026-11-28');
    const states = await tracker().fetchStates(['#1', 'https://gitlab.com/acme/shop/-/issues/2', '#9', 'https://gitlab.com/other/app/-/issues/1']);
    assert.equal(server.count('listIssues'), 1);
    assert.deepEqual(states.get('#1'), { state: 'open', url: 'https://gitlab.com/acme/shop/-/issues/1' });
    assert.deepEqual(states.get('https://gitlab.com/acme/shop/-/issues/2'), { state: 'closed', url: 'https://gitlab.com/acme/shop/-/issues/2', closedAt: '2026-11-28T09:00:00.000Z' });
    assert.ok(states.get('#9') instanceof TrackerError);
    assert.equal(states.has('https://gitlab.com/other/app/-/issues/1'), false);
  });

  it('a refused token names GITLAB_TOKEN and never shows it', async () => {
    const error = await tracker('glpat-leaked-value').findByMarkers(['x/0123456789abcdef']).then(() => undefined, (e: unknown) => e as TrackerError);
    assert.match(error!.message, /^GitLab issues \(acme\/shop\): the token was refused \(401: "401 Unauthorized"\)\. Check GITLAB_TOKEN/);
    assert.doesNotMatch(error!.message, /leaked/);
  });
});
