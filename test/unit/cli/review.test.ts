import assert from 'node:assert/strict';
import { buildOnce, NOW, runCli, runCliWithEnv, workspace } from './harness';
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

  // trial13a F4: the gate passed on an approval dated a month before the incident, one in 2099, and
  // while a reviewer's request for changes was still open.
  it('fails (exit 1) on approvals dated before the incident or after now, and on a request for changes still open, saying which', () => {
    const entry = (by: string, at: string, verdict = 'approved') => `  - by: ${by}\n    at: ${at}\n    verdict: ${verdict}\n`;
    const ws = workspace({
      'postmortems/early.md': published(`approvals:\n${entry('lee', '2026-11-02T08:00:00Z')}`),
      'postmortems/future.md': published(`approvals:\n${entry('lee', '2099-01-01T00:00:00Z')}`),
      'postmortems/open.md': published(`approvals:\n${entry('lee', '2026-11-21T08:00:00Z')}${entry('sam', '2026-11-21T08:30:00Z', 'changes-requested')}`),
      'postmortems/good.md': published(`approvals:\n${entry('sam', '2026-11-21T08:30:00Z', 'changes-requested')}${entry('sam', '2026-11-21T09:00:00Z')}`),
    });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'lint', 'postmortems', '--require-approvals', '--now', NOW);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /early\.md:5:9 +error +Expected at least 1 approval under `approvals:` before publishing; found none; not counted: @lee's approval dated 2026-11-02T08:00:00Z, before the incident's `resolved_at` \(2026-11-20T15:10:00Z\) +review\/not-approved/);
      assert.match(r.stdout, /future\.md:5:9 +error +Expected at least 1 approval .*found none; not counted: @lee's approval dated 2099-01-01T00:00:00Z, after now \(2026-11-27T12:00:00Z\)/);
      assert.match(r.stdout, /open\.md:5:9 +error +Expected no request for changes still open under `approvals:` before publishing; approved by @lee; changes requested by @sam at 2026-11-21T08:30:00Z is still open/);
      assert.doesNotMatch(r.stdout, /good\.md:\d+:\d+ +error/, 'sam approved after asking for changes');
    } finally {
      ws.cleanup();
    }
  });

  // trial13b F8: the author's own approval passed the CI gate while the requested reviewers had said nothing.
  it('fails (exit 1) when the only approval is the author\'s own, naming it and the reviewers still to approve', () => {
    const entry = (by: string) => `  - by: ${by}\n    at: 2026-11-21T09:00:00Z\n    verdict: approved\n`;
    const ws = workspace({
      'postmortems/self.md': published(`authors: [jonas]\nreviewers: [dana, lena]\napprovals:\n${entry('jonas')}`),
      'postmortems/reviewed.md': published(`authors: [jonas]\nreviewers: [dana, lena]\napprovals:\n${entry('jonas')}${entry('lena')}`),
    });
    try {
      const r = runCli(ws.dir, 'lint', 'postmortems', '--require-approvals', '--now', NOW);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /self\.md:5:9 +error +Expected at least 1 approval under `approvals:` before publishing; found none; not counted: @jonas's approval given by an author of this post-mortem \(`authors`\): a review needs someone other than its authors; no approval yet from the requested reviewers @dana, @lena +review\/not-approved/);
      assert.doesNotMatch(r.stdout, /reviewed\.md:\d+:\d+ +error/, 'lena approved');
    } finally {
      ws.cleanup();
    }
  });
});
