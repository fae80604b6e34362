import assert from 'node:assert/strict';
import { readSummary, SimilarityIndex } from '../../../src/core/api';
import { stem } from '../../../src/core/library/terms';

const pm = (id: string, title: string, started: string, fm: string, summary: string, rootCause = '') =>
  readSummary(`---\ntype: postmortem\nid: ${id}\ntitle: ${title}\nstarted_at: ${started}\n${fm}---\n\n## Summary\n\n${summary}\n\n## Root cause\n\n${rootCause}\n`);

describe('similar past incidents (BM25 + services and factors)', () => {
  const build = () => {
    const index = new SimilarityIndex();
    index.set('pool-1', pm('PM-1', 'Checkout database connection pool exhausted', '2026-03-30T10:00:00Z', 'services: [checkout]\nfactors: [capacity]\n', 'Checkout requests waited for database connections and failed.', 'The connection pool limit of 20 was reached under load.'));
    index.set('dns', pm('PM-2', 'Internal DNS resolution failures', '2026-05-01T10:00:00Z', 'services: [platform]\n', 'Services could not resolve internal names.', 'A resolver config change dropped a zone.'));
    index.set('mail', pm('PM-3', 'Order emails delayed by a mail quota', '2026-06-01T10:00:00Z', 'services: [notifications]\nfactors: [dependency]\n', 'Emails queued for hours.', 'The provider quota was reached.'));
    index.set('pool-2', pm('PM-4', 'Checkout errors after the connection pool ran out', '2026-11-20T10:00:00Z', 'services: [checkout, payments]\nfactors: [capacity, change]\nrelated: [PM-1]\n', 'Checkout failed because database connections were exhausted after a release.', 'Each request held its pool connection longer.'));
    index.set('later', pm('PM-5', 'Checkout connection pool exhausted again', '2026-12-24T10:00:00Z', 'services: [checkout]\nfactors: [capacity]\n', 'The pool again.'));
    return index;
  };

  it('proposes the earlier incident of the same service and factor first, with the reason and its date', () => {
    const found = build().similarTo('pool-2', 5);
    assert.equal(found[0].summary.id, 'PM-1');
    assert.deepEqual(found[0].sharedServices, ['checkout']);
    assert.deepEqual(found[0].sharedFactors, ['capacity']);
    assert.ok(found[0].sharedTerms.includes('pool') && found[0].sharedTerms.includes('connection'), found[0].sharedTerms.join());
    assert.match(found[0].reason, /^same service and factor: capacity \(checkout\); (similar title; )?similar text: [^;]*; dated 2026-03-30$/);
    assert.equal(found[0].alreadyRelated, true);
    assert.ok(!found.some((f) => f.summary.id === 'PM-5'), 'a later incident is not "past"');
    assert.ok(!found.some((f) => f.summary.id === 'PM-2'), 'nothing shared: not proposed');
  });

  it('follows edits and deletions one file at a time', () => {
    const index = build();
    index.delete('pool-1');
    assert.ok(!index.similarTo('pool-2').some((f) => f.summary.id === 'PM-1'));
    index.set('dns', pm('PM-2', 'DNS pool exhausted at checkout', '2026-05-01T10:00:00Z', 'services: [checkout]\n', 'Connection pool exhausted.'));
    assert.equal(index.similarTo('pool-2')[0].summary.id, 'PM-2');
    assert.equal(index.size, 4);
  });

  it('finds textually close incidents without any shared metadata', () => {
    const index = new SimilarityIndex();
    index.set('a', pm('A', 'Certificate expired on the internal gateway', '2026-01-01T00:00:00Z', '', 'An internal TLS certificate expired and sign-in failed.'));
    index.set('b', pm('B', 'Gateway certificate expired', '2026-09-01T00:00:00Z', '', 'The gateway TLS certificate expired overnight; sign-in failed.'));
    index.set('c', pm('C', 'Disk full on the log host', '2026-03-01T00:00:00Z', '', 'Logs stopped.'));
    const found = index.similarTo('b');
    assert.deepEqual(found.map((f) => f.summary.id), ['A']);
    assert.match(found[0].reason, /^similar title; similar text: .*(certificate|expired)/);
  });
});

