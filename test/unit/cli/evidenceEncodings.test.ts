/**
 * `postmortem evidence add` of text in other encodings, run as a user runs it (the built CLI in a
 * temporary folder), checking the bytes of the copy: a UTF-16 log (Windows PowerShell's `>`) was
 * copied with its token and e-mail because NUL-spaced text matched nothing (trial14a F26); a Latin-1
 * log had every accent replaced with U+FFFD (F27); a file in no encoding the tool reads must not be
 * copied as if it had been checked.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, fixtureText, runCli, workspace } from './harness';

const TOKEN = `ghp_${'Lq7W'.repeat(9)}`;
const LINE = `user aroha.ngata@ferry.co.nz token ${TOKEN}\r\n`;
const REDACTED = 'user [redacted: email] token [redacted: github-token]\r\n';

function utf16be(s: string): Buffer {
  return Buffer.from(s, 'utf16le').swap16();
}

describe('postmortem evidence add: text in UTF-16, Windows-1252 and undecodable bytes (trial14a F26, F27)', function () {
  this.timeout(120_000);
  before(buildOnce);

  const cases: { name: string; bytes: Buffer; expected: Buffer; note: RegExp | undefined }[] = [
    { name: 'ps.log', bytes: Buffer.from(`\uFEFF${LINE}`, 'utf16le'), expected: Buffer.from(`\uFEFF${REDACTED}`, 'utf16le'), note: /^Read ps\.log as UTF-16LE \(by its byte-order mark\) to scan it; the copy stays UTF-16LE\.$/m },
    { name: 'ps-nobom.log', bytes: Buffer.from(LINE, 'utf16le'), expected: Buffer.from(REDACTED, 'utf16le'), note: /^Read ps-nobom\.log as UTF-16LE \(no byte-order mark; every other byte is NUL\) to scan it; the copy stays UTF-16LE\.$/m },
    { name: 'be.txt', bytes: utf16be(`\uFEFF${LINE}`), expected: utf16be(`\uFEFF${REDACTED}`), note: /^Read be\.txt as UTF-16BE \(by its byte-order mark\)/m },
    { name: 'be-nobom.txt', bytes: utf16be(LINE), expected: utf16be(REDACTED), note: /^Read be-nobom\.txt as UTF-16BE \(no byte-order mark/m },
    // A name the tool does not know as text: UTF-16 is still read (its NUL bytes used to make it "binary").
    { name: 'capture.dat', bytes: Buffer.from(`\uFEFF${LINE}`, 'utf16le'), expected: Buffer.from(`\uFEFF${REDACTED}`, 'utf16le'), note: /^Read capture\.dat as UTF-16LE/m },
    { name: 'bom.log', bytes: Buffer.from(`\uFEFF${LINE}`, 'utf8'), expected: Buffer.from(`\uFEFF${REDACTED}`, 'utf8'), note: undefined },
    {
      name: 'latin1.log',
      bytes: Buffer.from(`usuário joão ação – ${LINE}`, 'latin1'),
      // The en dash is not Latin-1: written as Windows-1252's 0x96 below.
      expected: Buffer.from(`usuário joão ação – ${REDACTED}`, 'latin1'),
      note: /^Read latin1\.log as Windows-1252 \(not UTF-8; its 5 bytes above ASCII are Windows-1252 characters\) to scan it; the copy keeps every other byte as it was\.$/m,
    },
  ];
  // Buffer's latin1 encoder writes U+2013 as 0x13; Windows-1252 has it at 0x96.
  for (const c of cases) {
    if (c.name !== 'latin1.log') continue;
    c.bytes[c.bytes.indexOf(0x13)] = 0x96;
    c.expected[c.expected.indexOf(0x13)] = 0x96;
  }

  for (const c of cases) {
    it(`${c.name}: the token and e-mail are redacted in the copy, every other byte kept, and the encoding said`, () => {
      const ws = workspace({ 'pm.md': fixtureText('clean.md'), [c.name]: c.bytes });
      try {
        const r = runCli(ws.dir, 'evidence', 'add', 'pm.md', c.name);
        assert.equal(r.code, 1, `values redacted: exit 1, as tickets create ${r.stderr}`);
        assert.match(r.stdout, new RegExp(`^Redacted 1 email, 1 github-token in the copy of ${c.name.replace('.', '\\.')}`, 'm'));
        if (c.note) assert.match(r.stdout, c.note);
        else assert.doesNotMatch(r.stdout, /^Read /m);
        const copy = readFileSync(join(ws.dir, 'pm.assets', c.name));
        assert.deepEqual(copy, c.expected, `copy bytes: ${copy.toString('hex')}`);
        assert.deepEqual(readFileSync(join(ws.dir, c.name)), c.bytes, 'the source is untouched');
      } finally {
        ws.cleanup();
      }
    });
  }

  it('with --no-redact a UTF-16 log is still scanned: its secrets are listed in the warning, the copy is the original', () => {
    const bytes = Buffer.from(`\uFEFF${LINE}`, 'utf16le');
    const ws = workspace({ 'pm.md': fixtureText('clean.md'), 'ps.log': bytes });
    try {
      const r = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'ps.log', '--no-redact');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /ps\.log holds 1 email, 1 github-token; copied as it is \(--no-redact\)/);
      assert.deepEqual(readFileSync(join(ws.dir, 'pm.assets/ps.log')), bytes);
    } finally {
      ws.cleanup();
    }
  });

  it('refuses text it cannot decode (Shift-JIS with bytes Windows-1252 lacks, UTF-8 cut mid-character), naming the byte; --unscanned copies it with a warning', () => {
    // 。 is 0x81 0x42 in Shift-JIS: 0x81 is undefined in Windows-1252, and the file is not UTF-8.
    const sjis = Buffer.concat([Buffer.from([0x92, 0x78, 0x89, 0x84, 0x81, 0x42]), Buffer.from(` ${LINE}`)]);
    const broken = Buffer.concat([Buffer.from('café ', 'utf8'), Buffer.from([0xc3]), Buffer.from(` ${LINE}`)]);
    const ws = workspace({ 'pm.md': fixtureText('clean.md'), 'ok.log': LINE, 'sjis.log': sjis, 'broken.txt': broken });
    try {
      const before = ws.read('pm.md');
      const r = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'ok.log', 'sjis.log');
      assert.equal(r.code, 2, r.stdout);
      assert.match(r.stderr, /^Cannot attach sjis\.log: not valid UTF-8: byte 0x92 at line 1, byte 1 of the line \(\d+ invalid sequences in the file\)\. It reads as Shift-JIS, which the tool does not decode, so it cannot be scanned for secrets\. Re-save it as UTF-8, or pass --unscanned to copy it as it is, unchecked\.\nNothing was attached\.\n$/);
      assert.equal(ws.read('pm.md'), before);
      assert.ok(!existsSync(join(ws.dir, 'pm.assets')), 'nothing copied, not even the readable file named before it');

      const cut = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'broken.txt');
      assert.equal(cut.code, 2);
      assert.match(cut.stderr, /^Cannot attach broken\.txt: not valid UTF-8: byte 0xC3 at line 1, byte 7 of the line\. It is not UTF-16 or Windows-1252 either, so it cannot be scanned for secrets\./);

      const forced = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'sjis.log', '--unscanned');
      assert.equal(forced.code, 0, forced.stderr);
      assert.match(forced.stderr, /^warning: sjis\.log copied as it is, not scanned for secrets \(--unscanned\)\.$/m);
      assert.deepEqual(readFileSync(join(ws.dir, 'pm.assets/sjis.log')), sjis);
    } finally {
      ws.cleanup();
    }
  });

  it('refuses Shift-JIS whose bytes are valid Windows-1252 too (遅延), naming both instead of scanning it as Windows-1252; a Latin-1 log is still read', () => {
    // 遅延 is 0x92 0x78 0x89 0x84: valid Shift-JIS, and valid Windows-1252 (’x‰„).
    const sjis = Buffer.concat([Buffer.from([0x92, 0x78, 0x89, 0x84]), Buffer.from(` ${LINE}`)]);
    const ws = workspace({ 'pm.md': fixtureText('clean.md'), 'delay.log': sjis, 'fr.log': Buffer.from(`délai à Zürich – ${LINE}`, 'latin1') });
    try {
      const before = ws.read('pm.md');
      const r = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'delay.log');
      assert.equal(r.code, 2, r.stdout);
      assert.equal(r.stderr, 'Cannot attach delay.log: not valid UTF-8: byte 0x92 at line 1, byte 1 of the line (3 invalid sequences in the file). It reads as Shift-JIS or as Windows-1252: which one, the tool cannot tell, so it cannot be scanned for secrets. Re-save it as UTF-8, or pass --unscanned to copy it as it is, unchecked.\nNothing was attached.\n');
      assert.equal(ws.read('pm.md'), before);
      assert.ok(!existsSync(join(ws.dir, 'pm.assets')), 'nothing copied');
      const latin = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'fr.log');
      assert.match(latin.stdout, /^Read fr\.log as Windows-1252 /m);
      assert.ok(existsSync(join(ws.dir, 'pm.assets/fr.log')), latin.stderr);
    } finally {
      ws.cleanup();
    }
  });

  it('says a file of unknown kind holding NUL bytes was copied without a scan; an image says nothing', () => {
    const ws = workspace({ 'pm.md': fixtureText('clean.md'), 'core.bin': Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(LINE)]), 'shot.png': Buffer.from('89504e470d0a1a0a0000', 'hex') });
    try {
      const r = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'core.bin', 'shot.png');
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, 'warning: core.bin is not text (it holds NUL bytes): copied as it is, not scanned for secrets.\n');
    } finally {
      ws.cleanup();
    }
  });
});
