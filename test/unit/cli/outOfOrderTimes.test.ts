import assert from 'node:assert/strict';
import { buildOnce, runCli, workspace } from './harness';

/**
 * Trial 9 T11: a `resolved_at` a year before `mitigated_at` (a typo year lint rejects with
 * time/order) filed the incident in 2022-02 and made its review 1767 days overdue in the metrics,
 * with `problems: []`, while `list` showed no date. The time is not used, every report says so, and
 * list and metrics date the incident alike.
 */
const TEXT = [
  '---', 'type: postmortem', 'id: PM-2023-0105', 'title: CircleCI security incident', 'status: in-review', 'severity: SEV2',
  'detected_at: 2023-01-05T10:00:00Z', 'mitigated_at: 2023-02-01T10:30:00Z', 'resolved_at: 2022-02-01T10:30:00Z', '---',
  '# CircleCI security incident', '', '## Summary', '', 'Secrets rotated.', '',
].join('\n');
const NOW = '2026-12-06T12:00:00Z';
const NOTE = 'Time not read: `resolved_at` (2022-02-01T10:30:00Z) is before `detected_at` (2023-01-05T10:00:00Z) and `mitigated_at` (2023-02-01T10:30:00Z): it is the value out of order, which lint rejects (time/order); not used';

describe('a time lint rejects as out of order (spawned CLI, trial 9 T11)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('lint rejects it', () => {
    const ws = workspace({ 'postmortems/a.md': TEXT });
    try {
      const diags = JSON.parse(runCli(ws.dir, 'lint', '--format', 'json', '--now', NOW).stdout) as { code: string; line: number }[];
      assert.deepEqual(diags.filter((d) => d.code === 'time/order').map((d) => d.line), [9]);
    } finally {
      ws.cleanup();
    }
  });

  it('metrics leaves it out of periods, durations and review deadlines, and lists it under problems', () => {
    const ws = workspace({ 'postmortems/a.md': TEXT });
    try {
      const m = JSON.parse(runCli(ws.dir, 'metrics', '--format', 'json', '--now', NOW).stdout) as {
        problems: { uri: string; message: string }[]; incidents: { period: string; resolvedAt?: string }[]; reviews: { overdue: number };
        durations: { id: string; to: string; overall: { count: number } }[];
      };
      assert.deepEqual(m.problems, [{ uri: 'postmortems/a.md', message: NOTE }]);
      assert.deepEqual(m.incidents.map((i) => [i.period, i.resolvedAt]), [['2023-01', undefined]]);
      assert.equal(m.reviews.overdue, 0);
      // Nothing measured to the unused resolved_at; detection → mitigation (both in order) still is.
      assert.deepEqual(m.durations.map((d) => [d.to, d.overall.count]).filter(([to]) => to === 'resolved_at'), [['resolved_at', 0], ['resolved_at', 0]]);
      assert.equal(m.durations.find((d) => d.id === 'timeToMitigate')?.overall.count, 1);
    } finally {
      ws.cleanup();
    }
  });

  it('list dates it on the same day and says which time was not used', () => {
    const ws = workspace({ 'postmortems/a.md': TEXT });
    try {
      const r = runCli(ws.dir, 'list', '--format', 'json');
      const row = (JSON.parse(r.stdout) as { postmortems: { date: string | null; notes?: string[] }[] }[])[0]!.postmortems[0]!;
      assert.equal(row.date, '2023-01-05');
      assert.deepEqual(row.notes, [NOTE]);
    } finally {
      ws.cleanup();
    }
  });
});
