import assert from 'node:assert/strict';
import fc from 'fast-check';
import { byteIssue, invalidUtf8Offsets, mixedLineEndings, positionOf, utf16Of } from '../../../src/core/text/byteChecks';
import { encodingIssue } from '../../../src/cli/files/encoding';
import { refusalReason, staleReason, unsavedRefusal } from '../../../src/vscode/editing/refusalReason';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Latin-1 bytes of a text of Latin-1 letters (what a Windows-1252 editor writes for é, «, ü). */
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

describe('byte checks (core, shared by the CLI and the editor write guard)', () => {
  it('finds the first invalid UTF-8 byte of a Windows-1252 file, its line and column, and that it is single-byte', () => {
    const issue = byteIssue(latin1('---\ntitle: x\ntitle: "Café «down»"\n'));
    assert.ok(issue?.code === 'file/not-utf8');
    assert.deepEqual({ line: issue.at.line, character: issue.at.character, byteInLine: issue.at.byteInLine }, { line: 2, character: 11, byteInLine: 12 });
    assert.equal(issue.byte, 0xe9);
    assert.equal(issue.count, 3);
    assert.equal(issue.singleByte, true);
  });

  it('a cut-short multi-byte sequence is not called single-byte', () => {
    const issue = byteIssue(Uint8Array.from([0x61, 0xe2, 0x82, 0x0a]));
    assert.ok(issue?.code === 'file/not-utf8');
    assert.equal(issue.singleByte, false);
  });

  it('NUL before invalid UTF-8; lone CR only in otherwise valid UTF-8; CRLF and valid UTF-8 are fine', () => {
    assert.equal(byteIssue(Uint8Array.from([0xe9, 0x0a, 0x00]))?.code, 'file/nul');
    const cr = byteIssue(utf8('a\r\nb\rc\rd'));
    assert.ok(cr?.code === 'file/lone-cr');
    assert.equal(cr.at.line, 1);
    assert.equal(cr.count, 2);
    assert.equal(byteIssue(utf8('Ünïcödé — “fine” 🎉\r\nok\n')), undefined);
  });

  it('counts columns in UTF-16 code units of the decoded line (as diagnostics do)', () => {
    const bytes = utf8('🎉é x');
    assert.equal(positionOf(bytes, bytes.length - 1).character, 4);
  });

  it('tells UTF-16 by its byte-order mark', () => {
    assert.equal(utf16Of(Uint8Array.from([0xff, 0xfe, 0x61, 0])), 'utf-16le');
    assert.equal(utf16Of(Uint8Array.from([0xfe, 0xff, 0, 0x61])), 'utf-16be');
    assert.equal(utf16Of(utf8('\uFEFFa')), undefined, 'a UTF-8 BOM is UTF-8');
  });

  it('mixed line endings: counts and the first line of the less common kind', () => {
    assert.deepEqual(mixedLineEndings(utf8('a\r\nb\r\nc\nd\r\n')), { crlf: 3, lf: 1, firstOddLine: 2 });
    assert.deepEqual(mixedLineEndings(utf8('a\nb\r\nc\n')), { crlf: 1, lf: 2, firstOddLine: 1 });
    assert.equal(mixedLineEndings(utf8('a\r\nb\r\n')), undefined);
    assert.equal(mixedLineEndings(utf8('a\nb\n')), undefined);
  });

  it('the CLI words the same facts for the terminal (one implementation)', () => {
    const issue = encodingIssue(latin1('x\ncafé\n'));
    assert.equal(issue?.code, 'file/not-utf8');
    assert.match(issue?.message ?? '', /^not valid UTF-8: byte 0xE9 at line 2, byte 4 of the line\. .*--fix never rewrites this file.*Windows-1252/);
    assert.match(encodingIssue(utf8('a\rb'))?.message ?? '', /lone CR .* at line 1/);
  });
});

