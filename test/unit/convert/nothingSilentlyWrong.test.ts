import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMarkdownFile } from '../../../src/cli/files/read';
import { buildOnce, NOW, repoRoot, runCli, runCliWithEnv, workspace } from '../cli/harness';

/**
 * `postmortem convert` never wrong without saying so (issue 10, first-time-user trial C2, C6,
 * C12, C13, C18, C27, U17): each case runs the built CLI on a fixture written the way the trial
 * found it, and checks what the user sees — the written file, the report, the exit code.
 */
const TRIAL = join(repoRoot, 'test/fixtures/convert/trial');
const IMPORT = join(repoRoot, 'test/fixtures/import');

function convertFixture(name: string, env: Record<string, string> = {}, ...args: string[]) {
  const ws = workspace({ [name]: readFileSync(join(TRIAL, name)) });
  try {
    return runCliWithEnv(ws.dir, env, 'convert', name, '--stdout', ...args);
  } finally {
    ws.cleanup();
  }
}

describe('postmortem convert: nothing silently wrong (built CLI)', function () {
  this.timeout(120_000);
  before(() => buildOnce());

  it('C2: the front matter\'s timezone is the document\'s zone: local times converted from it, kept as timezone:, said in the report', () => {
    // Under any zone of the machine: the file states its own.
    for (const TZ of ['UTC', 'America/Los_Angeles']) {
      const r = convertFixture('front-matter-zone.md', { TZ });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^timezone: Asia\/Kolkata$/m);
      assert.doesNotMatch(r.stdout, /^timezone: UTC$/m);
      // 23:30 in Kolkata is 18:00Z (it was written as 23:30Z: 5 h 30 off).
      assert.match(r.stdout, /^- 2026-02-28 18:00Z Config push$/m);
      assert.match(r.stdout, /^- 2026-02-28 18:28Z Push rolled back$/m);
      assert.match(r.stderr, /times read in Asia\/Kolkata \(the front matter's timezone\)/);
      assert.doesNotMatch(r.stderr, /no zone stated|convert\/no-zone/);
    }
  });

  it('C2: a --zone the document overrides is said, not silently dropped', () => {
    const r = convertFixture('front-matter-zone.md', {}, '--zone', 'America/New_York');
    assert.match(r.stdout, /^- 2026-02-28 18:00Z Config push$/m);
    assert.match(r.stderr, /note {2}The zone given for this conversion \(America\/New_York\) was not used: the document states its own \(Asia\/Kolkata, the front matter's timezone\)/);
  });

  it('C27: an unknown --zone is a usage error naming it, with the nearest zone — in convert, new and import-timeline alike', () => {
    const conv = convertFixture('zone-less.md', {}, '--zone', 'Europe/Berln');
    assert.equal(conv.code, 2, conv.stderr);
    assert.equal(conv.stdout, '', 'nothing converted');
    assert.match(conv.stderr, /postmortem convert: Expected --zone to be an IANA time zone \(like Europe\/Berlin\), UTC, or an offset \(like \+05:30\), found "Europe\/Berln"; did you mean Europe\/Berlin\?/);
    const far = convertFixture('zone-less.md', {}, '--zone', 'Mars/Base');
    assert.equal(far.code, 2);
    assert.match(far.stderr, /found "Mars\/Base"/);
    assert.doesNotMatch(far.stderr, /did you mean/);
    // An abbreviation is a fixed offset all year: refused with the region's zone to write instead.
    const pst = convertFixture('zone-less.md', {}, '--zone', 'PST');
    assert.equal(pst.code, 2);
    assert.match(pst.stderr, /PST is an abbreviation, a fixed UTC\u22128 all year.*like America\/Los_Angeles/);
    // Valid zones still work, an offset included.
    const ok = convertFixture('zone-less.md', {}, '--zone', 'europe/berlin');
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^- 2026-11-20 12:30Z pager$/m);
    assert.match(ok.stderr, /times read in Europe\/Berlin \(given for this conversion; the document states none\)/);
    const offset = convertFixture('zone-less.md', {}, '--zone', 'UTC+2');
    assert.equal(offset.code, 0, offset.stderr);
    assert.match(offset.stdout, /^- 2026-11-20 11:30Z pager$/m);

    const ws = workspace({ 'pm.md': readFileSync(join(IMPORT, 'postmortem.md')) });
    try {
      const created = runCli(ws.dir, 'new', 'Login errors', '--zone', 'Europe/Berln', '--now', NOW);
      assert.equal(created.code, 2, created.stderr);
      assert.match(created.stderr, /postmortem new: Expected --zone to be an IANA time zone, like Europe\/Berlin or America\/Los_Angeles, found "Europe\/Berln"; did you mean Europe\/Berlin\?/);
      assert.ok(!existsSync(join(ws.dir, 'postmortems')), 'nothing created');
      const imported = runCli(ws.dir, 'import-timeline', 'pm.md', '--from', 'csv', '--input', join(IMPORT, 'pagerduty-alerts.csv'), '--zone', 'Amrica/New_York', '--yes');
      assert.equal(imported.code, 2, imported.stderr);
      assert.match(imported.stderr, /postmortem import-timeline: Expected --zone .* found "Amrica\/New_York"; did you mean America\/New_York\?/);
      assert.equal(ws.read('pm.md'), readFileSync(join(IMPORT, 'postmortem.md'), 'utf8'), 'nothing written');
    } finally {
      ws.cleanup();
    }
  });

  it('C6: a start_time at exactly midnight reaches started_at and is said (exit 1), never dropped', () => {
    const r = convertFixture('midnight-start.md');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^started_at: 2013-03-07T00:00:00Z$/m);
    assert.match(r.stderr, /incident date 2013-03-07, from the front matter/);
    assert.match(r.stderr, /warning {2}start_time: 2013-03-07T00:00:00Z is exactly midnight UTC.*check the time {2}convert\/midnight-time/);
    assert.doesNotMatch(r.stderr, /complete: everything/);
  });

  it('C18: a Windows-1252 file is decoded as such and said (exit 1), never written with U+FFFD; bytes of no known encoding are refused (exit 2)', () => {
    const ws = workspace({ 'cp.md': readFileSync(join(TRIAL, 'cp1252.md')), 'bad.md': Buffer.from([0x23, 0x20, 0x41, 0xe9, 0xbb, 0x20, 0x81, 0x0a]) });
    try {
      const r = runCli(ws.dir, 'convert', 'cp.md', '--out', 'out');
      assert.equal(r.code, 1, r.stderr);
      const written = ws.read('out/cp.postmortem.md');
      assert.doesNotMatch(written, /\ufffd/);
      assert.match(written, /^title: Café outage – réseau\r?$/m);
      assert.match(written, /^- 2026-03-01 10:00Z start “quoted”\r?$/m);
      assert.match(r.stderr, /read as Windows-1252: the file is not UTF-8/);
      assert.match(r.stderr, /cp\.md:1:1 {2}warning {2}The file is not UTF-8; it was read as Windows-1252 \(5 characters decided that way.*convert\/encoding/);
      const bad = runCli(ws.dir, 'convert', 'bad.md', '--out', 'out');
      assert.equal(bad.code, 2, bad.stderr);
      assert.match(bad.stderr, /Cannot convert bad\.md: not valid UTF-8: byte 0xE9 at line 1, byte 4 of the line \(2 invalid sequences in the file\)\. It is not Windows-1252 text either; nothing was written/);
      assert.ok(!existsSync(join(ws.dir, 'out/bad.postmortem.md')));
      // Convert decodes the bytes the encoding check read: the file is read once.
      const read = readMarkdownFile(join(ws.dir, 'cp.md'), { keepBytes: true });
      assert.ok(read.kind === 'text' && read.encoding?.code === 'file/not-utf8' && read.bytes);
      assert.deepEqual(Buffer.from(read.bytes), readFileSync(join(ws.dir, 'cp.md')));
      assert.equal((readMarkdownFile(join(ws.dir, 'cp.md')) as { bytes?: unknown }).bytes, undefined, 'only when asked: lint keeps no bytes');
    } finally {
      ws.cleanup();
    }
  });

  it('C12: a local time that happens twice (DST fall-back) or never (spring-forward) is kept as written with its zone, said, and flagged by the linter', () => {
    for (const [name, clock, said, why] of [
      ['dst-fall-back.md', '2026-11-01 01:20', /01:20 on 2026-11-01 happens twice in America\/Los_Angeles \(clocks went back from 02:00 to 01:00\): at 08:20Z and at 09:20Z: kept as written/, /a local time that happens twice when the clocks go back/],
      ['dst-spring-forward.md', '2026-03-08 02:30', /02:30 on 2026-03-08 does not exist in America\/Los_Angeles \(clocks went from 02:00 to 03:00\): kept as written/, /a local time the change to summer time skips/],
    ] as const) {
      const ws = workspace({ [name]: readFileSync(join(TRIAL, name)) });
      try {
        const r = runCli(ws.dir, 'convert', name, '--out', 'out');
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stderr, said);
        assert.match(r.stderr, /convert\/ambiguous-time/);
        assert.match(r.stderr, /not read: 1 timeline-like line left as text:/);
        assert.match(r.stderr, why);
        assert.doesNotMatch(r.stderr, /complete: everything|convert\/unread-entry/, 'said once, not "complete"');
        const out = `out/${name.replace('.md', '.postmortem.md')}`;
        assert.match(ws.read(out), new RegExp(`^- ${clock} America/Los_Angeles `, 'm'));
        // The output marks it the way the linter understands: it stays an error until someone writes the UTC time.
        const lint = runCli(ws.dir, 'lint', out);
        assert.match(lint.stdout + lint.stderr, /timeline\/ambiguous-time/);
      } finally {
        ws.cleanup();
      }
    }
  });

  it('C13: a chat log ([13:55] alice: …) under another heading is read as the timeline; two such lines are reported, never "no timeline"', () => {
    const three = convertFixture('chat-log.md');
    assert.equal(three.code, 0, three.stderr);
    assert.match(three.stderr, /read 3 timeline entries on 2026-03-29/);
    assert.match(three.stdout, /^- 2026-03-29 13:55Z alice: replication lag alert$/m);
    assert.match(three.stdout, /^- 2026-03-29 15:05Z alice: failover done$/m);
    assert.doesNotMatch(three.stdout, /has no timeline/);
    const two = convertFixture('chat-two-lines.md');
    assert.equal(two.code, 1, two.stderr);
    assert.match(two.stderr, /not read: 2 timeline-like lines left as text:\n {4}line 9: \[13:55\] alice: replication lag alert \(outside the timeline\)/);
    assert.doesNotMatch(two.stdout, /_The original has no timeline\._/);
    assert.match(two.stdout, /_The original has no timeline section; 2 timed lines were left as text where they were \(see the conversion report\)\._/);
    // An item whose time is in words the converter does not read is listed, not passed over.
    const words = convertFixture('time-in-words.md');
    assert.equal(words.code, 1, words.stderr);
    assert.match(words.stderr, /line 7: - Tuesday around 9am: mail job deployed \(a time not at the start of the item, or in words not read\)/);
  });

  it('U17: a stated "Status: final" is written as published (its missing fields said); no status stated is said as assumed', () => {
    const final = convertFixture('status-final.md');
    assert.match(final.stdout, /^status: published$/m);
    assert.match(final.stderr, /^ {2}status published, from "Status: final" \(line 3\)$/m);
    assert.match(final.stderr, /warning {2}The original's status is "Status: final" \(written as status: published\), but id, severity, .*published_at could not be read/);
    assert.equal(final.code, 1);
    const none = convertFixture('status-none.md');
    assert.match(none.stdout, /^status: draft$/m);
    assert.match(none.stderr, /^ {2}status draft, assumed: the original states no status$/m);
    assert.equal(none.code, 0, 'an assumed draft is said, not a problem');
  });
});
