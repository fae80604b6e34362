import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint/engine';
import { entryZoneNote, libraryEntry } from '../../../src/core/library';
import { isNotReadProblem, readSummary, summaryAsOf } from '../../../src/core/index';
import { computeMetrics } from '../../../src/core/metrics';
import { reviewStatus } from '../../../src/vscode/statusBar/reviewStatus';
import { renderDashboard } from '../metricsDashboard/renderDashboard';

/**
 * Trial 12 T1, T2, T9: a value lint cannot read, a time that has not happened yet and the Unix epoch
 * (the usual "unset" time) are used by no view. The list, the tree (libraryEntry), the metrics (CLI
 * and dashboard), and the status bar are built on one reading and say the same words.
 */
const NOW = Date.parse('2026-12-07T02:39:00Z');

const pm = (front: string, body = '') => `---\ntype: postmortem\nid: PM-1\ntitle: Checkout errors\nstatus: draft\nseverity: SEV2\n${front}---\n\n# Checkout errors\n${body}`;

describe('values not read or not used (trial12 T1, T2, T9)', () => {
  it('a front matter with a key written twice gives no value at all, and says which key (T1)', () => {
    const s = readSummary(pm('started_at: 2026-12-06T10:00:00Z\nresolved_at: 2026-12-06T12:00:00Z\nstarted_at: 2026-12-06T11:30:00Z\ntimezone: Asia/Tokyo\n'));
    assert.deepEqual(s.milestones, {}, 'neither started_at is used: 2 h must not become 30 min');
    assert.equal(s.severity, undefined);
    assert.equal(s.status, undefined);
    assert.equal(s.id, undefined);
    assert.equal(s.title, 'Checkout errors', 'the heading still names the file');
    assert.equal(s.noTimezone, undefined, 'not read is the reason, not "no timezone:"');
    assert.deepEqual(s.problems, ['Front matter not read, line 9: Map keys must be unique: `started_at` is set more than once']);
    assert.ok(isNotReadProblem(s.problems[0]!));
    // An alias bomb: one reason, not also "not a YAML mapping".
    const bomb = readSummary(`---\ntype: postmortem\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\n# Hostile\n`);
    assert.deepEqual(bomb.problems, ['Front matter not read, line 1: Excessive alias count indicates a resource exhaustion attack']);
    // Lint says the same line is invalid YAML.
    const yaml = lintText(pm('started_at: 2026-12-06T10:00:00Z\nresolved_at: 2026-12-06T12:00:00Z\nstarted_at: 2026-12-06T11:30:00Z\n')).diagnostics.filter((d) => d.code === 'yaml/syntax');
    assert.deepEqual(yaml.map((d) => [d.range.start.line + 1, d.message]), [[9, 'Invalid YAML: Map keys must be unique: `started_at` is set more than once']]);
  });

  it('the Unix epoch, in UTC or on 1970-01-01 in a zone, is a time never set: not used, and lint flags it (T9)', () => {
    const s = readSummary(pm('started_at: 1970-01-01T00:00:00Z\nresolved_at: 2026-12-06T12:00:00Z\n'));
    assert.deepEqual(s.milestones, { resolved: Date.parse('2026-12-06T12:00:00Z') });
    assert.deepEqual(s.problems, ['Time not read: `started_at` (1970-01-01T00:00:00Z) is the Unix epoch (time 0), the usual value of a time that was never set, which lint flags (time/implausible); not used']);
    const west = readSummary(pm('timezone: America/Los_Angeles\nstarted_at: 1970-01-01 09:00\n'));
    assert.deepEqual(west.milestones, {});
    assert.match(west.problems[0]!, /^Time not read: `started_at` \(1970-01-01T17:00:00Z\) is on the Unix epoch's day \(1970-01-01\)/);
    const lint = lintText(pm('started_at: 1970-01-01T00:00:00Z\n'), { now: new Date(NOW) }).diagnostics.filter((d) => d.code === 'time/implausible');
    assert.deepEqual(lint.map((d) => d.message), ['Expected `started_at` to be when it happened, found 1970-01-01T00:00:00Z, which is the Unix epoch (time 0), the usual value of a time that was never set']);
    // A real time of 1971 is no placeholder.
    assert.deepEqual(readSummary(pm('started_at: 1971-03-01T10:00:00Z\n')).problems, []);
  });

  it('a time after now (past 15 minutes of clock skew) is not used as of now, and is used once it has happened (T2)', () => {
    const s = readSummary(pm('started_at: 2026-12-06T10:00:00Z\nresolved_at: 2026-12-07T04:39:00Z\n'));
    const asOf = summaryAsOf(s, NOW);
    assert.deepEqual(asOf.milestones, { started: Date.parse('2026-12-06T10:00:00Z') });
    assert.equal(asOf.resolvedAt, undefined);
    assert.deepEqual(asOf.problems, ['Time not read: `resolved_at` (2026-12-07T04:39:00Z) is 2 hours after now (2026-12-07T02:39:00Z): it has not happened yet, which lint flags (time/implausible); not used. Is the date right?']);
    assert.equal(summaryAsOf(s, Date.parse('2026-12-07T04:30:00Z')), s, 'within 15 minutes: used, and the same summary object');
    assert.equal(summaryAsOf(s, Date.parse('2026-12-08T00:00:00Z')), s, 'once it has happened');
    // Lint flags the same 2 hours (it let them pass with a day of slack).
    const lint = lintText(pm('started_at: 2026-12-06T10:00:00Z\nresolved_at: 2026-12-07T04:39:00Z\n'), { now: new Date(NOW) }).diagnostics.filter((d) => d.code === 'time/implausible');
    assert.deepEqual(lint.map((d) => d.message), ['Expected `resolved_at` not after now, found 2026-12-07T04:39:00Z, 2 hours after now (2026-12-07T02:39:00Z): it has not happened yet. Is the date right?']);
  });

  it('names the likeliest cause: a year 30 hours ahead is not asked about, 2099 is; a local time read as UTC, a UTC time read in `timezone:` (T2, T16a)', () => {
    const cause = (front: string, writerZone?: string) => summaryAsOf(readSummary(pm(front)), NOW, writerZone).problems.at(-1)!.replace(/^.*; not used\. /, '');
    assert.equal(cause('resolved_at: 2026-12-08T08:39:00Z\n'), 'Is the date right?', '30 hours ahead: a day, not a year');
    assert.equal(cause('resolved_at: 2099-12-31T23:59:00Z\n'), 'Is the year right?');
    // Tokyo at 11:39 writes 10:00 without a zone in a file without `timezone:`: read as 10:00Z, 7 h ahead.
    assert.equal(cause('started_at: 2026-12-07 10:00\n', 'Asia/Tokyo'),
      'It names no zone and was read as UTC; as a time in Asia/Tokyo (your zone) it is 2026-12-07T01:00:00Z, which has happened — if that is what it means, write 2026-12-07T01:00:00Z');
    // A UTC clock time in a São Paulo file: 02:30 read there is 05:30Z.
    assert.equal(cause('timezone: America/Sao_Paulo\nstarted_at: 2026-12-07 02:30\n'),
      "It names no zone and was read in America/Sao_Paulo (the front matter's `timezone:`); if it is a UTC time it is 2026-12-07T02:30:00Z — if so, write it with Z");
    const lint = lintText(pm('started_at: 2026-12-07 10:00\n'), { now: new Date(NOW), writerZone: 'Asia/Tokyo' }).diagnostics.find((d) => d.code === 'time/implausible');
    assert.match(lint?.message ?? '', /^Expected `started_at` not after now, found 2026-12-07T10:00:00Z, 7 hours 21 minutes after now \(2026-12-07T02:39:00Z\): it has not happened yet\. It names no zone and was read as UTC; as a time in Asia\/Tokyo/);
  });

  it('the list row, the tree row, the metrics (CLI and dashboard) and the status bar agree on one file', async () => {
    const text = pm('started_at: 2026-12-06T10:00:00Z\nresolved_at: 2099-12-31T23:59:00Z\ntimezone: Asia/Tokyo\n');
    const note = 'Time not read: `resolved_at` (2099-12-31T23:59:00Z) is 26687 days after now (2026-12-07T02:39:00Z): it has not happened yet, which lint flags (time/implausible); not used. Is the year right?';
    const summary = readSummary(text);
    const entry = libraryEntry('file:///liar.md', summary, NOW);
    assert.equal(entry.durationMs, undefined, 'no 26688-day duration');
    assert.equal(entry.date, '2026-12-06');
    assert.deepEqual(entryZoneNote(entry, undefined), { tag: 'time not read', note });
    const metrics = computeMetrics([{ uri: 'liar.md', text }], { now: new Date(NOW) });
    assert.equal(metrics.incidents[0]!.durations.timeToResolveFromStart, undefined);
    assert.equal(metrics.durations.find((d) => d.id === 'timeToResolveFromStart')?.overall.count, 0, 'no MTTR of 26689 days');
    assert.deepEqual(metrics.problems, [{ uri: 'liar.md', message: note }]);
    const fromIndex = computeMetrics([{ uri: 'liar.md', summary }], { now: new Date(NOW) });
    assert.deepEqual(fromIndex.problems, metrics.problems, 'the dashboard reads the index summary: same words');
    const { root } = await renderDashboard([{ uri: 'liar.md', summary }], { now: new Date(NOW) });
    assert.ok(root.querySelector('section#problems')?.textContent?.includes(note), 'the dashboard shows the note');
    assert.match(root.querySelector('section#problems h2, section#problems h3')?.textContent ?? '', /Notes/, 'called a note, as in `list` and `metrics`');
    const status = reviewStatus(summary, 48, NOW);
    assert.equal(status.deadline, undefined, 'no review deadline from a time that has not happened');
    assert.deepEqual(status.notRead, { short: 'resolved_at is in the future: no review deadline', problem: note });
    const fine = reviewStatus(readSummary(pm('resolved_at: 2026-12-06T12:00:00Z\n')), 48, NOW);
    assert.deepEqual([fine.notRead, fine.deadline], [undefined, Date.parse('2026-12-08T12:00:00Z')]);
    assert.deepEqual(reviewStatus(readSummary(pm('a: 1\na: 2\n')), 48, NOW).notRead, { short: 'front matter not read', problem: 'Front matter not read, line 8: Map keys must be unique: `a` is set more than once' });
  });

  it('a timeline entry after now is flagged once per section, with what likely caused it (timeline/future, T2)', () => {
    const sp = pm('timezone: America/Sao_Paulo\n', '\n## Timeline\n\n- 2026-12-06 22:10 [started] errors begin\n- 23:50 [detected] alert\n- 00:30 [mitigated] rollback\n- 01:05 [resolved] normal\n- 01:20 watching\n');
    const future = (text: string, writerZone?: string) => lintText(text, { now: new Date(NOW), ...(writerZone ? { writerZone } : {}) }).diagnostics.filter((d) => d.code === 'timeline/future').map((d) => [d.range.start.line + 1, d.message]);
    // 00:30 is timeline/next-day's to say; 01:05 carries its date.
    assert.deepEqual(future(sp), [[17, 'Expected a time that has happened, found 2026-12-07 04:05Z, 1 hour 26 minutes after now (2026-12-07T02:39:00Z): it has not happened yet (and 1 more entry after it). Its date is carried from line 16, read as the next day (timeline/next-day): if that entry was the same day, write its date']]);
    // Tokyo at 11:39 writes its times without a zone in a file without `timezone:`: read as UTC, 9 hours late.
    const tokyo = pm('', '\n## Timeline\n\n- 2026-12-07 10:30 deploy\n- 10:50 alert\n');
    assert.deepEqual(future(tokyo, 'Asia/Tokyo').map(([, m]) => m), ['Expected a time that has happened, found 2026-12-07 10:30Z, 7 hours 51 minutes after now (2026-12-07T02:39:00Z): it has not happened yet (and 1 more entry after it). It names no zone and was read as UTC; as a time in Asia/Tokyo (your zone) it is 2026-12-07T01:30:00Z, which has happened — if that is what it means, write 2026-12-07T01:30:00Z']);
    assert.deepEqual(future(pm('', '\n## Timeline\n\n- 2026-12-07 02:45Z within the clock skew\n')), []);
  });
});