describe('similar: a long write-up of repeated outages finds the short one before it (trial F26)', () => {
  // Shaped like PostHog's "Feature Flags Service Outage" (one outage, short) and "Feature Flags
  // Service - Multiple Outages" (four outages, long): the long one's own words outweigh what it
  // shares, so text alone scored 0.10 against a 0.25 threshold and "Nothing similar" was said.
  const long = [
    'Over ten days the feature flags service had four separate outages totalling fourteen hours of errors or severe latency.',
    'Three of the four shared one root cause: nodes too small for the pods scheduled on them, so processors saturated.',
    'Saturation led to connection pool exhaustion, retries that multiplied requests, and cascading failures into Redis.',
    'The fourth was a rate limiting misconfiguration that rejected most requests with 429 responses.',
    'Kubernetes packed too many pods per node; autoscaling reacted late; dashboards hid per-pod throttling.',
  ].join(' ');
  const others: [string, string, string][] = [
    ['Surveys SDK bug broke rendering', 'A release of the surveys SDK threw on older browsers and surveys did not render.', 'A missing polyfill.'],
    ['Persons database migration stalled ingestion', 'A schema migration on the persons table locked writes and ingestion lagged.', 'The migration took a table lock.'],
    ['Malicious package published to npm', 'A compromised token published malicious versions of several packages.', 'A leaked token with publish rights.'],
    ['Replay SDK fetch wrapper broke requests', 'The session replay wrapper around fetch altered request bodies.', 'The wrapper consumed the body stream.'],
    ['Decide endpoint down after a release', 'The decide endpoint returned errors after a release changed routing.', 'A routing rule sent traffic to a retired pool.'],
  ];
  const build = () => {
    const index = new SimilarityIndex();
    others.forEach(([title, summary, cause], i) => index.set(`o${i}`, pm(`O-${i}`, title, `2025-0${i + 1}-10T10:00:00Z`, '', summary, cause)));
    index.set('sept', pm('S', 'Feature Flags Service Outage - September 29, 2025', '2025-09-29T16:58:00Z', '',
      'A database connection timeout reduction coincided with elevated load on the writer database; retries cascaded into a service-wide outage.',
      'A timeout change during database stress; retry amplification without a circuit breaker; pods crash-looping on connection failures.'));
    index.set('oct', pm('O', 'Feature Flags Service - Multiple Outages (October 2025)', '2025-10-21T21:45:00Z', '', long, long));
    return index;
  };

  it('proposes the September outage for the October write-up, saying the titles are alike', () => {
    const found = build().similarTo('oct');
    assert.equal(found[0]?.summary.id, 'S', JSON.stringify(found.map((f) => [f.summary.id, f.score])));
    assert.match(found[0].reason, /^similar title/);
  });

  it('does not propose an unrelated incident that shares one title word', () => {
    const found = build().similarTo('oct');
    assert.ok(!found.some((f) => f.summary.id === 'O-4'), 'the Decide outage shares only "down"/"release"-like words');
  });

  it('meets singular and plural, present and past (outage/outages, failure/failures, cause/caused)', () => {
    for (const [a, b] of [['outage', 'outages'], ['failure', 'failures'], ['cause', 'caused'], ['cache', 'caches'], ['exhausted', 'exhaustion']]) {
      assert.equal(stem(a), stem(b), `${a} / ${b}`);
    }
  });
});

describe('similar: words of the prose, not of its links (trial F9)', () => {
  const DOC = 'https://docs.google.com/document/d/1kxkwc1bpnlpbyss0zotbxmkyzcudmdtngbeyihgvgq/edit#heading=h.z3py6eydx4qu';
  it('leaves out link targets, bare URLs, document ids, hashes, dates and times', async () => {
    const { forEachTerm } = await import('../../../src/core/library/terms');
    const terms: string[] = [];
    forEachTerm(`Ingress controllers crashlooping, see [the incident doc](${DOC}) and ${DOC.replace('1kx', '2kx')}, ` +
      `<https://github.com/ministryofjustice/cloud-platform/issues/2114>, www.example.com/runbooks; on 2020-08-07T10:15Z (14:09Z, 10am) ` +
      `commit 3f2a9c1e7b; PR #2114 for ipv6, k8s, log4j and postgres14.`, (t) => terms.push(t));
    assert.deepEqual(terms, ['ingres', 'controller', 'crashloop', 'doc', 'commit', 'ipv6', 'k8s', 'log4j', 'postgres14']);
  });

  it('does not propose a post-mortem that only links to the same document', () => {
    const index = new SimilarityIndex();
    index.set('a', pm('A', 'Ingress controllers crashlooping', '2020-08-14T10:00:00Z', '', `Ingress pods restarted in a loop. Notes: [doc](${DOC}), ${DOC}.`));
    index.set('b', pm('B', 'Prometheus storage full', '2020-08-07T10:00:00Z', '', `Disk pressure on the monitoring node. Notes: [doc](${DOC}), ${DOC}.`));
    index.set('c', pm('C', 'Slow DNS lookups in the cluster', '2020-07-01T10:00:00Z', '', 'Lookups timed out.'));
    const found = index.similarTo('a');
    assert.deepEqual(found.map((f) => f.summary.id), [], found.map((f) => f.reason).join('; '));
  });

  // trial13b F13: "similar text: api, checkout, whys" — "whys" came from the template's Five whys prompts.
  it('does not call the template\'s Five whys prompts similar text', () => {
    const whys = '### Five whys\n\n1. Why did the incident happen? …\n2. Why did that happen? …\n3. Why did that happen? …';
    const index = new SimilarityIndex();
    index.set('a', pm('PM-A', 'Checkout API errors', '2026-03-30T10:00:00Z', '', 'Checkout API returned errors.', `${whys}\n\nThe api gateway dropped checkout calls.`));
    index.set('b', pm('PM-B', 'Checkout API latency', '2026-11-20T10:00:00Z', '', 'Checkout API was slow.', `${whys}\n\nThe api gateway queued checkout calls.`));
    const found = index.similarTo('b', 5);
    assert.equal(found[0]?.summary.id, 'PM-A');
    assert.ok(found[0]!.sharedTerms.includes('checkout'), found[0]!.sharedTerms.join());
    assert.ok(!found[0]!.sharedTerms.some((t) => /whys|happen/.test(t)), found[0]!.sharedTerms.join());
    assert.doesNotMatch(found[0]!.reason, /whys|happen/);
  });
});
