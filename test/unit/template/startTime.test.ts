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
    assert.match(message('2026-12-05'), /Expected a date and a time like 2026-12-05 14:30 \(America\/Los_Angeles\)/);
    assert.match(message('yesterday 14:00'), /found "yesterday 14:00"/);
    assert.match(message('2026-02-30 10:00'), /2026-02-30/);
    assert.match(message('2026-03-08 02:30'), /"2026-03-08 02:30": /, 'a local time the clocks skip in Los Angeles');
    assert.match(message('2026-12-07 10:00Z'), /in the future: check the date/);
    assert.match(message('0226-12-05 10:00'), /before 1970: check the year/, 'a typo year (trial7 T10)');
    assert.match(message('x'.repeat(200)), /x…"$/, 'long text is clipped in the message');
  });
  it('reads a 12-hour time as the timeline does, and says its 24-hour reading (trial T9)', () => {
    const pm = readStartAnswer('2026-11-27 9:30 PM', 'Asia/Kolkata', now);
    assert.deepEqual(pm, { kind: 'time', ms: Date.parse('2026-11-27T16:00:00Z'), said: '2026-11-27 9:30 PM, read as 21:30: 2026-11-27 21:30 Asia/Kolkata = 2026-11-27T16:00:00Z' });
    const midnight = readStartAnswer('2026-12-05 12:10 am', 'America/Sao_Paulo', now);
    assert.equal(midnight.kind === 'time' ? midnight.ms : midnight.kind, Date.parse('2026-12-05T03:10:00Z'));
    const noon = readStartAnswer('2026-12-05 12:10 p.m. Z', 'Asia/Kolkata', now);
    assert.equal(noon.kind === 'time' ? noon.ms : noon.kind, Date.parse('2026-12-05T12:10:00Z'));
    // Hour 13 with PM, or 0 with AM, is no 12-hour time: refused as before, with the forms that are read.
    for (const bad of ['2026-12-05 13:10 PM', '2026-12-05 0:10 AM']) {
      const a = readStartAnswer(bad, 'UTC', now);
      assert.equal(a.kind, 'invalid', bad);
      assert.match(a.kind === 'invalid' ? a.message : '', /2026-12-05 2:30 PM/);
    }
  });
});
