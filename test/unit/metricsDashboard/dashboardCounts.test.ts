import assert from 'node:assert/strict';
import { computeMetrics, renderMetricsText, type MetricsSource } from '../../../src/core/metrics';
import { renderDashboard } from './renderDashboard';

const NOW = '2026-12-06T22:00:00Z';

function pm(path: string, front: string, body = ''): MetricsSource {
  return { uri: `file:///tmp/t10/${path}`, label: path, text: `---\n${front.trim()}\n---\n\n# Incident\n\n${body}` };
}

/** Trial 10: November with MTTRs of 28 and 90 min (p90 83.8), December with two incidents and no resolution yet. */
const SOURCES = [
  pm('a.md', 'id: PM-A\nstarted_at: 2026-11-02T10:00:00Z\ndetected_at: 2026-11-02T10:00:00Z\nmitigated_at: 2026-11-02T10:28:00Z\nresolved_at: 2026-11-02T10:28:00Z', '## Action items\n\n- [x] Fix it @ana done:2026-11-03\n'),
  pm('b.md', 'id: PM-B\nstarted_at: 2026-11-09T10:00:00Z\ndetected_at: 2026-11-09T10:00:00Z\nmitigated_at: 2026-11-09T11:30:00Z\nresolved_at: 2026-11-09T11:30:00Z'),
  pm('c.md', 'id: PM-C\nstarted_at: 2026-12-05T18:10:00Z', '## Action items\n\n- [x] Add canary @ana done:2026-12-07\n- [x] Page vendor @raj\n'),
  pm('d.md', 'id: PM-D\nstarted_at: 2026-12-06T09:00:00Z'),
];

describe('metrics dashboard counts what its labels say (trial T2, T6, T12)', () => {
  it('shows incidents and those with both times per month, and rounds p90 as the CLI does', async () => {
    const { root } = await renderDashboard(SOURCES, { now: NOW, since: '2026-11-01', writerZone: 'Asia/Kolkata' });
    const caption = [...root.querySelectorAll('caption')].map((c) => c.textContent).find((c) => c?.startsWith('MTTR (detection → resolution) per month'))!;
    const table = root.querySelector(`table[data-table="${caption}"]`)!;
    assert.deepEqual([...table.querySelectorAll('thead th')].map((th) => th.textContent), ['month', 'incidents', 'with both times', 'median', 'p90', 'mean']);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent?.replace(/\u00a0/g, ' ')));
    assert.deepEqual(rows, [['2026-11', '2', '2', '59 m'], ['2026-12', '2', '0', '–']]);
    const mitigate = [...root.querySelectorAll('table[data-table="All incidents in the window"] tbody tr')].find((tr) => tr.textContent?.startsWith('Time to mitigate'))!;
    const p90 = mitigate.querySelectorAll('td')[3]!;
    assert.equal(p90.textContent?.replace(/\u00a0/g, ' '), '1 h 24 m', 'p90 of 28 and 90 min is 83.8 min');
    assert.match(renderMetricsText(computeMetrics(SOURCES, { now: NOW, since: '2026-11-01' })), /Time to mitigate \(detection → mitigation\): median 59 minutes, p90 1 hour 24 minutes/);
  });

  it('accounts for every done action item in words, with days given their unit', async () => {
    const { root } = await renderDashboard(SOURCES, { now: NOW, since: '2026-11-01', writerZone: 'Asia/Kolkata' });
    const text = root.querySelector('section#action-items p')!.textContent!;
    assert.match(text, /^3 of 3 done \(100%\), 0 open, 0 overdue\. Time to close: median 1 day, p90 1 day over 1 done item \(from the resolved_at date to the done: date, both on the Asia\/Kolkata calendar\); 1 done without a done: date; 1 with a done: date left out: its post-mortem has no resolved_at \(PM-C\)\./);
  });

  it('says how many open items are struck out, and marks a struck overdue item (one `struck` from the reader)', async () => {
    const struck = [pm('e.md', 'id: PM-E\nstarted_at: 2026-11-20T10:00:00Z', '## Action items\n\n- [ ] ~~Add alert~~ @ana due:2026-11-25\n  owner agreed in review\n- [ ] Keep the pool @ana\n')];
    const { root } = await renderDashboard(struck, { now: NOW, writerZone: 'Asia/Kolkata' });
    assert.match(root.querySelector('section#action-items p')!.textContent!, /0 of 2 done \(0%\), 2 open \(1 of them struck out but not ticked, so still open\), 1 overdue\./);
    const overdue = [...root.querySelectorAll('table[data-table="Overdue action items"] tbody tr')].map((tr) => tr.querySelectorAll('td')[1]!.textContent);
    assert.deepEqual(overdue, ['Add alert owner agreed in review (struck out, still open)']);
  });
});
