/**
 * CSV exports from Excel and Google Sheets write times as the sheet shows them: 12-hour clocks,
 * 12/6/2026, Dec 6, 2026, Excel serial numbers, a Date column beside a Time column. The unambiguous
 * ones are read; a numeric date both orders could mean is settled by a row that can only be one
 * order (and said), by the user, or refused with the row, the value, both readings and what to
 * write (trial 13a F8: "unknown time zone "PM"", "expected a date and time … found "12/13/2026 19:02"").
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import importTimeline from '../../../src/cli/commands/importTimeline';
import { AmbiguousDateOrderError, ImportError, readCsvTimeline, type CsvOptions } from '../../../src/core/import';

const LA = { name: 'x.csv', zone: 'America/Los_Angeles' };
const read = (csv: string, options: CsvOptions = LA) => readCsvTimeline(csv, options);
const iso = (csv: string, options: CsvOptions = LA) => read(csv, options).events.map((e) => new Date(e.instant).toISOString());
const oneCell = (value: string) => `Time,Message\n"${value}",disk full on db-1\n`;

describe('CSV times as spreadsheets write them', () => {
  it('reads 12-hour clocks, month names, weekdays and US dates with a day above 12, in the export\'s zone', () => {
    // 7:02 PM on 6 December in Los Angeles is 03:02Z on the 7th.
    for (const value of ['2026-12-06 7:02 PM', '2026-12-06 07:02pm', '2026-12-06 7:02 p.m.', 'Dec 6, 2026 7:02 PM', 'December 6, 2026 at 7:02 PM', 'Sunday, December 6, 2026 7:02 PM', '6 Dec 2026 19:02', '06-Dec-2026 19:02', '2026/12/06 19:02']) {
      assert.deepEqual(iso(oneCell(value)), ['2026-12-07T03:02:00.000Z'], value);
    }
    assert.deepEqual(iso(oneCell('12/13/2026 19:02')), ['2026-12-14T03:02:00.000Z']);
    assert.deepEqual(iso(oneCell('13/12/2026 7:02:10 PM')), ['2026-12-14T03:02:10.000Z']);
    assert.deepEqual(iso(oneCell('2026-12-06 12:05 AM')), ['2026-12-06T08:05:00.000Z'], '12 AM is midnight');
    assert.deepEqual(iso(oneCell('2026-12-06 12:05 PM')), ['2026-12-06T20:05:00.000Z'], '12 PM is noon');
    // A zone written after the 12-hour clock is used, not the export's.
    assert.deepEqual(iso(oneCell('Sun, 06 Dec 2026 7:02 PM GMT')), ['2026-12-06T19:02:00.000Z']);
    assert.deepEqual(iso(oneCell('12/13/2026 7:02 PM -05:00')), ['2026-12-14T00:02:00.000Z']);
  });

  it('reads an Excel serial day number and says how, with the 1904 system it could be', () => {
    const r = read(oneCell('46362.79317'));
    assert.deepEqual(r.events.map((e) => new Date(e.instant).toISOString()), ['2026-12-07T03:02:10.000Z']);
    assert.ok(r.notes.some((n) => n === 'Excel serial day numbers in "Time" read in Excel\'s 1900 date system (x.csv row 2: 46362.79317 is 2026-12-06 19:02:10); in a workbook set to the 1904 date system they would be 4 years and a day later'), r.notes.join('\n'));
  });

  it('refuses 12/6/2026 when no row tells the order, naming the row, the value, both readings and what to write', () => {
    const csv = 'Time,Message\n12/6/2026 7:02 PM,disk full\n12/7/2026 9:00 AM,recovered\n';
    assert.throws(() => read(csv), (e: unknown) => {
      assert.ok(e instanceof AmbiguousDateOrderError);
      assert.equal(e.message, 'x.csv row 2: "12/6/2026" could be 6 December 2026 (month first) or 12 June 2026 (day first), and no date in the export has a day above 12 to tell; write the dates as YYYY-MM-DD (in the spreadsheet, format the column as yyyy-mm-dd hh:mm:ss before exporting), or say which order the export uses');
      assert.deepEqual(e.example, { value: '12/6/2026', monthFirst: '6 December 2026', dayFirst: '12 June 2026' });
      return true;
    });
    assert.deepEqual(iso(csv, { ...LA, dateOrder: 'month-first' }), ['2026-12-07T03:02:00.000Z', '2026-12-07T17:00:00.000Z']);
    assert.deepEqual(iso(csv, { ...LA, dateOrder: 'day-first' }), ['2026-06-13T02:02:00.000Z', '2026-07-12T16:00:00.000Z']);
    assert.ok(read(csv, { ...LA, dateOrder: 'day-first' }).notes.includes('dates in "Time" read day first, as asked (12/6/2026 as 12 June 2026)'));
  });

  it('lets a row that can only be one order settle the others, and says which row', () => {
    const csv = 'Date,Time,Alert\n06/12/2026,23:52:10,5xx\n07/12/2026,00:31:02,resolved\n13/12/2026,09:00:00,follow-up\n';
    const r = read(csv, { name: 'alerts.csv', zone: 'Asia/Kolkata' });
    assert.deepEqual(r.events.map((e) => new Date(e.instant).toISOString()), ['2026-12-06T18:22:10.000Z', '2026-12-06T19:01:02.000Z', '2026-12-13T03:30:00.000Z']);
    assert.ok(r.notes.includes('dates in "Date" read day first (06/12/2026 as 6 December 2026), as alerts.csv row 4\'s "13/12/2026" can only be read'), r.notes.join('\n'));
    assert.match(r.notes[0], /time from "Date" and "Time"/);
    assert.throws(() => read(csv, { name: 'alerts.csv', zone: 'Asia/Kolkata', dateOrder: 'month-first' }), /alerts\.csv row 4: "13\/12\/2026" cannot be read month first: it can only be day first/);
    const mixed = 'Time,Alert\n13/12/2026 09:00,a\n12/13/2026 09:00,b\n';
    assert.throws(() => read(mixed), /x\.csv row 2: "13\/12\/2026" can only be day first and x\.csv row 3: "12\/13\/2026" only month first: the column mixes two date orders; write its dates as YYYY-MM-DD/);
  });

  it('joins a Date column and a Time column, found by name or named as Date+Time', () => {
    const csv = 'When,Day,Clock,Alert\nx,2026-12-06,7:02 PM,5xx\n';
    assert.deepEqual(iso(csv, { ...LA, timeColumn: 'Day+Clock' }), ['2026-12-07T03:02:00.000Z']);
    assert.throws(() => read('Time,Alert\n2026-12-06,5xx\n'), /x\.csv row 2: "2026-12-06" is a date without a time of day; if another column holds the time, name both columns joined by \+ \(such as Date\+Time\)/);
    assert.throws(() => read('Date,Time,Alert\n2026-12-06 19:00,19:02,5xx\n'), /x\.csv row 2: expected a date alone in "Date", found "2026-12-06 19:00"/);
  });

  it('refuses what has no safe reading, saying what to write', () => {
    const refusal = (value: string) => {
      try {
        read(oneCell(value));
      } catch (e) {
        assert.ok(e instanceof ImportError);
        return e.message;
      }
      return 'read';
    };
    assert.equal(refusal('2026-12-06 13:30 PM'), 'x.csv row 2: "2026-12-06 13:30 PM" mixes a 24-hour time (13:30) with PM; write 13:30 or 1:30 PM');
    assert.equal(refusal('12/6/26 7:02 PM'), 'x.csv row 2: "12/6/26 7:02 PM" has a two-digit year; write the year in full (12/6/2026), or the date as YYYY-MM-DD');
    assert.equal(refusal('Mon, 06 Dec 2026 19:02:00 GMT'), 'x.csv row 2: "Mon, 06 Dec 2026 19:02:00 GMT" says Monday, but 2026-12-06 is a Sunday');
    assert.equal(refusal('2026-12-06 19:02 in the evening'), 'x.csv row 2: expected a time zone or nothing after the time in "2026-12-06 19:02 in the evening", found "in the evening"');
    assert.equal(refusal('19:02'), 'x.csv row 2: "19:02" is a time of day without a date (expected a date and time such as 2026-11-20T14:09:00Z)');
    assert.equal(refusal('13/13/2026 19:02'), 'x.csv row 2: "13/13/2026 19:02" is not a date: neither 13 nor 13 is a month');
    assert.equal(refusal('2/30/2026 19:02'), 'x.csv row 2: "2/30/2026 19:02" is not a valid date and time');
    assert.match(refusal(`2026-12-06 19:02 ${' '.repeat(100_000)}x`), /expected a time zone or nothing after the time/);
    assert.equal(refusal('9'.repeat(200_000)), 'x.csv row 2: expected a date and time such as 2026-11-20T14:09:00Z, found a value of 200000 characters');
  });
});

describe('postmortem import-timeline of a spreadsheet CSV (CLI)', () => {
  let dir: string;
  const DOC = '---\ntype: postmortem\ntitle: Disk\nstarted_at: 2026-12-07T02:00:00Z\ntimezone: America/Los_Angeles\n---\n\n## Timeline\n\n- 2026-12-07 02:00Z [started] disk fills\n';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-sheet-'));
    writeFileSync(join(dir, 'pm.md'), DOC);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await importTimeline(['pm.md', '--from', 'csv', '--input', 'x.csv', ...argv], { out: (t) => (out += t), err: (t) => (err += t), cwd: dir, now: () => new Date('2026-12-07T12:00:00Z') });
    return { code, out, err };
  }

  it('names --date-order when the order cannot be told, exits 2, and reads with it', async () => {
    writeFileSync(join(dir, 'x.csv'), 'Time,Message\n12/6/2026 7:02 PM,disk full\n');
    const refused = await run();
    assert.equal(refused.code, 2);
    assert.match(refused.err, /x\.csv row 2: "12\/6\/2026" could be 6 December 2026 \(month first\) or 12 June 2026 \(day first\)/);
    assert.match(refused.err, /Or pass --date-order month-first \(12\/6\/2026 is 6 December 2026\) or --date-order day-first \(12 June 2026\)\.\nNothing was written\.\n$/);
    const read = await run('--date-order', 'month-first', '--yes');
    assert.equal(read.code, 0, read.err);
    assert.match(readFileSync(join(dir, 'pm.md'), 'utf8'), /^- 2026-12-07 03:02Z \(alert\) disk full$/m);
    assert.equal((await run('--date-order', 'dmy')).code, 2);
  });

  it('says the zone times were read in only when some time had none', async () => {
    writeFileSync(join(dir, 'x.csv'), 'Time,Message\n2026-12-06T19:02:00-08:00,disk full\n2026-12-07T03:10:00Z,recovered\n');
    const zoned = await run();
    assert.equal(zoned.code, 0, zoned.err);
    assert.doesNotMatch(zoned.out, /without a zone/);
    writeFileSync(join(dir, 'x.csv'), 'Time,Message\n2026-12-06 7:02 PM,disk full\n');
    const local = await run();
    assert.match(local.out, /^\+ - 2026-12-07 03:02Z \(alert\) disk full$/m);
    assert.match(local.out, /note: times without a zone were read in America\/Los_Angeles/);
  });
});
