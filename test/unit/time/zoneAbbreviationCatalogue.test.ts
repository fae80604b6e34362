import { strict as assert } from 'node:assert';
import { ZONE_ABBREVIATION_CATALOGUE } from '../../../src/core/time/zoneAbbreviationCatalogue.data';
import { catalogueClocks } from '../../../src/core/time/zoneAbbreviationCatalogue';
import { zoneOffsetMinutes } from '../../../src/core/time/zones';

/**
 * The catalogue behind reading `IRST`, `IDT`, `GST` (scripts/gen-zone-abbreviations.ts): every
 * row's offset must be one its zones' clocks really showed since 2000, by the zone data this runtime
 * has, so a hand-kept row (tzdata's names until 2017) cannot carry a wrong offset.
 */
describe('zone abbreviation catalogue (trial16a F18)', () => {
  const instants: number[] = [];
  for (let year = 2000; year <= 2026; year++) for (let month = 0; month < 12; month += 3) instants.push(Date.UTC(year, month, 15));

  it('each abbreviation\'s offset is one a zone it names showed since 2000', () => {
    const wrong: string[] = [];
    for (const [abbreviation, rows] of Object.entries(ZONE_ABBREVIATION_CATALOGUE)) {
      for (const [offset, , , ...zones] of rows) {
        if (!zones.some((z) => instants.some((t) => zoneOffsetMinutes(z, t) === offset))) wrong.push(`${abbreviation} ${offset} ${zones.join(' ')}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('holds the names the trial found unread, with the meanings people give them', () => {
    const offsets = (a: string) => catalogueClocks(a)?.map((c) => c.offset);
    assert.deepEqual(offsets('IRST'), [210]);
    assert.deepEqual(offsets('IDT'), [180]);
    assert.deepEqual(offsets('AFT'), [270]);
    assert.deepEqual(offsets('AZT'), [240]);
    assert.deepEqual(offsets('BDT'), [360]);
    assert.deepEqual(offsets('GST'), [-120, 240, 600]);
    assert.deepEqual(offsets('IST'), [60, 120, 330]);
    assert.equal(catalogueClocks('GET'), undefined, 'a word after a time (`14:30 GET /health`), kept out');
    assert.equal(catalogueClocks('toString'), undefined);
  });
});
