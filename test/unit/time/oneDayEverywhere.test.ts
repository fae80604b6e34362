import assert from 'node:assert/strict';
import { dueAnchorOfMeta } from '../../../src/core/actions/dueYear';
import { readSummary } from '../../../src/core/index';
import { libraryEntry } from '../../../src/core/library/entry';
import { withoutTimezoneNotes } from '../../../src/core/library/withoutTimezone';
import { computeMetrics } from '../../../src/core/metrics';
import { readingNotes } from '../../../src/core/metrics/render/format';
import { deadlineWords, reviewStatus } from '../../../src/vscode/statusBar/reviewStatus';

/**
 * One day and one count, however a review is looked at: the list, the metrics, the status bar and a
 * year-less due date all take the incident's day from `incidentDay` on the calendar of its own
 * `timezone:`, and the list and the metrics count the reviews without one with the same function.
 */
const NOW = Date.parse('2026-12-07T05:00:00Z');
const text = (front: string) => `---\ntype: postmortem\nid: PM-1\ntitle: Evening outage\nstatus: draft\n${front}---\n\n# Evening outage\n\n## Action items\n\n- [ ] Add a canary stage @dana due Mar 1\n`;

describe('the day of a review in a zone written as an offset (+05:30)', () => {
  // 20:00Z on 1 March is 01:30 on 2 March in India.
  const front = 'started_at: 2026-03-01T20:00:00Z\nresolved_at: 2026-03-01T20:00:00Z\ntimezone: "+05:30"\n';
  const summary = readSummary(text(front));

  it('is the same day in the list, the metrics, the status bar and the year of a due date', () => {
    assert.equal(libraryEntry('a.md', summary, NOW).date, '2026-03-02');
    const metrics = computeMetrics([{ uri: 'a.md', text: text(front) }], { now: new Date(NOW) });
    assert.equal(metrics.incidents[0].date, '2026-03-02');
    assert.equal(deadlineWords(reviewStatus(summary, 48, NOW), NOW)!.text, 'review not published (resolved 2026-03-02)');
    assert.deepEqual(dueAnchorOfMeta({ started_at: '2026-03-01T20:00:00Z', timezone: '+05:30' }), { day: '2026-03-02', name: 'the incident date' });
    // "due Mar 1" is on or after the incident's day, 2 March 2026: the next year's.
    assert.equal(summary.actionItems[0].due, '2027-03-01');
  });
});

describe('reviews without `timezone:`, counted once for the list and the metrics', () => {
  const sources = [
    { uri: 'a.md', text: text('started_at: 2026-11-02T10:00:00Z\n') },
    { uri: 'b.md', text: text('started_at: 2026-11-03T10:00:00Z\n') },
    { uri: 'c.md', text: text('started_at: 2026-11-04T10:00:00Z\ntimezone: Europe/Berlin\n') },
  ];

  it('says the same sentences in both, and none to a writer on UTC', () => {
    const fromList = withoutTimezoneNotes(sources.map((s) => readSummary(s.text)), 'Europe/Berlin');
    assert.deepEqual(fromList, ['2 post-mortems without `timezone:`: dated in UTC']);
    const metrics = computeMetrics(sources, { now: new Date(NOW), writerZone: 'Europe/Berlin' });
    assert.deepEqual(readingNotes(metrics).filter((n) => n.includes('without `timezone:`')), fromList);
    assert.deepEqual(computeMetrics(sources, { now: new Date(NOW), writerZone: 'UTC' }).withoutTimezone, []);
    assert.deepEqual(withoutTimezoneNotes(sources.map((s) => readSummary(s.text)), 'UTC'), []);
  });
});
