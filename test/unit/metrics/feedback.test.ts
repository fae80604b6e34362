import assert from 'node:assert/strict';
import { computeMetrics, renderMetricsMarkdown, renderMetricsText } from '../../../src/core/metrics';

const doc = (id: string, start: string, feedback: string) => ({
  uri: `${id}.md`,
  text: `---\nid: ${id}\nstarted_at: ${start}\nresolved_at: ${start.replace('T10', 'T12')}\n${feedback}---\n# ${id}\n`,
});

describe('review feedback metric (team satisfaction with the review)', () => {
  const sources = [
    doc('A', '2026-02-01T10:00:00Z', 'review_feedback:\n  - by: sam\n    rating: 4\n  - rating: 2\n    note: too long\n'),
    doc('B', '2026-03-05T10:00:00Z', 'review_feedback:\n  - { by: lee, rating: 5 }\n  - { rating: 9 }\n  - { rating: "5" }\n'),
    doc('C', '2026-03-09T10:00:00Z', ''),
  ];
  const m = computeMetrics(sources, { now: '2026-06-30T00:00:00Z', by: 'month' });

  it('averages the whole 1–5 ratings, counts rated reviews, and keeps a trend per period', () => {
    assert.equal(m.feedback.reviews, 3);
    assert.equal(m.feedback.rated, 2);
    assert.equal(m.feedback.responses, 3, 'a 9 and a quoted "5" are not ratings (the schema reports them)');
    assert.equal(m.feedback.average, 3.67);
    assert.deepEqual(m.feedback.distribution, [0, 1, 0, 1, 1]);
    const trend = Object.fromEntries(m.feedback.trend.map((t) => [t.period, t.average]));
    assert.equal(trend['2026-02'], 3);
    assert.equal(trend['2026-03'], 5);
  });

  it('is said in the text and Markdown reports, with how many ratings it rests on', () => {
    const sentence = /Participants rated the reviews 3\.67 of 5 on average \(3 ratings for 2 of 3 reviews; 1–5: 0 \/ 1 \/ 0 \/ 1 \/ 1; 2026-02: 3, 2026-03: 5\)\./;
    assert.match(renderMetricsText(m), sentence);
    assert.match(renderMetricsMarkdown(m), /## Review feedback\n\nParticipants rated/);
  });

  it('says there are no ratings yet rather than printing an average of nothing', () => {
    const none = computeMetrics([sources[2]!], { now: '2026-06-30T00:00:00Z' });
    assert.equal(none.feedback.average, null);
    assert.match(renderMetricsText(none), /No ratings of the reviews yet/);
  });
});
