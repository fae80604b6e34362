import assert from 'node:assert/strict';
import { readStartAnswer } from '../../../src/core/template/startTime';

const now = new Date('2026-12-06T17:36:40Z');

describe('readStartAnswer (New Post-mortem: when did it start?)', () => {
  it('reads nothing as not known yet: no time is made up', () => {
    assert.deepEqual(readStartAnswer('', 'America/Los_Angeles', now), { kind: 'unknown' });
    assert.deepEqual(readStartAnswer('   ', 'UTC', now), { kind: 'unknown' });
  });

  it('reads "now" as the creation minute and says so', () => {
    const a = readStartAnswer('Now', 'UTC', now);
    assert.deepEqual(a, { kind: 'time', ms: Date.parse('2026-12-06T17:36:00Z'), said: 'now (2026-12-06T17:36:00Z)' });
  });

  it("reads a local time in the writer's zone, and a time with a zone as written", () => {
    const local = readStartAnswer('2026-12-05 14:30', 'America/Los_Angeles', now);
    assert.deepEqual(local, { kind: 'time', ms: Date.parse('2026-12-05T22:30:00Z'), said: '2026-12-05 14:30 America/Los_Angeles = 2026-12-05T22:30:00Z' });
    assert.equal(readStartAnswer('2026-12-05 14:30', 'Europe/Berlin', now).kind === 'time' && (readStartAnswer('2026-12-05 14:30', 'Europe/Berlin', now) as { ms: number }).ms, Date.parse('2026-12-05T13:30:00Z'));
    for (const written of ['2026-12-05T22:30Z', '2026-12-05T22:30:00Z', '2026-12-05 14:30-08:00', '2026-12-05T23:30:00+01:00']) {
      const a = readStartAnswer(written, 'Asia/Kolkata', now);
      assert.equal(a.kind === 'time' ? a.ms : a.kind, Date.parse('2026-12-05T22:30:00Z'), written);
    }
  });

  it('refuses a day without a time, an impossible or skipped time, a future start and other text, saying why', () => {
    const message = (text: string, zone = 'America/Los_Angeles') => {
      const a = readStartAnswer(text, zone, now);
      return a.kind === 'invalid' ? a.message : `accepted: ${JSON.stringify(a)}`;
    };
    assert.match(message('2026-12-05'), /Expected a date and a time like 2026-12-05 14:30 \(America\/Los_Angeles\).*: the time of day is missing/);
    assert.match(message('yesterday 14:00'), /found "yesterday 14:00"/);
    assert.match(message('2026-02-30 10:00'), /2026-02-30/);
    assert.match(message('2026-03-08 02:30'), /"2026-03-08 02:30": /, 'a local time the clocks skip in Los Angeles');
    assert.match(message('2026-12-07 10:00Z'), /^2026-12-07T10:00:00Z is 16 hours 24 minutes after now, so it has not happened yet: check the date and the zone$/);
    assert.match(message('0226-12-05 10:00'), /is before 1970: a template's placeholder or a mistyped year: check the year/, 'a typo year (trial7 T10)');
    assert.match(message('x'.repeat(200)), /x…"$/, 'long text is clipped in the message');
  });
  it('reads a 12-hour time as the timeline does, and says its 24-hour reading (trial T9)', () => {
    const pm = readStartAnswer('2026-11-27 9:30 PM', 'Asia/Kolkata', now);
    assert.deepEqual(pm, { kind: 'time', ms: Date.parse('2026-11-27T16:00:00Z'), said: '2026-11-27 9:30 PM, read as 21:30: 2026-11-27 21:30 Asia/Kolkata = 2026-11-27T16:00:00Z' });
    const midnight = readStartAnswer('2026-12-05 12:10 am', 'America/Sao_Paulo', now);
    assert.equal(midnight.kind === 'time' ? midnight.ms : midnight.kind, Date.parse('2026-12-05T03:10:00Z'));
    const noon = readStartAnswer('2026-12-05 12:10 p.m. Z', 'Asia/Kolkata', now);
    assert.equal(noon.kind === 'time' ? noon.ms : noon.kind, Date.parse('2026-12-05T12:10:00Z'));
    // Hour 13 with PM, or 0 with AM, is no 12-hour time: refused, saying so and with the form that is read.
    for (const bad of ['2026-12-05 13:10 PM', '2026-12-05 0:10 AM']) {
      const a = readStartAnswer(bad, 'UTC', now);
      assert.equal(a.kind, 'invalid', bad);
      assert.match(a.kind === 'invalid' ? a.message : '', /a 12-hour clock runs from 1 to 12, found \d+ with [AP]M; .*2026-12-05 2:30 PM/);
    }
  });

  it('reads a zone after the time as a timeline entry reads it (JST, KST, UTC+9, Asia/Tokyo, IST in India), and says which part failed (trial12 T15)', () => {
    const later = new Date('2026-12-07T02:40:00Z');
    const ms = (text: string, zone: string) => {
      const a = readStartAnswer(text, zone, later);
      return a.kind === 'time' ? a.ms : a.kind === 'invalid' ? a.message : a.kind;
    };
    for (const written of ['2026-12-06 23:50 JST', '2026-12-06 23:50 KST', '2026-12-06 23:50 UTC+9', '2026-12-06 23:50 Asia/Tokyo', '2026-12-06 23:50 (JST)', '2026-12-06 11:50 pm JST']) {
      assert.equal(ms(written, 'America/Sao_Paulo'), Date.parse('2026-12-06T14:50:00Z'), written);
    }
    assert.deepEqual(readStartAnswer('2026-12-06 23:50 JST', 'Asia/Tokyo', later), { kind: 'time', ms: Date.parse('2026-12-06T14:50:00Z'), said: '2026-12-06 23:50 JST = 2026-12-06T14:50:00Z' });
    // IST has three meanings: the writer's zone settles it, as a document's `timezone:` does in a timeline; elsewhere it is refused with them.
    assert.equal(ms('2026-12-06 23:50 IST', 'Asia/Kolkata'), Date.parse('2026-12-06T18:20:00Z'));
    assert.match(String(ms('2026-12-06 23:50 IST', 'Europe/London')), /found "IST" \(India Standard Time \(UTC\+5:30\), Irish Standard Time \(UTC\+1\) or Israel Standard Time \(UTC\+2\)\)/);
    assert.match(String(ms('2026-12-06 23:50 foo', 'UTC')), /after the time, expected its zone \(JST, UTC\+9, \+09:00, Asia\/Tokyo\) or nothing, found "foo"/);
    assert.match(String(ms('yesterday 23:50', 'Asia/Tokyo')), /found "yesterday 23:50": the date is missing or not written as YYYY-MM-DD/);
    assert.match(String(ms('7pm', 'Asia/Tokyo')), /found "7pm": the date and the minutes are missing/);
  });

  it('refuses the Unix epoch (1970-01-01 in any zone), the usual value of a time never set (trial12 T9)', () => {
    assert.match(String(readStartAnswer('1970-01-01 09:00', 'Asia/Tokyo', now).kind === 'invalid' && (readStartAnswer('1970-01-01 09:00', 'Asia/Tokyo', now) as { message: string }).message), /^1970-01-01T00:00:00Z is the Unix epoch \(time 0\), the usual value of a time that was never set/);
    const west = readStartAnswer('1970-01-01 00:00', 'America/Los_Angeles', now);
    assert.match(west.kind === 'invalid' ? west.message : 'accepted', /^1970-01-01T08:00:00Z is on the Unix epoch's day/);
  });
  it('asks which was meant when the zone names the other season (BST in a London December: GMT was in force), with both spellings, each read back (trial14b F4)', () => {
    const later = new Date('2026-12-07T12:00:00Z');
    const bst = readStartAnswer('2026-12-06 23:30 BST', 'Europe/London', later);
    assert.deepEqual(bst, { kind: 'invalid', message: '"2026-12-06 23:30 BST": BST was not in force on 2026-12-06 in Europe/London; clocks there showed GMT (UTC+0). Which was meant? 2026-12-06 23:30 Europe/London (its clock then: 2026-12-06T23:30:00Z) or 2026-12-06 23:30 UTC+01:00 (BST as written: 2026-12-06T22:30:00Z)' });
    // Each spelling offered is read, as the message says.
    const read = (text: string, zone: string) => {
      const a = readStartAnswer(text, zone, later);
      return a.kind === 'time' ? new Date(a.ms).toISOString() : a.kind;
    };
    assert.equal(read('2026-12-06 23:30 Europe/London', 'Europe/London'), '2026-12-06T23:30:00.000Z');
    assert.equal(read('2026-12-06 23:30 UTC+01:00', 'Europe/London'), '2026-12-06T22:30:00.000Z');
    // EST in a New York July, PST in July typed in Tokyo (the table's region): asked too.
    assert.match(String((readStartAnswer('2026-07-10 09:00 EST', 'America/New_York', later) as { message: string }).message), /EST was not in force on 2026-07-10 in America\/New_York; clocks there showed EDT \(UTC−4\)/);
    assert.match(String((readStartAnswer('2026-07-10 09:00 PST', 'Asia/Tokyo', later) as { message: string }).message), /PST was not in force on 2026-07-10 in America\/Los_Angeles/);
    // In season: read as before.
    assert.equal(read('2026-07-10 09:00 BST', 'Europe/London'), '2026-07-10T08:00:00.000Z');
  });

  it('GMT in a London summer is GMT, UTC, as written: accepted, and the clock London showed is said', () => {
    const a = readStartAnswer('2026-07-01 10:00 GMT', 'Europe/London', new Date('2026-12-07T12:00:00Z'));
    assert.deepEqual(a, { kind: 'time', ms: Date.parse('2026-07-01T10:00:00Z'), said: '2026-07-01 10:00 GMT = 2026-07-01T10:00:00Z (GMT read as UTC; clocks in Europe/London showed BST (UTC+1) then)' });
    const winter = readStartAnswer('2026-12-01 10:00 GMT', 'Europe/London', new Date('2026-12-07T12:00:00Z'));
    assert.equal(winter.kind === 'time' && winter.said, '2026-12-01 10:00 GMT = 2026-12-01T10:00:00Z');
  });
});
