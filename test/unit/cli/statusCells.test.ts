import assert from 'node:assert/strict';
import { buildOnce, NOW, runCli, workspace } from './harness';

/**
 * Trial 9 T14: an action table's Status cell written as people write it ("Done ✅", "done (2026-11-01)",
 * "Erledigt") closes the item in `actions`, `metrics` and lint alike; a status nothing can read is
 * reported on its cell, never left open without a word.
 */
const TEXT = [
  '---', 'type: postmortem', 'id: PM-20261120-status', 'title: Status trial', 'status: in-review', 'severity: SEV3',
  'started_at: 2026-11-20T14:00:00Z', 'resolved_at: 2026-11-20T15:00:00Z', '---', '# Status trial', '', '## Action items', '',
  '| Action | Owner | Due | Status |', '|---|---|---|---|',
  '| Fix alerts | Carol | 2026-11-01 | Done ✅ |',
  '| Tune retries | Carol | 2026-11-01 | done (2026-11-01) |',
  '| Write the runbook | Carol | 2026-11-01 | Erledigt |',
  '| Split the queue | Carol | 2026-11-01 | Not done |',
  '| Rework the alert | Carol | 2026-11-01 | Fertig? |', '',
].join('\n');

describe('action-table status cells (spawned CLI, trial 9 T14)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('actions lists only the items whose status is not done', () => {
    const ws = workspace({ 'postmortems/t.md': TEXT });
    try {
      const r = runCli(ws.dir, 'actions', '--format', 'json', '--now', NOW);
      const rows = JSON.parse(r.stdout) as { description: string }[];
      assert.deepEqual(rows.map((a) => a.description), ['Split the queue', 'Rework the alert']);
    } finally {
      ws.cleanup();
    }
  });

  it('metrics counts the same items open', () => {
    const ws = workspace({ 'postmortems/t.md': TEXT });
    try {
      const r = runCli(ws.dir, 'metrics', '--format', 'json', '--now', NOW);
      const actions = (JSON.parse(r.stdout) as { actions: { total: number; open: number } }).actions;
      assert.deepEqual([actions.total, actions.open], [5, 2]);
    } finally {
      ws.cleanup();
    }
  });

  it('lint names the status it could not read, on its cell, and flags only open items overdue', () => {
    const ws = workspace({ 'postmortems/t.md': TEXT });
    try {
      const r = runCli(ws.dir, 'lint', '--format', 'json', '--now', NOW);
      const diags = JSON.parse(r.stdout) as { code: string; message: string; line: number; column: number }[];
      const unread = diags.filter((d) => d.code === 'actions/unread-status');
      assert.deepEqual(unread.map((d) => [d.line, d.column]), [[20, '| Rework the alert | Carol | 2026-11-01 | '.length + 1]]);
      assert.match(unread[0].message, /found "Fertig\?": action item "Rework the alert" is counted as open/);
      assert.deepEqual(diags.filter((d) => d.code === 'actions/overdue').map((d) => d.line), [19, 20]);
    } finally {
      ws.cleanup();
    }
  });
});
