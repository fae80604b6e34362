import assert from 'node:assert/strict';
import { convertPostmortem } from '../../../src/core/import/convert';

/**
 * Trial17c F15: "All times in PST", entries `4:19` … `9:14`: no hour over 12, no leading zero, no
 * am/pm. A 12-hour clock whose writer left out am/pm writes them the same way. They are read as a
 * 24-hour clock (the morning), as before, and that reading is now said in a note.
 */
const review = (times: readonly string[]) => ['# reddit hugs mybinder', '', '## Timeline', '', 'All times in PST', '', ...times.flatMap((t, i) => [i === 0 ? `### 2018-01-18 ${t}` : `### ${t}`, '', `Event ${i + 1}.`, '']), ''].join('\n');
const clockNotes = (text: string) => convertPostmortem(text).notes.filter((n) => /12 hours off/.test(n.message));

describe('convert: times a 12-hour clock without am/pm writes the same way', () => {
  it('4:19 … 9:14: read as the morning, unchanged, and said in a note on the first entry', () => {
    const result = convertPostmortem(review(['4:19', '4:27', '6:52', '9:14']));
    assert.deepEqual(result.text.split('\n').filter((l) => /^### \d{4}-/.test(l) || /^- \d{4}-/.test(l)).map((l) => /\d\d:\d\dZ/.exec(l)?.[0]), ['12:19Z', '12:27Z', '14:52Z', '17:14Z']);
    assert.deepEqual(clockNotes(review(['4:19', '4:27', '6:52', '9:14'])).map((n) => [n.line, n.message]), [[6, 'The timeline\'s 4 times (from 4:19 to 9:14) are written without am/pm, none over 12:59 and none with a leading zero, as a 12-hour clock writes them too: they were read as a 24-hour clock (4:19 as 04:19); if they are afternoon or evening times, each is 12 hours off — check one against a source']]);
    // A note: the conversion is complete as before.
    assert.equal(result.report.complete, true);
  });

  for (const [times, why] of [
    [['4:19', '9:14', '13:02'], 'an hour over 12'],
    [['04:19', '09:14'], 'leading zeros'],
    [['4:19 AM', '9:14 AM'], 'am/pm written'],
    [['10:43', '11:38', '12:11'], 'only hours 10–12, the same in either writing'],
    [['4:19'], 'one entry'],
  ] as const) {
    it(`nothing said with ${why}`, () => assert.deepEqual(clockNotes(review(times)), []));
  }
});
