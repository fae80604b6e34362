import { strict as assert } from 'node:assert';
import { fixAll } from '../../../src/core/fix/fixAll';
import { convertPostmortem } from '../../../src/core/import/convert';
import { lintText } from '../../../src/core/lint/engine';
import { TIME_RULES } from '../../../src/core/rules/timeRules';
import { SEASONAL_ABBREVIATIONS, seasonsOf } from '../../../src/core/time/abbreviationSeasons';
import { abbreviationOutOfSeason } from '../../../src/core/time/outOfSeason';
import { utcOffset, ZONE_ABBREVIATIONS, zoneOffsetMinutes } from '../../../src/core/time/zones';

/**
 * Trial 13a F22: `ACST` in an Adelaide December (ACDT in force), `CHAST` in a Chatham December and
 * `BST` in December were converted an hour off with no word, while `PST` in July got the "PDT was in
 * force … check" note. Every abbreviation with two seasons now gets it, judged in the document's own
 * region when it has one, and none where the clocks keep the name all year (Darwin's ACST).
 */
const now = new Date('2026-12-07T08:00:00Z');
const DECEMBER = Date.parse('2026-12-06T09:30:00Z');

function doc(zone: string, entry: string): string {
  return `---\ntype: postmortem\ntitle: T\ntimezone: ${zone}\n---\n# T\n\n## Timeline\n\n- ${entry} s\n`;
}

function notUtc(text: string): string[] {
  return lintText(text, { rules: TIME_RULES, now }).diagnostics.filter((d) => d.code === 'timeline/not-utc').map((d) => d.message);
}

/** What convert says of an abbreviation out of season: a warning (an hour in doubt: trial 14a F9), without its advice. */
function seasonSaid(result: ReturnType<typeof convertPostmortem>): string[] {
  return result.diagnostics.filter((d) => d.code === 'convert/out-of-season' && d.severity === 'warning').map((d) => d.message.replace(/ \(if the clock then in force was meant, .*\)$/, ''));
}

/** The original a user converts: "All times <zone>", two entries, and the writer's zone. */
function convert(zoneWord: string, writerZone: string, day = '2026-12-06') {
  const text = `# Checkout errors\n\n**Date:** ${day}\n\n## Timeline (all times ${zoneWord})\n\n- 19:00 Errors start\n- 19:30 Rolled back\n`;
  return convertPostmortem(text, { defaultZone: 'UTC', writerZone });
}

