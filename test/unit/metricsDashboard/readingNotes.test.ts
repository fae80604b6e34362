import assert from 'node:assert/strict';
import { computeMetrics, renderMetricsText, type MetricsSource } from '../../../src/core/metrics';
import { renderDashboard } from './renderDashboard';

const NOW = '2026-12-07T00:10:00Z';

function pm(path: string, front: string, body = ''): MetricsSource {
  return { uri: `file:///ws/${path}`, label: path, text: `---\n${front.trim()}\n---\n\n# Incident\n\n${body}` };
}

/** Trial 11 (Los Angeles): no `timezone:`, severities written otherwise, an item done before the resolution. */
const SOURCES = [
  pm('postmortems/a.md', 'id: PM-A\nseverity: Sev-1\nstarted_at: 2026-12-01T04:00:00Z\nresolved_at: 2026-12-06T09:15:00Z', '## Action items\n\n- [x] Roll back @maria done:2026-12-05\n'),
  pm('postmortems/b.md', 'id: PM-B\nseverity: P1\ntimezone: America/Los_Angeles\nstarted_at: 2026-12-01T04:00:00Z'),
];

describe('metrics dashboard says what the report took on a default, as the CLI does (trial11 T7, T12, T14)', () => {
  it('shows the CLI\'s notes word for word: dated in UTC, severities as written or folded, done before the resolution', async () => {
    const options = { now: NOW, writerZone: 'America/Los_Angeles' };
    const cli = renderMetricsText(computeMetrics(SOURCES, options));
    const notes = [
      '1 post-mortem without `timezone:`: dated in UTC',
      '1 post-mortem with a severity outside SEV1–SEV4 is listed as written ("P1")',
      '1 post-mortem with SEV1–SEV4 written otherwise is counted as that severity ("Sev-1" as SEV1)',
    ];
    for (const note of notes) assert.ok(cli.includes(`note: ${note}\n`), note);
    const { root } = await renderDashboard(SOURCES, options);
    assert.deepEqual([...root.querySelectorAll('p[id^="reading-note-"]')].map((p) => p.textContent), notes.map((n) => `${n}.`));
    assert.match(root.textContent ?? '', /1 item done before the incident was resolved, counted as 0 days/);
  });

  it('says nothing of UTC dating to a writer on UTC', async () => {
    const { root } = await renderDashboard(SOURCES, { now: NOW, writerZone: 'UTC' });
    assert.doesNotMatch(root.textContent ?? '', /without `timezone:`/);
  });
});
