/**
 * Evidence bytes that read as Shift-JIS and as Windows-1252 (trial14a: a Japanese log holding 遅延
 * was scanned and named as Windows-1252): refused naming both. Windows-1252 text is valid Shift-JIS
 * a third of the time, so only runs of two-byte characters outside Latin words count as Japanese.
 */
import { strict as assert } from 'node:assert';
import { DEFAULT_REDACTION } from '../../../src/core/redaction/config';
import { evidenceCopy } from '../../../src/core/evidence/textCopy';
import { isShiftJis } from '../../../src/core/text/shiftJis';

const sjis = (s: string) => Uint8Array.from(encodeSjis(s));
/** The few Shift-JIS characters these tests use, byte for byte. */
function encodeSjis(s: string): number[] {
  const table: Record<string, number[]> = { 遅: [0x92, 0x78], 延: [0x89, 0x84] };
  return [...s].flatMap((c) => table[c] ?? [c.charCodeAt(0)]);
}
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('evidence: Shift-JIS that is valid Windows-1252 too', () => {
  it('refuses a Japanese log whose bytes are valid Windows-1252, naming both', () => {
    const copy = evidenceCopy('app.log', sjis('12:00 遅延 dana@acme.com 遅延\n'), DEFAULT_REDACTION, true);
    assert.equal(copy.kind, 'undecodable');
    assert.equal(copy.kind === 'undecodable' && copy.why, 'It reads as Shift-JIS or as Windows-1252: which one, the tool cannot tell, so it cannot be scanned for secrets.');
  });

  it('still reads Windows-1252 text whose bytes happen to be Shift-JIS (é then a letter is a kanji; Jérôme makes a pair inside a word)', () => {
    for (const text of ['délai de 5 minutes\n', 'Copyright © 2008 Jérôme Glisse\n', 'Zürich, Genève, Málaga\n']) {
      const bytes = latin1(text);
      const copy = evidenceCopy('app.log', bytes, DEFAULT_REDACTION, true);
      assert.equal(copy.kind, 'text', text);
      assert.match(copy.kind === 'text' ? copy.encodingNote ?? '' : '', /as Windows-1252/);
    }
    assert.equal(isShiftJis(latin1('délai')), false);
  });

  it('does not call damaged UTF-8 Shift-JIS (its accents are half-width katakana there)', () => {
    const copy = evidenceCopy('app.log', Uint8Array.from([...new TextEncoder().encode('café '), 0xc3, 0x20, 0x41]), DEFAULT_REDACTION, true);
    assert.equal(copy.kind === 'undecodable' && copy.why, 'It is not UTF-16 or Windows-1252 either, so it cannot be scanned for secrets.');
  });
});
