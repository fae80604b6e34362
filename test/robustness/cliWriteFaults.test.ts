import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import importTimeline from '../../src/cli/commands/importTimeline';
import lint from '../../src/cli/commands/lint';
import { realFs, writerSeam } from '../../src/cli/files/safeWrite';
import { failing, meddling } from './faultyFs';
import { FIXABLE, lineEndings } from './hostile';
import { runInProcess } from './inProcess';
import { tempDir } from './tempDir';

/** `lint --fix` and `import-timeline --yes` when the disk or another program gets in the way. */
describe('CLI writes under file-system faults (in-process, faults through the writer seam)', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => {
    t = tempDir();
    mkdirSync(t.path('postmortems'));
  });
  afterEach(() => {
    writerSeam.fs = realFs;
    t.cleanup();
  });

  for (const eol of ['crlf-bom', 'mixed'] as const) {
    it(`lint --fix on a full disk (${eol}): file byte-identical, error named, exit 2, never "no problems"`, async () => {
      const bytes = Buffer.from(lineEndings(FIXABLE, eol), 'utf8');
      writeFileSync(t.path('postmortems', 'q.md'), bytes);
      writerSeam.fs = failing('writeSync', 'ENOSPC', 7);
      const r = await runInProcess(lint, t.dir, 'postmortems', '--fix', '--workers', '0');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /not written postmortems\/q\.md: write failed: no space left on the device/);
      assert.doesNotMatch(r.stdout, /no problems/);
      assert.doesNotMatch(r.stdout, /fixed \d+ problem/, 'nothing claims to be fixed');
      assert.match(r.stdout, /1 file not written/);
      assert.deepEqual(readFileSync(t.path('postmortems', 'q.md')), bytes);
      assert.deepEqual(readdirSync(t.path('postmortems')), ['q.md'], 'no temporary file left');
    });
  }

  it('lint --fix keeps an edit made during the run (real file changed before the write), exit 2', async () => {
    const file = t.path('postmortems', 'q.md');
    writeFileSync(file, FIXABLE);
    const edited = `${FIXABLE}\nA paragraph typed while lint ran.\n`;
    writerSeam.fs = meddling(() => writeFileSync(file, edited));
    const r = await runInProcess(lint, t.dir, 'postmortems', '--fix', '--workers', '0');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not written postmortems\/q\.md: it changed since it was read/);
    assert.equal(readFileSync(file, 'utf8'), edited);
  });

  it('lint --fix does not recreate a file deleted during the run, exit 2', async () => {
    const file = t.path('postmortems', 'q.md');
    writeFileSync(file, FIXABLE);
    writerSeam.fs = meddling(() => unlinkSync(file));
    const r = await runInProcess(lint, t.dir, 'postmortems', '--fix', '--workers', '0');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not written postmortems\/q\.md: it was deleted during the run; not recreated/);
    assert.deepEqual(readdirSync(t.path('postmortems')), []);
  });

  it('import-timeline --yes on a full disk leaves the post-mortem as it was, exit 2', async () => {
    const pm = FIXABLE.replace('status: In Review', 'status: draft').replace('severity: sev3', 'severity: SEV3').replace('detected_at: 2026-11-20 09:20', 'detected_at: 2026-11-20T09:20:00Z')
      + '\n## Timeline\n\n- 2026-11-20 09:00Z [started] Scale-in began.\n';
    writeFileSync(t.path('postmortems', 'q.md'), pm);
    writeFileSync(t.path('pager.csv'), 'time,text\n2026-11-20T09:05:00Z,Backlog alert fired\n');
    writerSeam.fs = failing('fsyncSync', 'ENOSPC');
    const r = await runInProcess(importTimeline, t.dir, 'postmortems/q.md', '--from', 'csv', '--input', 'pager.csv', '--yes');
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /not written: write failed: no space left on the device/);
    assert.equal(readFileSync(t.path('postmortems', 'q.md'), 'utf8'), pm);
  });
});
