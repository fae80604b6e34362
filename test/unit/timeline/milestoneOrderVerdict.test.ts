import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint/engine';
import { readSummary } from '../../../src/core/index';
import { computeMetrics } from '../../../src/core/metrics';
import { applyEdits } from '../../../src/core/fix/applyEdits';

/**
 * trial19c F2: a typo'd `detected_at` (10:15Z, the timeline's [detected] entry says 09:15Z) after
 * both `mitigated_at` (09:31Z) and `resolved_at` (10:02Z). The tools dropped the correct
 * `mitigated_at` — always the later key of a pair — and counted an MTTD of 63 min where the truth is
 * 3; lint said only "Expected `mitigated_at` at or after `detected_at`". Now the value out of order
 * with the most others (its own timeline entry counted) is the one named by lint, offered the
 * timeline's time, and the one list and the metrics leave out, saying so; on a tie, neither is used.
 */
const NOW = new Date('2026-12-10T12:00:00Z');

function pm(front: string, timeline: string): string {
  return [
    '---', 'type: postmortem', 'id: PM-F', 'title: Redis eviction storm', 'status: in-review', 'severity: SEV3',
    front.trimEnd(), 'facilitator: kai', 'authors: [kai]', '---', '', '# Redis eviction storm', '', '## Summary', '', 'Evictions.', '',
    '## Timeline', '', timeline.trimEnd(), '',
  ].join('\n');
}

const TYPO_FRONT = 'started_at: 2026-11-03T09:12:00Z\ndetected_at: 2026-11-03T10:15:00Z\nmitigated_at: 2026-11-03T09:31:00Z\nresolved_at: 2026-11-03T10:02:00Z';
const TIMELINE = '- 2026-11-03 09:12Z (deploy) session TTL raised\n- 09:15Z [detected] (alert) evictions\n- 09:31Z [mitigated] TTL reverted\n- 10:02Z [resolved] hit ratio back';

function orderDiagnostics(text: string) {
  return lintText(text, { now: NOW }).diagnostics.filter((d) => d.code === 'time/order');
}

function lineOf(text: string, start: string): number {
  return text.split('\n').findIndex((l) => l.startsWith(start));
}

