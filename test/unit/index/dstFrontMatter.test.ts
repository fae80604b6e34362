import assert from 'node:assert/strict';
import { computeMetrics } from '../../../src/core/metrics';
import { readSummary } from '../../../src/core/index';

/**
 * A front-matter time a DST change skips or repeats names no single instant: lint says so (an
 * error); the summary behind list, metrics and the views must not pick one in silence (trial C3:
 * Los Angeles got the first of two instants, Lord Howe the second).
 */
describe('front-matter times that do not exist or happen twice are not used, and said (trial C3)', () => {
  const text = (zone: string, started: string, detected: string, resolved: string) =>
    `---\ntype: postmortem\ntitle: At the clock change\ntimezone: ${zone}\nstarted_at: ${started}\ndetected_at: ${detected}\nresolved_at: ${resolved}\n---\n\n# At the clock change\n`;

  it('Los Angeles: 02:30 on 2026-03-08 does not exist, 01:30 on 2026-11-01 happens twice', () => {
    const s = readSummary(text('America/Los_Angeles', '2026-03-08 02:30', '2026-11-01 01:30', '2026-11-01 03:00'));
    assert.equal(s.milestones.started, undefined);
    assert.equal(s.milestones.detected, undefined);
    assert.equal(s.milestones.resolved, Date.parse('2026-11-01T11:00:00Z'));
    assert.ok(s.problems.some((p) => /`started_at`: 02:30 on 2026-03-08 does not exist in America\/Los_Angeles/.test(p)), s.problems.join('\n'));
    assert.ok(s.problems.some((p) => /`detected_at`: 01:30 on 2026-11-01 happens twice in America\/Los_Angeles/.test(p)), s.problems.join('\n'));
  });

  it('Lord Howe (half-hour change): metrics computes no time to detect from a guessed instant and names the file', () => {
    const m = computeMetrics([{ uri: 'lh.md', text: text('Australia/Lord_Howe', '2026-04-05 01:00', '2026-04-05 01:40', '2026-04-05 03:00') }], { now: '2026-12-01T00:00:00Z' });
    assert.equal(m.incidents[0].detectedAt, undefined);
    assert.equal(m.incidents[0].durations.timeToDetect, undefined);
    assert.ok(m.problems.some((p) => p.uri === 'lh.md' && /`detected_at`: 01:40 on 2026-04-05 happens twice in Australia\/Lord_Howe/.test(p.message)), JSON.stringify(m.problems));
  });

  it('a time with its offset or Z is used as written', () => {
    const s = readSummary(text('America/Los_Angeles', '2026-11-01T01:30:00-07:00', '2026-11-01T09:30:00Z', '2026-11-01 03:00'));
    assert.equal(s.milestones.started, Date.parse('2026-11-01T08:30:00Z'));
    assert.equal(s.milestones.detected, Date.parse('2026-11-01T09:30:00Z'));
    // `2026-11-01 03:00` is used too (03:00 exists once), and said: lint rejects its form (trial T6).
    assert.deepEqual(s.problems, ["Time read from a value lint rejects: `resolved_at: 2026-11-01 03:00` is not an ISO 8601 date-time in UTC (lint: schema/format); it was read as America/Los_Angeles time (the front matter's `timezone`), 2026-11-01T11:00:00Z. `postmortem lint --fix` writes it so"]);
  });
});
