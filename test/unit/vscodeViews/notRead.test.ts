import assert from 'node:assert/strict';
import { linesAsMarkdownReadsThem } from '../../../src/core/text/decodeMarkdown';
import { formatSize, headBeforeNul, indexReading, type NotRead } from '../../../src/vscode/index/notRead';
import { unreadDiagnostic, unreadSentence } from '../../../src/vscode/unread/unreadText';

const bytes = (s: string) => new TextEncoder().encode(s);
const MB = 1024 * 1024;
/** Why the index does not read these bytes, or undefined when it reads them. */
const whyNotRead = (b: Uint8Array, max: number): NotRead | undefined => {
  const r = indexReading(b, max);
  return 'notRead' in r ? r.notRead : undefined;
};
const textOf = (b: Uint8Array): string | undefined => {
  const r = indexReading(b, MB);
  return 'text' in r ? r.text : undefined;
};

describe('files the editor does not read say why (trial U8)', () => {
  it('names the line of the first NUL, counting LF, CRLF and lone CR line breaks', () => {
    assert.deepEqual(whyNotRead(bytes('---\ntype: postmortem\n---\n\nabc\u0000def\n'), MB), { kind: 'nul', reason: 'contains NUL at line 5', line: 4, character: 3 });
    assert.equal(whyNotRead(bytes('a\r\nb\r\nc\u0000'), MB)?.reason, 'contains NUL at line 3');
    assert.equal(whyNotRead(bytes('a\rb\rc\u0000'), MB)?.reason, 'contains NUL at line 3');
    // The column counts UTF-16 code units, as Problems does.
    assert.equal(whyNotRead(bytes('é😀\u0000'), MB)?.character, 3);
  });

  it('finds a NUL anywhere, not only in the first 8 KB', () => {
    const text = `${'x'.repeat(100_000)}\n\u0000`;
    assert.equal(whyNotRead(bytes(text), MB)?.reason, 'contains NUL at line 2');
  });

  it('says the size against the limit in the units people read', () => {
    const big = new Uint8Array(Math.round(1.3 * MB));
    assert.deepEqual(whyNotRead(big, MB), { kind: 'too-large', reason: 'too large (1.3 MB > 1 MB, setting postmortem.index.maxFileSizeKB)' });
    assert.equal(formatSize(980 * 1024), '980 KB');
    assert.equal(formatSize(12.4 * MB), '12 MB');
  });

  it('reads ordinary text, CRLF and CR-only files', () => {
    assert.equal(whyNotRead(bytes('---\ntitle: x\n---\n'), MB), undefined);
    assert.equal(whyNotRead(bytes('a\r\nb'), MB), undefined);
    assert.equal(whyNotRead(bytes('a\rb'), MB), undefined);
  });

  it('reads UTF-16 with a byte-order mark (PowerShell, Notepad "Unicode") as text, not as a NUL file', () => {
    const le = new Uint8Array([0xff, 0xfe, ...[...'---\ntitle: Ünïcode\r\n'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    assert.equal(whyNotRead(le, MB), undefined);
    assert.equal(textOf(le), '---\ntitle: Ünïcode\r\n');
    const be = new Uint8Array([0xfe, 0xff, ...[...'a\rb'].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    assert.equal(textOf(be), 'a\nb');
  });

  it('reads UTF-16 without a byte-order mark (LE and BE) as lint reads it, not as a NUL file; UTF-8 with a BOM without it, as VS Code shows it', () => {
    const text = '---\ntype: postmortem\ntitle: Café in Zürich\n---\n\n- [ ] Retry @ana due:2026-11-02\n';
    const le = Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
    const be = Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]));
    assert.equal(textOf(le), text);
    assert.equal(textOf(be), text);
    assert.equal(textOf(bytes(`\uFEFF${text}`)), text);
    // Not UTF-16 in shape (a NUL among ASCII bytes): still a NUL file, at its place.
    assert.deepEqual(whyNotRead(bytes('---\ntitle: x\u0000y\n'), MB), { kind: 'nul', reason: 'contains NUL at line 2', line: 1, character: 8 });
  });

  it('reads lone CRs as line breaks (same length), CRLF untouched', () => {
    const cr = '---\rtype: postmortem\rtitle: Mac\r---\r\r- [ ] Item @ana due:2026-11-02\r';
    assert.equal(linesAsMarkdownReadsThem(cr), cr.replace(/\r/g, '\n'));
    assert.equal(linesAsMarkdownReadsThem('a\r\nb\rc'), 'a\r\nb\nc');
  });

  it('keeps the start of a NUL file for recognising `type: postmortem`', () => {
    assert.equal(headBeforeNul(bytes('---\rtype: postmortem\r---\u0000rest')), '---\ntype: postmortem\n---');
  });

  it('words the view notes and the Problems entry', () => {
    assert.equal(unreadSentence(1), '1 post-mortem was not read: its action items are not listed or counted here.');
    assert.equal(unreadSentence(2), '2 post-mortems were not read: their action items are not listed or counted here.');
    const nul = unreadDiagnostic({ kind: 'nul', reason: 'contains NUL at line 12', line: 11, character: 4 });
    assert.deepEqual([nul.code, nul.severity, nul.line, nul.character], ['file/nul', 'error', 11, 4]);
    assert.match(nul.message, /^Not read: the file contains NUL at line 12: .*not counted/);
    const big = unreadDiagnostic({ kind: 'too-large', reason: 'too large (1.3 MB > 1 MB, setting postmortem.index.maxFileSizeKB)' });
    assert.deepEqual([big.code, big.severity], ['document/too-large', 'warning']);
    assert.match(big.message, /^Not read: the file is too large \(1\.3 MB > 1 MB/);
  });
});
