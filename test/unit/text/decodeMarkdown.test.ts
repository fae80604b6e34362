/**
 * The one reading of a post-mortem's bytes (lint's reader and the editor's index both use it): what
 * is text, in which encoding and said how, and what is not read.
 */
import { strict as assert } from 'node:assert';
import { decodeMarkdown } from '../../../src/core/text/decodeMarkdown';

const utf16le = (s: string) => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
const utf16be = (s: string) => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]));
const TEXT = '---\ntype: postmortem\ntitle: Café in Zürich\n---\n';

describe('decodeMarkdown: one reading of a post-mortem\'s bytes', () => {
  it('reads UTF-16 without a BOM (LE and BE) as its text, saying it was inferred', () => {
    for (const [bytes, encoding] of [[utf16le(TEXT), 'UTF-16LE'], [utf16be(TEXT), 'UTF-16BE']] as const) {
      const d = decodeMarkdown(bytes);
      assert.equal(d.kind, 'text');
      if (d.kind !== 'text') continue;
      assert.deepEqual([d.text, d.encoding, d.bom, d.inferred, d.damaged], [TEXT, encoding, false, 'no byte-order mark; every other byte is NUL', false]);
    }
  });

  it('reads UTF-16 with a BOM, keeping U+FEFF, and says when some of it did not decode (a lone surrogate)', () => {
    const clean = decodeMarkdown(utf16le(`\uFEFF${TEXT}`));
    assert.ok(clean.kind === 'text' && clean.bom && !clean.damaged && clean.text === `\uFEFF${TEXT}`);
    const damaged = decodeMarkdown(utf16le(`\uFEFF${TEXT}\uD800x`));
    assert.ok(damaged.kind === 'text' && damaged.damaged, JSON.stringify(damaged));
  });

  it('reads UTF-8 (a BOM kept as U+FEFF) and lone CRs as LF, same length, with the issue that keeps it from being written back', () => {
    const d = decodeMarkdown(new TextEncoder().encode(`\uFEFF${TEXT.replace(/\n/g, '\r')}`));
    assert.ok(d.kind === 'text');
    if (d.kind !== 'text') return;
    assert.equal(d.text, `\uFEFF${TEXT}`);
    assert.deepEqual([d.encoding, d.bom, d.issue?.code], ['UTF-8', true, 'file/lone-cr']);
    const latin = decodeMarkdown(Uint8Array.from('caf\u00e9\n', (c) => c.charCodeAt(0)));
    assert.ok(latin.kind === 'text' && latin.issue?.code === 'file/not-utf8' && latin.text === 'caf\uFFFD\n', 'Windows-1252 is not guessed: U+FFFD, and said');
  });

  it('reads a UTF-16 log with colour escapes (ESC) without a BOM; not a few binary bytes or 16-bit numbers that have the NUL pattern', () => {
    const log = decodeMarkdown(utf16le('\u001b[31mERROR\u001b[0m checkout 5xx\r\n'));
    assert.ok(log.kind === 'text' && log.encoding === 'UTF-16LE', JSON.stringify(log));
    // Two bytes of a PNG header and an LF: the pattern, but too short to say.
    assert.equal(decodeMarkdown(Uint8Array.from([0x89, 0x50, 0x00, 0x0a])).kind, 'nul');
    // Little-endian 16-bit counters 1..12: every high byte NUL, but control characters are no text.
    assert.equal(decodeMarkdown(Uint8Array.from(Array.from({ length: 12 }, (_, i) => [i + 1, 0]).flat())).kind, 'nul');
  });

  it('does not read a NUL byte in what is not UTF-16 in shape, and says where', () => {
    const d = decodeMarkdown(new TextEncoder().encode('---\ntitle: x\u0000y\n'));
    assert.equal(d.kind, 'nul');
    assert.equal(d.kind === 'nul' && d.issue.at.line, 1);
  });
});
