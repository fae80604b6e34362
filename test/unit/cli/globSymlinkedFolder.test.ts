import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandPaths } from '../../../src/cli/files/expand';

/**
 * `lint 'postmortems/**\/*.md'` (the tool's own glob, quoted as CI scripts write it) skipped a
 * symlinked folder without a word, where naming the folder says "skipped … not followed" (trial 15a F2).
 */
describe('a glob names a symlinked folder it does not follow', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-glob-'));
    mkdirSync(join(dir, 'postmortems'));
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(dir, 'postmortems/a.md'), '# a\n');
    writeFileSync(join(dir, 'outside/x.md'), '# x\n');
    symlinkSync('../outside', join(dir, 'postmortems/ext'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports the linked folder as skipped beside the files the glob matched', () => {
    const { files } = expandPaths(['postmortems/**/*.md'], dir);
    assert.deepEqual(files.map((f) => [f.path.slice(dir.length + 1), f.folderProblem?.message]), [
      ['postmortems/a.md', undefined],
      ['postmortems/ext', 'a symlinked folder, not followed (name it to check the post-mortems in it)'],
    ]);
  });

  it('says nothing of a linked folder the glob could not take files from', () => {
    mkdirSync(join(dir, 'postmortems/2026'));
    writeFileSync(join(dir, 'postmortems/2026/b.md'), '# b\n');
    const { files } = expandPaths(['postmortems/2026/**/*.md'], dir);
    assert.deepEqual(files.map((f) => f.path.slice(dir.length + 1)), ['postmortems/2026/b.md']);
  });
});
