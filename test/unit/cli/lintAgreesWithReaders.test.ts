import assert from 'node:assert/strict';
import { buildOnce, NOW, runCli, workspace } from './harness';

/**
 * What `postmortem lint` says about a post-mortem and what `postmortem actions` / `metrics` read from
 * it agree, and nothing is read differently without a word (issue 10, trial C1, C8, C20, C25, U10).
 */

interface LintRow { readonly line: number; readonly code: string; readonly message: string; readonly fixes: readonly { title: string; preferred?: boolean }[] }
interface ActionRow { readonly line: number; readonly description: string; readonly owner: string | null; readonly due: string | null }

function lintJson(dir: string, ...args: string[]): LintRow[] {
  const r = runCli(dir, 'lint', '--format', 'json', '--now', NOW, ...args);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout) as LintRow[];
}

function actionsJson(dir: string, ...args: string[]): ActionRow[] {
  const r = runCli(dir, 'actions', '--format', 'json', '--now', NOW, ...args);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as ActionRow[];
}

const FRONT = ['---', 'type: postmortem', 'id: PM-1', 'title: Agreement', 'status: draft', 'started_at: 2026-11-20T14:00:00Z', '---', ''];

describe('lint and the readers agree (spawned CLI)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('two due dates on one item: lint says which one is used, and actions uses that one (C8)', () => {
    const doc = [...FRONT, '## Action items', '',
      '- [ ] Two dates @a due:2026-12-20 due:2026-12-24',
      '- [ ] Same date twice @a due:2026-12-20 due:2026-12-20',
      '- [ ] A word and a date @a due:soon due:2026-12-22', ''].join('\n');
    const ws = workspace({ 'postmortems/a.md': doc });
    try {
      const lint = lintJson(ws.dir, '.');
      const two = lint.find((d) => d.line === 11 && d.code === 'actions/one-due');
      assert.ok(two, JSON.stringify(lint));
      assert.match(two.message, /found due:2026-12-20 and due:2026-12-24 .*2026-12-20 \(the first\) is used as the due date/);
      assert.ok(two.fixes.length === 2 && two.fixes.every((f) => !f.preferred), 'which date was agreed is the team\'s call');
      const same = lint.find((d) => d.line === 12 && d.code === 'actions/one-due');
      assert.ok(same?.fixes.some((f) => f.preferred), 'a repeated date is removed by --fix');
      const word = lint.find((d) => d.line === 13 && d.code === 'actions/bad-due');
      assert.match(word?.message ?? '', /found "soon".*the item's due date is 2026-12-22/);
      assert.ok(!lint.some((d) => /not a real calendar date.*2026-12-2[04]"/.test(d.message)), 'a valid date is never called invalid');
      const items = actionsJson(ws.dir, '.');
      assert.deepEqual(items.map((i) => [i.line, i.due]), [[11, '2026-12-20'], [12, '2026-12-20'], [13, '2026-12-22']]);
      const fixed = runCli(ws.dir, 'lint', '--fix', '--now', NOW, '.');
      assert.ok(fixed.code === 0 || fixed.code === 1, fixed.stderr);
      assert.match(ws.read('postmortems/a.md'), /^- \[ \] Same date twice @a due:2026-12-20$/m);
      assert.match(ws.read('postmortems/a.md'), /^- \[ \] Two dates @a due:2026-12-20 due:2026-12-24$/m);
    } finally {
      ws.cleanup();
    }
  });

  it('an HTML comment never closed: lint says so at the `<!--`, and no reader counts what it hides (C20)', () => {
    const doc = [...FRONT, '## Summary', '', 'x', '',
      '<!-- block comment start', 'still comment', '',
      '## Timeline', '', '- 2026-11-20 14:05Z [detected] x', '',
      '## Action items', '', '- [ ] hidden by unclosed comment @a due:2026-11-25', ''].join('\n');
    const ws = workspace({ 'postmortems/a.md': doc });
    try {
      const lint = lintJson(ws.dir, '.');
      const open = lint.filter((d) => d.code === 'document/unclosed-comment');
      assert.equal(open.length, 1, JSON.stringify(lint));
      assert.equal(open[0].line, 13);
      assert.match(open[0].message, /everything after line 13 .*"## Timeline" and "## Action items"/);
      assert.deepEqual(open[0].fixes, [], 'where the comment ends is the writer\'s call');
      const missing = lint.find((d) => d.code === 'sections/missing');
      assert.match(missing?.message ?? '', /heading on line 16 is inside the HTML comment opened on line 13/);
      assert.deepEqual(missing?.fixes, [], 'no second Timeline inserted before the hidden one');
      assert.ok(!lint.some((d) => d.code === 'actions/overdue'), 'lint does not check the hidden item');
      assert.deepEqual(actionsJson(ws.dir, '.'), [], 'actions does not count it either');
      const before = ws.read('postmortems/a.md');
      runCli(ws.dir, 'lint', '--fix', '--now', NOW, '.');
      assert.equal(ws.read('postmortems/a.md'), before, '--fix leaves the file alone');
    } finally {
      ws.cleanup();
    }
  });
});
