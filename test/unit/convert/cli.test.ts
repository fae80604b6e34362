import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import convert, { convertedName } from '../../../src/cli/commands/convert';

const FIXTURES = join(__dirname, '../../fixtures/convert');

function copyFile(from: string, to: string): void {
  writeFileSync(to, readFileSync(from));
}

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
    // Read day first as its zone (CET, Europe/Berlin) writes dates, and said; on 3 April CET is out of season (the second thing);
    // its severity "Critical" names no level the original states (the third).
    assert.match(r.out, /tables\.md → tables\.postmortem\.md \(3 things to review\)/);
    assert.match(r.err, /tables\.md:5:1 {2}warning {2}"03\/04\/2026" could be day\/month or month\/day; read as day first \(2026-04-03\), because the document's zone is Europe\/Berlin/);
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

  it('prints what was read before the details; exit 0 only when the conversion is complete', async () => {
    const complete = ['# Outage', '', 'Date: 2024-05-02', '', '## Timeline', '', 'All times UTC', '', '- 14:05 Alert', '- 14:40 Fixed', '', '## Action items', '', '- Add an alert', ''].join('\n');
    writeFileSync(join(dir, 'complete.md'), complete);
    const ok = await run(dir, ['complete.md', '--stdout']);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.err, /^complete\.md: read 2 timeline entries on 2024-05-02, 1 action item; times read in UTC \(stated in the document\)\n/);
    assert.match(ok.err, /complete: everything timeline-like was read/);
    writeFileSync(join(dir, 'partial.md'), complete.replace('## Action items', '## Impact\n\n14:20 - Customers saw errors\n\n## Action items'));
    const partial = await run(dir, ['partial.md', '--stdout']);
    assert.equal(partial.code, 1, 'a timeline-like line was left as text');
    assert.match(partial.err, /not read: 1 timeline-like line left as text:\n {4}line 14: 14:20 - Customers saw errors \(outside the timeline\)/);
  });

  it('a date found only in the title is a guess: the summary says so and the exit code is 1, with or without --stdout', async () => {
    // No Date field, no dated prose, no timeline: only the title carries a date.
    writeFileSync(join(dir, 'title-date.md'), ['# Outage of the API on 2025-11-24', '', '## Summary', '', 'The API was down for an hour.', '', '## Action items', '', '- Add an alert', ''].join('\n'));
    for (const args of [['--stdout'], ['--out', 'converted']]) {
      const r = await run(dir, ['title-date.md', ...args]);
      assert.equal(r.code, 1, r.err);
      assert.match(r.err, /incident date 2025-11-24, from the title \(inferred, not stated in the text: check\)/);
      assert.doesNotMatch(r.err, /complete: everything timeline-like was read, no date was guessed/);
      // The other thing: no zone stated, `timezone: UTC` written as an assumption (trial18a F10: a guess is never exit 0).
      assert.match(r.err, /incomplete: 2 things to review, including the incident date inferred from the title/);
      assert.match(r.err, /convert\/assumed-zone/);
      assert.match(r.err, /title-date\.md:1:1 {2}warning {2}The incident date 2025-11-24 was taken from the title, not stated in the text — check it {2}convert\/date-inferred/);
    }
  });

  it('converts the Markdown files of a folder; --verbose lists what the scan skipped and why', async () => {
    mkdirSync(join(dir, 'wiki/.git'), { recursive: true });
    copyFile(join(dir, 'tables.md'), join(dir, 'wiki/2020-02-12.html.md.erb'));
    writeFileSync(join(dir, 'wiki/notes.txt'), 'x');
    writeFileSync(join(dir, 'wiki/done.postmortem.md'), 'x');
    const quiet = await run(dir, ['wiki', '--stdout']);
    assert.match(quiet.err, /3 files skipped in the folder scan \(--verbose lists them, and why\)/);
    const r = await run(dir, ['wiki', '--out', 'out', '--verbose']);
    assert.match(r.err, /skipped wiki\/\.git: a hidden or dependency folder/);
    assert.match(r.err, /skipped wiki\/notes\.txt: not a Markdown file/);
    assert.match(r.err, /skipped wiki\/done\.postmortem\.md: already in the standard format/);
    assert.ok(existsSync(join(dir, 'out/2020-02-12.postmortem.md')), r.out + r.err);
  });

  it('reports unreadable files and bad options with exit 2', async () => {
    assert.equal((await run(dir, ['missing.md'])).code, 2);
    assert.equal((await run(dir, [])).code, 2);
    assert.equal((await run(dir, ['tables.md', '--out', 'x', '--stdout'])).code, 2);
  });
});
