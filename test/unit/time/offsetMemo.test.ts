import assert from 'node:assert/strict';
import fc from 'fast-check';
import { zoneOffsetMinutes } from '../../../src/core/time/zones';

/** The offset as the platform's zone data gives it, read afresh (what zoneOffsetMinutes remembers). */
function platformOffset(zone: string, utcMs: number): number {
  const parts: Record<string, number> = {};
  const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  for (const p of f.formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Math.round((Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(utcMs / 1000) * 1000) / 60000);
}

const ZONES = ['Europe/Berlin', 'America/Los_Angeles', 'Australia/Adelaide', 'Pacific/Chatham', 'Asia/Kolkata', 'America/Sao_Paulo', 'Africa/Monrovia'];

describe('zoneOffsetMinutes remembers offsets by zone and second', () => {
  it('gives the platform\'s offset, asked once or again, across DST changes (2026 in seven zones, 1972 Monrovia)', () => {
    fc.assert(fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2027, 0, 1) }), (zone, utcMs) => {
      const expected = platformOffset(zone, utcMs);
      assert.equal(zoneOffsetMinutes(zone, utcMs), expected);
      assert.equal(zoneOffsetMinutes(zone, utcMs), expected, 'asked again');
    }), { numRuns: 3000 });
  });

  it('is right on both sides of a change, second by second (Berlin, 2026-03-29 01:00Z)', () => {
    const change = Date.UTC(2026, 2, 29, 1, 0, 0);
    for (let s = -3; s <= 3; s++) for (let round = 0; round < 2; round++) assert.equal(zoneOffsetMinutes('Europe/Berlin', change + s * 1000), s < 0 ? 60 : 120);
  });

  it('stays right past its bound (more distinct seconds than it keeps)', () => {
    const start = Date.UTC(2026, 9, 25, 0, 0, 0);
    for (let i = 0; i < 25_000; i++) zoneOffsetMinutes('Europe/Berlin', start + i * 1000);
    assert.equal(zoneOffsetMinutes('Europe/Berlin', start), 120);
    assert.equal(zoneOffsetMinutes('Europe/Berlin', Date.UTC(2026, 9, 25, 1, 0, 0)), 60);
  });
});
