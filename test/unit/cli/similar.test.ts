import assert from 'node:assert/strict';
import { buildOnce, runCli, workspace } from './harness';

const pm = (id: string, title: string, started: string, fm: string, summary: string) =>
  `---\ntype: postmortem\nid: ${id}\ntitle: ${title}\nstatus: draft\nstarted_at: ${started}\n${fm}---\n\n## Summary\n\n${summary}\n`;

describe('postmortem similar (spawned CLI)', function () {
  this.timeout(60_000);
  before(buildOnce);
  const files = {
    'postmortems/a.md': pm('PM-A', 'Checkout connection pool exhausted', '2026-03-30T10:00:00Z', 'services: [checkout]\nfactors: [capacity]\n', 'Checkout ran out of database connections.'),
    'postmortems/b.md': pm('PM-B', 'DNS resolution failures', '2026-05-01T10:00:00Z', 'services: [platform]\n', 'Names did not resolve.'),
    'postmortems/c.md': pm('PM-C', 'Checkout errors after the pool ran out', '2026-11-20T10:00:00Z', 'services: [checkout]\nfactors: [capacity, change]\n', 'Database connections in the checkout pool were exhausted.'),
  };

  it('ranks the earlier incident of the same service and factor with its reason', () => {
    const ws = workspace(files);
    try {
      const r = runCli(ws.dir, 'similar', 'postmortems/c.md');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^Similar to PM-C · Checkout errors after the pool ran out$/m);
      assert.match(r.stdout, /^1\. PM-A · Checkout connection pool exhausted {2}score \d\.\d\d$/m);
      assert.match(r.stdout, /^ {3}same service and factor: capacity \(checkout\); similar title; similar text: [^;]*; dated 2026-03-30$/m);
      assert.doesNotMatch(r.stdout, /PM-B/);
      const json = JSON.parse(runCli(ws.dir, 'similar', 'postmortems/c.md', '--format', 'json', '--limit', '1').stdout) as { id: string; sharedFactors: string[]; date: string }[];
      assert.deepEqual(json.map((j) => [j.id, j.sharedFactors, j.date]), [['PM-A', ['capacity'], '2026-03-30']]);
      // trial13a F25: "Nothing similar among 2 other post-mortems" counted the later ones it never compares.
      assert.match(runCli(ws.dir, 'similar', 'postmortems/a.md').stdout, /^No earlier post-mortem to compare with \(2 later ones are not compared: only earlier incidents are searched\)\.$/m);
      assert.match(runCli(ws.dir, 'similar', 'postmortems/b.md').stdout, /^Nothing similar among the 1 earlier post-mortem \(1 later one is not compared: only earlier incidents are searched\)\.$/m);
    } finally {
      ws.cleanup();
    }
  });

  it('exits 2 without FILE, with a bad --limit, or for a file that is not a post-mortem', () => {
    const ws = workspace({ ...files, 'notes.md': '# notes\n' });
    try {
      assert.equal(runCli(ws.dir, 'similar').code, 2);
      assert.match(runCli(ws.dir, 'similar', 'postmortems/c.md', '--limit', 'x').stderr, /Expected --limit to be a whole number/);
      const r = runCli(ws.dir, 'similar', 'notes.md');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /notes\.md is not a post-mortem/);
    } finally {
      ws.cleanup();
    }
  });

  it('names a post-mortem whose front matter it could not read and exits 1, instead of leaving it out without a word (trial18d F14)', () => {
    const broken = '---\ntype: postmortem\nid: PM-D\ntitle: "Checkout pool exhausted again\nservices: [checkout]\nstarted_at: 2026-06-01T10:00:00Z\n---\n\n## Summary\n\nCheckout database connections ran out.\n';
    const ws = workspace({ ...files, 'postmortems/d.md': broken });
    try {
      const r = runCli(ws.dir, 'similar', 'postmortems/c.md');
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /^note: postmortems\/d\.md: Front matter not read/m);
      assert.match(r.stdout, /PM-A/);
    } finally {
      ws.cleanup();
    }
  });
});
