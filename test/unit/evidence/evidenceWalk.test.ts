import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkEvidenceOnDisk } from '../../../src/cli/commands/evidenceCheck';

/**
 * The evidence check walks a post-mortem's own `<name>.assets/` folder, and nothing else (trial19b
 * F2): a symlink in it to `/` listed 10,023 files of the machine as orphans and read the bytes of its
 * archives; a link to `..` walked round; the walk stopped at 10,000 files without a word, exit 0.
 */
const GZIP = Buffer.from('1f8b0800000000000003', 'hex');

describe('evidence check: the walk of an evidence folder stays in it (trial19b F2)', () => {
  // `dir` is the repository; `outer` holds it and a folder outside it.
  let outer: string;
  let dir: string;
  beforeEach(() => {
    outer = mkdtempSync(join(tmpdir(), 'pm-evwalk-'));
    dir = join(outer, 'repo');
    mkdirSync(dir);
  });
  afterEach(() => rmSync(outer, { recursive: true, force: true }));

  const run = (maxFiles?: number) => {
    const text = '---\ntype: postmortem\ntitle: T\nstatus: draft\n---\n\n## Evidence\n\n- [Log](pm.assets/app.log)\n- [Other](pm.assets/out/secret.gz)\n';
    const result = checkEvidenceOnDisk([{ path: join(dir, 'pm.md'), text, configKey: '' }], new Map(), maxFiles);
    return result.onFiles.map((o) => ({ at: o.path.slice(dir.length + 1), code: o.diagnostic.code, severity: o.diagnostic.severity, message: o.diagnostic.message }));
  };

  it('does not follow a link out of the folder, nor round a loop; says which links it did not follow', () => {
    mkdirSync(join(dir, 'pm.assets/loop'), { recursive: true });
    mkdirSync(join(outer, 'elsewhere'));
    writeFileSync(join(dir, 'pm.assets/app.log'), 'text\n');
    writeFileSync(join(dir, 'pm.assets/stray.txt'), 'text\n');
    writeFileSync(join(outer, 'elsewhere/secret.gz'), GZIP);
    writeFileSync(join(outer, 'elsewhere/other.txt'), 'x');
    symlinkSync('/', join(dir, 'pm.assets/root'));
    symlinkSync('..', join(dir, 'pm.assets/loop/up'));
    symlinkSync(join(outer, 'elsewhere'), join(dir, 'pm.assets/out'));
    symlinkSync('app.log', join(dir, 'pm.assets/alias'));
    const found = run();
    // Only the folder's own files: the unlinked one and the link to a file in the folder are orphans.
    assert.deepEqual(found.filter((f) => f.code === 'evidence/orphan').map((f) => f.at).sort(), ['pm.assets/alias', 'pm.assets/stray.txt']);
    const outside = found.filter((f) => f.code === 'evidence/link-outside');
    assert.deepEqual(outside.map((f) => f.at).sort(), ['pm.assets/out', 'pm.assets/root']);
    assert.match(outside.find((f) => f.at === 'pm.assets/root')!.message, /found "pm\.assets\/root", a link to "\/", outside pm\.assets\/: it was not followed/);
    // Not even through a link that a post-mortem names: the archive behind it is not read.
    assert.deepEqual(found.filter((f) => f.code === 'evidence/unscanned-archive'), []);
    assert.ok(found.every((f) => !f.at.startsWith('pm.assets/root/') && !f.at.includes('/up/')), JSON.stringify(found.map((f) => f.at)));
  });

  it('an evidence folder that is itself a link out is not walked, and said', () => {
    symlinkSync('/', join(dir, 'pm.assets'));
    const found = run();
    assert.deepEqual(found.map((f) => [f.at, f.code]), [['pm.assets', 'evidence/link-outside']]);
  });

  it('says when the walk stops at its cap, as an error', () => {
    mkdirSync(join(dir, 'pm.assets'));
    for (let i = 0; i < 12; i++) writeFileSync(join(dir, `pm.assets/f${String(i).padStart(2, '0')}.txt`), 'x');
    const found = run(10);
    const capped = found.filter((f) => f.code === 'evidence/too-many-files');
    assert.equal(capped.length, 1, JSON.stringify(found));
    assert.equal(capped[0].severity, 'error');
    assert.match(capped[0].message, /at most 10 files in pm\.assets\/, found more: the check stopped there/);
    assert.equal(found.filter((f) => f.code === 'evidence/orphan').length, 10);
    // Under the cap: no word of it.
    assert.deepEqual(run(12).filter((f) => f.code === 'evidence/too-many-files'), []);
  });
});
