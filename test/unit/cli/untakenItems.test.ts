import assert from 'node:assert/strict';
import { buildOnce, NOW, runCli, workspace } from './harness';

/**
 * Trial14a F14: under Action items, a bullet with an owner and a due date but no checkbox, and a
 * mistyped box (`- []`, `- [ ]No space`, `- [x]Done`), were dropped by `actions`, `list`, `metrics`
 * and lint without a word while the one real task beside them was listed. Now each reader names the
 * lines, the read-only commands exit 1, and lint's fix turns them into the tasks they were meant as.
 */
const TEXT = [
  '---', 'type: postmortem', 'id: PM-ITEMS', 'title: Items', 'status: draft', 'started_at: 2026-11-01T10:00:00Z', 'resolved_at: 2026-11-01T11:00:00Z', 'timezone: Asia/Tokyo', '---', '',
  '## Action items', '',
  '- Add alert @kim due:2026-12-20',
  '- [] Typo box @lee due:2026-12-21',
  '- [ ]No space @mo due:2026-12-22',
  '- [x]Done nospace @mo done:2026-11-10',
  '- [ ] Real @ana due:2026-12-23', '',
].join('\n');

describe('lines meant as action items that Markdown reads as plain bullets (spawned CLI, trial14a F14)', function () {
  this.timeout(60_000);
  before(buildOnce);

  it('actions lists the one task, names the four other lines and exits 1; list and metrics say so too', () => {
    const ws = workspace({ 'postmortems/a.md': TEXT });
    try {
      const r = runCli(ws.dir, 'actions', '--now', NOW);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /a\.md:17 +Real/);
      assert.doesNotMatch(r.stdout, /Add alert|Typo box|No space/);
      assert.match(r.stderr, /a\.md: Task items not read, line 13: 4 lines in the Action items section are meant as action items but Markdown reads them as plain bullets — a plain bullet with an owner and a due date \(line 13\), a checkbox written `\[\]` \(no space inside\) \(line 14\), a checkbox written `\[ \]` with no space after it \(line 15\), a checkbox written `\[x\]` with no space after it \(line 16\)/);
      for (const cmd of ['list', 'metrics']) {
        const o = runCli(ws.dir, cmd, '--now', NOW);
        assert.notEqual(o.code, 0, `${cmd}: ${o.stderr}`);
        assert.match(o.stdout + o.stderr, /Task items not read, line 13: 4 lines/, cmd);
      }
    } finally {
      ws.cleanup();
    }
  });

  it('lint warns on each line; --fix writes the boxes and every item is then listed, the done one done', () => {
    const ws = workspace({ 'postmortems/a.md': TEXT });
    try {
      const r = runCli(ws.dir, 'lint', 'postmortems/a.md', '--now', NOW);
      for (const line of [13, 14, 15, 16]) assert.match(r.stdout, new RegExp(`a\\.md:${line}:1 +warning +Expected .*actions/not-a-task`), `line ${line}`);
      runCli(ws.dir, 'lint', 'postmortems/a.md', '--fix', '--now', NOW);
      // Other fixes (the sections a draft lacks) are written too: the four lines are the point here.
      assert.ok(ws.read('postmortems/a.md').includes([
        '- [ ] Add alert @kim due:2026-12-20',
        '- [ ] Typo box @lee due:2026-12-21',
        '- [ ] No space @mo due:2026-12-22',
        '- [x] Done nospace @mo done:2026-11-10',
      ].join('\n')), ws.read('postmortems/a.md'));
      const after = runCli(ws.dir, 'actions', '--format', 'json', '--now', NOW);
      assert.equal(after.code, 0, after.stderr);
      assert.deepEqual((JSON.parse(after.stdout) as { description: string }[]).map((i) => i.description).sort(), ['Add alert', 'No space', 'Real', 'Typo box']);
      const metrics = runCli(ws.dir, 'metrics', '--format', 'json', '--now', NOW);
      const actions = (JSON.parse(metrics.stdout) as { actions: { total: number; done: number } }).actions;
      assert.deepEqual([actions.total, actions.done], [5, 1], 'metrics: five items, the one with [x] done');
    } finally {
      ws.cleanup();
    }
  });
});
