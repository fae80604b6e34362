import assert from 'node:assert/strict';
import { buildOnce, NOW, runCli, workspace } from './harness';

/**
 * `resolved_at: TBD` (or empty) in a draft is "not known yet": an info that says what to write, and
 * the lists and metrics count the key as not set without a "not read" note (exit 0). Once the status
 * requires the key (in-review: the four incident times; published: also published_at) it is an error
 * naming the key, the value and what to write, and the readers say they did not use it (exit 1).
 */
const pm = (status: string, resolved: string) => ['---', 'type: postmortem', 'id: PM-TBD', 'title: Ongoing', `status: ${status}`, 'severity: SEV3', 'facilitator: ana',
  'started_at: 2026-11-20T10:00:00Z', 'detected_at: 2026-11-20T10:05:00Z', 'mitigated_at: 2026-11-20T10:30:00Z', `resolved_at:${resolved}`, '---', '', '# Ongoing', ''].join('\n');

describe('a front-matter time written as "not known yet" (spawned CLI)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('in a draft, TBD and an empty value read as not set: lint informs, list and metrics exit 0 and count it missing', () => {
    const ws = workspace({ 'postmortems/tbd.md': pm('draft', ' TBD'), 'postmortems/empty.md': pm('draft', '').replace('PM-TBD', 'PM-EMPTY') });
    try {
      const lint = runCli(ws.dir, 'lint', '--format', 'json', '--now', NOW, 'postmortems');
      const rows = (JSON.parse(lint.stdout) as { file: string; line: number; severity: string; code: string; message: string }[]).filter((d) => d.code.startsWith('schema/'));
      assert.deepEqual(rows.map((d) => [d.file, d.line, d.severity, d.code]), [['postmortems/empty.md', 11, 'info', 'schema/format'], ['postmortems/tbd.md', 11, 'info', 'schema/format']]);
      assert.equal(rows[1].message, 'Expected `resolved_at` to be a date and time such as 2026-11-20T14:09:00Z, found "TBD", a placeholder: read as not known yet (the lists and metrics count it as not set); write the UTC time once it is known (required from in-review on)');
      assert.match(rows[0].message, /found nothing \(an empty value\): read as not known yet/);
      const list = runCli(ws.dir, 'list', '--now', NOW, 'postmortems');
      assert.equal(list.code, 0, list.stderr);
      assert.doesNotMatch(list.stdout + list.stderr, /not read/);
      const metrics = runCli(ws.dir, 'metrics', '--now', NOW, 'postmortems');
      assert.equal(metrics.code, 0, metrics.stdout);
      assert.match(metrics.stdout, /2 incidents without resolved_at/);
    } finally {
      ws.cleanup();
    }
  });

  it('in review, resolved_at: TBD is an error naming key, value and what to write; list and metrics say it was not used (exit 1)', () => {
    const ws = workspace({ 'postmortems/tbd.md': pm('in-review', ' TBD') });
    try {
      const lint = runCli(ws.dir, 'lint', '--now', NOW, 'postmortems');
      assert.equal(lint.code, 1);
      assert.match(lint.stdout, /tbd\.md:11:14 +error +Expected `resolved_at` to be a date and time such as 2026-11-20T14:09:00Z \(required once status is in-review\), found "TBD", a placeholder: write the UTC time it happened +schema\/format/);
      const list = runCli(ws.dir, 'list', '--now', NOW, 'postmortems');
      assert.equal(list.code, 1);
      assert.match(list.stderr, /tbd\.md: Time not read: `resolved_at` holds "TBD", a placeholder, not a time; required once status is in-review, which lint rejects \(schema\/format\); not used/);
      assert.equal(runCli(ws.dir, 'metrics', '--now', NOW, 'postmortems').code, 1);
    } finally {
      ws.cleanup();
    }
  });
});
