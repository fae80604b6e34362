/**
 * `postmortem evidence add` of archives and of files whose name lies, run as a user runs it: a
 * gzipped log and a zip of it holding a GitHub token and an e-mail were copied into the repository
 * unscanned with only "Attached", exit 0 (trial15a F11), while a text file named `fake.png` was
 * copied unscanned without a word. What a file is comes from its bytes, not its name.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, gzipSync } from 'node:zlib';
import { buildOnce, fixtureText, runCli, workspace } from './harness';

const TOKEN = `ghp_${'Lq7W'.repeat(9)}`;
const LOG = `2026-12-01 10:00 token=${TOKEN} user jane@corp.io\n`;

/** A zip with one stored (uncompressed) entry, as `zip -0` writes it: the log is plainly in its bytes. */
function storedZip(name: string, data: Buffer): Buffer {
  const nameBytes = Buffer.from(name);
  // The local header and the central directory's record repeat the entry's CRC, sizes and name length.
  const entryFields = (record: Buffer, at: number): Buffer => {
    record.writeUInt32LE(crc32(data), at);
    record.writeUInt32LE(data.length, at + 4);
    record.writeUInt32LE(data.length, at + 8);
    record.writeUInt16LE(nameBytes.length, at + 12);
    return record;
  };
  const local = entryFields(Buffer.alloc(30), 14);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  const central = entryFields(Buffer.alloc(46), 16);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(local.length + nameBytes.length + data.length, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

/** A tar with one file: a 512-byte header (`ustar` at 257), the data padded to 512. */
function tarOf(name: string, data: Buffer): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write('0000644\0', 100);
  header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
  header.write('ustar\x0000', 257);
  const body = Buffer.alloc(Math.ceil(data.length / 512) * 512);
  data.copy(body);
  return Buffer.concat([header, body, Buffer.alloc(1024)]);
}

/** The magic of a format node cannot write, then bytes no text has. */
function withMagic(hex: string): Buffer {
  return Buffer.concat([Buffer.from(hex, 'hex'), Buffer.from([0x00, 0x91, 0xfe, 0x07]), Buffer.from(LOG)]);
}

describe('postmortem evidence add: archives and compressed files are refused, files are judged by their bytes (trial15a F11)', function () {
  this.timeout(120_000);
  before(buildOnce);

  const archives: { name: string; bytes: Buffer; format: string }[] = [
    { name: 'app.log.gz', bytes: gzipSync(LOG), format: 'gzip' },
    { name: 'logs.zip', bytes: storedZip('app.log', Buffer.from(LOG)), format: 'zip' },
    { name: 'logs.tar', bytes: tarOf('app.log', Buffer.from(LOG)), format: 'tar' },
    { name: 'logs.tgz', bytes: gzipSync(tarOf('app.log', Buffer.from(LOG))), format: 'gzip' },
    { name: 'app.log.bz2', bytes: withMagic('425a6839314159265359'), format: 'bzip2' },
    { name: 'app.log.xz', bytes: withMagic('fd377a585a00'), format: 'xz' },
    { name: 'logs.7z', bytes: withMagic('377abcaf271c'), format: '7z' },
    { name: 'app.log.zst', bytes: withMagic('28b52ffd'), format: 'zstd' },
    // Named as text (or as nothing): the bytes say gzip, and a .log used to be refused as "not valid UTF-8".
    { name: 'rotated.log', bytes: gzipSync(LOG), format: 'gzip' },
    { name: 'export', bytes: storedZip('app.log', Buffer.from(LOG)), format: 'zip' },
  ];

  for (const a of archives) {
    it(`${a.name} (${a.format}) is refused, exit 2, nothing attached; --unscanned copies it as it is with a warning`, () => {
      const ws = workspace({ 'pm.md': fixtureText('clean.md'), [a.name]: a.bytes });
      try {
        const r = runCli(ws.dir, 'evidence', 'add', 'pm.md', a.name);
        assert.equal(r.code, 2, r.stdout + r.stderr);
        assert.equal(r.stdout, '');
        assert.equal(r.stderr, `Cannot attach ${a.name}: ${a.name} is an archive (${a.format}): the files in it cannot be scanned for secrets. Unpack it and attach the files in it, or pass --unscanned to copy it as it is, unchecked.\nNothing was attached.\n`);
        assert.equal(existsSync(join(ws.dir, 'pm.assets')), false, 'no evidence folder');
        assert.equal(ws.read('pm.md'), fixtureText('clean.md'), 'the post-mortem is unchanged');

        const forced = runCli(ws.dir, 'evidence', 'add', 'pm.md', a.name, '--unscanned');
        assert.equal(forced.code, 0, forced.stderr);
        assert.equal(forced.stderr, `warning: ${a.name} is an archive (${a.format}): copied as it is, not scanned for secrets (--unscanned).\n`);
        assert.deepEqual(readFileSync(join(ws.dir, 'pm.assets', a.name)), a.bytes);
      } finally {
        ws.cleanup();
      }
    });
  }

  it('one archive among other sources stops the whole command before anything is copied', () => {
    const ws = workspace({ 'pm.md': fixtureText('clean.md'), 'ok.log': 'all quiet\n', 'app.log.gz': gzipSync(LOG) });
    try {
      const r = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'ok.log', 'app.log.gz');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^Cannot attach app\.log\.gz: app\.log\.gz is an archive \(gzip\)/);
      assert.equal(existsSync(join(ws.dir, 'pm.assets')), false);
    } finally {
      ws.cleanup();
    }
  });

  it('a text file named fake.png (or report.pdf, logs.zip) is scanned and redacted like any text; a real PNG or PDF is copied without a word', () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from(LOG)]);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.from(LOG)]);
    const ws = workspace({ 'pm.md': fixtureText('clean.md'), 'fake.png': LOG, 'report.pdf': `%PDF-1.4 ${LOG}`, 'logs.zip': `${LOG}zip\n`, 'shot.png': png, 'real.pdf': pdf });
    try {
      const r = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'fake.png', 'report.pdf', 'logs.zip', 'shot.png', 'real.pdf');
      assert.equal(r.code, 1, `values redacted: exit 1 ${r.stderr}`);
      assert.equal(r.stderr, '');
      for (const name of ['fake.png', 'report.pdf', 'logs.zip']) {
        assert.match(r.stdout, new RegExp(`^Redacted 1 github-token, 1 email in the copy of ${name.replace('.', '\\.')}`, 'm'));
        const copy = ws.read(`pm.assets/${name}`);
        assert.doesNotMatch(copy, /ghp_|jane@corp\.io/, `${name}: ${copy}`);
        assert.match(copy, /token=\[redacted: github-token\] user \[redacted: email\]/);
      }
      assert.deepEqual(readFileSync(join(ws.dir, 'pm.assets', 'shot.png')), png);
      assert.deepEqual(readFileSync(join(ws.dir, 'pm.assets', 'real.pdf')), pdf);
      assert.doesNotMatch(r.stdout, /shot\.png[^\n]*(?:Redacted|scanned)|real\.pdf[^\n]*(?:Redacted|scanned)/);
    } finally {
      ws.cleanup();
    }
  });
});
