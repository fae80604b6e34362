import assert from 'node:assert/strict';
import type { MetricsResult } from '../../../src/core/metrics';
import { buildOnce, NOW, runCli, workspace } from './harness';

/** What `postmortem metrics --format json` and `postmortem actions --format json` say about action items. */
function readings(dir: string, code = 0): { metrics: MetricsResult; actions: { file: string; line: number; owner: string | null }[]; stderr: string } {
  const m = runCli(dir, 'metrics', '--format', 'json', '--now', NOW);
  assert.equal(m.code, code, m.stderr);
  const a = runCli(dir, 'actions', '--format', 'json', '--now', NOW);
  assert.equal(a.code, code, a.stderr);
  return { metrics: JSON.parse(m.stdout) as MetricsResult, actions: JSON.parse(a.stdout) as { file: string; line: number; owner: string | null }[], stderr: m.stderr + a.stderr };
}

describe('one reading of a post-mortem in every command (spawned CLI)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('a new post-mortem has no action item in metrics (the template\'s example sits in an HTML comment)', () => {
    const ws = workspace({});
    try {
      const created = runCli(ws.dir, 'new', 'X', '--now', NOW);
      assert.equal(created.code, 0, created.stderr);
      const { metrics, actions } = readings(ws.dir);
      assert.equal(metrics.documents, 1);
      assert.equal(metrics.actions.total, 0, 'no phantom item');
      assert.deepEqual(metrics.actions.byOwner, []);
      assert.deepEqual(actions, []);
      const md = runCli(ws.dir, 'metrics', '--format', 'md', '--now', NOW);
      assert.doesNotMatch(md.stdout, /alex/);
      const text = runCli(ws.dir, 'metrics', '--now', NOW);
      assert.match(text.stdout, /Action items: 0 of 0 done/);
    } finally {
      ws.cleanup();
    }
  });

  it('metrics and actions count the same items: none from comments, fences, indented code or front matter', () => {
    const doc = [
      '---', 'type: postmortem', 'id: PM-1', 'title: One reading', 'started_at: 2026-11-01T10:00:00Z',
      'notes: |', '  - [ ] In the front matter @fm due:2026-11-02', '---', '', '# One reading', '', '## Action items', '',
      '<!-- An example:', '- [ ] In a comment @alex due:2026-11-03', '-->', '',
      '```', '- [ ] In a fence @fence due:2026-11-04', '```', '',
      '    - [ ] Indented code @code due:2026-11-05', '',
      '- [ ] The real one @dana due:2026-11-06', '- [x] A done one @erin done:2026-11-07', '',
      '| Action | Owner | Status |', '| --- | --- | --- |', '| A table row | @fay | open |', '',
    ].join('\n');
    const ws = workspace({ 'postmortems/one.md': doc });
    try {
      // The indented task line is code on the page, so it is no item either; it is said, and both exit 1 (trial16a F16).
      const { metrics, actions, stderr } = readings(ws.dir, 1);
      assert.match(stderr, /Task items not read, line 22: 1 line .* a task line indented by 4 spaces, which Markdown shows as code \(line 22\)/);
      assert.equal(metrics.actions.total, 3);
      assert.equal(metrics.actions.done, 1);
      assert.deepEqual(metrics.actions.byOwner.map((o) => o.key).sort(), ['dana', 'erin', 'fay']);
      assert.deepEqual(metrics.actions.overdueItems.map((i) => [i.owner, i.line]), [['dana', 24]], '1-based in JSON, as actions and lint say it (trial17a F8)');
      assert.deepEqual(actions.map((a) => [a.owner, a.line]), [['dana', 24], ['fay', 29]], 'open items, 1-based lines');
    } finally {
      ws.cleanup();
    }
  });
});
