import assert from 'node:assert/strict';
import { buildOnce, NOW, runCli, workspace } from './harness';
import { publishedPostmortem } from '../../shared/publishedPostmortem';

const published = (approvals: string) => publishedPostmortem('PM-7', 'Search timed out', approvals);

describe('postmortem lint --require-approvals (the CI gate for publications)', function () {
  this.timeout(60_000);
  before(buildOnce);

  it('is a warning by default and an error (exit 1) with --require-approvals; approved files pass', () => {
    const ws = workspace({
      'postmortems/unreviewed.md': published(''),
      'postmortems/approved.md': published('approvals:\n  - by: lee\n    at: 2026-11-21T09:00:00Z\n    verdict: approved\n'),
    });
    try {
      const plain = runCli(ws.dir, 'lint', '--format', 'json', '--now', NOW);
      const warned = (JSON.parse(plain.stdout) as { file: string; code: string; severity: string }[]).filter((d) => d.code === 'review/not-approved');
      assert.deepEqual(warned.map((d) => [d.file, d.severity]), [['postmortems/unreviewed.md', 'warning']]);
      const gated = runCli(ws.dir, 'lint', 'postmortems/unreviewed.md', 'postmortems/approved.md', '--require-approvals', '--now', NOW);
      assert.equal(gated.code, 1, gated.stdout + gated.stderr);
      assert.match(gated.stdout, /unreviewed\.md:5:9 +error +Expected at least 1 approval under `approvals:` before publishing; found none +review\/not-approved/);
      assert.doesNotMatch(gated.stdout, /approved\.md:\d+:\d+ +error/, 'the approved file has no error');
      const ok = runCli(ws.dir, 'lint', 'postmortems/approved.md', '--require-approvals', '--now', NOW);
      assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    } finally {
      ws.cleanup();
    }
  });

  it('reads requiredApprovals from .postmortemrc.json', () => {
    const ws = workspace({
      '.postmortemrc.json': JSON.stringify({ requiredApprovals: 2 }),
      'postmortems/one.md': published('approvals:\n  - by: lee\n    at: 2026-11-21T09:00:00Z\n    verdict: approved\n'),
    });
    try {
      const r = runCli(ws.dir, 'lint', '--require-approvals', '--now', NOW);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /Expected at least 2 approvals under `approvals:` before publishing; found 1 \(@lee\)/);
    } finally {
      ws.cleanup();
    }
  });
});
