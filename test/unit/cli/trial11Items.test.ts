import assert from 'node:assert/strict';
import { buildOnce, runCliWithEnv, workspace } from './harness';

/**
 * Trial 11's action-item and metrics findings, as a user meets them in the CLI (Los Angeles,
 * 2026-12-06 16:10 there). Each test names its finding.
 */
const NOW = '2026-12-07T00:10:00Z';
const LA = { TZ: 'America/Los_Angeles' };

const head = (id: string, extra: string[] = []) => ['---', 'type: postmortem', `id: ${id}`, `title: ${id}`, 'status: draft', 'severity: SEV2', ...extra, '---', `# ${id}`, '', '## Action items', ''];

describe('trial 11: action items and metrics said, not guessed (spawned CLI)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('T9: "due 2026-12-14" is the due date, lint says so, and --fix writes due:2026-12-14 in its place (no second date)', () => {
    const text = [...head('PM-T9'), '- [ ] Item with due words @fay due 2026-12-14', '- [ ] Old words @fay due on 2026-11-20', '- [ ] No date at all @fay', ''].join('\n');
    const ws = workspace({ 'postmortems/a.md': text });
    try {
      const actions = JSON.parse(runCliWithEnv(ws.dir, LA, 'actions', '--format', 'json', '--now', NOW).stdout) as { description: string; due: string | null; overdue: boolean }[];
      assert.deepEqual(actions.map((a) => [a.description, a.due, a.overdue]), [['Item with due words', '2026-12-14', false], ['Old words', '2026-11-20', true], ['No date at all', null, false]]);
      const lint = runCliWithEnv(ws.dir, LA, 'lint', '--now', NOW);
      assert.match(lint.stdout, /a\.md:12:\d+ +info +Expected the due date as `due:2026-12-14`, found it written without `due:` \("due 2026-12-14"\) on action item "Item with due words": it is read as the due date, 2026-12-14 +actions\/due-in-words/);
      // The 14-days default is offered only where no date is written.
      const json = JSON.parse(runCliWithEnv(ws.dir, LA, 'lint', '--format', 'json', '--now', NOW).stdout) as { code: string; line: number }[];
      assert.deepEqual(json.filter((d) => d.code === 'actions/missing-due').map((d) => d.line), [14]);
      const fixed = runCliWithEnv(ws.dir, LA, 'lint', '--fix', '--now', NOW);
      assert.match(fixed.stdout, /actions\/due-in-words ×2/);
      const after = ws.read('postmortems/a.md');
      assert.match(after, /^- \[ \] Item with due words @fay due:2026-12-14$/m);
      assert.match(after, /^- \[ \] Old words @fay due:2026-11-20$/m);
      assert.match(after, /^- \[ \] No date at all @fay$/m);
    } finally {
      ws.cleanup();
    }
  });

  it('T10: a struck-out open item is still counted as open and overdue, and lint says so with its two fixes', () => {
    const text = [...head('PM-T10'), '- [ ] ~~Struck out item~~ @lee due:2026-11-02', '- [ ] Kept @lee due:2026-12-20', ''].join('\n');
    const ws = workspace({ 'postmortems/a.md': text });
    try {
      const actions = runCliWithEnv(ws.dir, LA, 'actions', '--now', NOW);
      // The label drops the strike marks, so the list says the strike (the JSON too).
      assert.match(actions.stdout, /a\.md:12 +Struck out item +@lee +due 2026-11-02 +struck out, still open +OVERDUE$/m);
      assert.match(actions.stdout, /^2 open action items, 1 overdue in 1 post-mortem$/m);
      const rows = JSON.parse(runCliWithEnv(ws.dir, LA, 'actions', '--format', 'json', '--now', NOW).stdout) as { struckOut: boolean }[];
      assert.deepEqual(rows.map((r) => r.struckOut), [true, false]);
      const json = JSON.parse(runCliWithEnv(ws.dir, LA, 'lint', '--format', 'json', '--now', NOW).stdout) as { code: string; line: number; severity: string; message: string }[];
      const struck = json.filter((d) => d.code === 'actions/struck-out');
      assert.deepEqual(struck.map((d) => [d.line, d.severity]), [[12, 'info']]);
      assert.match(struck[0].message, /"~~Struck out item~~" to be ticked \(done\) or deleted: its box is not ticked, so it is still counted as open and overdue/);
      // Neither fix is applied unattended: dropped or done is the team's call.
      runCliWithEnv(ws.dir, LA, 'lint', '--fix', '--now', NOW);
      assert.match(ws.read('postmortems/a.md'), /^- \[ \] ~~Struck out item~~ @lee due:2026-11-02$/m);
    } finally {
      ws.cleanup();
    }
  });

  it('T12: actions counts the post-mortems holding the items, and says how many were read when that differs', () => {
    const ws = workspace({
      'postmortems/a.md': [...head('PM-A'), '- [ ] One @fay due:2026-12-20', '- [ ] Two @fay due:2026-11-20', '- [ ] Three @lee due:2026-12-21', ''].join('\n'),
      'postmortems/b.md': [...head('PM-B'), '- [x] Done @fay done:2026-12-01', ''].join('\n'),
    });
    try {
      assert.match(runCliWithEnv(ws.dir, LA, 'actions', '--now', NOW).stdout, /^3 open action items, 1 overdue in 1 post-mortem \(2 read\)$/m);
      assert.match(runCliWithEnv(ws.dir, LA, 'actions', '--overdue', '--now', NOW).stdout, /^1 overdue of 3 open action items in 1 post-mortem \(2 read\)$/m);
      assert.equal(runCliWithEnv(ws.dir, LA, 'actions', '--owner', 'nobody', '--now', NOW).stdout, '0 open action items of @nobody (2 post-mortems read)\n');
    } finally {
      ws.cleanup();
    }
  });
});
