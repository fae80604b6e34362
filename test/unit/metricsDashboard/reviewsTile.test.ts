import assert from 'node:assert/strict';
import { computeMetrics, renderMetricsText, type MetricsSource } from '../../../src/core/metrics';
import { renderDashboard } from './renderDashboard';

const NOW = '2026-11-27T12:00:00Z';

function pm(name: string, resolved: string, published?: string): MetricsSource {
  const front = [`id: PM-${name}`, `title: Incident ${name}`, `status: ${published ? 'published' : 'in-review'}`,
    'started_at: 2026-11-01T10:00:00Z', 'detected_at: 2026-11-01T10:00:00Z', `resolved_at: ${resolved}`, ...(published ? [`published_at: ${published}`] : [])];
  return { uri: `file:///ws/postmortems/${name}.md`, label: `postmortems/${name}.md`, text: `---\n${front.join('\n')}\n---\n\n# Incident ${name}\n` };
}

/** Two on time, two late (published after 48 h), one overdue (unpublished past 48 h), one not yet due. */
const SOURCES = [
  pm('on-time-1', '2026-11-01T12:00:00Z', '2026-11-02T12:00:00Z'),
  pm('on-time-2', '2026-11-02T12:00:00Z', '2026-11-03T12:00:00Z'),
  pm('late-1', '2026-11-03T12:00:00Z', '2026-11-10T12:00:00Z'),
  pm('late-2', '2026-11-04T12:00:00Z', '2026-11-09T12:00:00Z'),
  pm('overdue', '2026-11-05T12:00:00Z'),
  pm('not-due', '2026-11-27T10:00:00Z'),
];

describe('the dashboard\'s reviews tile says what `postmortem metrics` says (trial14b F8)', () => {
  it('counts the late reviews beside the overdue ones, so the counts add up to the reviews due', async () => {
    const { root } = await renderDashboard(SOURCES, { now: NOW });
    const tile = root.querySelector('.tile[data-tile="reviews"]')!;
    assert.equal(tile.querySelector('.tile-value')?.textContent, '40%');
    assert.equal(tile.querySelector('.tile-detail')?.textContent, '2 of 5, 2 late, 1 overdue, 1 not yet due');
    const cli = renderMetricsText(computeMetrics(SOURCES, { now: new Date(NOW) }));
    assert.match(cli, /Reviews published within 48 h: 2 of 5 due \(40(\.0)?%\); 2 late, 1 overdue, 1 not yet due/);
    const section = root.querySelector('section#review-completion p')?.textContent ?? '';
    assert.match(section, /^2 of 5 reviews due were published within 48 hours of resolution \(40(\.0)?%\); 2 late, 1 overdue, 1 not yet due\./);
  });
});
