import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, NOW, runCli, workspace } from './harness';

/** Trial F13: a post-mortem saved with classic Mac line endings (CR only). */
const DOC = [
  '---', 'type: postmortem', 'id: PM-CR', 'title: Checkout errors', 'status: draft',
  'started_at: 2026-11-20T13:00:00Z', 'detected_at: 2026-11-20T13:05:00Z', 'resolved_at: 2026-11-20T14:00:00Z', 'timezone: UTC', '---',
  '# Checkout errors', '', '## Summary', '', 'Checkout failed.', '',
  '## Timeline', '', '- 2026-11-20 13:05Z [detected] Pager alert', '- 14:00Z [resolved] Error rate at baseline', '',
  '## Action items', '', '- [ ] Add a pool alert @dana due:2026-11-01', '- [ ] Raise the pool limit @sam due:2027-01-10', '',
].join('\r');

describe('a CR-only post-mortem is read, not skipped (spawned; trial F13)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('lint checks it (file/lone-cr, its front matter read); --fix writes its lone CRs back as they were', () => {
    const ws = workspace({ 'd/cr.md': DOC });
    try {
      const lint = runCli(ws.dir, 'lint', 'd', '--format', 'json', '--now', NOW);
      assert.doesNotMatch(lint.stderr, /not a post-mortem/);
      const found = JSON.parse(lint.stdout) as { file: string; code: string; line: number }[];
      assert.ok(found.some((d) => d.code === 'file/lone-cr'), lint.stdout);
      assert.ok(!found.some((d) => d.code === 'front-matter/missing'), 'its front matter is read');
      const text = runCli(ws.dir, 'lint', 'd', '--now', NOW);
      assert.match(text.stdout, /1 post-mortem/);
      writeFileSync(join(ws.dir, 'd/cr.md'), DOC.replace('status: draft', 'status: Draft'));
      const fix = runCli(ws.dir, 'lint', 'd', '--fix', '--now', NOW);
      assert.match(fix.stdout, /fixed 1 problem: schema\/enum/);
      assert.equal(readFileSync(join(ws.dir, 'd/cr.md'), 'utf8'), DOC, 'the fix, and every line break still a lone CR');
    } finally {
      ws.cleanup();
    }
  });

  it('actions, metrics and list count it and its items', () => {
    const ws = workspace({ 'd/cr.md': DOC });
    try {
      const actions = runCli(ws.dir, 'actions', 'd', '--format', 'json', '--now', NOW);
      assert.match(actions.stdout, /Add a pool alert/);
      assert.match(actions.stdout, /Raise the pool limit/);
      const metrics = JSON.parse(runCli(ws.dir, 'metrics', 'd', '--format', 'json', '--now', NOW).stdout) as { incidentCount: number; actions: { open: number; overdue: number } };
      assert.equal(metrics.incidentCount, 1);
      assert.deepEqual([metrics.actions.open, metrics.actions.overdue], [2, 1]);
      const list = runCli(ws.dir, 'list', 'd');
      assert.match(list.stdout, /PM-CR · Checkout errors {2}2026-11-20 · 1h · 2 open items/);
    } finally {
      ws.cleanup();
    }
  });
});