describe('write guard reasons (what the editor says when it refuses a write)', () => {
  it('a Windows-1252 file read as UTF-8: the line, the byte, what to do', () => {
    const why = refusalReason(latin1('---\ntype: postmortem\ntitle: "Café"\n'), 'utf8');
    assert.match(why, /^it is not valid UTF-8 at line 3 \(byte 0xE9\): VS Code shows those bytes as U\+FFFD, and saving would replace them\. It looks like Windows-1252 or Latin-1\. Re-save it as UTF-8 first \(File > Save with Encoding\)/);
  });

  it('lone CR, NUL, mixed line endings, UTF-16 read as something else', () => {
    assert.match(refusalReason(utf8('a\r\nb\rc'), 'utf8'), /lone CR .* at line 2/);
    assert.match(refusalReason(Uint8Array.from([0x61, 0x0a, 0x00]), 'utf8'), /NUL byte at line 2/);
    assert.match(refusalReason(utf8('a\r\nb\r\nc\nd\r\n'), 'utf8'), /mixes CRLF and LF line endings \(3 CRLF, 1 LF; line 3 differs\)/);
    assert.match(refusalReason(Uint8Array.from([0xff, 0xfe, 0x61, 0]), 'utf8'), /encoded as UTF-16 \(little-endian, with a byte-order mark\) but VS Code read it as utf8/);
  });

  it('invalid UTF-8 is not blamed when VS Code read the file in a single-byte encoding (it round-trips there)', () => {
    assert.match(refusalReason(latin1('café\n'), 'windows1252'), /^VS Code would save it differently \(as windows1252\) though its text is what VS Code read/);
  });

  // trial13b F6: a plain UTF-8 file a teammate had just changed was refused with "re-save it as UTF-8".
  it('a file changed on disk is refused for that, with no word of encodings; an encoding difference only when the text is the same', () => {
    const changed = staleReason(utf8('---\ntitle: x\n---\n'), 'utf8', true);
    assert.equal(changed, 'it changed on disk since VS Code read it (another program, a teammate\'s change or a git pull wrote it); VS Code reloads it and the views refresh: try again then');
    assert.doesNotMatch(changed, /UTF-8|encod/i);
    assert.match(staleReason(latin1('café\n'), 'windows1252', false), /would save it differently \(as windows1252\)/);
  });

  it('says what a copy (Convert) would hold instead of what a save would do', () => {
    assert.match(unsavedRefusal(latin1('café\n'), 'utf8', 'the converted copy would hold U+FFFD too') ?? '', /VS Code shows those bytes as U\+FFFD, and the converted copy would hold U\+FFFD too\./);
  });

  it('unsaved documents: refused only when the text holds U+FFFD for bytes VS Code could not read', () => {
    assert.match(unsavedRefusal(latin1('café\n'), 'utf8') ?? '', /not valid UTF-8 at line 1/);
    assert.equal(unsavedRefusal(latin1('café\n'), 'windows1252'), undefined);
    assert.equal(unsavedRefusal(utf8('a\r\nb\nc\rd'), 'utf8'), undefined, 'line endings: VS Code normalised them when it opened the file; the user saves them');
    assert.equal(unsavedRefusal(Uint8Array.from([0xff, 0xfe, 0x61, 0]), 'utf16le'), undefined);
  });
});

describe('byteIssue: the native strict decoder and the byte walk agree on what is UTF-8', () => {
  it('for random bytes around the multi-byte edges (overlongs, surrogates, past U+10FFFF, cut-short sequences)', () => {
    const edgy = fc.constantFrom(0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f, 0x90, 0x8f, 0x0a, 0x0d);
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(fc.property(fc.array(edgy, { maxLength: 12 }), (list) => {
      const bytes = Uint8Array.from(list);
      let valid = true;
      try {
        strict.decode(bytes);
      } catch {
        valid = false;
      }
      assert.equal(invalidUtf8Offsets(bytes).count === 0, valid, JSON.stringify(list.map((b) => b.toString(16))));
      assert.equal(byteIssue(bytes)?.code === 'file/not-utf8', !valid);
    }), { numRuns: 20000 });
  });
});
