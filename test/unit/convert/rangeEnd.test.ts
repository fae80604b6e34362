/**
 * Trial14a F3: a time range in a review written in local time ("~13:30-13:45", all times CEST) was
 * converted with its start in UTC and its end left local — "11:30Z (approx.) 13:45", a 15-minute
 * window read as 2 h 15 min. The end is now read in the same zone and written in UTC with the start,
 * as a range the linter reads back.
 */
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem } from '../../../src/core/import/convert';

const ORIGINAL = ['# Cull flood', '', 'All times in CEST.', '', '## Timeline', '', '### 2018-04-18', '',
  '- ~13:30-13:45 Hub flooded with cull requests', '- 14:02 - 14:10 restarted hub', '- 15:00 fixed', '- 23:50-00:10 overnight job', ''].join('\n');

describe('convert: a time range written in local time (trial14a F3)', () => {
  it('writes both ends in UTC, the end on the next day when it passes midnight', () => {
    const r = convertPostmortem(ORIGINAL, { defaultZone: 'UTC' });
    assert.match(r.text, /^- 2018-04-18 11:30Z–11:45Z \(approx\.\) Hub flooded with cull requests$/m);
    assert.match(r.text, /^- 2018-04-18 12:02Z–12:10Z restarted hub$/m);
    assert.match(r.text, /^- 2018-04-18 13:00Z fixed$/m);
    assert.match(r.text, /^- 2018-04-18 21:50Z–22:10Z overnight job$/m);
    assert.doesNotMatch(r.text, /13:45|14:10|00:10/);
  });

  it('the converted ranges read back in lint with the end the original meant', () => {
    const entries = parsePostmortem(convertPostmortem(ORIGINAL, { defaultZone: 'UTC' }).text).timeline;
    const ends = entries.map((e) => (e.rangeEndInstant === undefined ? undefined : new Date(e.rangeEndInstant).toISOString()));
    assert.deepEqual(ends, ['2018-04-18T11:45:00.000Z', '2018-04-18T12:10:00.000Z', undefined, '2018-04-18T22:10:00.000Z']);
    assert.ok(entries.every((e) => e.problem === undefined), entries.map((e) => e.problem).join(' | '));
  });
});
