import assert from 'node:assert/strict';
import { computeMetrics, renderMetricsMarkdown, renderMetricsText } from '../../../src/core/metrics';
import { readSummary } from '../../../src/core/index/readSummary';
import { metricsSources } from '../../../src/vscode/metrics/metricsSources';
import { renderDashboard } from './renderDashboard';

// trial19a F1: a multi-root workspace, alpha's .postmortemrc.json with a 24 h review deadline,
// beta's with 240 h. Each folder holds one in-review file resolved 2026-12-05T02:10Z; at
// 2026-12-08T00:20Z alpha's review is 1 d 22 h overdue and beta's not due for 7 days (the status
// bar said "review due in 7 d 1 h"). The dashboard took alpha's 24 h for both: "2 overdue".
const NOW = '2026-12-08T00:20:00Z';

function summary(id: string) {
  return readSummary(['---', `id: ${id}`, `title: Incident ${id}`, 'status: in-review', 'started_at: 2026-12-05T01:00:00Z',
    'detected_at: 2026-12-05T01:10:00Z', 'resolved_at: 2026-12-05T02:10:00Z', '---', '', `# Incident ${id}`, ''].join('\n'));
}

const ENTRIES = [
  ['file:///ws/beta/postmortems/beta-1.md', summary('PM-beta-1')],
  ['file:///ws/alpha/postmortems/alpha-1.md', summary('PM-alpha-1')],
] as const;

/** The two folders' configurations, as ConfigStore.configFor gives them per file. */
const CONFIGS: Record<string, number> = { alpha: 24, beta: 240 };
const deadlineOf = (uri: string) => CONFIGS[/\/ws\/(\w+)\//.exec(uri)![1]!]!;
const labelOf = (uri: string) => uri.replace('file:///ws/', '');

describe('the dashboard measures each review against its own folder\'s deadline (trial19a F1)', () => {
  it('gives each source its folder\'s reviewDeadlineHours (the adapter, with two configurations)', () => {
    const sources = metricsSources(ENTRIES, labelOf, deadlineOf);
    assert.deepEqual(sources.map((s) => [s.label, s.reviewDeadlineHours]), [['alpha/postmortems/alpha-1.md', 24], ['beta/postmortems/beta-1.md', 240]]);
  });

  it('counts alpha\'s review overdue and beta\'s not yet due, and says the deadlines differ', async () => {
    const sources = metricsSources(ENTRIES, labelOf, deadlineOf);
    const result = computeMetrics(sources, { now: NOW });
    assert.equal(result.reviews.overdue, 1);
    assert.equal(result.reviews.pending, 1);
    assert.deepEqual(result.reviews.overdueReviews.map((o) => [o.id, o.deadlineHours, o.minutesOverdue]), [['PM-alpha-1', 24, 46 * 60 + 10]]);
    assert.deepEqual(result.reviews.deadlinesDiffer, [24, 240]);

    const { root } = await renderDashboard(sources, { now: NOW });
    const tile = root.querySelector('.tile[data-tile="reviews"]')!;
    // Not "Reviews within 24 h": no one number is the rule here.
    assert.equal(tile.querySelector('.tile-label')?.textContent, 'Reviews within own deadline');
    assert.equal(tile.querySelector('.tile-detail')?.textContent, '0 of 1, 1 overdue, 1 not yet due');
    assert.match(tile.getAttribute('title') ?? '', /1 more is not due yet \(the deadline is each folder's own: 24 or 240 hours after resolution\)/);
    const section = root.querySelector('section#review-completion')!;
    assert.match(section.querySelector('p')?.textContent ?? '', /^0 of 1 reviews due were published within their own folder's deadline \(24 or 240 hours after resolution\)/);
    const rows = [...section.querySelectorAll('table tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent));
    assert.deepEqual(rows[0], ['incident', 'title', 'resolved (UTC)', 'status', 'deadline', 'past the deadline']);
    assert.equal(rows.length, 2, 'beta\'s review is not listed as overdue');
    assert.equal(rows[1]![0], 'PM-alpha-1');
    assert.equal(rows[1]![4], '24 h');

    assert.match(renderMetricsText(result), /Reviews published within their own folder's deadline \(24 or 240 hours after resolution\): 0 of 1 due/);
    assert.match(renderMetricsText(result), /PM-alpha-1.*past its 24 h deadline/);
    assert.match(renderMetricsMarkdown(result), /\| deadline \| past the deadline \|/);
  });

  it('says one number when the folders agree', async () => {
    const sources = metricsSources(ENTRIES, labelOf, () => 240);
    const result = computeMetrics(sources, { now: NOW });
    assert.equal(result.reviews.deadlineHours, 240);
    assert.equal(result.reviews.deadlinesDiffer, undefined);
    assert.equal(result.reviews.pending, 2);
    const { root } = await renderDashboard(sources, { now: NOW });
    assert.equal(root.querySelector('.tile[data-tile="reviews"] .tile-label')?.textContent, 'Reviews within 240 h');
  });
});
