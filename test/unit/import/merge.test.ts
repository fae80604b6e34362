import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { ImportError, importSummary, mergeTimeline, parseAlertmanager, parseGitLog, parseSlackExport, parseSlackUsers, previewInsertions, type ImportedEvent } from '../../../src/core/import';
import { parsePostmortem } from '../../../src/core/document/parse';
import { fixture, slackDayFiles } from './fixtures';

const DOC = fixture('postmortem.md');
const slack = () => parseSlackExport(slackDayFiles(), parseSlackUsers({ name: 'users.json', text: fixture('slack/users.json') })).events;
const apply = (text: string, edits: Parameters<typeof applyEdits>[1]) => applyEdits(text, edits).text;
const timelineLines = (text: string) => text.split('\n').filter((l) => /^- |^\s+\S/.test(l) && text.indexOf(l) > text.indexOf('## Timeline') && text.indexOf(l) < text.indexOf('## Root'));

/** Every original line is still there, in order: insertions only. */
function assertOnlyInsertions(before: string, after: string): void {
  const a = after.split(/\r?\n/);
  let i = 0;
  for (const line of before.split(/\r?\n/)) {
    while (i < a.length && a[i] !== line) i++;
    assert.ok(i < a.length, `original line lost: ${line}`);
    i++;
  }
}

