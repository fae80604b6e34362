import assert from 'node:assert/strict';
import { ImportError, parseAlertmanager, parseCsvTimeline, parseExportTime } from '../../../src/core/import';
import { fixture } from './fixtures';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const LA = { zone: 'America/Los_Angeles', timeColumn: 'Created On', textColumn: 'Title' };

describe('export times a daylight-saving change repeats or skips (CSV read in an IANA zone)', () => {
  it('reads the repeated hour from the export\'s own order: after the clock visibly goes back, the second occurrence; each such row noted', () => {
    const events = parseCsvTimeline(fixture('dst/fall-back-alerts.csv'), { ...LA, name: 'fall-back-alerts.csv' });
    assert.deepEqual(events.map((e) => iso(e.instant)), [
      '2026-11-01T07:52', '2026-11-01T08:20', '2026-11-01T08:40', '2026-11-01T09:10', '2026-11-01T09:35', '2026-11-01T10:15',
    ]);
    // The export's order is kept: no event moves before one it followed.
    assert.deepEqual(events.map((e) => e.instant), [...events.map((e) => e.instant)].sort((a, b) => a - b));
    assert.equal(events[0].note, undefined);
    assert.equal(events[5].note, undefined);
    assert.match(events[3].note!, /^fall-back-alerts\.csv row 5: 01:10 on 2026-11-01 happens twice in America\/Los_Angeles .*read as the second \(09:10Z\), the only one that keeps the export's rows in time order \(oldest first\)$/);
    assert.match(events[1].note!, /row 3: 01:20 .* read as the first \(08:20Z\)/);
  });

  it('reads a newest-first export the other way round', () => {
    const events = parseCsvTimeline(fixture('dst/fall-back-newest-first.csv'), LA);
    assert.deepEqual(events.map((e) => iso(e.instant)), ['2026-11-01T10:15', '2026-11-01T09:10', '2026-11-01T08:40', '2026-11-01T07:52']);
    assert.match(events[1].note!, /read as the second \(09:10Z\).*\(newest first\)$/);
  });

  it('with only repeated-hour rows, takes them as oldest first and says so (trial: 01:20, 01:40, 01:10)', () => {
    const csv = 'time,message\n2026-11-01 01:20,First-pass alert (PDT)\n2026-11-01 01:40,Second alert\n2026-11-01 01:10,Alert after fall-back (PST)\n';
    const events = parseCsvTimeline(csv, { zone: 'America/Los_Angeles' });
    assert.deepEqual(events.map((e) => iso(e.instant)), ['2026-11-01T08:20', '2026-11-01T08:40', '2026-11-01T09:10']);
    assert.match(events[2].note!, /rows taken as oldest first/);
  });

  it('refuses a repeated-hour row the order cannot decide, naming it, both instants and why', () => {
    assert.throws(() => parseCsvTimeline(fixture('dst/fall-back-unclear.csv'), { ...LA, name: 'unclear.csv' }), (e: unknown) => e instanceof ImportError
      && /^unclear\.csv row 3: 01:30 on 2026-11-01 happens twice in America\/Los_Angeles \(clocks went back from 02:00 to 01:00\): at 08:30Z and at 09:30Z; both keep the export's rows in time order, so their order cannot tell which\nWrite the UTC time or an explicit offset/.test(e.message));
  });

  it('refuses a repeated-hour row in an export that is not in time order', () => {
    const csv = 'time,message\n2026-11-01 00:30,a\n2026-11-01 01:30,b\n2026-11-01 00:10,c\n2026-11-01 00:50,d\n';
    assert.throws(() => parseCsvTimeline(csv, { zone: 'America/Los_Angeles' }), /CSV row 3: 01:30 .*the export's rows are not in time order, so their order cannot tell which/);
    // Newest first around it (00:30 then 00:10) but 01:30 after 00:30 fits neither occurrence.
    const down = 'time,message\n2026-11-01 00:30,a\n2026-11-01 01:30,b\n2026-11-01 00:10,c\n';
    assert.throws(() => parseCsvTimeline(down, { zone: 'America/Los_Angeles' }), /CSV row 3: 01:30 .*neither keeps the export's rows in time order/);
  });

  it('refuses every time that does not exist (spring forward), naming each row, instead of shifting it', () => {
    assert.throws(() => parseCsvTimeline(fixture('dst/spring-forward-alerts.csv'), { ...LA, name: 'alerts.csv' }), (e: unknown) => e instanceof ImportError
      && e.message.startsWith('2 rows have a local time that a daylight-saving change skips or repeats:\n'
        + 'alerts.csv row 3: 02:30 on 2026-03-08 does not exist in America/Los_Angeles (clocks went from 02:00 to 03:00)\n'
        + 'alerts.csv row 4: 02:45 on 2026-03-08 does not exist in America/Los_Angeles (clocks went from 02:00 to 03:00)\n'));
  });

  it('times with an explicit offset or a fixed zone are never in doubt; a written IANA zone on its own is checked too', () => {
    const events = parseCsvTimeline('time,message\n2026-11-01T01:30:00-08:00,a\n2026-11-01 01:30 PDT,b\n2026-03-08 02:30 UTC,c\n', { zone: 'America/Los_Angeles' });
    assert.deepEqual(events.map((e) => iso(e.instant)), ['2026-11-01T09:30', '2026-11-01T08:30', '2026-03-08T02:30']);
    assert.ok(events.every((e) => e.note === undefined));
    assert.throws(() => parseExportTime('2026-11-01 01:30 America/Los_Angeles', 'x'), /x: 01:30 on 2026-11-01 happens twice in America\/Los_Angeles/);
    // Alertmanager writes RFC 3339 with an offset: the same instants as before.
    assert.equal(parseAlertmanager('{"alerts":[{"startsAt":"2026-11-01T01:30:00-08:00","labels":{"alertname":"A"}}]}').length, 1);
  });
});
