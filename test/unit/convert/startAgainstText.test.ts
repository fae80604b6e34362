import assert from 'node:assert/strict';
import { convertPostmortem } from '../../../src/core/import/convert';
import { parsePostmortem } from '../../../src/core/document/parse';

/**
 * Trial 15a F17: Flowdock's review came with another tool's `start_time: 2020-04-21T01:30:00Z`,
 * while its own text says the database hung "at ~13:30 UTC on April 21, 2020". convert wrote 01:30Z
 * without a word and `list` showed 44 h for a 32 h incident. The stated start is still written (the
 * front matter's time is as explicit as the text's, and only the team knows which is right), but the
 * contradiction is said with both values and which was kept, and the result is not "complete".
 */
const lines = (...l: string[]) => l.join('\n') + '\n';
const startOff = (r: ReturnType<typeof convertPostmortem>) => r.diagnostics.filter((d) => d.code === 'convert/start-off-date').map((d) => [d.range.start.line + 1, d.severity, d.message]);
const flowdock = (start: string, opening: string, ...rest: string[]) => lines('---', 'title: Flowdock outage', `start_time: ${start}`, 'end_time: 2020-04-22T21:30:00Z', '---', '',
  opening, '', 'Flowdock was taken down manually at ~21:30 UTC on April 21 to investigate. The application was brought back at ~21:30 UTC on April 22.', '', ...rest);

describe('convert: a stated start_time its own text contradicts (trial 15a F17)', () => {
  it('Flowdock: 01:30Z stated, "hang at ~13:30 UTC on April 21, 2020" in the opening — both said, 01:30Z kept, the 12 hours named, not complete', () => {
    const r = convertPostmortem(flowdock('2020-04-21T01:30:00Z', 'A surge in traffic spiked CPU on the database and caused it to hang at ~13:30 UTC on April 21, 2020. The team restarted it.'));
    assert.equal(parsePostmortem(r.text).meta.started_at, '2020-04-21T01:30:00Z');
    assert.deepEqual(startOff(r), [[3, 'warning', 'The original\'s start_time says 2020-04-21T01:30:00Z, but the opening paragraph (line 7) gives "13:30 UTC on April 21, 2020" (2020-04-21T13:30:00Z), 12h later: '
      + 'started_at was written as 2020-04-21T01:30:00Z, from the original\'s start_time, not from the text — check which is the incident\'s start (exactly 12 hours apart: one of them may be an afternoon time written without its PM, or a 12-hour clock read as 24-hour)']]);
    assert.match(r.text, /^Conversion: started_at \(2020-04-21T01:30:00Z\) is the original's start_time; its text gives "13:30 UTC on April 21, 2020" \(line 7 of the original, 2020-04-21T13:30:00Z\), 12h later: check which is the incident's start\.$/m);
    assert.equal(r.report.complete, false);
  });

  it('the text agreeing with the stated start (13:30Z) says nothing', () => {
    const r = convertPostmortem(flowdock('2020-04-21T13:30:00Z', 'A surge in traffic spiked CPU on the database and caused it to hang at ~13:30 UTC on April 21, 2020. The team restarted it.'));
    assert.deepEqual(startOff(r), []);
  });

  it('the date written first ("hung on April 21, 2020 at 13:30 UTC") hours after the stated start: said, without the 12-hour hint', () => {
    const r = convertPostmortem(flowdock('2020-04-21T10:00:00Z', 'The database hung on April 21, 2020 at 13:30 UTC. The team restarted it.'));
    assert.match(String(startOff(r)[0]?.[2]), /but the opening paragraph \(line 7\) gives "April 21, 2020 at 13:30 UTC" \(2020-04-21T13:30:00Z\), 3h 30m later: started_at was written as 2020-04-21T10:00:00Z, .*one of them may be mistyped/);
  });

  it('a later paragraph\'s moment exactly 12 hours from the stated start, the opening stating none: said as an AM/PM slip; the later paragraph\'s other moments are not the start', () => {
    const r = convertPostmortem(flowdock('2020-04-21T02:15:00Z', 'A surge in traffic spiked CPU on the database.', 'The database hung at 2:15 PM UTC on April 21, 2020, and the team restarted it.'));
    assert.match(String(startOff(r)[0]?.[2]), /but the text \(line 11\) gives "2:15 PM UTC on April 21, 2020" \(2020-04-21T14:15:00Z\), 12h later: .*exactly 12 hours apart/);
  });

  it('GitHub\'s shape: the opening states the start ("starting at 05:59 UTC"), later moments (the end at 01:11 UTC on October 12) are not taken for it', () => {
    const r = convertPostmortem(lines('---', 'title: DNS incident', 'start_time: 2024-10-11T05:59:00Z', '---', '',
      'On October 11, 2024, starting at 05:59 UTC, GitHub experienced an incident that degraded several services.', '',
      'An initial mitigation attempt at 18:05 UTC repointed DNS. Code search was fully resolved at 01:11 UTC on October 12, marking the end.'));
    assert.deepEqual(startOff(r), []);
  });
});
