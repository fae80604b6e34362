import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, symlinkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import convert from '../../../src/cli/commands/convert';
import newCommand from '../../../src/cli/commands/new';
import { EXIT_USAGE, UsageError, type CliIo } from '../../../src/cli/io';

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = { convert, new: newCommand };

/** `--out` naming a Markdown file: one input is written to that file, never a folder of that name. */
const ORIGINAL = ['# Outage', '', 'Date: 2024-05-02', '', '## Timeline', '', 'All times UTC', '', '- 14:05 Alert', '- 14:40 Fixed', ''].join('\n');

async function cli(cwd: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd, now: () => new Date('2026-11-27T12:00:00Z') };
  let code: number;
  try {
    code = await COMMANDS[argv[0]](argv.slice(1), io);
  } catch (e) {
    // As the CLI's entry point reports a usage error.
    if (!(e instanceof UsageError)) throw e;
    err += `${e.message}\n`;
    code = EXIT_USAGE;
  }
  return { code, out, err };
}

describe('postmortem convert --out FILE.md', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-convert-out-'));
    writeFileSync(join(dir, 'in.md'), ORIGINAL);
    writeFileSync(join(dir, 'other.md'), ORIGINAL.replace('Outage', 'Other outage'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the converted text to that file (not a folder of that name), and nothing else', async () => {
    const r = await cli(dir, 'convert', 'in.md', '--out', 'x.md');
    assert.equal(r.code, 0, r.err);
    assert.ok(statSync(join(dir, 'x.md')).isFile(), 'x.md is a file');
    assert.match(readFileSync(join(dir, 'x.md'), 'utf8'), /^---\ntype: postmortem\n[\s\S]*- 2024-05-02 14:05Z Alert/);
    assert.match(r.out, /in\.md → x\.md\n/);
    assert.deepEqual(readdirSync(dir).sort(), ['in.md', 'other.md', 'x.md'], 'no temporary file or in.postmortem.md left');
    assert.equal(readFileSync(join(dir, 'in.md'), 'utf8'), ORIGINAL);
  });

  it('creates the file\'s folder when missing', async () => {
    const r = await cli(dir, 'convert', 'in.md', '--out', 'postmortems/2024-05-02-outage.md');
    assert.equal(r.code, 0, r.err);
    assert.ok(statSync(join(dir, 'postmortems/2024-05-02-outage.md')).isFile());
  });

  it('refuses to overwrite an existing file (exit 2) unless --overwrite', async () => {
    writeFileSync(join(dir, 'x.md'), 'mine');
    const refused = await cli(dir, 'convert', 'in.md', '--out', 'x.md');
    assert.equal(refused.code, 2);
    assert.match(refused.err, /x\.md already exists; not overwritten\. Remove it, pass --overwrite to replace it/);
    assert.equal(readFileSync(join(dir, 'x.md'), 'utf8'), 'mine');
    const replaced = await cli(dir, 'convert', 'in.md', '--out', 'x.md', '--overwrite');
    assert.equal(replaced.code, 0, replaced.err);
    assert.match(readFileSync(join(dir, 'x.md'), 'utf8'), /^---\ntype: postmortem\n/);
    assert.deepEqual(readdirSync(dir).sort(), ['in.md', 'other.md', 'x.md']);
  });

  it('--overwrite also replaces NAME.postmortem.md beside the input, but never the input itself', async () => {
    writeFileSync(join(dir, 'in.postmortem.md'), 'old');
    assert.equal((await cli(dir, 'convert', 'in.md', '--overwrite')).code, 0);
    assert.match(readFileSync(join(dir, 'in.postmortem.md'), 'utf8'), /^---\ntype: postmortem\n/);
    const self = await cli(dir, 'convert', 'in.md', '--out', 'in.md', '--overwrite');
    assert.equal(self.code, 2);
    assert.match(self.err, /Cannot write in\.md: it is the file being converted; the original is never replaced/);
    assert.equal(readFileSync(join(dir, 'in.md'), 'utf8'), ORIGINAL);
  });

  it('with several inputs refuses with a usage error (exit 2) and writes nothing', async () => {
    const r = await cli(dir, 'convert', 'in.md', 'other.md', '--out', 'x.md');
    assert.equal(r.code, 2);
    assert.match(r.err, /postmortem convert: Expected one FILE with --out x\.md \(a file\), found 2 inputs; for several, name a folder: --out DIR\. Run `postmortem convert --help`\./);
    assert.equal(existsSync(join(dir, 'x.md')), false);
    assert.equal(existsSync(join(dir, 'in.postmortem.md')), false);
    mkdirSync(join(dir, 'wiki'));
    writeFileSync(join(dir, 'wiki/a.md'), ORIGINAL);
    writeFileSync(join(dir, 'wiki/b.md'), ORIGINAL);
    const folder = await cli(dir, 'convert', 'wiki', '--out', 'x.md');
    assert.equal(folder.code, 2);
    assert.match(folder.err, /found 2 inputs/);
    assert.equal(existsSync(join(dir, 'x.md')), false);
  });

  it('an existing folder named x.md, or a trailing slash, is still a folder', async () => {
    mkdirSync(join(dir, 'x.md'));
    assert.equal((await cli(dir, 'convert', 'in.md', 'other.md', '--out', 'x.md')).code, 0);
    assert.deepEqual(readdirSync(join(dir, 'x.md')).sort(), ['in.postmortem.md', 'other.postmortem.md']);
    assert.equal((await cli(dir, 'convert', 'in.md', '--out', 'y.md/')).code, 0);
    assert.ok(statSync(join(dir, 'y.md/in.postmortem.md')).isFile());
  });

  it('--overwrite never writes through a symlink that leads out of the folder (exit 2, the file it leads to unchanged), as import-timeline refuses it', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'pm-convert-outside-'));
    try {
      const victim = join(outside, 'victim.md');
      writeFileSync(victim, 'another post-mortem');
      symlinkSync(victim, join(dir, 'lnk.md'));
      const r = await cli(dir, 'convert', 'in.md', '--out', 'lnk.md', '--overwrite');
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /lnk\.md not written: it leads to .*victim\.md, outside the folders given \(.*\); a symlink out of the tree is never written through\.\n/);
      assert.equal(readFileSync(victim, 'utf8'), 'another post-mortem');
      assert.ok(lstatSync(join(dir, 'lnk.md')).isSymbolicLink(), 'the link is left as it was');
      assert.doesNotMatch(r.out, /→/);
      // Without --overwrite the same link is refused too (it is not created through).
      const plain = await cli(dir, 'convert', 'in.md', '--out', 'lnk.md');
      assert.equal(plain.code, 2);
      assert.equal(readFileSync(victim, 'utf8'), 'another post-mortem');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('the closing "written as status: draft" line counts only the files written (none when the output was refused)', async () => {
    writeFileSync(join(dir, 'x.md'), 'mine');
    const refused = await cli(dir, 'convert', 'in.md', '--out', 'x.md');
    assert.equal(refused.code, 2);
    assert.doesNotMatch(refused.err, /written as status: draft/);
    const written = await cli(dir, 'convert', 'in.md', '--out', 'y.md');
    assert.match(written.err, /^1 file was written as status: draft/m);
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'in.postmortem.md'), 'mine');
    const two = await cli(dir, 'convert', 'in.md', 'other.md', '--out', 'out');
    assert.equal(two.code, 2);
    assert.match(two.err, /^1 file was written as status: draft/m, 'other.md was written, in.md was not');
  });

  it('--help says what --out and --overwrite do', async () => {
    const r = await cli(dir, 'convert', '--help');
    assert.match(r.out, /--out <file\.md> {5}With one FILE: write the converted text to this file/);
    assert.match(r.out, /--overwrite {9}Replace an output file that already exists/);
  });
});

