import { strict as assert } from 'node:assert';
import { parseInstant } from '../../../src/core/time/instant';
import { formatIsoUtc, formatUtcTime, isValidDate, offsetFor, zonedToUtc } from '../../../src/core/time/zones';

describe('time zones and instants', () => {
  it('converts local wall-clock times in IANA zones, on both sides of a DST change', () => {
    const at = (h: number, m: number) => formatIsoUtc(zonedToUtc({ year: 2026, month: 3, day: 29, hour: h, minute: m, second: 0 }, 'Europe/Berlin')!);
    assert.equal(at(1, 30), '2026-03-29T00:30:00Z'); // CET
    assert.equal(at(3, 30), '2026-03-29T01:30:00Z'); // CEST
  });

  it('knows abbreviations and written offsets, and rejects unknown zones', () => {
    const local = { year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
    assert.equal(offsetFor('PST', local), -480);
    assert.equal(offsetFor('+05:30', local), 330);
    assert.equal(offsetFor('UTC-0800', local), -480);
    assert.equal(offsetFor('Mars/Olympus_Mons', local), undefined);
    assert.equal(offsetFor('+25:99', local), undefined);
  });

  it('parses front-matter values and tells UTC from other offsets', () => {
    assert.deepEqual(parseInstant('2026-11-20T16:09:00+02:00'), { ms: Date.UTC(2026, 10, 20, 14, 9), zone: '+02:00', isUtc: false });
    assert.equal(parseInstant('2026-11-20T14:09:00Z')?.isUtc, true);
    assert.equal(parseInstant('2026-11-20T14:09:00+00:00')?.isUtc, true);
    assert.equal(parseInstant('2026-11-20 14:09', 'Europe/Berlin')?.ms, Date.UTC(2026, 10, 20, 13, 9));
    assert.equal(parseInstant('2026-02-30T10:00:00Z'), undefined);
    assert.equal(parseInstant(20261120), undefined);
    // RFC 3339's lower-case forms, which the schema (lint) accepts too (trial13a F9).
    assert.deepEqual(parseInstant('2026-12-06t12:00:00z'), { ms: Date.UTC(2026, 11, 6, 12), zone: 'Z', isUtc: true });
  });

  it('formats UTC times with seconds only when they are not zero', () => {
    assert.equal(formatUtcTime(Date.UTC(2026, 0, 1, 9, 5)), '09:05');
    assert.equal(formatUtcTime(Date.UTC(2026, 0, 1, 9, 5, 7)), '09:05:07');
    assert.equal(isValidDate(2028, 2, 29), true);
    assert.equal(isValidDate(2026, 2, 29), false);
  });
});
