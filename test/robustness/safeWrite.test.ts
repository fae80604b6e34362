import assert from 'node:assert/strict';
import { chmodSync, chownSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync, mkdirSync, unlinkSync } from 'node:fs';
import { readMarkdownFile } from '../../src/cli/files/read';
import { writeFileSafely, type FileSnapshot } from '../../src/cli/files/safeWrite';
import { failing, meddling } from './faultyFs';
import { tempDir } from './tempDir';

function snapshot(path: string): FileSnapshot {
  const read = readMarkdownFile(path);
  if (read.kind !== 'text') throw new Error(`cannot read ${path}`);
  return read.snapshot;
}

describe('the safe writer (src/cli/files/safeWrite.ts)', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => {
    t = tempDir();
  });
  afterEach(() => t.cleanup());

  const original = Buffer.from('\uFEFF---\r\ntitle: Café\r\n---\r\n\r\nold text\r\n', 'utf8');

  it('replaces the file with exactly the given bytes (BOM, CRLF) and leaves no temporary file', () => {
    const file = t.path('a.md');
    writeFileSync(file, original);
    const next = Buffer.concat([original, Buffer.from('added\r\n')]);
    const r = writeFileSafely(file, next, { expected: snapshot(file), roots: [t.dir] });
    assert.equal(r.ok, true);
    assert.deepEqual(readFileSync(file), next);
    assert.deepEqual(readdirSync(t.dir), ['a.md']);
  });

  it('keeps the file mode', () => {
    const file = t.path('a.md');
    writeFileSync(file, original);
    chmodSync(file, 0o600);
    assert.equal(writeFileSafely(file, 'x', { expected: snapshot(file) }).ok, true);
    assert.equal(statSync(file).mode & 0o777, 0o600);
  });

  it('refuses a read-only file (chmod 444), even as root: bytes, mode and the refusal said (trial F14)', () => {
    const file = t.path('ro.md');
    writeFileSync(file, original);
    chmodSync(file, 0o444);
    const r = writeFileSafely(file, 'x', { expected: snapshot(file), roots: [t.dir] });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.reason, 'read-only');
    assert.match(!r.ok ? r.message : '', /read-only .*not changed/);
    assert.deepEqual(readFileSync(file), original);
    assert.equal(statSync(file).mode & 0o777, 0o444);
    assert.deepEqual(readdirSync(t.dir), ['ro.md'], 'no temporary file left');
  });

  it('keeps the owner and group of the file it replaces', () => {
    const file = t.path('g.md');
    writeFileSync(file, original);
    // As root (here, and in most containers) the file can belong to someone else, as in a shared checkout.
    if (process.getuid?.() === 0) chownSync(file, 65534, 65534);
    const before = statSync(file);
    assert.equal(writeFileSafely(file, 'x', { expected: snapshot(file) }).ok, true);
    const after = statSync(file);
    assert.deepEqual([after.uid, after.gid], [before.uid, before.gid]);
  });

  for (const [call, code, after] of [['writeSync', 'ENOSPC', 0], ['writeSync', 'ENOSPC', 10], ['fsyncSync', 'EIO', 0], ['renameSync', 'EXDEV', 0], ['openSync', 'EDQUOT', 0]] as const) {
    it(`on ${code} in ${call}${after ? ` after ${after} bytes` : ''}: the original stays byte for byte, no temporary file, the error is said`, () => {
      const file = t.path('a.md');
      writeFileSync(file, original);
      const r = writeFileSafely(file, 'a much longer replacement text that does not fit', { expected: snapshot(file), fs: failing(call, code, after) });
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.reason, 'io');
      assert.match(r.message, code === 'ENOSPC' ? /no space left on the device/ : new RegExp(code));
      assert.match(r.message, /nothing was changed/);
      assert.deepEqual(readFileSync(file), original);
      assert.deepEqual(readdirSync(t.dir), ['a.md']);
    });
  }

  it('refuses when the file was edited after it was read (real file, same size, mtime restored: the hash tells)', () => {
    const file = t.path('a.md');
    writeFileSync(file, 'version one\n');
    const before = snapshot(file);
    const stat = statSync(file);
    const edited = 'version two\n';
    const r = writeFileSafely(file, 'fixed\n', {
      expected: before,
      fs: meddling(() => {
        writeFileSync(file, edited);
        utimesSync(file, stat.atime, stat.mtime);
      }),
    });
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.reason, 'changed');
    assert.equal(readFileSync(file, 'utf8'), edited, 'the edit made during the run survives');
  });

  it('refuses when the file grew after it was read', () => {
    const file = t.path('a.md');
    writeFileSync(file, 'one\n');
    const before = snapshot(file);
    writeFileSync(file, 'one\ntwo\n');
    const r = writeFileSafely(file, 'fixed\n', { expected: before });
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.message, /changed since it was read/);
    assert.equal(readFileSync(file, 'utf8'), 'one\ntwo\n');
  });

  it('does not bring back a file deleted after it was read', () => {
    const file = t.path('a.md');
    writeFileSync(file, 'one\n');
    const before = snapshot(file);
    unlinkSync(file);
    const r = writeFileSafely(file, 'fixed\n', { expected: before });
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.reason, 'deleted');
    assert.deepEqual(readdirSync(t.dir), []);
  });

  it('never writes through a symlink whose target is outside the roots (real symlink)', () => {
    mkdirSync(t.path('tree'));
    mkdirSync(t.path('outside'));
    writeFileSync(t.path('outside', 'authorized_keys'), 'ssh-ed25519 AAAA\n');
    symlinkSync('../outside/authorized_keys', t.path('tree', 'x.md'));
    const r = writeFileSafely(t.path('tree', 'x.md'), 'pwned\n', { expected: snapshot(t.path('tree', 'x.md')), roots: [t.path('tree')] });
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.reason, 'outside-roots');
      assert.match(r.message, /outside the folders given/);
    }
    assert.equal(readFileSync(t.path('outside', 'authorized_keys'), 'utf8'), 'ssh-ed25519 AAAA\n');
  });

  it('also refuses a file inside a symlinked folder that leads out of the roots', () => {
    mkdirSync(t.path('tree'));
    mkdirSync(t.path('outside'));
    writeFileSync(t.path('outside', 'a.md'), 'keep\n');
    symlinkSync('../outside', t.path('tree', 'linked'));
    const r = writeFileSafely(t.path('tree', 'linked', 'a.md'), 'pwned\n', { roots: [t.path('tree')] });
    assert.equal(r.ok, false);
    assert.equal(readFileSync(t.path('outside', 'a.md'), 'utf8'), 'keep\n');
  });

  it('writes through a symlink inside the roots to its target and keeps the link', () => {
    writeFileSync(t.path('a.md'), 'one\n');
    symlinkSync('a.md', t.path('b.md'));
    const r = writeFileSafely(t.path('b.md'), 'two\n', { expected: snapshot(t.path('b.md')), roots: [t.dir] });
    assert.equal(r.ok, true);
    assert.equal(readFileSync(t.path('a.md'), 'utf8'), 'two\n');
    assert.ok(statSync(t.path('b.md')).isFile());
    assert.equal(readdirSync(t.dir).sort().join(','), 'a.md,b.md');
  });

  it('creates without replacing: an existing name is refused, its content kept', () => {
    writeFileSync(t.path('a.md'), 'mine\n');
    const r = writeFileSafely(t.path('a.md'), 'theirs\n', { createOnly: true });
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.reason, 'exists');
    assert.equal(readFileSync(t.path('a.md'), 'utf8'), 'mine\n');
    assert.equal(writeFileSafely(t.path('new.md'), 'new\n', { createOnly: true }).ok, true);
    assert.equal(readFileSync(t.path('new.md'), 'utf8'), 'new\n');
    assert.deepEqual(readdirSync(t.dir).sort(), ['a.md', 'new.md']);
  });

  it('creating on a full disk leaves no file behind', () => {
    const r = writeFileSafely(t.path('new.md'), 'new\n', { createOnly: true, fs: failing('writeSync') });
    assert.equal(r.ok, false);
    assert.deepEqual(readdirSync(t.dir), []);
  });
});
