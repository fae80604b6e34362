import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { convertPostmortem } from '../../../src/core/import/convert';
import { formatConvertReport } from '../../../src/core/import/convert/report';
import { lintText } from '../../../src/core/lint/engine';
import { buildOnce, NOW, runCliWithEnv, workspace } from '../cli/harness';

/**
 * An original that states no zone: its times are read as UTC, a guess. It was said only on the
 * terminal; the converted file claimed `timezone: UTC` with a Z on every time, so no later lint could
 * question it, and a UK team's archive stayed an hour wrong for good (trial 14a F1). The guess is now
 * in the file: a comment on `timezone:` that timeline/assumed-zone reports while it stands, and a
 * line under "Notes from the original"; the writer's own zone is offered.
 */
const original = ['# Lack of disk space', '', '**Date:** 2023-09-18', '', '## Timeline', '', '- 2023-09-18 13:42 Disk alert fired', '- 2023-09-18 14:03 User reported ImagePull errors', '- 2023-09-18 15:10 Resolved', ''].join('\n');
const assumed = (text: string, writerZone?: string) => lintText(text, { now: new Date(NOW), writerZone }).diagnostics.filter((d) => d.code === 'timeline/assumed-zone');

describe('convert: times read as UTC because the original states no zone', () => {
  it('writes the assumption on timezone: and in the notes; the times stay as read and the conversion is not complete', () => {
    const result = convertPostmortem(original, { writerZone: 'Europe/London', writerZoneFrom: 'your zone (TZ)' });
    assert.match(result.text, /^timezone: UTC # assumed by postmortem convert: the original states no time zone; check a time against a source, then delete this comment$/m);
    assert.match(result.text, /^Conversion: the original states no time zone, so its times were read as UTC .* convert the original again with --zone \(such as --zone Europe\/London, the zone it was converted in\)\.$/m);
    const doc = parsePostmortem(result.text);
    assert.equal(doc.meta.timezone, 'UTC');
    assert.equal(doc.meta.started_at, '2023-09-18T13:42:00Z');
    assert.equal(result.report.complete, false);
    assert.equal(formatConvertReport('moj.md', result)[1], "  the original states no zone: if its times are your zone's, convert again with --zone Europe/London; the file says its timezone: UTC was assumed until someone checks");
  });

  it('lint reports the assumption while the comment stands, names the writer\'s zone, and its fix (never automatic) deletes the comment', () => {
    const converted = convertPostmortem(original, { writerZone: 'Europe/London' }).text;
    const [warning, ...more] = assumed(converted, 'Europe/London');
    assert.equal(more.length, 0);
    assert.equal(warning.severity, 'warning');
    assert.equal(converted.split('\n')[warning.range.start.line].startsWith('timezone: UTC #'), true);
    assert.match(warning.message, /^Expected a time zone someone chose, found one postmortem convert assumed: .*\(you write in Europe\/London: if they are its times, convert the original again with --zone Europe\/London\)\. Check one time against a source/);
    // A writer in UTC is not offered UTC.
    assert.doesNotMatch(assumed(converted, 'UTC')[0].message, /you write in/);
    const [fix] = warning.fixes!;
    assert.notEqual(fix.isPreferred, true);
    const confirmed = applyEdits(converted, fix.edits).text;
    assert.match(confirmed, /^timezone: UTC$/m);
    assert.deepEqual(assumed(confirmed, 'Europe/London'), []);
    // Once confirmed, the Z times stand as the team's: nothing else asks.
    assert.equal(parsePostmortem(confirmed).meta.timezone, 'UTC');
  });

  it('an original with no time of day still gets the comment: timezone: UTC is the guess later times are read in (trial17c F14)', () => {
    // Flutter's 3.32.3 postmortem: days only, no zone stated anywhere.
    const days = ['# Flutter 3.32.3 Postmortem', '', '## Timeline', '', '- **Jun 4, 2025**: the regression is reported', '- **Jun 5, 2025**: the hotfix is released', ''].join('\n');
    const result = convertPostmortem(days, { writerZone: 'Europe/London' });
    assert.match(result.text, /^timezone: UTC # assumed by postmortem convert: the original states no time zone; check a time against a source, then delete this comment$/m);
    assert.equal(assumed(result.text, 'Europe/London').length, 1);
    // No time was read as UTC, so the notes do not say so.
    assert.doesNotMatch(result.text, /its times were read as UTC/);
    const stated = convertPostmortem(days.replace('## Timeline', '## Timeline (all times UTC)'));
    assert.match(stated.text, /^timezone: UTC$/m);
  });

  it('a zone the document states, or --zone, is no assumption: no comment, no note', () => {
    for (const result of [
      convertPostmortem(original.replace('## Timeline', '## Timeline (all times UTC)')),
      convertPostmortem(original, { defaultZone: 'Europe/London' }),
    ]) {
      assert.doesNotMatch(result.text, /assumed by postmortem convert/);
      assert.doesNotMatch(result.text, /^Conversion: the original states no time zone/m);
      assert.deepEqual(assumed(result.text, 'Europe/London'), []);
    }
    assert.match(convertPostmortem(original, { defaultZone: 'Europe/London' }).text, /^started_at: 2023-09-18T12:42:00Z$/m);
  });
});

describe('postmortem convert (CLI): a zone-less original converted in London', () => {
  before(buildOnce);

  it('exits 1 offering --zone Europe/London; the converted file keeps the doubt, and lint of it says so', () => {
    const ws = workspace({ 'moj.md': original });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Europe/London' }, 'convert', 'moj.md', '--out', 'out');
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /convert again with --zone Europe\/London/);
      const lint = runCliWithEnv(ws.dir, { TZ: 'Europe/London' }, 'lint', 'out/moj.postmortem.md');
      assert.match(lint.stdout, /warning {2}Expected a time zone someone chose, found one postmortem convert assumed/);
      assert.match(lint.stdout, /timeline\/assumed-zone/);
    } finally {
      ws.cleanup();
    }
  });
});
