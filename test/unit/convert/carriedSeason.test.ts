import assert from 'node:assert/strict';
import { convertPostmortem } from '../../../src/core/import/convert';

/**
 * Trial 16a F13: "1:05 AM EST", then "1:40 AM" on the night New York's clocks go back. The time
 * without a zone took EST from the entry above and was read as 06:40Z without a word, while the same
 * time with nothing above it was "happens twice" and kept as written.
 */
const review = (date: string, rows: readonly string[]) => [
  '# Payments queue stall',
  '',
  `**Date:** ${date}`,
  '**All times Eastern (ET).**',
  '',
  '## Timeline',
  '',
  '| Time | Event |',
  '|---|---|',
  ...rows.map((r) => `| ${r.replace(' - ', ' | ')} |`),
  '',
].join('\n');

function converted(date: string, rows: readonly string[]) {
  const result = convertPostmortem(review(date, rows), { fileName: 'ny.md' });
  return {
    result,
    entries: result.text.split('\n').filter((l) => /^- \d{4}-/.test(l)),
    said: [...result.diagnostics.map((d) => ({ line: d.range.start.line, code: d.code, message: d.message })), ...result.notes.map((n) => ({ line: n.line, code: 'note', message: n.message }))].filter((d) => d.message.includes('which the time without a zone takes')),
  };
}

describe('convert: a time without a zone in the hour the clocks repeat or skip, under an abbreviation carried from the entry above', () => {
  it('"1:05 AM EST" then "1:40 AM": EST is the only reading after the entry above, taken and said in a note', () => {
    const r = converted('November 1, 2026', ['12:50 AM - Batch job started', '1:20 AM EDT - Queue lag alert fired', '1:05 AM EST - Workers restarted', '1:40 AM - Lag back to normal', '2:09 PM - Follow-up review held']);
    assert.deepEqual(r.entries, [
      '- 2026-11-01 04:50Z Batch job started',
      '- 2026-11-01 05:20Z Queue lag alert fired',
      '- 2026-11-01 06:05Z Workers restarted',
      '- 2026-11-01 06:40Z Lag back to normal',
      '- 2026-11-01 19:09Z Follow-up review held',
    ]);
    assert.equal(r.said.length, 1);
    assert.equal(r.said[0].code, 'note');
    assert.equal(r.said[0].line, 12);
    assert.equal(r.said[0].message, '01:40 on 2026-11-01 happens twice in America/New_York (clocks went back from 02:00 to 01:00): at 05:40Z and at 06:40Z; the entry on line 12 is written EST, which the time without a zone takes: read as 06:40Z (EST), the only reading not before the entry above (06:05Z) — check it');
  });

  it('"1:50 AM EDT" then "1:10 AM": the carried EDT would go back in time; the EST reading is taken, and said', () => {
    const r = converted('November 1, 2026', ['1:50 AM EDT - Queue lag alert fired', '1:10 AM - Workers restarted']);
    assert.deepEqual(r.entries, ['- 2026-11-01 05:50Z Queue lag alert fired', '- 2026-11-01 06:10Z Workers restarted']);
    assert.match(r.said[0].message, /read as 06:10Z \(EST\), the only reading not before the entry above \(05:50Z\)/);
  });

  it('"1:20 AM EDT" then "1:40 AM": both readings come after the entry above, so it is not converted: kept as written and warned, as with nothing above it', () => {
    const r = converted('November 1, 2026', ['1:20 AM EDT - Queue lag alert fired', '1:40 AM - Lag back to normal']);
    assert.deepEqual(r.entries, ['- 2026-11-01 05:20Z Queue lag alert fired', '- 2026-11-01 01:40 America/New_York Lag back to normal']);
    assert.equal(r.said.length, 1);
    assert.equal(r.said[0].code, 'convert/ambiguous-time');
    assert.match(r.said[0].message, /both 05:40Z \(EDT\) and 06:40Z \(EST\) come after the entry above: kept as written \("2026-11-01 01:40 America\/New_York"\), not converted/);
    assert.ok(!r.result.report.complete);
    assert.ok(r.result.report.unread.some((u) => u.line === 10));
  });

  it('"1:50 AM EST" then "2:30 AM" on the night the clocks go forward: 02:30 does not exist there; the EST reading is the only one after the entry above', () => {
    const r = converted('March 8, 2026', ['1:50 AM EST - Queue lag alert fired', '2:30 AM - Workers restarted']);
    assert.deepEqual(r.entries, ['- 2026-03-08 06:50Z Queue lag alert fired', '- 2026-03-08 07:30Z Workers restarted']);
    assert.match(r.said[0].message, /^02:30 on 2026-03-08 does not exist in America\/New_York \(clocks went from 02:00 to 03:00\); the entry on line 10 is written EST, which the time without a zone takes: read as 07:30Z \(EST\)/);
  });

  it('an hour the clocks show once is read in the carried abbreviation with nothing said', () => {
    const r = converted('November 2, 2026', ['1:20 AM EST - Queue lag alert fired', '1:40 AM - Lag back to normal']);
    assert.deepEqual(r.entries, ['- 2026-11-02 06:20Z Queue lag alert fired', '- 2026-11-02 06:40Z Lag back to normal']);
    assert.deepEqual(r.said, []);
  });
});
