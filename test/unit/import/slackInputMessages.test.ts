/**
 * Pointing the Slack import at the wrong part of an export says what that part is and where to point
 * instead (trial 13a F23: the export's top folder got "has no day files", users.json got "message 1:
 * expected "ts" …"); with users.json found, the summary says the names came from it, as the README promises.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import importTimeline from '../../../src/cli/commands/importTimeline';

const DOC = '---\ntype: postmortem\ntitle: Checkout\nstarted_at: 2026-12-06T10:00:00Z\ntimezone: UTC\n---\n\n## Timeline\n\n- 2026-12-06 10:00Z [started] 5xx begin\n';
const DAY = [{ type: 'message', user: 'U1', text: 'rolling back', ts: `${Date.parse('2026-12-06T10:05:00Z') / 1000}.000100` }];

describe('Slack import pointed at the wrong part of an export (CLI)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-slackinput-'));
    writeFileSync(join(dir, 'pm.md'), DOC);
    mkdirSync(join(dir, 'export', 'inc-checkout'), { recursive: true });
    mkdirSync(join(dir, 'export', 'general'));
    writeFileSync(join(dir, 'export', 'users.json'), JSON.stringify([{ id: 'U1', name: 'ana', profile: { display_name: 'Ana' } }]));
    writeFileSync(join(dir, 'export', 'channels.json'), JSON.stringify([{ id: 'C1', name: 'inc-checkout' }]));
    writeFileSync(join(dir, 'export', 'inc-checkout', '2026-12-06.json'), JSON.stringify(DAY));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function run(input: string): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await importTimeline(['pm.md', '--from', 'slack', '--input', input], { out: (t) => (out += t), err: (t) => (err += t), cwd: dir, now: () => new Date('2026-12-07T12:00:00Z') });
    return { code, out, err };
  }

  it('the export\'s top folder: says what it is and names its channel folders', async () => {
    const r = await run('export');
    assert.equal(r.code, 2);
    assert.equal(r.err, 'export is the top folder of a Slack export (it holds channels.json and users.json), not a channel: import one of its channel folders (general, inc-checkout)\nNothing was written.\n');
  });

  it('users.json or channels.json given as the export: said for what it is', async () => {
    const users = await run('export/users.json');
    assert.equal(users.code, 2);
    assert.match(users.err, /^users\.json is the Slack export's list of users, not a channel's day file: import a channel folder, or one of its day files such as 2026-11-20\.json\n/);
    assert.match((await run('export/channels.json')).err, /^channels\.json is the Slack export's list of channels/);
  });

  it('a folder that is no export at all is named, with what was expected in it', async () => {
    mkdirSync(join(dir, 'empty'));
    assert.match((await run('empty')).err, /^empty holds no Slack day files \(expected a channel folder of files such as 2026-11-20\.json\)\n/);
  });

  it('a channel folder imports, and the summary says the names came from users.json', async () => {
    const r = await run('export/inc-checkout');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^\+ - 2026-12-06 10:05Z \(chat\) Ana: rolling back$/m);
    assert.match(r.out, /^note: 1 person named from users\.json$/m);
    assert.equal(readFileSync(join(dir, 'pm.md'), 'utf8'), DOC, 'a preview writes nothing');
  });
});
