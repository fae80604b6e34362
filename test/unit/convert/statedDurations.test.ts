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
      'warning "Time to resolve: 1h 50m" disagrees with the times written: 62d 1h 50m from started_at (2023-07-25T14:05:00Z) to resolved_at (2023-09-25T15:55:00Z), against the 1h 50m stated; check which is right (if the original counts working hours only, both may be right)',
    ]);
    assert.equal(r.report.complete, false);
  });

  it('says nothing is wrong when the dates agree, within 15 minutes or a fifth of the stated duration', () => {
    const r = convertPostmortem(moj('2023-07-25 16:05', '2h 5m'), { fileName: '2023-07-25-prometheus.md', defaultZone: 'UTC' });
    assert.deepEqual(said(r).filter((s) => s.startsWith('warning')), []);
    assert.ok(said(r).includes('note "Time to resolve: 2h 5m" is kept in the Summary as written; it agrees with the times (2h from started_at to resolved_at)'), said(r).join('\n'));
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

  it('shows every non-zero part of a duration', () => {
    assert.deepEqual([formatMinutes(1994), formatMinutes(89_340), formatMinutes(110), formatMinutes(0)], ['1d 9h 14m', '62d 1h', '1h 50m', '0m']);
  });
});
