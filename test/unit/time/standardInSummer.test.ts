import { strict as assert } from 'node:assert';
import { convertPostmortem } from '../../../src/core/import/convert';
import { lintText } from '../../../src/core/lint/engine';
import { TIME_RULES } from '../../../src/core/rules/timeRules';
import { regionOfAbbreviation } from '../../../src/core/time/abbreviationSeasons';
import { abbreviationOutOfSeason } from '../../../src/core/time/outOfSeason';

const now = new Date('2026-11-27T12:00:00Z');

describe('"PST" on a date when PDT was in force: read as written, and said', () => {
  it('names the daylight time in force and the offset used, for standard-time names in daylight time', () => {
    assert.equal(abbreviationOutOfSeason('PST', Date.parse('2026-07-20T23:02:00Z')), 'PST on 2026-07-20, when PDT (UTC\u22127) was in force in America/Los_Angeles: read as UTC\u22128 as written; check');
    assert.match(abbreviationOutOfSeason('est', Date.parse('2026-06-01T12:00:00Z'))!, /^EST on 2026-06-01, when EDT \(UTC\u22124\) was in force in America\/New_York: read as UTC\u22125/);
    assert.match(abbreviationOutOfSeason('MST', Date.parse('2026-07-20T12:00:00Z'))!, /not in Arizona/);
    assert.equal(abbreviationOutOfSeason('PST', Date.parse('2026-01-20T23:02:00Z')), undefined, 'winter: PST is right');
    assert.equal(abbreviationOutOfSeason('PDT', Date.parse('2026-07-20T22:02:00Z')), undefined);
    assert.equal(abbreviationOutOfSeason('America/Los_Angeles', Date.parse('2026-07-20T22:02:00Z')), undefined);
  });

  it('lint: the not-utc message says so, and offers both readings, as written (UTC−8) and by the clock then (PDT)', () => {
    const text = '---\ntype: postmortem\ntitle: T\ntimezone: UTC\n---\n# T\n\n## Timeline\n\n- 2026-07-20 15:02 PST a\n- 2026-01-20 15:02 PST b\n';
    const found = lintText(text, { rules: TIME_RULES, now }).diagnostics.filter((d) => d.code === 'timeline/not-utc');
    assert.deepEqual(found.map((d) => d.message), [
      'Expected a UTC time, found 2026-07-20 15:02 PST; PST was not in force on 2026-07-20 in America/Los_Angeles; clocks there showed PDT (UTC\u22127): as written (UTC\u22128) it is 2026-07-20 23:02Z, by the clock then in force 2026-07-20 22:02Z; convert the one meant',
      'Expected a UTC time, like 2026-01-20 23:02Z, found 2026-01-20 15:02 PST',
    ]);
    assert.deepEqual(found[0].fixes!.map((f) => [f.title, f.isPreferred]), [
      ['Convert to 2026-07-20 23:02Z — PST as written, UTC\u22128', false],
      ['Convert to 2026-07-20 22:02Z — America/Los_Angeles\'s clock then, PDT (UTC\u22127)', false],
    ]);
    assert.match(found[1].fixes![0].title, /^Convert from PST to UTC: 2026-01-20 23:02Z/);
  });

  it('convert: a warning in the report (an hour in doubt: trial 14a F9), once, and the times read as written', () => {
    const r = convertPostmortem('# Server start failure 2018-03-31\n\n## Timeline\n\nAll times in PST\n\n- 15:47 Alert\n- 16:10 Fixed\n');
    assert.match(r.text, /- 2018-03-31 23:47Z Alert/);
    assert.deepEqual(r.diagnostics.filter((d) => /PDT/.test(d.message)).map((d) => [d.code, d.severity, d.range.start.line, d.message]), [['convert/out-of-season', 'warning', 6, "PST on 2018-03-31, when PDT (UTC\u22127) was in force in America/Los_Angeles: read as UTC\u22128 as written; check (if the clock then in force was meant, write its abbreviation or offset on the original's times and convert again)"]]);
    const winter = convertPostmortem('# Server start failure 2018-01-31\n\n## Timeline\n\nAll times in PST\n\n- 15:47 Alert\n');
    assert.deepEqual(winter.diagnostics.filter((d) => /PDT/.test(d.message)), []);
    assert.deepEqual(winter.diagnostics.filter((d) => d.code === 'convert/out-of-season'), []);
  });
});

describe('one table of abbreviations and their seasons (zoneName.ts)', () => {
  it('answers the same for the standard name in summer and the daylight name in winter', () => {
    const july = Date.parse('2026-07-20T12:00:00Z');
    const january = Date.parse('2026-01-20T12:00:00Z');
    assert.equal(abbreviationOutOfSeason('PDT', january), 'PDT on 2026-01-20, when PST (UTC\u22128) was in force in America/Los_Angeles: read as UTC\u22127 as written; check');
    assert.match(abbreviationOutOfSeason('MST', july)!, /in America\/Denver \(not in Arizona, which keeps MST\)/);
    assert.equal(abbreviationOutOfSeason('CET', july), 'CET on 2026-07-20, when CEST (UTC+2) was in force in Europe/Berlin: read as UTC+1 as written; check');
    assert.equal(abbreviationOutOfSeason('JST', july), undefined, 'no daylight saving in Tokyo');
    assert.equal(regionOfAbbreviation('jst'), 'Asia/Tokyo');
    assert.equal(regionOfAbbreviation('CEST'), 'Europe/Berlin');
  });
});
