import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import actions from '../../../src/cli/commands/actions';
import type { CliIo } from '../../../src/cli/io';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { groupItems } from '../../../src/vscode/tree/grouping';

const text = [
  '---', 'type: postmortem', 'id: PM-1', 'title: Queue stall', 'status: draft', '---', '', '## Action items', '',
  '- [ ] Re-test the limits @ana due:2026-13-45',
  '- [ ] Load test @ana due:next-week',
  '- [ ] Write the runbook @ana',
  '- [ ] Add the alert @ana due:2026-12-01',
  '',
  '| Action | Owner | Due |', '|---|---|---|', '| Shard the queue | @li | soon |', '',
].join('\n');

describe('an unreadable due date is shown as invalid, not as missing', () => {
  it('is kept by the workspace index, for task items and table rows', () => {
    const index = new WorkspaceIndex();
    index.set('file:///pm.md', text);
    const items = index.openItems({}).map((o) => [o.item.description, o.item.due, o.item.badDue]);
    assert.deepEqual(items, [
      ['Re-test the limits due:2026-13-45', undefined, '2026-13-45'],
      ['Load test due:next-week', undefined, 'next-week'],
      ['Write the runbook', undefined, undefined],
      ['Add the alert', '2026-12-01', undefined],
      ['Shard the queue', undefined, 'soon'],
    ]);
  });

  it('gets its own group in the sidebar, after the overdue items', () => {
    const index = new WorkspaceIndex();
    index.set('file:///pm.md', text);
    const groups = groupItems(index.openItems({}), 'due', '2026-11-27');
    assert.deepEqual(groups.map((g) => [g.label, g.items.map((o) => o.item.description)]), [
      ['Invalid due date', ['Re-test the limits due:2026-13-45', 'Load test due:next-week', 'Shard the queue']],
      ['Due within 7 days', ['Add the alert']],
      ['No due date', ['Write the runbook']],
    ]);
  });

  it('reads "invalid due date" in `postmortem actions`, and invalidDue in its JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-actions-'));
    try {
      mkdirSync(join(dir, 'postmortems'));
      writeFileSync(join(dir, 'postmortems', 'pm.md'), text);
      let out = '';
      const io: CliIo = { out: (t) => (out += t), err: () => undefined, cwd: dir, now: () => new Date('2026-11-27T12:00:00Z') };
      assert.equal(await actions([], io), 0);
      out = out.replace(/\x1b\[[0-9;]*m/g, ''); // Colour depends on the terminal the tests run in.
      assert.match(out, /Re-test the limits due:2026-13-45 +@ana +invalid due date "2026-13-45"/);
      assert.match(out, /Load test due:next-week +@ana +invalid due date "next-week"/);
      assert.match(out, /Write the runbook +@ana +no due date/);
      out = '';
      await actions(['--format', 'json'], io);
      const rows = JSON.parse(out) as { description: string; due: string | null; invalidDue: string | null }[];
      assert.deepEqual(rows.map((r) => [r.description, r.due, r.invalidDue]).slice(0, 3), [
        ['Re-test the limits due:2026-13-45', null, '2026-13-45'], ['Load test due:next-week', null, 'next-week'], ['Write the runbook', null, null],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
