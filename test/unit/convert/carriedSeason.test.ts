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

describe('convert: the carried name is one of the document\'s region\'s two clocks that night (trial17c F13)', () => {
  const dublin = (rows: readonly string[]) => ['# EU API errors', '', 'All times are Europe/Dublin.', '', '## Timeline', '', ...rows.map((r) => `- Oct 25, 2026 ${r}`), ''].join('\n');
  const said = (text: string) => {
    const result = convertPostmortem(text);
    return {
      entries: result.text.split('\n').filter((l) => /^- \d{4}-/.test(l)),
      said: [...result.diagnostics.map((d) => ({ line: d.range.start.line, code: d.code, message: d.message })), ...result.notes.map((n) => ({ line: n.line, code: 'note', message: n.message }))].filter((d) => d.message.includes('which the time without a zone takes')),
    };
  };

  it('"01:35 GMT" then "01:40" in Dublin: GMT is the only reading not before the entry above, taken and said', () => {
    const r = said(dublin(['00:50 - Investigating', '01:35 GMT - Fix rolled out', '01:40 - Error rates normal']));
    assert.deepEqual(r.entries, ['- 2026-10-24 23:50Z Investigating', '- 2026-10-25 01:35Z Fix rolled out', '- 2026-10-25 01:40Z Error rates normal']);
    assert.deepEqual(r.said, [{ line: 8, code: 'note', message: '01:40 on 2026-10-25 happens twice in Europe/Dublin (clocks went back from 02:00 to 01:00): at 00:40Z and at 01:40Z; the entry on line 8 is written GMT, which the time without a zone takes: read as 01:40Z (GMT), the only reading not before the entry above (01:35Z) — check it' }]);
  });

  it('Irish "IST" carried into the repeated hour: both readings after the entry above are kept as written, one the order settles is taken and said', () => {
    const r = said(dublin(['00:50 IST - Investigating', '01:20 - Identified', '01:50 IST - Rolling back', '01:10 - Error rates normal']));
    assert.deepEqual(r.entries, ['- 2026-10-24 23:50Z Investigating', '- 2026-10-25 01:20 Europe/Dublin Identified', '- 2026-10-25 00:50Z Rolling back', '- 2026-10-25 01:10Z Error rates normal']);
    assert.deepEqual(r.said.map((s) => [s.line, s.code]), [[7, 'convert/ambiguous-time'], [9, 'note']]);
    assert.match(r.said[0].message, /both 00:20Z \(IST\) and 01:20Z \(UTC\+0\) come after the entry above: kept as written/);
    assert.match(r.said[1].message, /read as 01:10Z \(UTC\+0\), the only reading not before the entry above \(00:50Z\)/);
  });

  it('a carried name that is neither of the region\'s clocks that night is read as written, without a word', () => {
    const r = said(dublin(['00:50 UTC+05:00 - Mumbai on-call paged', '01:40 - Acknowledged']));
    assert.deepEqual(r.entries, ['- 2026-10-24 19:50Z Mumbai on-call paged', '- 2026-10-24 20:40Z Acknowledged']);
    assert.deepEqual(r.said, []);
  });
});
