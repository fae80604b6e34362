/**
 * An imported message longer than an entry keeps (300 characters) is cut before it is redacted. A cut
 * inside an e-mail address, a token, a link or a phone number left a half that the redaction check no
 * longer recognised (`dana.lee@acme-pay.c…` was written as it was): the cut is now made at a word,
 * and the groups of a number before it go with it. Checked with the cut at every character of the value.
 */
import assert from 'node:assert/strict';
import { parseSlackExport, readCsvTimeline } from '../../../src/core/import';
import { ENTRY_TEXT_LIMIT } from '../../../src/core/import/events';
import { redactEvents } from '../../../src/core/redaction';
import { resolveConfig } from '../../../src/core/config/resolve';

/** Each value, and what of it must never be written (its start: what a cut would keep). */
const VALUES: readonly { value: string; never: string }[] = [
  { value: 'dana.lee@acme-pay.co.nz', never: 'dana' },
  { value: '+64 21 123 4567', never: '+64' },
  { value: '(415) 867-5309', never: '415' },
  { value: `ghp_${'Zx9Q'.repeat(9)}`, never: 'ghp_' },
  { value: '<https://pd.acme/u?email=dana.lee%40acme-pay.co.nz&phone=%2B64211234567|profile>', never: 'dana' },
  { value: 'postgres://app:hunter2@10.0.0.5:5432/pay', never: 'hunt' },
];

const settings = resolveConfig().redaction;

/** A message whose cut falls at `offset` characters into `value` (the author's `U1: ` included). */
function message(value: string, offset: number): string {
  const lead = ENTRY_TEXT_LIMIT - 1 - 'U1: '.length - offset;
  const words = 'the pool change and its config, '.repeat(12).slice(0, lead - 1).replace(/ $/, '.');
  return `${words.padEnd(lead - 1, '.')} ${value} and more after it`;
}

describe('a long imported message is cut at a word, so no half value escapes redaction', () => {
  for (const { value, never } of VALUES) {
    it(`Slack: ${value.slice(0, 30)}… cut at each of its characters`, () => {
      for (let offset = 0; offset <= value.length + 2; offset++) {
        const text = message(value, offset);
        const { events } = parseSlackExport([{ name: '2026-12-06.json', text: JSON.stringify([{ user: 'U1', ts: '1765015560.000100', text }]) }]);
        assert.ok(events[0].text.endsWith('…') && events[0].text.length <= ENTRY_TEXT_LIMIT, events[0].text);
        const written = redactEvents(events, settings).events[0].text;
        assert.ok(!written.includes(never), `cut at ${offset}: ${written.slice(-60)}`);
      }
    });
  }

  it('CSV: the columns kept after the text are cut the same way', () => {
    for (let offset = 0; offset < 30; offset++) {
      const csv = `time,text,owner\n2026-12-06T10:00:00Z,${'x'.repeat(200)} ${'y'.repeat(70 + offset)},dana.lee@acme-pay.co.nz\n`;
      const read = readCsvTimeline(csv, { name: 'a.csv' });
      const written = redactEvents(read.events, settings).events[0].text;
      assert.ok(!written.includes('dana'), written.slice(-60));
    }
  });

  it('keeps a long word whole up to the limit rather than dropping most of the message (a stack trace)', () => {
    const { events } = parseSlackExport([{ name: 'd.json', text: JSON.stringify([{ user: 'U1', ts: '1765015560.000100', text: `trace ${'at.Frame'.repeat(60)}` }]) }]);
    assert.equal(events[0].text.length, ENTRY_TEXT_LIMIT);
  });
});