describe('which front-matter time out of order is the wrong one (trial19c F2)', () => {
  it('a detected_at after mitigated_at and resolved_at is the one lint names, with the timeline\'s time as a fix', () => {
    const text = pm(TYPO_FRONT, TIMELINE);
    const found = orderDiagnostics(text);
    assert.equal(found.length, 1);
    const [d] = found;
    assert.equal(d!.range.start.line, lineOf(text, 'detected_at:'));
    assert.equal(d!.message, 'Expected `detected_at` at or before `mitigated_at` (2026-11-03T09:31:00Z) and `resolved_at` (2026-11-03T10:02:00Z), found 2026-11-03T10:15:00Z; the timeline\'s [detected] entry (line 24) says 2026-11-03T09:15:00Z: it is the value out of order with the others, so list and the metrics leave it out');
    assert.deepEqual(d!.related?.map((r) => r.range.start.line), [lineOf(text, 'mitigated_at:'), lineOf(text, 'resolved_at:')]);
    const fix = d!.fixes?.[0];
    assert.equal(fix?.title, 'Set detected_at to 2026-11-03T09:15:00Z from the timeline\'s [detected] entry (line 24)');
    assert.ok(!fix?.isPreferred, 'a person looks: fix-all does not apply it');
    const fixed = applyEdits(text, fix!.edits).text;
    assert.match(fixed, /^detected_at: 2026-11-03T09:15:00Z$/m);
    assert.deepEqual(orderDiagnostics(fixed), []);
  });

  it('list and the metrics leave out detected_at, keep mitigated_at, and say which', () => {
    const text = pm(TYPO_FRONT, TIMELINE);
    const s = readSummary(text);
    assert.deepEqual(Object.keys(s.milestones).sort(), ['mitigated', 'resolved', 'started']);
    assert.deepEqual(s.problems, ['Time not read: `detected_at` (2026-11-03T10:15:00Z) is after `mitigated_at` (2026-11-03T09:31:00Z) and `resolved_at` (2026-11-03T10:02:00Z); the timeline\'s [detected] entry (line 24) says 2026-11-03T09:15:00Z: it is the value out of order, which lint rejects (time/order); not used']);
    const m = computeMetrics([{ uri: 'F.md', text }], { now: NOW });
    const ttd = m.durations.find((x) => x.id === 'timeToDetect')!;
    assert.equal(ttd.overall.count, 0, 'no MTTD of 63 min from the typo');
    assert.equal(m.durations.find((x) => x.id === 'timeToResolveFromStart')!.overall.median, 50);
    assert.match(m.problems.map((p) => p.message).join('\n'), /`detected_at` \(2026-11-03T10:15:00Z\) is after/);
  });

  it('without the timeline, the value out of order with two others is still the one', () => {
    const text = pm(TYPO_FRONT, '- 2026-11-03 09:12Z deploy');
    const [d] = orderDiagnostics(text);
    assert.equal(d!.range.start.line, lineOf(text, 'detected_at:'));
    assert.equal(d!.fixes, undefined, 'no timeline time to offer');
    assert.deepEqual(Object.keys(readSummary(text).milestones).sort(), ['mitigated', 'resolved', 'started']);
  });

  it('a plain pair with nothing to tell them apart: both said, neither used', () => {
    const front = 'started_at: 2026-11-03T09:12:00Z\ndetected_at: 2026-11-03T09:40:00Z\nmitigated_at: 2026-11-03T09:31:00Z\nresolved_at: 2026-11-03T10:02:00Z';
    const text = pm(front, '- 2026-11-03 09:12Z deploy');
    const found = orderDiagnostics(text);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.range.start.line, lineOf(text, 'mitigated_at:'));
    assert.equal(found[0]!.related?.[0]?.range.start.line, lineOf(text, 'detected_at:'));
    assert.match(found[0]!.message, /nothing tells which of the two is wrong \(an entry marked \[mitigated\] or \[detected\] in the timeline would\), so list and the metrics use neither$/);
    const s = readSummary(text);
    assert.deepEqual(Object.keys(s.milestones).sort(), ['resolved', 'started']);
    assert.deepEqual(s.problems, ['Time not read: `mitigated_at` (2026-11-03T09:31:00Z) is before `detected_at` (2026-11-03T09:40:00Z), and nothing tells which of the two is wrong, which lint rejects (time/order); neither is used (`mitigated_at`, `detected_at`)']);
  });

  it('the timeline breaks a tie: the value its entry contradicts is the wrong one', () => {
    const front = 'started_at: 2026-11-03T09:12:00Z\ndetected_at: 2026-11-03T09:40:00Z\nmitigated_at: 2026-11-03T09:31:00Z\nresolved_at: 2026-11-03T10:02:00Z';
    // mitigated_at agrees with its entry, detected_at does not.
    const text = pm(front, '- 2026-11-03 09:12Z deploy\n- 09:15Z [detected] alert\n- 09:31Z [mitigated] revert');
    const [d] = orderDiagnostics(text);
    assert.equal(d!.range.start.line, lineOf(text, 'detected_at:'));
    assert.match(d!.message, /it is the value out of order with the other and its timeline entry/);
    assert.equal(d!.fixes?.[0]?.title, 'Set detected_at to 2026-11-03T09:15:00Z from the timeline\'s [detected] entry (line 24)');
    assert.deepEqual(Object.keys(readSummary(text).milestones).sort(), ['mitigated', 'resolved', 'started']);
    // The other way round: the entry contradicts mitigated_at.
    const other = pm(front, '- 2026-11-03 09:12Z deploy\n- 09:40Z [detected] alert\n- 09:50Z [mitigated] revert');
    const [e] = orderDiagnostics(other);
    assert.equal(e!.range.start.line, lineOf(other, 'mitigated_at:'));
    assert.equal(e!.fixes?.[0]?.title, 'Set mitigated_at to 2026-11-03T09:50:00Z from the timeline\'s [mitigated] entry (line 25)');
    assert.deepEqual(Object.keys(readSummary(other).milestones).sort(), ['detected', 'resolved', 'started']);
  });

  it('a timeline time that would itself be out of order is not offered', () => {
    // The [detected] entry says 09:35Z, after mitigated_at (09:31Z): copying it would be another time/order error.
    const text = pm(TYPO_FRONT, '- 2026-11-03 09:12Z deploy\n- 09:35Z [detected] alert');
    const [d] = orderDiagnostics(text);
    assert.equal(d!.range.start.line, lineOf(text, 'detected_at:'));
    assert.equal(d!.fixes, undefined);
  });

  it('a resolved_at a year early is still the one not used (trial 9 T11)', () => {
    const front = 'detected_at: 2023-01-05T10:00:00Z\nmitigated_at: 2023-02-01T10:30:00Z\nresolved_at: 2022-02-01T10:30:00Z';
    const text = pm(front, '- 2023-01-05 10:00Z alert');
    const [d] = orderDiagnostics(text);
    assert.equal(d!.range.start.line, lineOf(text, 'resolved_at:'));
    assert.deepEqual(Object.keys(readSummary(text).milestones).sort(), ['detected', 'mitigated']);
  });
});
