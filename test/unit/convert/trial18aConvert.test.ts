import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import convert from '../../../src/cli/commands/convert';
import { convertPostmortem } from '../../../src/core/import/convert';

/** trial18a F8, F9, F10: what `postmortem convert` did to a converted file, a table under an entry, and `17:14pm`. */
const EXAMPLE = join(__dirname, '../../../examples/postmortems/2026-11-20-checkout-pool-exhaustion.md');

async function run(cwd: string, argv: string[]) {
  let out = '';
  let err = '';
  const code = await convert(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, now: () => new Date('2026-12-07T20:00:00Z') });
  return { code, out, err };
}

const md = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('convert: files in the standard format, zones written on times, 24-hour times with pm, tables under entries (trial18a)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-conv18x-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('F10: a file in the standard format is left as it is and said: --stdout prints it unchanged, exit 0, and nothing is written beside it', async () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    writeFileSync(join(dir, 'pm.md'), text);
    const printed = await run(dir, ['pm.md', '--stdout']);
    assert.equal(printed.code, 0, printed.err);
    assert.equal(printed.out, text, 'the entries keep "14:02Z" (not "2026-11-20 14:02Z"), timezone: stays where it was');
    assert.match(printed.err, /^pm\.md: already in the standard format \(type: postmortem in its front matter\); not converted, printed as it is\./m);
    const written = await run(dir, ['pm.md']);
    assert.equal(written.code, 0, written.err);
    assert.match(written.err, /pm\.md: already in the standard format .*; not converted, nothing written\./);
    assert.deepEqual(readdirSync(dir), ['pm.md'], 'no pm.postmortem.md');
    assert.equal(readFileSync(join(dir, 'pm.md'), 'utf8'), text);
  });

  it('F10: convert of a converted file changes nothing', async () => {
    writeFileSync(join(dir, 'wiki.md'), md('# Checkout errors', '', 'Date: 2026-11-20', '', '## Timeline', '', 'All times in CET', '', '- 14:09 Pager alert', '- 14:21 Rolled back', '', '## Follow-ups', '', '- Add an alert @ann', '', '## Odd section', '', 'Kept text.'));
    const first = await run(dir, ['wiki.md']);
    assert.ok(first.code <= 1, first.err);
    const converted = readFileSync(join(dir, 'wiki.postmortem.md'), 'utf8');
    assert.match(converted, /^## Notes from the original$/m);
    const again = await run(dir, ['wiki.postmortem.md', '--stdout']);
    assert.equal(again.code, 0, again.err);
    assert.equal(again.out, converted, 'no "Notes from the original" nested under a new one, no entry rewritten');
  });

  it('F10: times that all carry Z state UTC: timezone: UTC with no "assumed" comment, the report says stated, exit 0', async () => {
    writeFileSync(join(dir, 'z.md'), md('# Search served stale prices', '', 'Date: 2026-02-03', '', '## Timeline', '', '- 07:45Z Support reported stale prices', '- 08:10Z Alias switched back', '', '## Action items', '', '- Move the alias switch @lena'));
    const r = await run(dir, ['z.md', '--stdout']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^timezone: UTC$/m);
    assert.doesNotMatch(r.out, /assumed by postmortem convert/);
    assert.match(r.err, /times read in UTC \(stated in the document\)/);
    assert.match(r.out, /^- 2026-02-03 07:45Z Support reported stale prices$/m);
  });

  it('F10: the seconds of an ISO stamp are no zone written on a time: a document whose only Z is "…T07:45:00Z" still states none', () => {
    const result = convertPostmortem(md('# Outage', '', 'Logged at 2026-02-03T07:45:00Z by the bot.', '', '## Timeline', '', '- 2026-02-03 07:45 Alert'));
    assert.equal(result.report.zone.source, 'none');
    assert.ok(result.diagnostics.some((d) => d.code === 'convert/no-zone'));
  });

  it('F10: when convert guesses the zone (timezone: UTC # assumed), it says so and exits 1, also with no time to read in it', async () => {
    writeFileSync(join(dir, 'nt.md'), md('# Disk filled up', '', '## Summary', '', 'The disk filled up.', '', '## Action items', '', '- Add a disk alert @ann'));
    const r = await run(dir, ['nt.md', '--stdout']);
    assert.match(r.out, /^timezone: UTC # assumed by postmortem convert/m);
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /nt\.md:1:1 {2}warning {2}Expected the document to state its time zone \(no time in it carries one\); `timezone: UTC` was written as an assumption.*convert\/assumed-zone/);
    assert.match(r.err, /incomplete: 1 thing to review/);
  });

  it('F8: "17:14pm" (a 24-hour time with pm) is read as 17:14 and said, exit 1; "5:14pm" is no doubt', async () => {
    const doc = (clock: string) => md('# Ubuntu upgrade', '', '## Timeline', '', 'All times in PST', '', `### 2018-01-17 ${clock}`, '', 'The upgrade starts.', '', '### 2018-01-17 18:30', '', 'Done.');
    writeFileSync(join(dir, 'pm.md'), doc('17:14pm'));
    const r = await run(dir, ['pm.md', '--stdout']);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^- 2018-01-18 01:14Z$/m, 'read as 17:14 PST');
    assert.match(r.err, /pm\.md:7:1 {2}warning {2}"17:14pm" writes pm after an hour over 12: read as 17:14, a 24-hour time \(the pm ignored\) — check it.*convert\/meridiem/);
    writeFileSync(join(dir, 'ok.md'), doc('5:14pm'));
    const ok = await run(dir, ['ok.md', '--stdout']);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /^- 2018-01-18 01:14Z$/m);
    assert.doesNotMatch(ok.err, /meridiem/);
  });

  it('F9: a table inside a timeline entry stays with that entry, whole; the line after it stays the entry\'s; its timed row is said', () => {
    const result = convertPostmortem(md('# Hub 504', '', 'Date: 2017-09-29', '', '## Timeline', '', 'All times in CEST', '',
      '- 2017-09-29 08:59', '  | Time | Event |', '  |---|---|', '  | 14:02 | table row word Zebra |', '  Issue 140 is opened, reporting failure to build', '',
      '- 2017-09-29 14:00 Test builds were performed.'));
    assert.match(result.text, /^- 2017-09-29 06:59Z\n {2}\| Time \| Event \|\n {2}\|---\|---\|\n {2}\| 14:02 \| table row word Zebra \|\n {2}Issue 140 is opened, reporting failure to build\n\n- 2017-09-29 12:00Z Test builds were performed\.$/m);
    assert.equal(result.report.entries, 2, 'the row is no entry of its own');
    assert.deepEqual(result.report.unread.map((u) => [u.line + 1, u.why]), [[12, 'a row of a table under the entry above, kept with that entry as written']]);
    assert.ok(result.diagnostics.some((d) => d.code === 'convert/out-of-order') === false, 'no entry out of order: the row is not read at 12:02Z');
  });

  it('F9: a `| Time | Event |` table at the margin under the Timeline heading is still read as entries', () => {
    const result = convertPostmortem(md('# Hub 504', '', 'Date: 2017-09-29', '', '## Timeline', '', 'All times in UTC', '', '| Time | Event |', '|---|---|', '| 14:02 | Alert |', '| 14:10 | Rolled back |'));
    assert.equal(result.report.entries, 2);
    assert.match(result.text, /^- 2017-09-29 14:02Z Alert\n- 2017-09-29 14:10Z Rolled back$/m);
    assert.ok(!existsSync(join(dir, 'x')));
  });
});

