/**
 * Importing an export again, or a newer export overlapping an earlier one, adds nothing twice: an
 * entry at the same UTC minute with the same source and words is skipped and counted, also when an
 * earlier version of the importer wrote it differently (a Slack link as its label alone, a CSV row
 * without its other columns, a long message whole), and those guesses are said in the summary.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import importTimeline from '../../../src/cli/commands/importTimeline';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { parsePostmortem } from '../../../src/core/document/parse';
import { importSummary, mergeTimeline, parseSlackExport, parseSlackUsers, readCsvTimeline, type ImportedEvent } from '../../../src/core/import';
import { FIXTURES, fixture, slackDayFiles } from './fixtures';

const DOC = fixture('postmortem.md');
const apply = (text: string, events: readonly ImportedEvent[]) => applyEdits(text, mergeTimeline(text, events).edits).text;
const csv = (text: string) => readCsvTimeline(text, { name: 'alerts.csv', zone: 'UTC' }).events;
const slack = () => parseSlackExport(slackDayFiles(), parseSlackUsers({ name: 'users.json', text: fixture('slack/users.json') })).events;
const entryLines = (text: string) => text.split('\n').filter((l) => l.startsWith('- 2026-11-20'));
const chat = (at: string, text: string, source = 'chat'): ImportedEvent => ({ instant: Date.parse(at), text, source, origin: 'test' });

describe('importing again: entries already in the timeline are skipped and counted', () => {
  it('a newer CSV export overlapping the first adds only its new rows, and says how many it skipped', () => {
    const first = csv('time,summary,service\n2026-11-20 14:05:10,5xx > 5%,checkout-api\n2026-11-20 14:07,p99 > 2s,checkout-api\n');
    const once = apply(DOC, first);
    const newer = csv('time,summary,service\n2026-11-20 14:05:10,5xx > 5%,checkout-api\n2026-11-20 14:07,p99 > 2s,checkout-api\n2026-11-20 14:40,5xx < 1%,checkout-api\n');
    const result = mergeTimeline(once, newer);
    assert.deepEqual(result.added, ['- 2026-11-20 14:40Z (alert) 5xx < 1% (service: checkout-api)']);
    assert.equal(result.duplicates, 2);
    assert.match(importSummary(newer.length, result), /^3 events read: 1 to add, 2 already in the timeline \(skipped\), 0 outside the window/);
    const twice = applyEdits(once, result.edits).text;
    assert.equal(entryLines(twice).filter((l) => l.includes('5xx > 5%')).length, 1);
  });

  it('recognises rows an earlier import wrote without the other columns, or with fewer of them, and says so', () => {
    // How the importer before session 12 wrote these rows (text only, to the minute), and a row of a narrower export.
    const old = DOC.replace('- 14:31Z [mitigated]', [
      '- 2026-11-20 14:05Z (alert) 5xx > 5%',
      '- 2026-11-20 14:07Z (alert) p99 > 2s (service: checkout-api)',
      '- 14:31Z [mitigated]',
    ].join('\n'));
    const newer = csv('time,summary,service,notes\n2026-11-20 14:05:10,5xx > 5%,checkout-api,paged aiko\n2026-11-20 14:07,p99 > 2s,checkout-api,acked by ben\n2026-11-20 14:07,p99 > 2s,payments,\n');
    const result = mergeTimeline(old, newer);
    // The payments alert at the same minute is another alert: its kept column differs from the entry's.
    assert.deepEqual(result.added, ['- 2026-11-20 14:07Z (alert) p99 > 2s (service: payments)']);
    assert.equal(result.duplicates, 2);
    assert.deepEqual(result.looseMatches, { links: 0, columns: 2, cut: 0 });
    assert.match(importSummary(newer.length, result), /2 already in the timeline \(skipped; all were written by an earlier import: 2 without some of the other CSV columns\)/);
  });

  it('recognises a Slack message an earlier import wrote with its link as the label alone', () => {
    const once = apply(DOC, slack());
    const old = once.replace('see [the DB dashboard](https://grafana.example/d/db) cc', 'see the DB dashboard cc');
    assert.notEqual(old, once);
    const result = mergeTimeline(old, slack());
    assert.deepEqual(result.added, []);
    assert.equal(result.duplicates, 3);
    assert.match(importSummary(slack().length, result), /0 to add, 3 already in the timeline \(skipped; 1 of them was written by an earlier import: 1 with links as their label alone\)/);
  });

  it('recognises a long message an earlier import kept whole, and one cut at another length', () => {
    const long = `ana: ${'the replica lag kept growing while the batch job ran; '.repeat(10)}`;
    const whole = DOC.replace('- 14:31Z [mitigated]', `- 2026-11-20 14:20Z (chat) ${long.trim()}\n- 14:31Z [mitigated]`);
    const event = chat('2026-11-20T14:20:30Z', long);
    const result = mergeTimeline(whole, [event]);
    assert.deepEqual([result.added.length, result.looseMatches.cut], [0, 1]);
    const shorter = DOC.replace('- 14:31Z [mitigated]', `- 2026-11-20 14:20Z (chat) ${long.slice(0, 120)}…\n- 14:31Z [mitigated]`);
    assert.deepEqual(mergeTimeline(shorter, [event]).added, []);
    // A cut text shorter than a sentence is no evidence: "ana: the…" is not the long message.
    const stub = DOC.replace('- 14:31Z [mitigated]', '- 2026-11-20 14:20Z (chat) ana: the…\n- 14:31Z [mitigated]');
    assert.equal(mergeTimeline(stub, [event]).added.length, 1);
  });

  it('keeps "[resolved]" inside an imported message as text, not a milestone, and adds it once', () => {
    const event = chat('2026-11-20T14:20:00Z', 'bot: is the incident [resolved] yet? **[detected]** earlier');
    const once = apply(DOC, [event]);
    assert.ok(once.includes('- 2026-11-20 14:20Z (chat) bot: is the incident \\[resolved] yet? **\\[detected]** earlier'), once);
    const entry = parsePostmortem(once).timeline.find((e) => e.source === 'chat');
    assert.deepEqual(entry?.milestones, []);
    assert.deepEqual(mergeTimeline(once, [event]).added, []);
    // An earlier import wrote the marker unescaped, and the entry became a resolved milestone: still the same event.
    const old = DOC.replace('- 14:31Z [mitigated]', '- 2026-11-20 14:20Z (chat) bot: is the incident [resolved] yet? **[detected]** earlier\n- 14:31Z [mitigated]');
    assert.deepEqual(mergeTimeline(old, [event]).added, []);
  });

  it('adds what differs in minute or source, and says repeats inside one export apart from the timeline', () => {
    const once = apply(DOC, [chat('2026-11-20T14:20:00Z', 'Rollback started')]);
    const result = mergeTimeline(once, [
      chat('2026-11-20T14:20:40Z', 'rollback  STARTED'),
      chat('2026-11-20T14:21:00Z', 'Rollback started'),
      chat('2026-11-20T14:20:00Z', 'Rollback started', 'deploy'),
      chat('2026-11-20T14:25:00Z', 'Status page updated'),
      chat('2026-11-20T14:25:00Z', 'Status page updated'),
    ]);
    assert.deepEqual(result.added, [
      '- 2026-11-20 14:20Z (deploy) Rollback started',
      '- 2026-11-20 14:21Z (chat) Rollback started',
      '- 2026-11-20 14:25Z (chat) Status page updated',
    ]);
    assert.equal(result.duplicates, 1);
    assert.equal(result.repeated, 1);
    assert.match(importSummary(5, result), /3 to add, 1 already in the timeline \(skipped\), 1 repeated in the export \(skipped\), 0 outside/);
  });

  it('an entry whose source tag the user removed still counts as the event', () => {
    const noTag = DOC.replace('- 14:31Z [mitigated]', '- 2026-11-20 14:20Z Rollback started\n- 14:31Z [mitigated]');
    assert.deepEqual(mergeTimeline(noTag, [chat('2026-11-20T14:20:00Z', 'Rollback started')]).added, []);
  });

  it('stays fast on a timeline of thousands of entries in one minute (a hostile file)', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `- 2026-11-20 14:20Z (chat) ${'word '.repeat(40)}${i}…`).join('\n');
    const doc = DOC.replace('- 14:31Z [mitigated]', `${many}\n- 14:31Z [mitigated]`);
    const events = Array.from({ length: 5000 }, (_, i) => chat('2026-11-20T14:20:00Z', `${'word '.repeat(40)}x${i}`));
    const started = Date.now();
    const result = mergeTimeline(doc, events);
    assert.ok(Date.now() - started < 8000, `${Date.now() - started} ms`);
    assert.equal(result.added.length + result.duplicates, 5000);
    // Link-shaped text is read in one pass: 100,000 escaped brackets, and as many unclosed links, at the same minute.
    for (const hostile of ['\\['.repeat(100_000), '[a]('.repeat(100_000), '[x'.repeat(100_000)]) {
      const withEntry = DOC.replace('- 14:31Z [mitigated]', `- 2026-11-20 14:20Z (chat) ${hostile}\n- 14:31Z [mitigated]`);
      const t = Date.now();
      mergeTimeline(withEntry, [chat('2026-11-20T14:20:00Z', `${hostile}](x)`)]);
      assert.ok(Date.now() - t < 3000, `${Date.now() - t} ms for ${hostile.slice(0, 8)}…`);
    }
  });
});

describe('postmortem import-timeline run again (CLI)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-reimport-'));
    copyFileSync(join(FIXTURES, 'postmortem.md'), join(dir, 'pm.md'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await importTimeline(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd: dir, now: () => new Date('2026-11-27T12:00:00Z') });
    return { code, out, err };
  }

  it('adds only the new rows of an overlapping export, says how many it skipped and why, and writes nothing when all are there', async () => {
    const slackArgs = ['pm.md', '--from', 'slack', '--input', join(FIXTURES, 'slack/incident-checkout'), '--yes'];
    assert.match((await run(slackArgs)).out, /Added 3 entries to pm\.md/);
    // As the importer before session 12 wrote the link: its label alone.
    const pm = join(dir, 'pm.md');
    writeFileSync(pm, readFileSync(pm, 'utf8').replace('[the DB dashboard](https://grafana.example/d/db)', 'the DB dashboard'));
    const before = readFileSync(pm, 'utf8');
    const again = await run(slackArgs);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /0 to add, 3 already in the timeline \(skipped; 1 of them was written by an earlier import: 1 with links as their label alone\)/);
    assert.match(again.out, /Nothing to add to pm\.md/);
    assert.equal(readFileSync(pm, 'utf8'), before);

    writeFileSync(join(dir, 'day1.csv'), 'time,summary\n2026-11-20 14:05,5xx > 5%\n2026-11-20 14:07,p99 > 2s\n');
    writeFileSync(join(dir, 'day1-later.csv'), 'time,summary,service\n2026-11-20 14:05,5xx > 5%,checkout-api\n2026-11-20 14:07,p99 > 2s,checkout-api\n2026-11-20 14:40,5xx < 1%,checkout-api\n');
    assert.match((await run(['pm.md', '--from', 'csv', '--input', 'day1.csv', '--zone', 'UTC', '--yes'])).out, /Added 2 entries/);
    const newer = await run(['pm.md', '--from', 'csv', '--input', 'day1-later.csv', '--zone', 'UTC', '--yes']);
    assert.match(newer.out, /3 events read: 1 to add, 2 already in the timeline \(skipped; all were written by an earlier import: 2 without some of the other CSV columns\)/);
    assert.match(newer.out, /Added 1 entries to pm\.md/);
    const lines = readFileSync(pm, 'utf8').split('\n');
    assert.equal(lines.filter((l) => l.includes('5xx > 5%')).length, 1);
    assert.equal(lines.filter((l) => l.includes('Rollback complete')).length, 2, 'the milestone entry and the chat message, each once');
  });
});
