/**
 * Trial14a F28: a Shift-JIS CSV (Japanese Excel's "CSV") was imported with `--yes` as U+FFFD
 * (`�x��`), exit 0; a UTF-16 export (Excel's "Unicode text") was refused with a garbled header.
 * Exports are now read as UTF-8 (BOM or not) or UTF-16 (BOM, or NUL in every other byte), and any
 * other bytes are refused before anything is written, naming the file, the byte and the likely
 * encoding. Run through the CLI command as a user runs it; what is checked is the file and the message.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import importTimeline from '../../../src/cli/commands/importTimeline';
import { FIXTURES } from './fixtures';

async function run(cwd: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await importTimeline(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, now: () => new Date('2026-11-27T12:00:00Z') });
  return { code, out, err };
}

/* 遅延 (delay) in Shift-JIS: 0x92 0x78 0x89 0x84, which Windows-1252 also reads (as ’x‰„). */
const SJIS_DELAY = Buffer.from([0x92, 0x78, 0x89, 0x84]);

describe('import-timeline: the encoding of the export (trial14a F28)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-expenc-'));
    copyFileSync(join(FIXTURES, 'postmortem.md'), join(dir, 'pm.md'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a Shift-JIS CSV with --yes: exit 2, the file unchanged, the byte and both likely encodings named', async () => {
    writeFileSync(join(dir, 'sjis.csv'), Buffer.concat([Buffer.from('time,message\n2026-11-20 23:49,'), SJIS_DELAY, Buffer.from(' checkout\n')]));
    const before = readFileSync(join(dir, 'pm.md'), 'utf8');
    const r = await run(dir, ['pm.md', '--from', 'csv', '--input', 'sjis.csv', '--zone', 'Asia/Tokyo', '--yes']);
    assert.equal(r.code, 2, r.out);
    assert.equal(r.err, 'Cannot read sjis.csv: not valid UTF-8: byte 0x92 at line 2, byte 18 of the line (3 invalid sequences in the file). It reads as Shift-JIS (what Japanese Excel\'s "CSV" writes) or as Windows-1252 or Latin-1 (what Excel\'s "CSV (Comma delimited)" writes on Western Windows): which one, the tool cannot tell. Exports are read as UTF-8 or UTF-16: re-save it as UTF-8 (Excel: "CSV UTF-8"), or convert it (iconv -f SHIFT_JIS -t UTF-8 sjis.csv > utf8-sjis.csv).\nNothing was written.\n');
    assert.equal(readFileSync(join(dir, 'pm.md'), 'utf8'), before);
  });

  it('refuses a Latin-1 CSV naming Windows-1252 only, and a UTF-8 file with a damaged byte naming neither', async () => {
    writeFileSync(join(dir, 'w.csv'), Buffer.from('time,message\n2026-11-20 23:49,café down\n', 'latin1'));
    const w = await run(dir, ['pm.md', '--from', 'csv', '--input', 'w.csv', '--zone', 'Asia/Tokyo', '--yes']);
    assert.equal(w.code, 2);
    assert.match(w.err, /^Cannot read w\.csv: not valid UTF-8: byte 0xE9 at line 2, byte 21 of the line\. It reads as Windows-1252 or Latin-1 \(.*\)\. .*\(iconv -f WINDOWS-1252 -t UTF-8 w\.csv > utf8-w\.csv\)\.\nNothing was written\.\n$/);
    writeFileSync(join(dir, 'd.csv'), Buffer.concat([Buffer.from('time,message\n2026-11-20 23:49,café '), Buffer.from([0xe9]), Buffer.from(' x\n')]));
    const d = await run(dir, ['pm.md', '--from', 'csv', '--input', 'd.csv', '--zone', 'Asia/Tokyo', '--yes']);
    assert.equal(d.code, 2);
    assert.match(d.err, /^Cannot read d\.csv: not valid UTF-8: byte 0xE9 at line 2, byte 24 of the line\. It is not Shift-JIS or Windows-1252 either/);
  });

  for (const [name, encode] of [
    ['u16.tsv (UTF-16LE with BOM, tab-separated: Excel "Unicode text")', (s: string) => Buffer.from(`\uFEFF${s}`, 'utf16le')],
    ['u16.tsv (UTF-16LE without BOM)', (s: string) => Buffer.from(s, 'utf16le')],
    ['u16.tsv (UTF-16BE with BOM)', (s: string) => Buffer.from(`\uFEFF${s}`, 'utf16le').swap16()],
    ['u16.tsv (UTF-8 with BOM)', (s: string) => Buffer.from(`\uFEFF${s}`, 'utf8')],
  ] as const) {
    it(`imports ${name}: the Japanese words and the time as written, the e-mail redacted`, async () => {
      writeFileSync(join(dir, 'u16.tsv'), encode('time\tmessage\r\n2026-11-20 23:49\t遅延 checkout sato@corp.co.jp\r\n'));
      const r = await run(dir, ['pm.md', '--from', 'csv', '--input', 'u16.tsv', '--zone', 'Asia/Tokyo', '--yes']);
      assert.equal(r.code, 1, `values redacted: exit 1, as tickets create ${r.err}`);
      const text = readFileSync(join(dir, 'pm.md'), 'utf8');
      assert.ok(text.includes('- 2026-11-20 14:49Z (alert) 遅延 checkout [redacted: email]\n'), text);
      assert.ok(!text.includes('\uFFFD') && !text.includes('\uFEFF') && !text.includes('\0'));
    });
  }
});
