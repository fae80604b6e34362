import assert from 'node:assert/strict';
import { buildOnce, runCli, workspace } from './harness';

/**
 * Trial 13a F28: one person's repeated ratings of a review count once (the last written), and
 * ratings lint rejects are left out with a note naming them, exit 1 — not dropped in silence.
 */
const NOW = '2026-12-07T05:30:00Z';
const feedback = (items: string) => `---\ntype: postmortem\nid: PM-FB1\ntitle: FB\nstatus: draft\nseverity: SEV3\nstarted_at: 2026-12-01T10:00:00Z\nresolved_at: 2026-12-01T12:00:00Z\ntimezone: UTC\nreview_feedback:\n${items}---\n\n# FB\n`;

describe('review feedback ratings in metrics (trial13a F28)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('sam 5, sam 5, sam 2, ann 4 and four ratings lint rejects: average of sam 2 and ann 4, notes for both, exit 1', () => {
    const ws = workspace({
      'postmortems/a.md': feedback('  - by: sam\n    rating: 5\n  - by: sam\n    rating: 5\n  - by: "@Sam"\n    rating: 2\n  - by: lee\n    rating: 0\n  - by: ann\n    rating: 4.5\n  - by: bo\n    rating: "3"\n  - by: cy\n    rating: 6\n  - by: ann\n    rating: 4\n'),
    });
    try {
      const metrics = runCli(ws.dir, 'metrics', '--now', NOW, 'postmortems');
      assert.equal(metrics.code, 1, metrics.stderr);
      assert.match(metrics.stdout, /^Review feedback: Participants rated the reviews 3 of 5 on average \(2 ratings for 1 of 1 review; 1–5: 0 \/ 1 \/ 0 \/ 1 \/ 0\)\.$/m);
      assert.match(metrics.stdout, /^note: postmortems\/a\.md: Feedback not read: 4 ratings in `review_feedback` are not a whole number from 1 to 5 \(item 4 \(lee\): 0; item 5 \(ann\): 4\.5; item 6 \(bo\): "3"; item 7 \(cy\): 6\), which lint rejects \(schema\); not counted$/m);
      assert.match(metrics.stdout, /^note: postmortems\/a\.md: Feedback: one rating per person is counted, the last one written \(rated sam 3 times\)$/m);
      const json = JSON.parse(runCli(ws.dir, 'metrics', '--now', NOW, '--format', 'json', 'postmortems').stdout) as { feedback: { responses: number; average: number } };
      assert.deepEqual([json.feedback.responses, json.feedback.average], [2, 3]);
    } finally {
      ws.cleanup();
    }
  });

  it('anonymous ratings each count, and valid feedback gives exit 0 with no note', () => {
    const ws = workspace({ 'postmortems/a.md': feedback('  - rating: 4\n  - rating: 4\n  - by: sam\n    rating: 1\n') });
    try {
      const metrics = runCli(ws.dir, 'metrics', '--now', NOW, 'postmortems');
      assert.equal(metrics.code, 0, metrics.stdout);
      assert.match(metrics.stdout, /rated the reviews 3 of 5 on average \(3 ratings for 1 of 1 review/);
      assert.doesNotMatch(metrics.stdout, /Feedback/);
    } finally {
      ws.cleanup();
    }
  });
});
