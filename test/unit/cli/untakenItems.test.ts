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

  it('names bullets whose owner and due date are written in words (Owner: Kim, Due …, TODO(kim), by DATE), not prose bullets (trial 15a F3)', () => {
    const words = TEXT.replace(/## Action items\n\n[\s\S]*$/, [
      '## Action items', '',
      '3. Fix retry budget — Owner: Kim, Due: 2026-12-20',
      '- Fix retry budget — Owner: Kim — Due 2026-12-20',
      '- **Owner:** Kim **Due:** 2026-12-22 — rotate keys',
      '- TODO(kim): add canary by 2026-12-24',
      '- Talk to the owner of the database',
      '- [ ] Real @ana due:2026-12-23', '',
    ].join('\n'));
    const ws = workspace({ 'postmortems/a.md': words });
    try {
      const r = runCli(ws.dir, 'actions', '--now', NOW);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /Task items not read, line 13: 4 lines in the Action items section .* a plain bullet with an owner and a due date \(line 13\), .*\(line 16\)/);
      assert.doesNotMatch(r.stderr, /line 17/);
      for (const cmd of ['list', 'metrics']) {
        const o = runCli(ws.dir, cmd, '--now', NOW);
        assert.notEqual(o.code, 0, `${cmd}: ${o.stderr}`);
        assert.match(o.stdout + o.stderr, /Task items not read, line 13: 4 lines/, cmd);
      }
      const lint = runCli(ws.dir, 'lint', '--format', 'json');
      const lines = (JSON.parse(lint.stdout) as { code: string; line: number }[]).filter((d) => d.code === 'actions/not-a-task').map((d) => d.line);
      assert.deepEqual(lines, [13, 14, 15, 16], lint.stdout);
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

  // CLOSING-14 "Looked at and left": under another heading a mistyped box with an owner was silent everywhere.
  it('a mistyped box with an owner or due date under another heading: lint points at it once, actions names it, --fix writes the box', () => {
    const text = TEXT.replace('## Action items', '## Lessons learned\n\n- [] Rotate keys @ana due:2026-12-20\n- []Timeline reviewed\n\n## Action items');
    const ws = workspace({ 'postmortems/a.md': text.replace(/^- (Add alert|\[\] Typo box|\[ \]No space|\[x\]Done nospace).*\n/gm, '') });
    try {
      const r = runCli(ws.dir, 'lint', 'postmortems/a.md', '--now', NOW);
      const said = r.stdout.split('\n').filter((l) => l.includes('a.md:13:'));
      assert.equal(said.length, 1, r.stdout);
      assert.match(said[0], /info +Expected action items under "Action items", found a line with an owner and a due date and a checkbox written `\[\]` \(no space inside\) under "Lessons learned": Markdown shows the brackets as text, not a checkbox, and outside Action items it is not tracked .*actions\/outside-section$/);
      assert.doesNotMatch(r.stdout, /a\.md:14:/, 'a mistyped checklist line without owner or due date is left alone');
      const actions = runCli(ws.dir, 'actions', '--now', NOW);
      assert.equal(actions.code, 0, 'beside an Action items section: a note');
      assert.match(actions.stderr, /note: postmortems\/a\.md: Not action items, line 13: 1 task item with an owner or due date is under "Lessons learned" \(line 13\), outside the Action items section, so it is not listed or counted as action items; written with a mistyped checkbox/);
      assert.match(actions.stdout, /1 task item with an owner or due date outside an Action items section not listed/);
      runCli(ws.dir, 'lint', 'postmortems/a.md', '--fix', '--now', NOW);
      assert.ok(ws.read('postmortems/a.md').includes('- [ ] Rotate keys @ana due:2026-12-20\n- []Timeline reviewed'), ws.read('postmortems/a.md'));
    } finally {
      ws.cleanup();
    }
  });

  it('without an Action items section a mistyped box with an owner is a warning from in-review on, and actions exits 1', () => {
    const text = ['---', 'type: postmortem', 'id: PM-NONE', 'title: None', 'status: in-review', 'started_at: 2026-11-01T10:00:00Z', '---', '', '## Notes', '', '- [ ]Rotate keys @ana due:2026-12-20', ''].join('\n');
    const ws = workspace({ 'postmortems/b.md': text });
    try {
      const r = runCli(ws.dir, 'lint', 'postmortems/b.md', '--now', NOW);
      assert.match(r.stdout, /b\.md:11:1 +warning +Expected action items under an "Action items" section, found this line with an owner and a due date and a checkbox written `\[ \]` with no space after it under "Notes" and no "## Action items" heading: .*; Markdown shows its brackets as text, not a checkbox +actions\/outside-section/);
      const actions = runCli(ws.dir, 'actions', '--now', NOW);
      assert.equal(actions.code, 1, actions.stderr);
      assert.match(actions.stderr, /b\.md: Not action items, line 11: 1 task item .* and there is no Action items section, so it is not listed or counted as action items; written with a mistyped checkbox/);
    } finally {
      ws.cleanup();
    }
  });
});
