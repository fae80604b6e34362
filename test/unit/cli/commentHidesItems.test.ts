import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, runCliWithEnv, workspace } from './harness';

/**
 * Trial 12 T4: a stray `<!-- draft notes` just above `## Action items` is ended by the template's own
 * guidance comment under that heading, so the heading is comment text and the items below it sit
 * under "Response". `postmortem actions` said "0 open action items", exit 0, and lint said nothing.
 */
const NOW = '2026-12-07T03:00:00Z';
const TOKYO = { TZ: 'Asia/Tokyo' };

function newPostmortem(dir: string): string {
  const made = runCliWithEnv(dir, TOKYO, 'new', 'Checkout API 5xx', '--started', '2026-12-06 23:50', '--now', NOW);
  assert.equal(made.code, 0, made.stderr);
  const name = readdirSync(join(dir, 'postmortems'))[0];
  return `postmortems/${name}`;
}

describe('a comment that hides the Action items heading, and items outside the section: every command says so', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('a fresh post-mortem from `postmortem new`: actions lists nothing with exit 0, lint has nothing about comments or stray items', () => {
    const ws = workspace({});
    try {
      const file = newPostmortem(ws.dir);
      const actions = runCliWithEnv(ws.dir, TOKYO, 'actions', '--now', NOW);
      assert.equal(actions.code, 0, actions.stderr);
      assert.equal(actions.stdout, '0 open action items (1 post-mortem read)\n');
      const lint = runCliWithEnv(ws.dir, TOKYO, 'lint', '--now', NOW, file);
      assert.doesNotMatch(lint.stdout, /document\/|actions\/outside-section/);
    } finally {
      ws.cleanup();
    }
  });

  it('the stray `<!--`: actions counts the items it left out on stdout, names the comment and the lines on stderr, and exits 1; lint warns; --fix brings them back', () => {
    const ws = workspace({});
    try {
      const file = newPostmortem(ws.dir);
      const fresh = ws.read(file);
      const text = fresh
        .replace('## Action items\n', '<!-- draft notes\n\n## Action items\n')
        .replace('item is expected. -->\n', 'item is expected. -->\n\n- [ ] Add a canary stage for config pushes @aiko due:2026-12-20 P1\n- [ ] Alert on 5xx per deploy @ken due:2026-12-01 P2\n');
      const written = workspace({ [file]: text });
      try {
        const actions = runCliWithEnv(written.dir, TOKYO, 'actions', '--now', NOW);
        assert.equal(actions.code, 1, actions.stderr);
        assert.equal(actions.stdout, '0 open action items (1 post-mortem read)\n2 task items with an owner or due date outside an Action items section not listed (stderr says where)\n');
        const stderr = actions.stderr.split('\n').filter(Boolean);
        assert.equal(stderr.length, 2, actions.stderr);
        assert.equal(stderr[0], `postmortem actions: ${file}: Hidden in a comment, line 53: the HTML comment opened there runs to line 60, where the \`-->\` of the comment opened on line 57 ends it (a \`<!--\` inside a comment opens nothing), so the heading "## Action items" (line 55) is read as its text`);
        assert.equal(stderr[1], `postmortem actions: ${file}: Not action items, line 62: 2 task items with an owner or due date are under "Response" (lines 62, 63), while the Action items heading (line 55) is inside an HTML comment, so they are not listed or counted as action items (lint: actions/outside-section)`);
        // JSON: the same rows (none), the same stderr and exit code.
        const json = runCliWithEnv(written.dir, TOKYO, 'actions', '--format', 'json', '--now', NOW);
        assert.equal(json.code, 1);
        assert.deepEqual(JSON.parse(json.stdout), []);

        const lint = runCliWithEnv(written.dir, TOKYO, 'lint', '--now', NOW, file);
        assert.match(lint.stdout, /:53:1 +warning +Expected the HTML comment opened here to end before "## Action items" \(line 55\), found it runs to line 60, where the `-->` of the comment opened on line 57 ends it .* +document\/comment-hides-content/);
        assert.match(lint.stdout, /:62:1 +info +Expected action items under an "Action items" section, found this task item with an owner and a due date under "Response", while the heading "## Action items" \(line 55\) is inside the HTML comment opened on line 53: .* +actions\/outside-section/);

        const fixed = runCliWithEnv(written.dir, TOKYO, 'lint', '--fix', '--now', NOW, file);
        assert.match(fixed.stderr + fixed.stdout, /assuming the comment opened on line 53 was meant to end before "## Action items" \(line 55\)/);
        assert.equal(written.read(file), text.replace('<!-- draft notes\n', '<!-- draft notes -->\n'));
        const after = runCliWithEnv(written.dir, TOKYO, 'actions', '--now', NOW);
        assert.equal(after.code, 0, after.stderr);
        assert.match(after.stdout, /^2 open action items, 1 overdue in 1 post-mortem$/m);
      } finally {
        written.cleanup();
      }
    } finally {
      ws.cleanup();
    }
  });

  it('a draft with no Action items section and tasks with owners under Response: actions says how many and where (exit 1), lint says each as an info', () => {
    const doc = ['---', 'type: postmortem', 'id: PM-S', 'title: Stray', 'status: draft', 'started_at: 2026-12-06T14:50:00Z', '---', '# Stray', '',
      '## Response', '', 'Rolled back.', '', '- [ ] Add a canary @aiko due:2026-12-20', '- [ ] Alert on 5xx @ken due:2026-12-01', '- [x] Rolled back the config', '',
      '## Lessons learned', '', '- [ ] Write down what @aiko found', ''].join('\n');
    const ws = workspace({ 'postmortems/stray.md': doc });
    try {
      const actions = runCliWithEnv(ws.dir, TOKYO, 'actions', '--now', NOW);
      assert.equal(actions.code, 1, actions.stderr);
      assert.match(actions.stdout, /^3 task items with an owner or due date outside an Action items section not listed \(stderr says where\)$/m);
      assert.equal(actions.stderr, 'postmortem actions: postmortems/stray.md: Not action items, line 14: 3 task items with an owner or due date are under "Response", "Lessons learned" (lines 14, 15, 20), and there is no Action items section, so they are not listed or counted as action items (lint: actions/outside-section)\n');
      const lint = runCliWithEnv(ws.dir, TOKYO, 'lint', '--format', 'json', '--now', NOW);
      const stray = (JSON.parse(lint.stdout) as { line: number; code: string; severity: string }[]).filter((d) => d.code === 'actions/outside-section');
      assert.deepEqual(stray.map((d) => [d.line, d.severity]), [[14, 'info'], [15, 'info'], [20, 'info']]);
      // metrics lists the note under problems: its action-item numbers leave them out.
      const metrics = runCliWithEnv(ws.dir, TOKYO, 'metrics', '--now', NOW);
      assert.match(metrics.stdout, /postmortems\/stray\.md: Not action items, line 14: 3 task items/);
    } finally {
      ws.cleanup();
    }
  });

  it('items outside an Action items section that exists: listed items as before, the others counted as a note, exit 0 (an info in lint, in review too)', () => {
    const doc = ['---', 'type: postmortem', 'id: PM-T', 'title: Typed in Lessons', 'status: in-review', 'started_at: 2026-12-06T14:50:00Z', '---', '# Typed in Lessons', '',
      '## Action items', '', '- [ ] Add a canary @aiko due:2026-12-20', '', '## Lessons learned', '', '- [ ] Page on saturation @ken due:2026-12-21', ''].join('\n');
    const ws = workspace({ 'postmortems/t.md': doc });
    try {
      const actions = runCliWithEnv(ws.dir, TOKYO, 'actions', '--now', NOW);
      assert.equal(actions.code, 0, actions.stderr);
      assert.match(actions.stdout, /^1 open action item in 1 post-mortem\n1 task item with an owner or due date outside an Action items section not listed \(stderr says where\)$/m);
      assert.equal(actions.stderr, 'postmortem actions: note: postmortems/t.md: Not action items, line 16: 1 task item with an owner or due date is under "Lessons learned" (line 16), outside the Action items section, so it is not listed or counted as action items (lint: actions/outside-section)\n');
      const lint = JSON.parse(runCliWithEnv(ws.dir, TOKYO, 'lint', '--format', 'json', '--now', NOW).stdout) as { line: number; code: string; severity: string }[];
      // Beside the section it is a note in lint too, whatever the status: the three say the same.
      assert.deepEqual(lint.filter((d) => d.code === 'actions/outside-section').map((d) => [d.line, d.severity]), [[16, 'info']]);
    } finally {
      ws.cleanup();
    }
  });

  it('a published post-mortem keeping an owner-tagged "Follow-up checks" list under Response: actions lists the real items, notes the others, exit 0 on every run', () => {
    const doc = ['---', 'type: postmortem', 'id: PM-F', 'title: Checklist kept under Response', 'status: published', 'started_at: 2026-12-06T14:50:00Z', '---', '# Checklist kept under Response', '',
      '## Response', '', 'Rolled back at 15:15Z.', '', '### Follow-up checks', '', '- [x] Config rolled back @ana', '- [ ] Error rate back to baseline @ken due:2026-12-08', '',
      '## Action items', '', '- [ ] Add a canary stage @aiko due:2026-12-20', ''].join('\n');
    const ws = workspace({ 'postmortems/f.md': doc });
    try {
      for (const format of ['text', 'json']) {
        const actions = runCliWithEnv(ws.dir, TOKYO, 'actions', '--format', format, '--now', NOW);
        assert.equal(actions.code, 0, `${format}: ${actions.stderr}`);
        assert.equal(actions.stderr, 'postmortem actions: note: postmortems/f.md: Not action items, line 16: 2 task items with an owner or due date are under "Response" (lines 16, 17), outside the Action items section, so they are not listed or counted as action items (lint: actions/outside-section)\n');
        if (format === 'json') assert.deepEqual((JSON.parse(actions.stdout) as { line: number }[]).map((r) => r.line), [21]);
        else assert.match(actions.stdout, /^1 open action item in 1 post-mortem\n2 task items with an owner or due date outside an Action items section not listed \(stderr says where\)$/m);
      }
      const lint = runCliWithEnv(ws.dir, TOKYO, 'lint', '--format', 'json', '--now', NOW);
      assert.deepEqual((JSON.parse(lint.stdout) as { line: number; code: string; severity: string }[]).filter((d) => d.code === 'actions/outside-section').map((d) => [d.line, d.severity]), [[16, 'info'], [17, 'info']]);
    } finally {
      ws.cleanup();
    }
  });

  it('in review without an Action items section, an item with an owner is a warning in lint and actions exits 1: its action items were not found', () => {
    const doc = ['---', 'type: postmortem', 'id: PM-R', 'title: Unknown heading', 'status: in-review', 'started_at: 2026-12-06T14:50:00Z', '---', '# Unknown heading', '',
      '## Hardening work', '', '- [ ] Add a canary @aiko due:2026-12-20', ''].join('\n');
    const ws = workspace({ 'postmortems/r.md': doc });
    try {
      const actions = runCliWithEnv(ws.dir, TOKYO, 'actions', '--now', NOW);
      assert.equal(actions.code, 1, actions.stderr);
      assert.match(actions.stderr, /^postmortem actions: postmortems\/r\.md: Not action items, line 12: 1 task item with an owner or due date is under "Hardening work" \(line 12\), and there is no Action items section/);
      const lint = JSON.parse(runCliWithEnv(ws.dir, TOKYO, 'lint', '--format', 'json', '--now', NOW).stdout) as { line: number; code: string; severity: string }[];
      assert.deepEqual(lint.filter((d) => d.code === 'actions/outside-section').map((d) => [d.line, d.severity]), [[12, 'warning']]);
    } finally {
      ws.cleanup();
    }
  });
});