describe('postmortem new --dir NAME.md', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-new-dir-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a file name as the folder (exit 2) and creates nothing', async () => {
    const r = await cli(dir, 'new', 'Checkout errors', '--dir', 'outage.md', '--zone', 'UTC', '--now', '2026-11-27T12:00:00Z');
    assert.equal(r.code, 2);
    assert.match(r.err, /postmortem new: Expected --dir to name a folder, found "outage\.md", a file name/);
    assert.deepEqual(readdirSync(dir), []);
  });

  it('a file where the folder goes is named as such, not "EEXIST: file already exists, mkdir …" (trial18a F12)', async () => {
    writeFileSync(join(dir, 'd'), 'a file');
    for (const target of ['d', 'd/sub']) {
      const r = await cli(dir, 'new', 'Checkout errors', '--dir', target, '--zone', 'UTC', '--now', '2026-11-27T12:00:00Z');
      assert.equal(r.code, 2, target);
      assert.equal(r.err, `postmortem new: cannot create ${target}: a file of that name (or above it) is there, not a folder; name another --dir\n`);
      assert.equal(readFileSync(join(dir, 'd'), 'utf8'), 'a file');
    }
  });

  it('takes an existing folder named like a file', async () => {
    mkdirSync(join(dir, 'notes.md'));
    const r = await cli(dir, 'new', 'Checkout errors', '--dir', 'notes.md', '--zone', 'UTC', '--now', '2026-11-27T12:00:00Z');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(readdirSync(join(dir, 'notes.md')), ['2026-11-27-checkout-errors.md']);
  });
});