describe('convert: a converted template (trial18a F10)', () => {
  it('is in the standard format too: converting it again changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-conv18x-'));
    try {
      writeFileSync(join(dir, 'template.md'), md('# Incident name', '', '## Summary', '', '_What happened_', '', '## Timeline', '', '- HH:MM what happened', '', '## Incident Lead:', '', '_name_'));
      await run(dir, ['template.md']);
      const converted = readFileSync(join(dir, 'template.postmortem.md'), 'utf8');
      const again = await run(dir, ['template.postmortem.md', '--stdout']);
      assert.equal(again.code, 0, again.err);
      assert.equal(again.out, converted);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('convert: a table under a timed heading (trial18a F9, as the fuzzer\'s first conversion met it)', () => {
  it('stays with the heading\'s entry, whole, and its timed row is said (it was kept with exit 0, the row\'s time read by no one)', () => {
    const result = convertPostmortem(md('# Hub 504', '', '## Timeline', '', 'All times in CEST', '', '### Sep 29 2017 08:59', '| Time | Event |', '|---|---|', '| 14:02 | table row word Zebra |', 'Issue 140 is opened', '', '### Sep 29 2017 14:00', '', 'Test builds.'));
    assert.match(result.text, /^- 2017-09-29 06:59Z\n {2}\| Time \| Event \|\n {2}\|---\|---\|\n {2}\| 14:02 \| table row word Zebra \|\n {2}Issue 140 is opened$/m);
    assert.equal(result.report.entries, 2);
    assert.deepEqual(result.report.unread.map((u) => u.line + 1), [10]);
    assert.equal(result.report.complete, false);
  });
});
