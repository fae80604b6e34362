import assert from 'node:assert/strict';
import { computeMetrics, renderMetricsMarkdown, renderMetricsText } from '../../../src/core/metrics';

/**
 * Trial14a F22: `postmortem metrics` printed MTTR by month, type and severity but not by service
 * (the README promises it, `--format md` had it), and md's items-per-service rows added up to more
 * items than there were without a word: an incident with two services is counted under each.
 */
const NOW = '2026-12-07T12:00:00Z';
const pm = (id: string, services: string, item: string) => ({
  uri: `${id}.md`,
  text: ['---', 'type: postmortem', `id: ${id}`, `title: ${id}`, 'severity: SEV2', `services: ${services}`, 'started_at: 2026-12-01T10:00:00Z', 'detected_at: 2026-12-01T10:05:00Z', 'resolved_at: 2026-12-01T11:05:00Z', '---', '', '## Action items', '', item, ''].join('\n'),
});
const TWO = [pm('S1', '[checkout, payments]', '- [ ] Add alert @ana due:2026-12-20'), pm('S2', '[payments]', '- [ ] Fix pool @bo due:2026-12-21')];

describe('metrics by service (trial14a F22)', () => {
  it('the terminal report has the MTTR and action-item tables by service, and says why their rows add up to more', () => {
    const text = renderMetricsText(computeMetrics(TWO, { now: NOW }));
    assert.match(text, /^MTTR \(detection → resolution\) by service \(incidents with both times\):\n {2}service +with both times +median +p90 +mean\n {2}payments +2 +1 hour +1 hour +1 hour\n {2}checkout +1 +1 hour +1 hour +1 hour\n {2}note: 1 incident names more than one service and is counted under each, so the rows count more than the 2 with both times$/m);
    assert.match(text, /^Action items: 0 of 2 done/m);
    assert.match(text, /^ {2}service +open +overdue +done\n {2}payments +2 +0 +0\n {2}checkout +1 +0 +0\n {2}note: 1 item of 1 incident naming more than one service is counted under each of its services, so the rows add up to more than the 2 items$/m);
  });

  it('the Markdown report says the same under its tables', () => {
    const md = renderMetricsMarkdown(computeMetrics(TWO, { now: NOW }));
    assert.match(md, /\| checkout \| 1 \| 1 hour \| 1 hour \| 1 hour \|\n\nNote: 1 incident names more than one service and is counted under each, so the rows count more than the 2 with both times\.\n/);
    assert.match(md, /\| checkout \| 1 \| 0 \| 0 \|\n\nNote: 1 item of 1 incident naming more than one service is counted under each of its services, so the rows add up to more than the 2 items\.\n/);
  });

  it('says nothing when each incident names one service, and counts a service written twice once', () => {
    const one = computeMetrics([pm('S2', '[payments]', '- [ ] Fix pool @bo due:2026-12-21'), pm('S3', '[payments, payments]', '- [x] Done @bo done:2026-12-02')], { now: NOW });
    assert.deepEqual(one.actions.byService.map((s) => [s.key, s.open, s.done]), [['payments', 1, 1]]);
    assert.deepEqual(one.actions.severalServices, { items: 0, incidents: 0 });
    assert.equal(one.durations[0].severalServices, 0);
    const text = renderMetricsText(one);
    assert.match(text, /by service \(incidents with both times\):\n {2}service +with both times.*\n {2}payments +2 /);
    assert.doesNotMatch(text, /more than one service/);
    assert.doesNotMatch(renderMetricsMarkdown(one), /more than one service/);
  });
});