describe('merging imported events into the timeline', () => {
  it('inserts chat messages in time order, keeps the window, and leaves existing lines alone', () => {
    const result = mergeTimeline(DOC, slack());
    assert.equal(result.outsideWindow, 2, 'the day before and the evening after are outside 14:02–15:10 ± 60 min');
    assert.ok(result.edits.every((e) => e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character));
    const after = apply(DOC, result.edits);
    assertOnlyInsertions(DOC, after);
    assert.deepEqual(timelineLines(after), [
      '- 2026-11-20 14:02Z [started] (deploy) checkout v412 promoted to 100% of traffic',
      '- 14:09Z [detected] (alert) Pager alert: checkout 5xx rate above 5%',
      '- 2026-11-20 14:15:30Z (chat) ana: Payments provider looks healthy, errors are local to checkout',
      '- 2026-11-20 14:24:10Z (chat) Ben Okoro: Connection wait time points at the new cart-line query, see [the DB dashboard](https://grafana.example/d/db) cc @ana',
      '- 14:31Z [mitigated] Rollback complete',
      '  The error rate fell within a minute.',
      '- 2026-11-20 14:31Z (chat) ana: Rollback complete',
      '- 15:10Z [resolved] Error rate at baseline for 30 minutes',
    ]);
    // The merged timeline parses back into ordered UTC entries with their sources.
    const doc = parsePostmortem(after);
    const instants = doc.timeline.map((e) => e.instant!);
    assert.deepEqual(instants, [...instants].sort((x, y) => x - y));
    assert.deepEqual(doc.timeline.map((e) => e.source ?? '-'), ['deploy', 'alert', 'chat', 'chat', '-', 'chat', '-']);
  });

  it('adds nothing on a second import of the same export (same minute, same text)', () => {
    const once = apply(DOC, mergeTimeline(DOC, slack()).edits);
    const again = mergeTimeline(once, slack());
    assert.deepEqual(again.edits, []);
    assert.equal(again.duplicates, 3);
  });

  it('drops duplicates inside one export and merges two sources', () => {
    const alerts = parseAlertmanager(fixture('alertmanager.json'));
    const first = apply(DOC, mergeTimeline(DOC, [...alerts, ...alerts]).edits);
    const second = mergeTimeline(first, parseGitLog(fixture('git-log.txt')));
    const after = apply(first, second.edits);
    assert.equal(second.outsideWindow, 1, 'the README commit two days before');
    assert.match(after, /- 2026-11-20 14:06Z \(alert\) FIRING DBPoolSaturation[^\n]*\n- 14:09Z \[detected\]/);
    assert.match(after, /- 2026-11-20 13:55Z \(deploy\) a1b2c3d checkout: fetch delivery estimates per cart line \(v412\)\n- 2026-11-20 14:02Z \[started\]/);
    assert.equal((after.match(/FIRING CheckoutHighErrorRate/g) ?? []).length, 1);
  });

  it('appends after the last entry, continuation lines included, and keeps CRLF line endings', () => {
    const crlf = DOC.replace('  The error rate fell within a minute.\n- 15:10Z [resolved] Error rate at baseline for 30 minutes\n', '  The error rate fell within a minute.\n').replace(/\n/g, '\r\n');
    const late: ImportedEvent = { instant: Date.parse('2026-11-20T15:00:00Z'), text: 'Status page updated', source: 'chat', origin: 'test' };
    const after = apply(crlf, mergeTimeline(crlf, [late]).edits);
    assert.match(after, /\r\n {2}The error rate fell within a minute\.\r\n- 2026-11-20 15:00Z \(chat\) Status page updated\r\n\r\n## Root cause analysis/);
  });

  it('creates the list under an empty Timeline heading, and the section when there is none', () => {
    const event: ImportedEvent = { instant: Date.parse('2026-11-20T14:20:00Z'), text: '[resolved] is just text here', source: 'chat', origin: 'test' };
    const empty = DOC.replace(/## Timeline\n\n[\s\S]*?\n\n## Root/, '## Timeline\n\nAll times UTC.\n\n## Root');
    assert.match(apply(empty, mergeTimeline(empty, [event]).edits), /## Timeline\n\n- 2026-11-20 14:20Z \(chat\) \\\[resolved\] is just text here\n\nAll times UTC\./);
    const none = DOC.replace(/## Timeline\n\n[\s\S]*?\n\n## Root/, '## Root');
    const added = apply(none, mergeTimeline(none, [event]).edits);
    assert.match(added, /## Summary\n\nCheckout returned errors for half an hour\.\n\n## Timeline\n\n- 2026-11-20 14:20Z[^\n]*\n\n## Root cause analysis/);
    assert.deepEqual(parsePostmortem(added).timeline[0].milestones, [], 'an escaped [resolved] is text, not a milestone');
  });

  it('keeps everything after the start while the incident is unresolved', () => {
    const open = DOC.replace('resolved_at: 2026-11-20T15:10:00Z\n', '');
    const late: ImportedEvent = { instant: Date.parse('2026-11-21T02:00:00Z'), text: 'Still investigating', source: 'chat', origin: 'test' };
    const early: ImportedEvent = { instant: Date.parse('2026-11-20T12:00:00Z'), text: 'Quiet morning', source: 'chat', origin: 'test' };
    const result = mergeTimeline(open, [late, early]);
    assert.deepEqual(result.added, ['- 2026-11-21 02:00Z (chat) Still investigating']);
    assert.equal(result.outsideWindow, 1);
    assert.equal(result.window.end, undefined);
  });

  it('refuses a document without a window or with a table timeline', () => {
    assert.throws(() => mergeTimeline('# Notes\n', slack()), (e: unknown) => e instanceof ImportError && /set started_at/.test(e.message));
    const table = DOC.replace(/## Timeline\n\n[\s\S]*?\n\n## Root/, '## Timeline\n\n| Time | Event |\n|---|---|\n| 14:09Z | Alert |\n\n## Root');
    assert.throws(() => mergeTimeline(table, slack()), /timeline is a table/);
  });

  it('previews the insertions as a diff with context', () => {
    const preview = previewInsertions(DOC, mergeTimeline(DOC, slack()).edits, 'pm.md');
    assert.match(preview, /^--- pm\.md\n\+\+\+ pm\.md \(after import\)\n@@ line 21 @@\n {2}- 14:09Z \[detected\][^\n]*\n\+ - 2026-11-20 14:15:30Z \(chat\) ana: Payments/);
  });

  it('previews exactly the lines --yes writes when the file has no final line break (trial18a F11: an empty "+ " line was shown)', () => {
    const timelineLast = DOC.slice(0, DOC.indexOf('## Root')).trimEnd();
    for (const text of [timelineLast, `${timelineLast}\n`, `${timelineLast.replace(/\n/g, '\r\n')}`]) {
      const late: ImportedEvent = { instant: Date.parse('2026-11-20T16:05:00Z'), text: 'after the last entry', source: 'alert', origin: 'test row' };
      const edits = mergeTimeline(text, [...slack(), late]).edits;
      const written = apply(text, edits);
      const plus = previewInsertions(text, edits, 'pm.md').split('\n').filter((l) => l.startsWith('+ ')).map((l) => l.slice(2));
      const beforeLines = new Set(text.split(/\r?\n/));
      const added = written.split(/\r?\n/).filter((l, i, all) => !beforeLines.has(l) && !(i === all.length - 1 && l === ''));
      assert.ok(plus.length > 0, 'something is added');
      assert.deepEqual(plus, added, JSON.stringify(text.slice(-20)));
      assert.ok(!plus.includes(''), 'no empty added line');
      assert.match(written, /\(alert\) after the last entry\r?\n$/, 'added last, the file ending in a line break');
    }
  });
});

describe('the import summary says when the events left out were (trial T8)', () => {
  const event = (iso: string, text: string): ImportedEvent => ({ instant: Date.parse(iso), text, source: 'chat', origin: 'test row' });

  it('names the span of the events outside the window, in both hosts\' words', () => {
    const result = mergeTimeline(DOC, slack());
    assert.equal(result.outsideWindow, 2);
    const summary = importSummary(slack().length, result);
    assert.match(summary, /2 outside the window 2026-11-20T13:02:00Z – 2026-11-20T16:10:00Z \(left out: events from 2026-11-19T\S+ to 2026-11-20T\S+\)$/);
    assert.doesNotMatch(summary, /every event/);
  });

  it('says it when every event is outside the window: an export a year off is a slip to check, not "nothing to add"', () => {
    const events = [event('2025-11-20T14:05:00Z', 'alert fired'), event('2025-11-20T14:40:00Z', 'rolled back')];
    const result = mergeTimeline(DOC, events);
    assert.equal(result.edits.length, 0);
    assert.equal(
      importSummary(events.length, result),
      '2 events read: 0 to add, 0 already in the timeline, 2 outside the window 2026-11-20T13:02:00Z – 2026-11-20T16:10:00Z (left out: events from 2025-11-20T14:05:00Z to 2025-11-20T14:40:00Z); every event is outside the incident\'s window: check the export covers the incident, and its dates and zone',
    );
  });

  it('says nothing more when every event was inside the window', () => {
    const events = [event('2026-11-20T14:20:00Z', 'looked at the dashboard')];
    const summary = importSummary(events.length, mergeTimeline(DOC, events));
    assert.equal(summary, '1 event read: 1 to add, 0 already in the timeline, 0 outside the window 2026-11-20T13:02:00Z – 2026-11-20T16:10:00Z');
  });
});
