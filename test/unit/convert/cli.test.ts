import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import convert, { convertedName } from '../../../src/cli/commands/convert';

const FIXTURES = join(__dirname, '../../fixtures/convert');

async function run(cwd: string, argv: string[]) {
  let out = '';
  let err = '';
  const code = await convert(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, now: () => new Date('2026-11-27T12:00:00Z') });
  return { code, out, err };
}

describe('postmortem convert (CLI)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-convert-'));
    // Without the US due date (04/15/2026) nothing in the file decides whether 03/04/2026 is March or April.
    writeFileSync(join(dir, 'tables.md'), readFileSync(join(FIXTURES, 'tables.md'), 'utf8').replace('04/15/2026', '2026-04-15'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes NAME.postmortem.md beside the original, leaves the original alone, reports what to review', async () => {
    const r = await run(dir, ['tables.md']);
    assert.equal(r.code, 1, 'the ambiguous date needs review');
    assert.match(r.out, /tables\.md → tables\.postmortem\.md \(1 to review\)/);
    assert.match(r.err, /tables\.md:5:1 {2}warning {2}"03\/04\/2026" could be/);
    assert.match(readFileSync(join(dir, 'tables.postmortem.md'), 'utf8'), /^---\ntype: postmortem\n/);
    assert.equal(readFileSync(join(dir, 'tables.md'), 'utf8'), readFileSync(join(FIXTURES, 'tables.md'), 'utf8').replace('04/15/2026', '2026-04-15'));
  });

  it('never overwrites an existing file', async () => {
    writeFileSync(join(dir, 'tables.postmortem.md'), 'mine');
    const r = await run(dir, ['tables.md']);
    assert.equal(r.code, 2);
    assert.match(r.err, /tables\.postmortem\.md already exists; not overwritten/);
    assert.equal(readFileSync(join(dir, 'tables.postmortem.md'), 'utf8'), 'mine');
  });

  it('writes into --out DIR, or prints with --stdout', async () => {
    await run(dir, ['tables.md', '--out', 'converted']);
    assert.ok(existsSync(join(dir, 'converted/tables.postmortem.md')));
    const r = await run(dir, ['tables.md', '--stdout']);
    assert.match(r.out, /## Action items\n\n- \[ \] Automate replica promotion @Dev-Patel due:2026-04-30/);
    assert.equal(convertedName('/x/2020-08-14-outage.html.md.erb'), '2020-08-14-outage.postmortem.md');
  });

  it('reports unreadable files and bad options with exit 2', async () => {
    assert.equal((await run(dir, ['missing.md'])).code, 2);
    assert.equal((await run(dir, [])).code, 2);
    assert.equal((await run(dir, ['tables.md', '--out', 'x', '--stdout'])).code, 2);
  });
});
