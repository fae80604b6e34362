import assert from 'node:assert/strict';
import list from '../../../src/cli/commands/list';
import { runInProcess } from '../../robustness/inProcess';
import { workspace } from './harness';

/**
 * A post-mortem without `started_at` is dated and ordered by the first other time its front matter
 * has; `list --format json` gave that instant as `startedAt` (a resolution time called the start)
 * and no row said so (trial16a F4).
 */
const pm = (id: string, times: string[]) => ['---', 'type: postmortem', `id: ${id}`, `title: ${id} outage`, 'status: draft', 'timezone: UTC', ...times, '---', `# ${id} outage`, '', '## Timeline', '', '- 2026-11-20 14:02Z [started] Errors rose', ''].join('\n');

describe('list: a row dated by another time than started_at says so (trial16a F4)', () => {
  let ws: ReturnType<typeof workspace>;
  afterEach(() => ws.cleanup());
  const NOW = '2026-12-07T12:00:00Z';

  it('json: startedAt is started_at only; datedAt and datedBy name what the row is dated by; text notes it', async () => {
    ws = workspace({ 'a.md': pm('PM-A', ['resolved_at: 2026-11-20T15:10:00Z']), 'b.md': pm('PM-B', ['started_at: 2026-11-19T10:00:00Z', 'resolved_at: 2026-11-19T11:00:00Z']) });
    const json = JSON.parse((await runInProcess(list, ws.dir, '.', '--format', 'json', '--now', NOW)).stdout) as { postmortems: { id: string; startedAt: string | null; datedAt: string | null; datedBy: string | null; notes: string[] }[] }[];
    const rows = Object.fromEntries(json[0]!.postmortems.map((p) => [p.id, p]));
    assert.deepEqual([rows['PM-A']!.startedAt, rows['PM-A']!.datedAt, rows['PM-A']!.datedBy], [null, '2026-11-20T15:10:00Z', 'resolved_at']);
    assert.match(rows['PM-A']!.notes[0] ?? '', /^dated by its resolved_at: the front matter has no started_at/);
    assert.deepEqual([rows['PM-B']!.startedAt, rows['PM-B']!.datedAt, rows['PM-B']!.datedBy, rows['PM-B']!.notes], ['2026-11-19T10:00:00Z', '2026-11-19T10:00:00Z', 'started_at', []]);
    const text = await runInProcess(list, ws.dir, '.', '--now', NOW);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /PM-A · PM-A outage {2}2026-11-20\n {4}a\.md\n {4}note: dated by its resolved_at: the front matter has no started_at, so the date shown is not the start; the timeline's \[started\] entry \(line 13\) has the start: write it as started_at\n/);
  });
});
