import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import importTimeline from '../../../src/cli/commands/importTimeline';
import { FIXTURES } from './fixtures';

async function run(cwd: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await importTimeline(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, now: () => new Date('2026-11-27T12:00:00Z') });
  return { code, out, err };
}

describe('postmortem import-timeline (CLI)', () => {
  let dir: string;
  let pm: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-import-'));
    pm = join(dir, 'pm.md');
    copyFileSync(join(FIXTURES, 'postmortem.md'), pm);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('previews without writing unless --yes is given, then adds nothing the second time', async () => {
    const original = readFileSync(pm, 'utf8');
    const args = ['pm.md', '--from', 'alertmanager', '--input', join(FIXTURES, 'alertmanager.json')];
    const preview = await run(dir, [...args, '--dry-run']);
    assert.equal(preview.code, 0);
    assert.match(preview.out, /\+ - 2026-11-20 14:06Z \(alert\) FIRING DBPoolSaturation/);
    assert.match(preview.out, /Nothing written \(--dry-run\)\. Run again with --yes/);
    assert.equal(readFileSync(pm, 'utf8'), original);
    const written = await run(dir, [...args, '--yes']);
    assert.match(written.out, /Added 3 entries to pm\.md/);
    assert.notEqual(readFileSync(pm, 'utf8'), original);
    const again = await run(dir, [...args, '--yes']);
    assert.match(again.out, /0 to add, 3 already in the timeline/);
  });

  it('finds a Timeline the file\'s .postmortemrc.json renames (sectionAliases), as the editor\'s import does', async () => {
    writeFileSync(pm, readFileSync(pm, 'utf8').replace(/^## Timeline$/m, '## Sequence'));
    const args = ['pm.md', '--from', 'alertmanager', '--input', join(FIXTURES, 'alertmanager.json'), '--yes'];
    // Without the alias the file has no Timeline: the merge would add one.
    const without = await run(dir, [...args.slice(0, -1), '--dry-run']);
    assert.match(without.out, /\+ ## Timeline\n/);
    writeFileSync(join(dir, '.postmortemrc.json'), JSON.stringify({ sectionAliases: { timeline: ['sequence'] } }));
    const r = await run(dir, args);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Added 3 entries to pm\.md/);
    const text = readFileSync(pm, 'utf8');
    const section = text.slice(text.indexOf('## Sequence'), text.indexOf('\n## ', text.indexOf('## Sequence') + 3));
    assert.match(section, /- 2026-11-20 14:06Z \(alert\) FIRING DBPoolSaturation/, 'the entries went into the renamed section');
    assert.equal(text.match(/^## Timeline$/gm), null, 'no second Timeline section was added');
  });

  it('reads a Slack channel folder with users.json from the export root', async () => {
    const r = await run(dir, ['pm.md', '--from', 'slack', '--input', join(FIXTURES, 'slack/incident-checkout')]);
    assert.equal(r.code, 0);
    assert.match(r.out, /\(chat\) Ben Okoro: Connection wait time/);
  });

  it('imports commits of a git folder inside the incident window', async () => {
    const repo = join(dir, 'repo');
    const git = (env: Record<string, string>, ...args: string[]) => execFileSync('git', ['-C', repo, ...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
    execFileSync('git', ['init', '-q', repo]);
    for (const [date, msg] of [['2026-11-01T10:00:00Z', 'Unrelated change'], ['2026-11-20T14:27:00Z', 'Revert cart-line query'], ['2026-11-22T09:00:00Z', 'Later change']]) {
      writeFileSync(join(repo, 'f.txt'), msg);
      git({}, 'add', 'f.txt');
      git({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' }, 'commit', '-q', '-m', msg);
    }
    const r = await run(dir, ['pm.md', '--from', 'git', '--input', 'repo', '--yes']);
    assert.equal(r.code, 0, r.err);
    assert.match(readFileSync(pm, 'utf8'), /\n- 2026-11-20 14:27Z \(deploy\) [0-9a-f]+ Revert cart-line query\n- 14:31Z \[mitigated\]/);
    assert.doesNotMatch(readFileSync(pm, 'utf8'), /Unrelated change|Later change/);
  });

  it('stops on bad input with the row named, writing nothing, exit 2', async () => {
    const original = readFileSync(pm, 'utf8');
    const r = await run(dir, ['pm.md', '--from', 'csv', '--input', join(FIXTURES, 'bad/bad-time.csv'), '--zone', 'UTC', '--yes']);
    assert.equal(r.code, 2);
    assert.match(r.err, /bad-time\.csv row 3: "2026-11-20 25:99" is not a valid date and time\nNothing was written\./);
    assert.equal(readFileSync(pm, 'utf8'), original);
  });

  describe('local times a daylight-saving change repeats or skips (--zone America/Los_Angeles)', () => {
    const dstPm = (day: string, start: string, end: string) => [
      '---', 'type: postmortem', 'id: PM-DST', 'title: Checkout errors over the clock change', 'status: draft', 'timezone: America/Los_Angeles',
      `started_at: ${day}T${start}:00Z`, `resolved_at: ${day}T${end}:00Z`, '---', '', '# Checkout errors over the clock change', '', '## Timeline', '',
      `- ${day} ${start}Z [started] Checkout errors begin`, `- ${end}Z [resolved] Error rate at baseline`, '',
    ].join('\n');

    it('reads the repeated hour in the export\'s order, says which rows it decided, and writes them in that order', async () => {
      writeFileSync(pm, dstPm('2026-11-01', '08:00', '10:30'));
      const r = await run(dir, ['pm.md', '--from', 'csv', '--input', join(FIXTURES, 'dst/fall-back-alerts.csv'), '--zone', 'America/Los_Angeles', '--time-column', 'Created On', '--text-column', 'Title', '--yes']);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /note: fall-back-alerts\.csv row 5: 01:10 on 2026-11-01 happens twice in America\/Los_Angeles .*read as the second \(09:10Z\)/);
      const written = readFileSync(pm, 'utf8');
      const order = ['DB connection pool saturated', 're-triggered', 'DB connections back under 60%', 'back to normal'].map((t) => written.indexOf(t));
      assert.ok(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1])), written);
      assert.match(written, /- 2026-11-01 09:10Z \(alert\) Checkout 5xx rate above 5% \(re-triggered/);
    });

    it('refuses times that do not exist (spring forward): the rows named, exit 2, nothing written', async () => {
      writeFileSync(pm, dstPm('2026-03-08', '09:00', '11:00'));
      const original = readFileSync(pm, 'utf8');
      const r = await run(dir, ['pm.md', '--from', 'csv', '--input', join(FIXTURES, 'dst/spring-forward-alerts.csv'), '--zone', 'America/Los_Angeles', '--yes']);
      assert.equal(r.code, 2);
      assert.match(r.err, /spring-forward-alerts\.csv row 3: 02:30 on 2026-03-08 does not exist in America\/Los_Angeles \(clocks went from 02:00 to 03:00\)\n.*row 4: 02:45/);
      assert.match(r.err, /Nothing was written\.\n$/);
      assert.equal(readFileSync(pm, 'utf8'), original);
    });
  });

  it('adds the --zone hint to the host-neutral message when times have no zone', async () => {
    const original = readFileSync(pm, 'utf8');
    const r = await run(dir, ['pm.md', '--from', 'csv', '--input', join(FIXTURES, 'bad/no-zone.csv'), '--yes']);
    assert.equal(r.code, 2);
    assert.match(r.err, /has no time zone, so the zone the export was written in is needed \(such as Europe\/Berlin or UTC\)\nPass the zone with --zone, for example --zone Europe\/Berlin or --zone UTC\.\nNothing was written\./);
    assert.equal(readFileSync(pm, 'utf8'), original);
  });

  it('adds the --text-column hint when no header looks like the text column', async () => {
    const r = await run(dir, ['pm.md', '--from', 'csv', '--input', join(FIXTURES, 'bad/unknown-columns.csv'), '--zone', 'UTC', '--yes']);
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot tell which column holds the text; the header has "when", "what"\nName it with --text-column \(a header name or a column number\)\.\nNothing was written\./);
  });

  it('rejects missing options with the usage', async () => {
    assert.match((await run(dir, ['pm.md', '--from', 'excel', '--input', 'x'])).err, /Expected --from to be one of slack, csv, alertmanager, git, found "excel"/);
    assert.match((await run(dir, ['pm.md', '--from', 'csv'])).err, /Expected --input PATH/);
    assert.equal((await run(dir, ['pm.md', '--from', 'csv', '--input', 'nope.csv'])).code, 2);
  });
});
