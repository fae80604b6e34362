import assert from 'node:assert/strict';
import list from '../../../src/cli/commands/list';
import { runInProcess } from '../../robustness/inProcess';
import { workspace } from './harness';

/**
 * `list` orders by the instant each incident started and showed each row's date on its own
 * calendar: an Auckland morning of 6 December (19:00Z on the 5th) sat below a St John's evening of
 * 5 December (23:30Z), so "newest first" read 2026-12-05 above 2026-12-06 (trial 14a F32).
 */
const pm = (id: string, zone: string, started: string) => `---
type: postmortem
id: ${id}
title: ${id} outage
status: draft
timezone: ${zone}
started_at: ${started}
---
# ${id} outage
`;

describe('list across zones: ordered by the instant, each start shown with its offset (trial 14a F32)', () => {
  let ws: ReturnType<typeof workspace>;
  afterEach(() => ws.cleanup());
  const NOW = '2026-12-07T12:00:00Z';

  it('text and md show the local start and offset and say the order; json gives the instant', async () => {
    ws = workspace({ 'a.md': pm('PM-A', 'Pacific/Auckland', '2026-12-05T19:00:00Z'), 'b.md': pm('PM-B', 'America/St_Johns', '2026-12-05T23:30:00Z') });
    const text = await runInProcess(list, ws.dir, '.', '--now', NOW);
    assert.equal(text.code, 0, text.stderr);
    const rows = text.stdout.split('\n').filter((l) => l.startsWith('  PM-'));
    assert.deepEqual(rows, ['  PM-B · PM-B outage  2026-12-05 20:00 UTC-03:30', '  PM-A · PM-A outage  2026-12-06 08:00 UTC+13:00']);
    assert.match(text.stdout, /^\(newest first by the instant each incident started; each date and time is in its post-mortem's own zone \(its `timezone:`\), with the UTC offset beside it\)\n\nNo service \(2\)\n/);

    const md = await runInProcess(list, ws.dir, '.', '--format', 'md', '--now', NOW);
    assert.match(md.stdout, /Newest first by the instant each incident started/);
    assert.match(md.stdout, /\| 2026-12-05 20:00 UTC-03:30 \| PM-B \|[^\n]*\n\| 2026-12-06 08:00 UTC\+13:00 \| PM-A \|/);

    const json = JSON.parse((await runInProcess(list, ws.dir, '.', '--format', 'json', '--now', NOW)).stdout) as { postmortems: { id: string; date: string; startedAt: string }[] }[];
    assert.deepEqual(json[0]!.postmortems.map((p) => [p.id, p.date, p.startedAt]), [['PM-B', '2026-12-05', '2026-12-05T23:30:00Z'], ['PM-A', '2026-12-06', '2026-12-05T19:00:00Z']]);
  });

  it('one zone: the date alone, no note (nothing to disagree)', async () => {
    ws = workspace({ 'a.md': pm('PM-A', 'Europe/London', '2026-12-05T19:00:00Z'), 'b.md': pm('PM-B', 'Europe/London', '2026-12-04T23:30:00Z') });
    const text = await runInProcess(list, ws.dir, '.', '--now', NOW);
    assert.deepEqual(text.stdout.split('\n').filter((l) => l.startsWith('  PM-')), ['  PM-A · PM-A outage  2026-12-05', '  PM-B · PM-B outage  2026-12-04']);
    assert.doesNotMatch(text.stdout, /newest first by the instant/);
  });
});
