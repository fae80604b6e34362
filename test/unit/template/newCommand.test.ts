import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import newCommand from '../../../src/cli/commands/new';
import type { CliIo } from '../../../src/cli/io';

/** Runs `postmortem new …` in-process in `cwd`; returns exit code and output. */
async function run(cwd: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd, now: () => new Date('2026-11-27T09:00:00Z') };
  const code = await newCommand(argv, io);
  return { code, out, err };
}

function idOf(path: string): string | undefined {
  return /^id: (.*)$/m.exec(readFileSync(path, 'utf8'))?.[1];
}

describe('postmortem new: titles in any script and taken names', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-new-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names files after non-Latin titles and gives them distinct schema-valid ids', async () => {
    const a = await run(dir, '支付服务中断');
    const b = await run(dir, 'другой инцидент');
    assert.deepEqual([a.code, b.code], [0, 0], a.err + b.err);
    assert.equal(a.out, 'postmortems/2026-11-27-支付服务中断.md\n');
    assert.equal(b.out, 'postmortems/2026-11-27-другой-инцидент.md\n');
    const ids = readdirSync(join(dir, 'postmortems')).map((f) => idOf(join(dir, 'postmortems', f)));
    assert.ok(ids.includes('PM-20261127-drugoi-intsident'), String(ids));
    for (const id of ids) assert.match(id ?? '', /^PM-20261127-[A-Za-z0-9._-]+$/);
    assert.equal(new Set(ids).size, 2);
  });

  it('takes the next free name, with the same suffix in the id, when the file exists', async () => {
    const first = await run(dir, 'DNS outage');
    const second = await run(dir, 'DNS outage');
    const third = await run(dir, 'DNS outage');
    assert.deepEqual([first.code, second.code, third.code], [0, 0, 0]);
    assert.equal(second.out, 'postmortems/2026-11-27-dns-outage-2.md\n');
    assert.equal(third.out, 'postmortems/2026-11-27-dns-outage-3.md\n');
    assert.equal(idOf(join(dir, 'postmortems', '2026-11-27-dns-outage.md')), 'PM-20261127-dns-outage');
    assert.equal(idOf(join(dir, 'postmortems', '2026-11-27-dns-outage-2.md')), 'PM-20261127-dns-outage-2');
  });

  it('never overwrites: an existing file keeps its text', async () => {
    mkdirSync(join(dir, 'postmortems'));
    writeFileSync(join(dir, 'postmortems', '2026-11-27-outage.md'), 'mine');
    assert.equal((await run(dir, 'Outage')).out, 'postmortems/2026-11-27-outage-2.md\n');
    assert.equal(readFileSync(join(dir, 'postmortems', '2026-11-27-outage.md'), 'utf8'), 'mine');
  });

  it('with an explicit --id stops instead (two files must not share an id)', async () => {
    assert.equal((await run(dir, 'Outage', '--id', 'PM-9')).code, 0);
    const again = await run(dir, 'Outage', '--id', 'PM-9');
    assert.equal(again.code, 2);
    assert.match(again.err, /already exists \(not overwritten/);
    assert.deepEqual(readdirSync(join(dir, 'postmortems')), ['2026-11-27-outage.md']);
  });
});
