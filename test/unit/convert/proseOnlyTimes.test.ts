import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import convert from '../../../src/cli/commands/convert';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem } from '../../../src/core/import/convert';
import { formatConvertReport } from '../../../src/core/import/convert/report';
import { findProseTimes } from '../../../src/core/import/convert/proseTimes';

/**
 * Reviews that give their times only inside sentences (cloud providers' public summaries): no
 * line can become a timeline entry without guessing, so the Timeline stays empty — and the
 * conversion says so instead of calling itself complete.
 */
const md = (...lines: string[]) => lines.join('\n') + '\n';

// Written in the shape of a public provider summary: front matter of another tool, story only.
const STORY = md(
  '---', 'title: Storage API disruption in one region', 'company: Example', '---', '',
  'On June 13, the storage API in one region was unavailable for most calls from 9:16 PM to 11:16 PM PDT.',
  'Elevated error rates for bucket creation persisted until 1:30 AM PDT.', '',
  'The incident began when several storage nodes lost power at once.', '',
  'We noticed at 10:41 PST that the lock service was overloaded. Around 3am the next day the last nodes rejoined.', '',
);

describe('convert: a review whose times are only in its sentences', () => {
  it('is not complete: it says the Timeline is empty and lists the times it saw, with their lines', () => {
    const r = convertPostmortem(STORY, { fileName: 'storage.md' });
    assert.equal(r.report.entries, 0);
    assert.equal(r.report.complete, false);
    assert.deepEqual(r.report.proseTimes.map((t) => [t.line + 1, t.time]), [[6, '9:16 PM'], [6, '11:16 PM PDT'], [7, '1:30 AM PDT'], [11, '10:41 PST'], [11, '3am']]);
    const d = r.diagnostics.find((x) => x.code === 'convert/prose-times');
    assert.ok(d, 'a warning says so');
    assert.equal(d.severity, 'warning');
    assert.equal(d.range.start.line + 1, 6, 'on the first line giving a time');
    assert.match(d.message, /No timeline entry was read, but the text gives 5 times of day in its sentences \("9:16 PM" \(line 6\), "11:16 PM PDT" \(line 6\), "1:30 AM PDT" \(line 7\), …\); they were left as text for you to turn into timeline entries/);
  });

  it('the report shows a few of the times in their sentences and ends "incomplete", not "complete"', () => {
    const report = formatConvertReport('storage.md', convertPostmortem(STORY, { fileName: 'storage.md' })).join('\n');
    assert.match(report, /read 0 timeline entries/);
    assert.match(report, /no timeline entries: the text gives 5 times of day in its sentences, left as text for you to turn into entries:/);
    assert.match(report, /line 6: 9:16 PM in "…for most calls from 9:16 PM to 11:16 PM PDT\."/);
    assert.match(report, /line 11: 3am in "…was overloaded\. Around 3am the next day the last…"/);
    // The times in sentences, and `timezone: UTC` written as an assumption (no zone stated: trial18a F10).
    assert.match(report, /incomplete: 2 things to review/);
    assert.doesNotMatch(report, /complete: everything timeline-like was read/);
  });

  it('the converted file keeps every sentence and its Timeline says where the times were left', () => {
    const r = convertPostmortem(STORY, { fileName: 'storage.md' });
    assert.match(r.text, /## Timeline\n\n_The original has no timeline\. 5 times of day in its sentences \(lines 6, 7 and 11\) were left as text for you to turn into entries\._/);
    assert.match(r.text, /from 9:16 PM to 11:16 PM PDT\./);
    assert.match(r.text, /Around 3am the next day/);
    assert.equal(parsePostmortem(r.text).timeline.length, 0, 'no entry was invented from the prose');
  });

  it('a review with no time of day anywhere lists no prose times; its day without a time is said (and the zone assumed) (trial 16a F12: it was "complete" with the date written nowhere)', () => {
    const r = convertPostmortem(md('# Outage', '', 'Date: 2024-05-02', '', '## Summary', '', 'The cache was cold after a deploy; v1.10:20 of the client, port host:8080 and a 3:1 ratio are not times.', '',
      'The log said `12:30 ERROR` in code, not in prose.', '', '<!-- 10:41 a comment is not content -->', '', '```', '10:41 deploy', '```', ''));
    assert.deepEqual(r.report.proseTimes, []);
    assert.equal(r.diagnostics.some((d) => d.code === 'convert/prose-times'), false);
    // And the zone no text states, written `timezone: UTC # assumed` (trial18a F10: a guess written into the file is a warning).
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code), ['convert/assumed-zone', 'convert/date-only']);
  });

  it('says nothing of prose times when a timeline was read (they are the story around real entries)', () => {
    const r = convertPostmortem(md('# Outage', '', 'Date: 2024-05-02', '', 'Users saw errors from 14:05 to 14:40 UTC.', '', '## Timeline', '', 'All times UTC', '', '- 14:05 Alert', '- 14:40 Fixed', ''));
    assert.equal(r.report.entries, 2);
    assert.deepEqual(r.report.proseTimes, []);
    assert.equal(r.diagnostics.some((d) => d.code === 'convert/prose-times'), false);
  });

  it('finds times of day inside sentences, each with its zone, and not other numbers with colons', () => {
    const lines = ['at 2:19am PDT and 14:57 PDT', 'between 12:17 and 12:30 UTC', 'at ~13:30 UTC (06:30 (UTC))', 'at 11 p.m. PST', '25:00, 7:5, 13 pm, 1.2:30, 10:30:15 UTC', 'http://host/12:30'];
    const found = findProseTimes(lines.map((text, line) => ({ line, text })));
    assert.deepEqual(found.map((t) => t.time), ['2:19am PDT', '14:57 PDT', '12:17', '12:30 UTC', '13:30 UTC', '06:30 (UTC)', '11 p.m. PST', '10:30:15 UTC']);
  });

  it('stays fast on a long hostile line', () => {
    const started = performance.now();
    findProseTimes([{ line: 0, text: '1:1'.repeat(100_000) + '9'.repeat(100_000) + ' 1 a'.repeat(100_000) }]);
    assert.ok(performance.now() - started < 1000);
  });
});

describe('postmortem convert (CLI): a review whose times are only in its sentences', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-convert-prose-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1 and does not call the conversion complete; the report lists the times with their lines', async () => {
    writeFileSync(join(dir, 'storage.md'), STORY);
    let out = '';
    let err = '';
    const code = await convert(['storage.md'], { out: (t) => (out += t), err: (t) => (err += t), cwd: dir, now: () => new Date('2026-11-27T12:00:00Z') });
    assert.equal(code, 1, err);
    assert.match(out, /storage\.md → storage\.postmortem\.md \(2 things to review\)/);
    assert.match(err, /storage\.md:6:1 {2}warning {2}No timeline entry was read, but the text gives 5 times of day/);
    assert.match(err, /line 7: 1:30 AM PDT in /);
    assert.doesNotMatch(err, /complete: everything/);
    assert.match(readFileSync(join(dir, 'storage.postmortem.md'), 'utf8'), /were left as text for you to turn into entries/);
  });
});
