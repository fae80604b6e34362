/**
 * Trial 12 T6: convert compares a duration the original states ("Time to resolve: 1h 50m",
 * "Duration: 16h 45m") with the times it writes, and says a disagreement with both numbers as a
 * warning (the report is not "complete"), instead of "check they agree" without checking.
 */
import assert from 'node:assert/strict';
import { convertPostmortem } from '../../../src/core/import/convert';
import { formatMinutes } from '../../../src/core/import/convert/statedDurations';

/** A Ministry of Justice key-events post-mortem, its "Resolved" date typed two months late as in the original. */
function moj(resolved: string, timeToResolve: string) {
  return [
    '# Incident on 2023-07-25 - Prometheus on live cluster DOWN', '',
    '- **Key events**', '  - First detected: 2023-07-25 14:05', '  - Repaired: 2023-07-25 15:55', `  - Resolved ${resolved}`, '',
    '- **Time to repair**: 1h 50m', '', `- **Time to resolve**: ${timeToResolve}`, '',
    '### Timeline', '', '- 2023-07-25 14:05: PagerDuty alert for Prometheus', '- 2023-07-25 15:55: Prometheus back', '',
  ].join('\n');
}

const said = (r: ReturnType<typeof convertPostmortem>) => [
  ...r.diagnostics.filter((d) => d.code === 'convert/duration-disagrees' || d.code === 'convert/not-read').map((d) => `${d.severity} ${d.message}`),
  ...r.notes.filter((n) => /Time to|Duration/.test(n.message)).map((n) => `note ${n.message}`),
];

