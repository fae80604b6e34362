import assert from 'node:assert/strict';
import { readSummary } from '../../../src/core/api';
import { adfText, createTickets, planTickets, TRACKERS, TrackerError, urlPathOf, type Tracker, type TrackerConfig } from '../../../src/core/trackers';
import { namesPath } from '../../../src/core/trackers/createTickets';
import { JiraStandIn } from '../../trackers/jiraStandIn';

const POSTMORTEM = `---
id: INC-2026-020
title: Payments outage
---
# Payments outage

## Action items

- [ ] Add a retry budget @dana due:2026-12-04 P2
- [ ] Alert on queue depth @sam
`;

describe('trackers: Jira Cloud against a stand-in checked with jira.js\'s schemas of the REST v3 description', function () {
  let server: JiraStandIn;
  let config: TrackerConfig;
  const tracker = (token = server.token): Tracker =>
    TRACKERS.jira!.create(config, { token, email: server.email }, { fetch, tokenSource: 'JIRA_EMAIL and JIRA_API_TOKEN', timer: server.timer });
  const plans = () => planTickets(readSummary(POSTMORTEM), { path: 'pm/payments.md' }, config, { dana: { jira: '5b10a2844c20165700ede21g' } });

  beforeEach(async () => {
    server = await new JiraStandIn().start();
    config = { type: 'jira', fields: { site: server.url, project: 'OPS' }, labels: ['postmortem'] };
  });
  afterEach(async () => {
    await server.stop();
    assert.deepEqual(server.violations, []);
  });

  it('creates issues with an ADF description, due date, assignee and labels; writes back the key as a link; a rerun finds them', async () => {
    const outcomes = await createTickets(tracker(), plans());
    assert.deepEqual(outcomes.map((o) => o.kind), ['created', 'created']);
    const first = outcomes[0]!.kind === 'created' ? outcomes[0]!.ticket : undefined;
    assert.equal(first?.writeBack, `[OPS-1](${server.url}/browse/OPS-1)`);
    assert.equal(first?.label, 'OPS-1');
    assert.equal(server.issues[0]!.duedate, '2026-12-04');
    assert.equal(server.issues[0]!.assignee, '5b10a2844c20165700ede21g');
    assert.equal(server.issues[1]!.assignee, undefined, '@sam has no Jira account in "owners": unassigned');
    assert.match(JSON.stringify(server.issues[0]!.description), /postmortem-item: INC-2026-020\/[0-9a-f]{16}/);
    const again = await createTickets(tracker(), plans());
    assert.deepEqual(again.map((o) => o.kind), ['found', 'found']);
    assert.equal(server.issues.length, 2);
  });

  it('a dropped connection after the create is recovered through the marker: one issue', async () => {
    server.inject('POST', /\/issue$/, { kind: 'drop-after-handling' });
    const outcomes = await createTickets(tracker(), plans().slice(0, 1));
    assert.deepEqual(outcomes.map((o) => o.kind), ['found']);
    assert.equal(server.issues.length, 1);
  });

  it('reads states in one search; a deleted key is reported for itself, the others still read', async () => {
    server.add('a');
    server.add('b', true, '2026-11-29');
    const states = await tracker().fetchStates(['OPS-1', `[OPS-2](${server.url}/browse/OPS-2)`.replace(/^\[.*\]\((.*)\)$/, '$1'), 'OPS-7', 'PAY-1']);
    assert.deepEqual(states.get('OPS-1'), { state: 'open', url: `${server.url}/browse/OPS-1` });
    assert.deepEqual(states.get(`${server.url}/browse/OPS-2`), { state: 'closed', url: `${server.url}/browse/OPS-2`, closedAt: '2026-11-29T12:00:00.000+0000' });
    assert.ok(states.get('OPS-7') instanceof TrackerError);
    assert.equal(states.has('PAY-1'), false, 'another project\'s key is not this tracker\'s');
  });

  it('429 with Retry-After: the reset time; 401: names JIRA_EMAIL and JIRA_API_TOKEN without the token; 400: Jira\'s own words', async () => {
    server.inject('POST', /\/search\/jql$/, { kind: 'answer', answer: { status: 429, headers: { 'retry-after': '120' }, body: { errorMessages: ['Rate limit exceeded'] } } });
    const before = Date.now();
    const limited = await tracker().findByMarkers(['x/0123456789abcdef']).then(() => undefined, (e: unknown) => e as TrackerError);
    assert.equal(limited?.kind, 'rate-limit');
    assert.ok(limited!.resetAt!.getTime() >= before + 119_000);
    const refused = await tracker('wrong-jira-token').findByMarkers(['x/0123456789abcdef']).then(() => undefined, (e: unknown) => e as TrackerError);
    assert.match(refused!.message, /^Jira \(OPS on 127\.0\.0\.1:\d+\): the token was refused \(401: "Client must be authenticated to access this resource\."\)\. Check JIRA_EMAIL and JIRA_API_TOKEN/);
    assert.doesNotMatch(refused!.message, /wrong-jira-token/);
    const outcomes = await createTickets(tracker(), planTickets(readSummary(POSTMORTEM), { path: 'p.md' }, config, { dana: { jira: 'unknown-account' } }));
    const failed = outcomes[0]!.kind === 'failed' ? outcomes[0]!.error : undefined;
    assert.match(failed!.message, /refused the ticket \(400: "assignee: User 'unknown-account' cannot be assigned issues\."\)/);
  });

  it('a ticket created under other labels is found: the JQL of the lookup names no label (trial18d F3)', async () => {
    await createTickets(tracker(), plans().slice(0, 1));
    config = { ...config, labels: ['postmortem', 'sre'] };
    const again = await createTickets(tracker(), plans().slice(0, 1));
    assert.deepEqual(again.map((o) => o.kind), ['found']);
    assert.equal(server.issues.length, 1);
  });

  it('a title with "([" in the link form: a lost answer and a rerun find the one issue, no note (review18 R1)', async () => {
    const text = POSTMORTEM.replace('title: Payments outage', 'title: "Payments ([PROD]) outage"');
    const linked = () => planTickets(readSummary(text), { path: 'pm/x.md', lineUrl: (l) => `https://git.example/pm/x.md#L${l}` }, config, {}).slice(0, 1);
    server.inject('POST', /\/issue$/, { kind: 'drop-after-handling' });
    const outcomes = await createTickets(tracker(), linked());
    assert.deepEqual(outcomes.map((o) => [o.kind, 'notes' in o ? o.notes : undefined]), [['found', undefined]]);
    const again = await createTickets(tracker(), linked());
    assert.deepEqual(again.map((o) => [o.kind, 'notes' in o ? o.notes : undefined]), [['found', undefined]]);
    assert.equal(server.issues.length, 1);
    assert.match(JSON.stringify(server.issues[0]!.description), /"text":"pm\/x\.md:9","marks":\[\{"type":"link"/);
  });

  it('an item\'s Markdown arrives as ADF formatting, checked against the published ADF schema (trial18d F10)', async () => {
    const text = POSTMORTEM.replace('Add a retry budget', 'Add a **retry budget** to `charge()` <svc-a> for ops@example.com');
    await createTickets(tracker(), planTickets(readSummary(text), { path: 'pm/payments.md' }, config, {}).slice(0, 1));
    const description = server.issues[0]!.description;
    const json = JSON.stringify(description);
    assert.match(json, /\{"type":"text","text":"retry budget","marks":\[\{"type":"strong"\}\]\}/);
    assert.match(json, /\{"type":"text","text":"charge\(\)","marks":\[\{"type":"code"\}\]\}/);
    assert.match(json, /"type":"blockquote"/);
    assert.match(json, /"type":"bulletList"/);
    assert.doesNotMatch(json, /\*\*|`|&lt;|\\u200b|\u200b/, 'no Markdown or escape shown as written');
    assert.match(adfText(description), /^> Add a \*\*retry budget\*\* to `charge\(\)` <svc-a> for \[ops@example\.com\]\(mailto:ops@example\.com\)$/m);
  });

  it('a file whose path has parentheses: the link back is whole, and a lost answer and a rerun find the one issue (review18 r18t)', async () => {
    const path = 'pm/outage (2).md';
    const linked = () => planTickets(readSummary(POSTMORTEM), { path, lineUrl: (l) => `https://github.com/acme/shop/blob/abc/${urlPathOf(path)}#L${l}` }, config, {}).slice(0, 1);
    server.inject('POST', /\/issue$/, { kind: 'drop-after-handling' });
    assert.deepEqual((await createTickets(tracker(), linked())).map((o) => [o.kind, 'notes' in o ? o.notes : undefined]), [['found', undefined]]);
    const again = await createTickets(tracker(), linked());
    assert.deepEqual(again.map((o) => [o.kind, 'notes' in o ? o.notes : undefined]), [['found', undefined]]);
    assert.equal(server.issues.length, 1);
    const read = adfText(server.issues[0]!.description);
    assert.equal(read.split('\n')[0], 'Action item from the post-mortem **INC-2026-020 · Payments outage** ([pm/outage (2).md:9](https://github.com/acme/shop/blob/abc/pm/outage%20%282%29.md#L9)).');
    assert.ok(namesPath(read, path));
  });

  it('a path with parentheses, a lost answer, then the owner changes: the rerun reads the path back and takes the ticket (review18 r18t, tick18 left-over)', async () => {
    const path = 'pm/outage (2).md';
    const lineUrl = (l: number) => `https://github.com/acme/shop/blob/abc/${urlPathOf(path)}#L${l}`;
    const one = (text: string) => planTickets(readSummary(text), { path, lineUrl }, config, { dana: { jira: '5b10a2844c20165700ede21g' } }).slice(0, 1);
    server.inject('POST', /\/issue$/, { kind: 'drop-after-handling' });
    server.inject('POST', /\/search\/jql$/, { kind: 'answer', answer: { status: 502, body: { errorMessages: ['Bad gateway'] } } }, 1);
    assert.deepEqual((await createTickets(tracker(), one(POSTMORTEM))).map((o) => o.kind), ['unknown']);
    const again = await createTickets(tracker(), one(POSTMORTEM.replace('@dana due:2026-12-04', '@sam due:2026-12-09')));
    assert.deepEqual(again.map((o) => o.kind), ['found']);
    assert.match(again[0]!.kind === 'found' ? again[0]!.notes!.join('') : '', /^OPS-1 was made for this item .* when it said owner dana \(now sam\), due 2026-12-04 \(now 2026-12-09\)/);
    assert.equal(server.issues.length, 1);
  });

  it('Jira\'s error text is shown without the account e-mail or the token it echoes (trial18d F6)', async () => {
    server.inject('POST', /\/issue$/, { kind: 'answer', answer: { status: 400, body: { errorMessages: [`Bad header: Basic ${Buffer.from(`${server.email}:${server.token}`).toString('base64')} for ${server.email}, token ${server.token.toUpperCase()}`], errors: {} } } });
    const outcomes = await createTickets(tracker(), plans().slice(0, 1));
    const failed = outcomes[0]!.kind === 'failed' ? outcomes[0]!.error : undefined;
    assert.match(failed!.message, /refused the ticket \(400: "Bad header: Basic \[redacted: credentials\] for \[redacted: credentials\], token \[redacted: credentials\]"\)/);
  });

  it('a 500 and malformed JSON are errors that name Jira', async () => {
    server.inject('POST', /\/search\/jql$/, { kind: 'answer', answer: { status: 500, body: { errorMessages: ['Internal server error'] } } });
    await assert.rejects(tracker().findByMarkers(['x/0123456789abcdef']), (e: TrackerError) => e.kind === 'server' && /^Jira \(OPS on [^)]+\): the tracker failed \(500/.test(e.message));
    server.inject('POST', /\/search\/jql$/, { kind: 'malformed-json' });
    await assert.rejects(tracker().findByMarkers(['x/0123456789abcdef']), (e: TrackerError) => e.kind === 'malformed');
  });

  it('the stand-in\'s checks can fail: a body the description does not allow is a violation', async () => {
    await fetch(`${server.url}/rest/api/3/search/jql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jql: 'x', maxResults: 'ten' }) });
    await fetch(`${server.url}/rest/api/3/issue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fields: { summary: 'a\nb' } }) });
    assert.ok(server.violations.some((v) => /^searchJql: request body: .*maxResults/s.test(v)), server.violations.join('\n'));
    assert.ok(server.violations.some((v) => /fields\.project\.key must be a string/.test(v)), server.violations.join('\n'));
    // ADF: text nodes are never empty, and code goes with no other mark than a link.
    for (const text of [{ type: 'text', text: '' }, { type: 'text', text: 'x', marks: [{ type: 'code' }, { type: 'strong' }] }]) {
      const fields = { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 's', description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [text] }] } };
      await fetch(`${server.url}/rest/api/3/issue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fields }) });
    }
    assert.equal(server.violations.filter((v) => /fields\.description is not valid ADF: \/content\/0\/content\/0/.test(v)).length >= 2, true, server.violations.join('\n'));
    server.violations.length = 0;
  });
});
