import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, runCli, workspace } from '../cli/harness';

/**
 * Trial 14a F31: `convert DIR --out D` with `a/x.md` and `b/x.md` wrote both to `D/x.postmortem.md`;
 * the refusal advised `--overwrite`, which then replaced the first conversion with the second,
 * without a word. Two inputs of one run never write one file; `--overwrite` replaces only files
 * that were there before the run.
 */
const review = (title: string) => [`# ${title}`, '', 'Date: 2024-05-02', '', '## Timeline', '', 'All times UTC', '', '- 14:05 Alert', '- 14:40 Fixed', ''].join('\n');
const GERMAN = review('Störung: Zahlungen');
const PORTUGUESE = review('Pós-incidente: PIX indisponível');

describe('postmortem convert: two inputs never write one output file (CLI)', () => {
  before(buildOnce);

  it('a folder\'s files keep their sub-folders under --out, so pages of one name stay apart', () => {
    const ws = workspace({ 'dup/a/x.md': GERMAN, 'dup/b/x.md': PORTUGUESE });
    try {
      const r = runCli(ws.dir, 'convert', 'dup', '--out', 'dupout');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^dup\/a\/x\.md → dupout\/a\/x\.postmortem\.md$/m);
      assert.match(r.stdout, /^dup\/b\/x\.md → dupout\/b\/x\.postmortem\.md$/m);
      assert.match(ws.read('dupout/a/x.postmortem.md'), /^title: "?Störung: Zahlungen"?$/m);
      assert.match(ws.read('dupout/b/x.postmortem.md'), /^title: "?Pós-incidente: PIX indisponível"?$/m);
      assert.deepEqual(readdirSync(join(ws.dir, 'dupout')).sort(), ['a', 'b'], 'nothing written flat');
    } finally {
      ws.cleanup();
    }
  });

  it('--overwrite replaces a file that was there before the run, and only that one', () => {
    const ws = workspace({ 'dup/a/x.md': GERMAN, 'dup/b/x.md': PORTUGUESE, 'dupout/a/x.postmortem.md': 'an older conversion' });
    try {
      const refused = runCli(ws.dir, 'convert', 'dup', '--out', 'dupout');
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /dupout\/a\/x\.postmortem\.md already exists; not overwritten\. Remove it, pass --overwrite to replace it/);
      assert.equal(ws.read('dupout/a/x.postmortem.md'), 'an older conversion');
      const r = runCli(ws.dir, 'convert', 'dup', '--out', 'dupout', '--overwrite');
      assert.equal(r.code, 0, r.stderr);
      assert.match(ws.read('dupout/a/x.postmortem.md'), /Störung: Zahlungen/);
      assert.match(ws.read('dupout/b/x.postmortem.md'), /Pós-incidente/);
    } finally {
      ws.cleanup();
    }
  });

  it('two FILEs of one name into one --out folder: refused before anything is written, naming both, even with --overwrite', () => {
    const ws = workspace({ 'a/x.md': GERMAN, 'b/x.md': PORTUGUESE, 'dupout/keep.md': 'mine' });
    try {
      for (const extra of [[], ['--overwrite']]) {
        const r = runCli(ws.dir, 'convert', 'a/x.md', 'b/x.md', '--out', 'dupout', ...extra);
        assert.equal(r.code, 2, r.stderr);
        assert.match(r.stderr, /^Cannot convert a\/x\.md and b\/x\.md: both would be written to dupout\/x\.postmortem\.md$/m);
        assert.match(r.stderr, /^Nothing was written: each input needs its own output file\./m);
        assert.doesNotMatch(r.stderr, /pass --overwrite/);
        assert.equal(r.stdout, '');
        assert.deepEqual(readdirSync(join(ws.dir, 'dupout')), ['keep.md'], 'nothing written');
      }
      const r = runCli(ws.dir, 'convert', 'a', 'b', '--out', 'out');
      assert.equal(r.code, 2, 'two FOLDERs with the same page meet in one output too');
      assert.match(r.stderr, /^Cannot convert a\/x\.md and b\/x\.md: both would be written to out\/x\.postmortem\.md$/m);
      assert.equal(existsSync(join(ws.dir, 'out')), false);
    } finally {
      ws.cleanup();
    }
  });

  it('beside the inputs: x.md and x.markdown in one folder are refused, naming both; nothing written', () => {
    const ws = workspace({ 'wiki/x.md': GERMAN, 'wiki/x.markdown': PORTUGUESE });
    try {
      const r = runCli(ws.dir, 'convert', 'wiki', '--overwrite');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^Cannot convert wiki\/x\.md and wiki\/x\.markdown: both would be written to wiki\/x\.postmortem\.md$/m);
      assert.deepEqual(readdirSync(join(ws.dir, 'wiki')).sort(), ['x.markdown', 'x.md']);
    } finally {
      ws.cleanup();
    }
  });

  it('a file named twice (a FOLDER and a FILE in it) is converted once, with a note', () => {
    const ws = workspace({ 'wiki/x.md': GERMAN });
    try {
      const r = runCli(ws.dir, 'convert', 'wiki', 'wiki/x.md', '--out', 'out');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /^note: wiki\/x\.md is named more than once; converted once$/m);
      assert.equal(r.stdout.match(/→/g)?.length, 1, r.stdout);
      assert.match(ws.read('out/x.postmortem.md'), /Störung: Zahlungen/);
    } finally {
      ws.cleanup();
    }
  });

  it('one file under two paths (an --out sub-folder linked to another): the second is refused, the first kept, even with --overwrite', () => {
    const ws = workspace({ 'dup/a/x.md': GERMAN, 'dup/b/x.md': PORTUGUESE });
    try {
      mkdirSync(join(ws.dir, 'dupout/b'), { recursive: true });
      symlinkSync(join(ws.dir, 'dupout/b'), join(ws.dir, 'dupout/a'), 'dir');
      const r = runCli(ws.dir, 'convert', 'dup', '--out', 'dupout', '--overwrite');
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stdout, /^dup\/a\/x\.md → dupout\/a\/x\.postmortem\.md$/m);
      assert.match(r.stderr, /^Cannot write dupout\/b\/x\.postmortem\.md: this run wrote it from dup\/a\/x\.md; dup\/b\/x\.md not written \(two inputs, one output file\)$/m);
      assert.match(ws.read('dupout/b/x.postmortem.md'), /Störung: Zahlungen/);
    } finally {
      ws.cleanup();
    }
  });
});