describe('abbreviations out of season: every name with two seasons, in the document\'s region (trial 13a F22)', () => {
  it('the table agrees with the zone data: each region shows exactly its two seasons\' offsets (Brazil has kept BRT since 2019)', () => {
    assert.ok(SEASONAL_ABBREVIATIONS.length >= 40);
    for (const abbr of SEASONAL_ABBREVIATIONS) {
      const row = seasonsOf(abbr)!;
      const pair = [row.standard!, row.daylight!].map((n) => (n === 'AST' ? -240 : ZONE_ABBREVIATIONS[n]));
      assert.ok(pair.every((o) => o !== undefined), `${abbr}: both season names have offsets`);
      assert.ok(pair[1] > pair[0], `${abbr}: daylight is ahead of standard`);
      const seen = new Set([Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)].map((ms) => zoneOffsetMinutes(row.region, ms)));
      for (const o of seen) assert.ok(pair.includes(o!), `${abbr}: ${row.region} shows ${o}, not one of ${pair.join('/')}`);
      if (row.region !== 'America/Sao_Paulo') assert.equal(seen.size, 2, `${abbr}: ${row.region} has two seasons`);
    }
  });

  it('offsets with minutes are written as clocks: UTC+10:30, UTC+12:45, UTC−3:30 (not "UTC+10.5")', () => {
    assert.equal(utcOffset(630), 'UTC+10:30');
    assert.equal(utcOffset(765), 'UTC+12:45');
    assert.equal(utcOffset(-210), 'UTC\u22123:30');
    assert.equal(utcOffset(-480), 'UTC\u22128');
  });

  it('lint: ACST in an Adelaide December, CHAST in a Chatham December, BST in December say which clock was in force, and offer both readings, neither applied unseen', () => {
    const [acst] = notUtc(doc('Australia/Adelaide', '2026-12-06 19:00 ACST'));
    assert.equal(acst, 'Expected a UTC time, found 2026-12-06 19:00 ACST; ACST was not in force on 2026-12-06 in Australia/Adelaide; clocks there showed ACDT (UTC+10:30): as written (UTC+9:30) it is 2026-12-06 09:30Z, by the clock then in force 2026-12-06 08:30Z; convert the one meant');
    const [chast] = notUtc(doc('Pacific/Chatham', '2026-12-06 19:00 CHAST'));
    assert.equal(chast, 'Expected a UTC time, found 2026-12-06 19:00 CHAST; CHAST was not in force on 2026-12-06 in Pacific/Chatham; clocks there showed CHADT (UTC+13:45): as written (UTC+12:45) it is 2026-12-06 06:15Z, by the clock then in force 2026-12-06 05:15Z; convert the one meant');
    for (const zone of ['Europe/London', 'Asia/Kolkata', 'UTC']) {
      const [bst] = notUtc(doc(zone, '2026-12-06 19:00 BST'));
      assert.equal(bst, 'Expected a UTC time, found 2026-12-06 19:00 BST; BST was not in force on 2026-12-06 in Europe/London; clocks there showed GMT (UTC+0): as written (UTC+1) it is 2026-12-06 18:00Z, by the clock then in force 2026-12-06 19:00Z; convert the one meant', zone);
    }
    // `lint --fix` picks neither: the entry is left as written, and still said.
    const text = doc('Australia/Adelaide', '2026-12-06 19:00 ACST');
    const fixed = fixAll(text, { rules: TIME_RULES, now });
    assert.equal(fixed.text, text);
    assert.equal(fixed.remaining.filter((d) => d.code === 'timeline/not-utc').length, 1);
    // Australians' own CST, read as Australian Central in an Adelaide review: in December ACDT was in force.
    const [cst] = notUtc(doc('Australia/Adelaide', '2026-12-06 19:00 CST'));
    assert.match(cst, /found 2026-12-06 19:00 CST; CST was not in force on 2026-12-06 in Australia\/Adelaide; clocks there showed UTC\+10:30: as written \(UTC\+9:30\) it is 2026-12-06 09:30Z, by the clock then in force 2026-12-06 08:30Z; convert the one meant$/);
  });

  it('no note where the clocks keep the name all year or in its season: Darwin\'s ACST, Phoenix\'s MST, Brisbane\'s AEST, ACST in July', () => {
    assert.deepEqual(notUtc(doc('Australia/Darwin', '2026-12-06 19:00 ACST')), ['Expected a UTC time, like 2026-12-06 09:30Z, found 2026-12-06 19:00 ACST']);
    assert.deepEqual(notUtc(doc('America/Phoenix', '2026-07-06 19:00 MST')), ['Expected a UTC time, like 2026-07-07 02:00Z, found 2026-07-06 19:00 MST']);
    assert.deepEqual(notUtc(doc('Australia/Brisbane', '2026-12-06 19:00 AEST')), ['Expected a UTC time, like 2026-12-06 09:00Z, found 2026-12-06 19:00 AEST']);
    assert.deepEqual(notUtc(doc('Australia/Adelaide', '2026-07-06 19:00 ACST')), ['Expected a UTC time, like 2026-07-06 09:30Z, found 2026-07-06 19:00 ACST']);
    // Without a document region, the table's region and its exception are named.
    assert.equal(abbreviationOutOfSeason('ACST', DECEMBER), 'ACST on 2026-12-06, when ACDT (UTC+10:30) was in force in Australia/Adelaide (not in the Northern Territory, which keeps ACST): read as UTC+9:30 as written; check');
    assert.equal(abbreviationOutOfSeason('UTC', DECEMBER, { documentZone: 'Europe/London' }), undefined);
    assert.equal(abbreviationOutOfSeason('GMT', Date.parse('2026-07-06T12:00:00Z'), { documentZone: 'Europe/London' }), undefined, 'GMT is written for UTC as often as for London');
  });

  it('convert: "all times ACST" in December by an Adelaide writer is read as written and said once; a Darwin writer gets no note', () => {
    const adelaide = convert('ACST', 'Australia/Adelaide');
    assert.match(adelaide.text, /^- 2026-12-06 09:30Z Errors start$/m);
    assert.deepEqual(seasonSaid(adelaide), ['ACST on 2026-12-06, when ACDT (UTC+10:30) was in force in Australia/Adelaide: read as UTC+9:30 as written; check']);
    const darwin = convert('ACST', 'Australia/Darwin');
    assert.match(darwin.text, /^- 2026-12-06 09:30Z Errors start$/m);
    assert.deepEqual(seasonSaid(darwin), []);
    const chatham = convert('CHAST', 'UTC');
    assert.match(chatham.text, /^- 2026-12-06 06:15Z Errors start$/m);
    assert.deepEqual(seasonSaid(chatham), ['CHAST on 2026-12-06, when CHADT (UTC+13:45) was in force in Pacific/Chatham: read as UTC+12:45 as written; check']);
    const london = convert('BST', 'Europe/London');
    assert.deepEqual(seasonSaid(london), ['BST on 2026-12-06, when GMT (UTC+0) was in force in Europe/London: read as UTC+1 as written; check']);
    const cet = convert('CET', 'Europe/Berlin', '2026-07-06');
    assert.deepEqual(seasonSaid(cet), ['CET on 2026-07-06, when CEST (UTC+2) was in force in Europe/Berlin: read as UTC+1 as written; check']);
  });
  it('convert: a Start field out of season is said too, once with the entries, even with no timeline (it was written silently)', () => {
    const fields = (more: string[]) => ['# Incident: Checkout errors', '', '**Start:** 2026-12-06 19:00 ACST', '**End:** 2026-12-06 20:00 ACST', '', ...more].join('\n');
    const alone = convertPostmortem(fields(['']), { defaultZone: 'UTC', writerZone: 'Australia/Adelaide' });
    assert.match(alone.text, /^started_at: 2026-12-06T09:30:00Z$/m);
    assert.deepEqual(seasonSaid(alone), ['ACST on 2026-12-06, when ACDT (UTC+10:30) was in force in Australia/Adelaide: read as UTC+9:30 as written; check']);
    assert.equal(alone.diagnostics.find((d) => d.code === 'convert/out-of-season')!.range.start.line, 2);
    assert.equal(alone.report.complete, false);
    const withEntries = convertPostmortem(fields(['## Timeline', '', '- 2026-12-06 19:05 ACST Errors start', '']), { defaultZone: 'UTC', writerZone: 'Australia/Adelaide' });
    assert.equal(seasonSaid(withEntries).length, 1, 'once per name');
    assert.deepEqual(seasonSaid(convertPostmortem(fields(['']), { defaultZone: 'UTC', writerZone: 'Australia/Darwin' })), []);
  });
});