describe('convert: stated durations compared with the times written (trial 12 T6)', () => {
  it('warns when "Time to resolve" disagrees with resolved_at, naming both, and notes the one that agrees', () => {
    const r = convertPostmortem(moj('2023-09-25 15:55', '1h 50m'), { fileName: '2023-07-25-prometheus.md', defaultZone: 'UTC' });
    assert.match(r.text, /resolved_at: 2023-09-25T15:55:00Z/);
    assert.deepEqual(said(r).sort(), [
      'note "Time to repair: 1h 50m" is kept in the Summary as written; it agrees with the times (1h 50m from started_at to mitigated_at)',
      'warning "Time to resolve: 1h 50m" disagrees with the times written: 62d 1h 50m from started_at (2023-07-25T14:05:00Z) to resolved_at (2023-09-25T15:55:00Z), against the 1h 50m stated (the closest of the spans it may mean); check which is right (if the original counts working hours only, both may be right)',
    ]);
    assert.equal(r.report.complete, false);
  });

  it('says "within N min" when the stated duration is close but not the same minute, never "agrees"', () => {
    const r = convertPostmortem(moj('2023-07-25 16:05', '2h 5m'), { fileName: '2023-07-25-prometheus.md', defaultZone: 'UTC' });
    assert.deepEqual(said(r).filter((s) => s.startsWith('warning')), []);
    assert.ok(said(r).includes('note "Time to resolve: 2h 5m" is kept in the Summary as written; it is within 5 min of the times (2h from started_at to resolved_at)'), said(r).join('\n'));
  });

  it('compares a Flutter-style "Duration:" line (no list marker, <br>) with the span of the incident', () => {
    const text = [
      '# Flutter postmortem: Build Breakage on 2016-11-08', '', '## Summary', '',
      'Description: Travis reported failures on builds<br>', 'Date/time: 2016-11-07 21:30<br>', 'Duration: 16h 45m<br>', '',
      '## Timeline (all times in UTC)', '', '2016-11-08', '', '**00:27** package:args 0.13.6+1 is pushed to pub **&lt;START OF OUTAGE&gt;**<br>', '**22:15** Fix lands. **&lt;END OF OUTAGE&gt;**<br>', '',
    ].join('\n');
    const r = convertPostmortem(text, { fileName: 'Postmortem-Build-Breakage-on-2016-11-08.md' });
    const warning = said(r).find((s) => s.startsWith('warning'));
    assert.equal(warning, 'warning "Duration: 16h 45m" disagrees with the times written: 21h 48m from started_at (2016-11-08T00:27:00Z) to mitigated_at (2016-11-08T22:15:00Z), against the 16h 45m stated; check which is right');
  });

  it('says a stated duration it cannot read or has nothing to compare with, never passes it over', () => {
    const r = convertPostmortem(moj('2023-07-25 16:05', 'about two hours, roughly'), { fileName: '2023-07-25-prometheus.md', defaultZone: 'UTC' });
    assert.ok(said(r).some((s) => s.startsWith('warning "Time to resolve: about two hours, roughly" is kept in the Summary as written, not compared with the times')), said(r).join('\n'));
  });

  /** A Ministry of Justice key-events review as 2020-02-12 and 2020-02-18 write them: no "Repaired" line. */
  const keyEvents = (fault: string, declared: string, resolved: string, repair: string, resolve: string) => [
    '# Incident on 2020-02-12', '', '- **Key events**', `  - Fault occurs 2020-02-12 ${fault}`, `  - Incident declared 2020-02-12 ${declared}`, `  - Resolved 2020-02-12 ${resolved}`, '',
    `- **Time to repair**: ${repair}`, '', `- **Time to resolve**: ${resolve}`, '', '- **Identified**: Pingdom reported Concourse down.', '',
  ].join('\n');

  it('names the span a stated duration matches: detected_at → resolved_at when that is the one (trial18c F6, MoJ 2020-02-12)', () => {
    const r = convertPostmortem(keyEvents('11:45', '11:51', '12:07', '0h 16m', '0h 22m'), { fileName: '2020-02-12.md', defaultZone: 'UTC' });
    assert.deepEqual(said(r).sort(), [
      'note "Time to repair: 0h 16m" is kept in the Summary as written; it agrees with the times (16m from detected_at to resolved_at)',
      'note "Time to resolve: 0h 22m" is kept in the Summary as written; it agrees with the times (22m from started_at to resolved_at)',
    ]);
  });

  it('says 10 minutes apart disagrees, never "agrees" (trial18c F6, MoJ 2020-02-18: "0h 36m" beside 46m)', () => {
    const r = convertPostmortem(keyEvents('10:00', '10:00', '10:46', '0h 36m', '0h 46m'), { fileName: '2020-02-18.md', defaultZone: 'UTC' });
    assert.ok(said(r).includes('warning "Time to repair: 0h 36m" disagrees with the times written: 46m from started_at (2020-02-12T10:00:00Z) to resolved_at (2020-02-12T10:46:00Z), against the 36m stated (the closest of the spans it may mean); check which is right'), said(r).join('\n'));
    assert.equal(r.report.complete, false);
  });

  it('says a day-long duration 64 minutes off disagrees (trial18c F6, MoJ eks-upgrade: "2d 1h 29m" beside 2d 2h 33m)', () => {
    const text = keyEvents('09:36', '09:36', '12:07', '1h 4m', '2d 1h 29m').replace('Resolved 2020-02-12 12:07', 'Resolved 2020-02-14 12:09');
    const r = convertPostmortem(text, { fileName: '2020-02-12.md', defaultZone: 'UTC' });
    assert.ok(said(r).some((s) => s.startsWith('warning "Time to resolve: 2d 1h 29m" disagrees with the times written: 2d 2h 33m from started_at')), said(r).join('\n'));
  });

  it('says "within N min" up to five minutes, and half an hour for a value in whole hours', () => {
    const near = convertPostmortem(keyEvents('10:00', '10:00', '10:58', '0h 55m', '0h 58m'), { fileName: '2020-02-12.md', defaultZone: 'UTC' });
    assert.ok(said(near).includes('note "Time to repair: 0h 55m" is kept in the Summary as written; it is within 3 min of the times (58m from started_at to resolved_at)'), said(near).join('\n'));
    const hours = convertPostmortem(keyEvents('10:00', '10:00', '13:20', '3 hours', '3h 20m'), { fileName: '2020-02-12.md', defaultZone: 'UTC' });
    assert.ok(said(hours).includes('note "Time to repair: 3 hours" is kept in the Summary as written; it is within 20 min of the times (3h 20m from started_at to resolved_at, which the original gives in whole hours)'), said(hours).join('\n'));
    const six = convertPostmortem(keyEvents('10:00', '10:00', '10:58', '0h 52m', '0h 58m'), { fileName: '2020-02-12.md', defaultZone: 'UTC' });
    assert.ok(said(six).some((s) => s.startsWith('warning "Time to repair: 0h 52m" disagrees')), said(six).join('\n'));
  });

  it('reads the duration before a remark in brackets, but not one counted in support hours (MoJ 2020-08-04)', () => {
    const remark = convertPostmortem(keyEvents('10:00', '10:00', '10:58', '0h 58m (from the first alert)', '0h 58m'), { fileName: '2020-02-12.md', defaultZone: 'UTC' });
    assert.ok(said(remark).includes('note "Time to repair: 0h 58m (from the first alert)" is kept in the Summary as written; it agrees with the times (58m from started_at to resolved_at)'), said(remark).join('\n'));
    const support = convertPostmortem(keyEvents('10:00', '10:00', '10:58', '0h 30m', '9h 16m (during support hours 10:00-17:00)'), { fileName: '2020-02-12.md', defaultZone: 'UTC' });
    assert.ok(said(support).includes('warning "Time to resolve: 9h 16m (during support hours 10:00-17:00)" is kept in the Summary as written, not compared with the times (it counts working hours only, as the original says, and the times count every hour); check it'), said(support).join('\n'));
  });

  it('shows every non-zero part of a duration', () => {
    assert.deepEqual([formatMinutes(1994), formatMinutes(89_340), formatMinutes(110), formatMinutes(0)], ['1d 9h 14m', '62d 1h', '1h 50m', '0m']);
  });
});
