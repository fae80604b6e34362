import assert from 'node:assert/strict';
import { buildOnce, NOW, runCli, workspace } from './harness';

/**
 * Trial F18: tokens the reader cannot take are never rearranged or dropped in silence. `due:next week`
 * stays in the description as written and is reported; a second `@name` is reported (one owner per
 * item); an Owner cell `Alice` and `@alice` are one person in the metrics. Every command agrees.
 */
const TEXT = [
  '---', 'type: postmortem', 'id: PM-20261120-tokens', 'title: Token trial', 'status: in-review', 'severity: SEV3',
  'started_at: 2026-11-20T14:00:00Z', 'resolved_at: 2026-11-20T15:00:00Z', '---', '# Token trial', '', '## Action items', '',
  '- [ ] Next week @carol due:next week P2',
  '- [ ] Two owners @alice @bob due:2026-12-20 P2',
  '',
  '| Action | Owner | Due |', '|---|---|---|', '| Table item | Alice | 2026-12-21 |', '',
].join('\n');

describe('action-item tokens the reader cannot take (spawned CLI, trial F18)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('lint names the unread due date and the second owner', () => {
    const ws = workspace({ 'postmortems/t.md': TEXT });
    try {
      const r = runCli(ws.dir, 'lint', '--format', 'json', '--now', NOW);
      const diags = JSON.parse(r.stdout) as { code: string; message: string; line: number; column: number }[];
      const due = diags.find((d) => d.code === 'actions/bad-due');
      assert.ok(due, r.stdout);
      assert.match(due.message, /found "next" \(a word: relative dates such as "next week" are not read/);
      const owner = diags.find((d) => d.code === 'actions/one-owner');
      assert.ok(owner, r.stdout);
      assert.match(owner.message, /Expected one owner per action item, found @alice and @bob .*@alice is read as the owner and "@bob" as text/);
      assert.deepEqual([owner.line, owner.column], [15, '- [ ] Two owners @alice '.length + 1]);
    } finally {
      ws.cleanup();
    }
  });

  it('actions shows the text as written, with the first owner', () => {
    const ws = workspace({ 'postmortems/t.md': TEXT });
    try {
      const r = runCli(ws.dir, 'actions', '--format', 'json', '--now', NOW);
      const rows = JSON.parse(r.stdout) as { description: string; owner: string | null; invalidDue: string | null }[];
      assert.deepEqual(rows.map((a) => [a.description, a.owner, a.invalidDue]), [
        ['Next week due:next week', 'carol', 'next'],
        ['Two owners @bob', 'alice', null],
        ['Table item', 'Alice', null],
      ]);
    } finally {
      ws.cleanup();
    }
  });

  it('metrics counts an Owner cell "Alice" and @alice as one person', () => {
    const ws = workspace({ 'postmortems/t.md': TEXT });
    try {
      const r = runCli(ws.dir, 'metrics', '--format', 'json', '--now', NOW);
      const byOwner = (JSON.parse(r.stdout) as { actions: { byOwner: { key: string; total: number }[] } }).actions.byOwner;
      assert.deepEqual(byOwner.map((o) => [o.key, o.total]).sort(), [['alice', 2], ['carol', 1]]);
    } finally {
      ws.cleanup();
    }
  });
});
