import assert from 'node:assert/strict';
import { convertPostmortem } from '../../../src/core/import/convert';
import { formatConvertReport } from '../../../src/core/import/convert/report';

/**
 * Zones the writer states in words the converter did not read: "all times AEST/AEDT",
 * "NZST/NZDT", "(時刻はすべてJST)", "(horário de Brasília)", "Newfoundland time", "heure de Paris"
 * (trial 14a F10: warned "state the zone" and read as UTC, 3 to 11 hours off).
 */
const review = (heading: string, date: string, rows: readonly string[]) =>
  ['# Incident report: Checkout', '', `**Date:** ${date}`, '', '## Summary', '', 'Payments were down.', '', heading, '', '| Time | Event |', '|---|---|', ...rows, '', '## Action items', '', '- Add alert (owner: @kim)', ''].join('\n');

function converted(text: string) {
  const result = convertPostmortem(text, { fileName: 'review.md' });
  return {
    result,
    zone: /^timezone: (.*)$/m.exec(result.text)?.[1],
    entries: result.text.split('\n').filter((l) => /^- \d{4}-/.test(l)),
    codes: result.diagnostics.map((d) => d.code),
    report: formatConvertReport('review.md', result),
  };
}

describe('convert: a zone the writer names in words', () => {
  it('an Australian review, "## Timeline (all times AEST/AEDT)" over the October switch: Australia/Sydney, each time at its own offset', () => {
    const r = converted(review('## Timeline (all times AEST/AEDT)', '2026-10-03', ['| 2026-10-03 22:30 | Alert fired |', '| 23:10 | Rollback |', '| 2026-10-04 03:10 | Resolved |']));
    assert.equal(r.zone, 'Australia/Sydney');
    assert.deepEqual(r.entries, ['- 2026-10-03 12:30Z Alert fired', '- 2026-10-03 13:10Z Rollback', '- 2026-10-03 16:10Z Resolved']);
    assert.ok(!r.codes.includes('convert/no-zone'));
    assert.match(r.report[0], /times read in Australia\/Sydney \(stated in the document\)$/);
  });

  it('a New Zealand one, "(All times NZST/NZDT)": Pacific/Auckland', () => {
    const r = converted(review('## Timeline (All times NZST/NZDT)', '2026-12-05', ['| 2026-12-05 09:00 | Alert fired |', '| 09:40 | Resolved |']));
    assert.equal(r.zone, 'Pacific/Auckland');
    assert.deepEqual(r.entries, ['- 2026-12-04 20:00Z Alert fired', '- 2026-12-04 20:40Z Resolved']);
  });

  it('a Brazilian one, "## Linha do tempo (horário de Brasília)": America/Sao_Paulo, past midnight on the next day', () => {
    const r = converted(review('## Linha do tempo (horário de Brasília)', '2026-12-06', ['| 2026-12-06 23:30 | Alerta disparado |', '| 23:50 | Rollback iniciado |']));
    assert.equal(r.zone, 'America/Sao_Paulo');
    assert.deepEqual(r.entries, ['- 2026-12-07 02:30Z Alerta disparado', '- 2026-12-07 02:50Z Rollback iniciado']);
    assert.ok(!r.codes.includes('convert/no-zone'));
  });

  it('a Tokyo one, "## Timeline (時刻はすべてJST)": the abbreviation in the heading, whatever the words around it', () => {
    const r = converted(review('## Timeline (時刻はすべてJST)', '2026-12-05', ['| 2026-12-05 09:00 | Alert fired |', '| 10:00 | Resolved |']));
    assert.equal(r.zone, 'Asia/Tokyo');
    assert.deepEqual(r.entries, ['- 2026-12-05 00:00Z Alert fired', '- 2026-12-05 01:00Z Resolved']);
  });

  it('St John\'s ("all times Newfoundland time"), Paris ("heure de Paris"), Madrid ("hora de Madrid"): each place\'s zone', () => {
    for (const [heading, zone, first] of [
      ['## Timeline (all times Newfoundland time)', 'America/St_Johns', '- 2026-12-05 12:30Z Alert fired'],
      ['## Chronologie (heure de Paris)', 'Europe/Paris', '- 2026-12-05 08:00Z Alert fired'],
      ['## Cronología (hora de Madrid)', 'Europe/Madrid', '- 2026-12-05 08:00Z Alert fired'],
    ] as const) {
      const r = converted(review(heading, '2026-12-05', ['| 2026-12-05 09:00 | Alert fired |']));
      assert.equal(r.zone, zone, heading);
      assert.deepEqual(r.entries, [first], heading);
    }
  });

  it('"alle Zeiten MESZ" in winter is out of season, as CEST is; the file is timezone Europe/Berlin', () => {
    const r = converted(review('## Zeitablauf (alle Zeiten MESZ)', '2026-01-15', ['| 2026-01-15 14:05 | Alarm ausgelöst |']));
    assert.equal(r.zone, 'Europe/Berlin');
    assert.deepEqual(r.entries, ['- 2026-01-15 12:05Z Alarm ausgelöst'], 'read as written, UTC+2');
    assert.ok(r.codes.includes('convert/out-of-season'));
    assert.equal(r.result.report.complete, false);
  });

  it('a zone it cannot read ("Martian time") keeps the "no zone stated" warning, and a word that only looks like one ("response time") is none', () => {
    for (const heading of ['## Timeline (all times Martian time)', '## Timeline (response time matters)']) {
      const r = converted(review(heading, '2026-12-05', ['| 2026-12-05 09:00 | Alert fired |']));
      assert.ok(r.codes.includes('convert/no-zone'), heading);
      assert.match(r.zone ?? '', /^UTC # assumed/, heading);
    }
  });
});
