/**
 * "01:10 -06:00": a space before the hyphen only, as an offset is written after a time, yet the
 * clock could end a range (01:10 to 06:00). Convert read it as UTC−6 without a word, and the zone
 * then held for every later entry; lint read the same text as a range to 06:00, also without a word.
 * Both now say it and decide nothing.
 */
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem } from '../../../src/core/import/convert';

const ORIGINAL = ['# Incident: deploy window', '', '**Date:** 2026-12-06', '', '## Timeline (all times UTC)', '',
  '- 01:10 -06:00 deploy starts', '- 15:10 -08:00 rollback', '- 16:10 - 17:00 outage window', '- 18:10 back to normal', ''].join('\n');

describe('convert: a time followed by "-06:00" after a space is an offset or a range\'s end, and is asked', () => {
  it('keeps the entry as written, warns naming both readings, and reads the next entries in the document\'s zone', () => {
    const r = convertPostmortem(ORIGINAL, { defaultZone: 'UTC' });
    assert.match(r.text, /^- 2026-12-06 01:10 -06:00 deploy starts$/m);
    assert.match(r.text, /^- 2026-12-06 15:10 -08:00 rollback$/m);
    // Not 2026-12-07 00:10Z (UTC−8 carried on from the line above).
    assert.match(r.text, /^- 2026-12-06 16:10Z/m);
    assert.match(r.text, /^- 2026-12-06 18:10Z back to normal$/m);
    const said = r.diagnostics.filter((d) => d.code === 'convert/range-or-offset');
    assert.deepEqual(said.map((d) => [d.severity, d.range.start.line, d.message]), [
      ['warning', 6, '"01:10 -06:00" could be 01:10 at UTC-06:00 (07:10Z) or a range from 01:10 to 06:00: kept as written ("2026-12-06 01:10 -06:00"), not converted — write "01:10 UTC-06:00" for the offset, or "01:10–06:00" for a range'],
      ['warning', 7, '"15:10 -08:00" could be 15:10 at UTC-08:00 (23:10Z) or a range from 15:10 to 08:00: kept as written ("2026-12-06 15:10 -08:00"), not converted — write "15:10 UTC-08:00" for the offset, or "15:10–08:00" for a range'],
    ]);
    assert.equal(r.report.complete, false);
    // The start is not taken from 16:10 while an entry before it is undecided.
    assert.doesNotMatch(r.text, /^started_at:/m);
    assert.match(r.diagnostics.find((d) => d.code === 'convert/start-unclear')!.message, /^started_at not set: the timeline entry on line 7 comes before the earliest entry converted \(2026-12-06T16:10:00Z, line 9\)/);
  });

  it('the converted file asks the same question in lint, and the spellings the advice gives read as meant', () => {
    const r = convertPostmortem(ORIGINAL, { defaultZone: 'UTC' });
    const entries = parsePostmortem(r.text).timeline;
    assert.match(String(entries[0].problem), /^Expected either a time range or a UTC offset, found "01:10 -06:00"/);
    const fixed = parsePostmortem(r.text.replace('01:10 -06:00', '01:10 UTC-06:00').replace('15:10 -08:00', '15:10–08:00')).timeline;
    assert.equal(new Date(fixed[0].instant!).toISOString(), '2026-12-06T07:10:00.000Z');
    assert.equal(new Date(fixed[1].rangeEndInstant!).toISOString(), '2026-12-07T08:00:00.000Z');
    // Converting the advised spellings reads them so, with no question.
    const again = convertPostmortem(ORIGINAL.replace('01:10 -06:00', '01:10 UTC-06:00').replace('15:10 -08:00', '15:10 UTC-08:00'), { defaultZone: 'UTC' });
    assert.deepEqual(again.diagnostics.filter((d) => d.code === 'convert/range-or-offset'), []);
    assert.match(again.text, /^- 2026-12-06 07:10Z deploy starts$/m);
  });
});
