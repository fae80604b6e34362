import assert from 'node:assert/strict';
import { buildOnce, NOW, runCli, workspace } from './harness';

/**
 * Trial13a F21: task lines with an owner and a due date that Markdown reads as raw HTML (`<details>`
 * with no blank line after the summary) or as a quote were dropped by `actions`, `list`, `metrics`
 * and lint without a word. Now each says which line and why, and the read-only commands exit 1.
 */
const TEXT = [
  '---', 'type: postmortem', 'id: PM-DET', 'title: Details', 'status: draft', 'started_at: 2026-12-01T10:00:00Z', 'resolved_at: 2026-12-01T11:00:00Z', '---', '',
  '## Action items', '',
  '<details><summary>More</summary>',
  '- [ ] Inside details no blank @raj due:2026-12-21 P2',
  '</details>', '',
  '> - [ ] Thirteen quoted @raj due:2026-12-01', '',
  '- [ ] Normal @raj due:2026-12-24 P2', '',
].join('\n');

describe('task lines in a quote or an HTML block (spawned CLI, trial13a F21)', function () {
  this.timeout(60_000);
  before(buildOnce);

  it('actions lists the readable item, names the two others with their lines and exits 1', () => {
    const ws = workspace({ 'postmortems/a.md': TEXT });
    try {
      const r = runCli(ws.dir, 'actions', '--now', NOW);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /a\.md:18 +Normal/);
      assert.doesNotMatch(r.stdout, /Inside details|Thirteen/);
      assert.match(r.stderr, /a\.md: Task items not read, line 13: 2 task lines in the Action items section are inside an HTML block opened on line 12 \(line 13\), a block quote \(line 16\)/);
      assert.match(r.stderr, /put a blank line between the HTML and the task lines/);
      assert.match(r.stderr, /remove the `>`/);
    } finally {
      ws.cleanup();
    }
  });

  it('lint warns on each line; --fix adds the blank line and the item is then listed', () => {
    const ws = workspace({ 'postmortems/a.md': TEXT });
    try {
      const r = runCli(ws.dir, 'lint', 'postmortems/a.md', '--now', NOW);
      assert.match(r.stdout, /a\.md:13:1 +warning +Expected action items as Markdown, found a task line with an owner and a due date inside an HTML block opened by "<details><summary>More<\/summary>" \(line 12\).*actions\/hidden-task/);
      assert.match(r.stdout, /a\.md:16:1 +warning +Expected action items outside block quotes, found a task line with an owner and a due date inside one.*actions\/hidden-task/);
      runCli(ws.dir, 'lint', 'postmortems/a.md', '--fix', '--now', NOW);
      const after = runCli(ws.dir, 'actions', '--now', NOW);
      assert.match(after.stdout, /a\.md:\d+ +Inside details no blank +@raj +due 2026-12-21/);
      // The quote may be meant (it cites): its fix is not preferred, so it is still said.
      assert.equal(after.code, 1);
      assert.match(after.stderr, /1 task line in the Action items section is inside a block quote \(line \d+\)/);
    } finally {
      ws.cleanup();
    }
  });

  it('list and metrics say the same and exit non-zero', () => {
    const ws = workspace({ 'postmortems/a.md': TEXT });
    try {
      for (const cmd of ['list', 'metrics']) {
        const r = runCli(ws.dir, cmd, '--now', NOW);
        assert.notEqual(r.code, 0, `${cmd}: ${r.stderr}`);
        // `metrics` prints its notes with the report, `list` on stderr.
        assert.match(r.stdout + r.stderr, /Task items not read, line 13: 2 task lines/, cmd);
      }
    } finally {
      ws.cleanup();
    }
  });
});
