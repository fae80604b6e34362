/**
 * Two real messages saying the same words in one minute (a pod restarted twice) are two events:
 * both are imported, each to its second, and a re-import finds both already there. Only the same
 * message twice (one Slack ts) is a repeat (trial 13a F30: the second restart was dropped and the
 * summary called it "already in the timeline").
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import importTimeline from '../../../src/cli/commands/importTimeline';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { importSummary, mergeTimeline, parseSlackExport } from '../../../src/core/import';

const DOC = [
  '---',
  'type: postmortem',
  'title: Checkout 5xx',
  'started_at: 2026-12-07T03:00:00Z',
  'timezone: America/Los_Angeles',
  '---',
  '',
  '## Timeline',
  '',
  '- 2026-12-07 03:00Z [started] 5xx begin',
  '- 2026-12-07 03:30Z (chat) all clear',
  '',
].join('\n');

const ts = (iso: string) => `${Date.parse(iso) / 1000}.000100`;
const DAY = [
  { type: 'message', user: 'U1', user_profile: { display_name: 'ana' }, text: 'restarting pod', ts: ts('2026-12-07T03:05:10Z') },
  { type: 'message', user: 'U1', user_profile: { display_name: 'ana' }, text: 'restarting pod', ts: ts('2026-12-07T03:05:50Z') },
  { type: 'message', user: 'U2', user_profile: { display_name: 'ben' }, text: 'restarting pod', ts: ts('2026-12-07T03:05:55Z') },
];
const read = (day: unknown[]) => parseSlackExport([{ name: '2026-12-07.json', text: JSON.stringify(day) }]).events;
const timeline = (text: string) => text.split('\n').filter((l) => l.startsWith('- '));

describe('Slack messages with the same words in one minute', () => {
  it('imports both of one person\'s messages, each at its second, and calls none "already in the timeline"', () => {
    const result = mergeTimeline(DOC, read(DAY));
    assert.deepEqual(result.added, [
      '- 2026-12-07 03:05:10Z (chat) ana: restarting pod',
      '- 2026-12-07 03:05:50Z (chat) ana: restarting pod',
      '- 2026-12-07 03:05:55Z (chat) ben: restarting pod',
    ]);
    assert.match(importSummary(3, result), /^3 events read: 3 to add, 0 already in the timeline, 0 outside the window/);
    const after = applyEdits(DOC, result.edits).text;
    // In time order, before the later entry.
    assert.deepEqual(timeline(after).slice(1, 4).map((l) => l.slice(13, 22)), ['03:05:10Z', '03:05:50Z', '03:05:55Z']);
    assert.equal(timeline(after)[4], '- 2026-12-07 03:30Z (chat) all clear');
  });

  it('a re-import of the same export adds nothing and counts all three as already there', () => {
    const once = applyEdits(DOC, mergeTimeline(DOC, read(DAY)).edits).text;
    const again = mergeTimeline(once, read(DAY));
    assert.deepEqual(again.added, []);
    assert.equal(again.duplicates, 3);
    assert.equal(again.repeated, 0);
  });

  it('a timeline an earlier import wrote to the minute, with one of the two restarts, gets the other one added', () => {
    const old = DOC.replace('- 2026-12-07 03:30Z', '- 2026-12-07 03:05Z (chat) ana: restarting pod\n- 2026-12-07 03:05Z (chat) ben: restarting pod\n- 2026-12-07 03:30Z');
    const result = mergeTimeline(old, read(DAY));
    assert.deepEqual(result.added, ['- 2026-12-07 03:05:50Z (chat) ana: restarting pod']);
    assert.equal(result.duplicates, 2);
  });

  it('the same message twice in the export (one ts) is a repeat, said apart from the timeline', () => {
    const result = mergeTimeline(DOC, read([DAY[0], DAY[0], DAY[1]]));
    assert.equal(result.added.length, 2);
    assert.equal(result.repeated, 1);
    assert.match(importSummary(3, result), /2 to add, 0 already in the timeline, 1 repeated in the export \(skipped\)/);
  });

  it('the CLI adds all three and, run again, writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-sameminute-'));
    try {
      writeFileSync(join(dir, 'pm.md'), DOC);
      mkdirSync(join(dir, 'ch'));
      writeFileSync(join(dir, 'ch', '2026-12-07.json'), JSON.stringify(DAY));
      const run = async () => {
        let out = '';
        let err = '';
        const code = await importTimeline(['pm.md', '--from', 'slack', '--input', 'ch', '--yes'], { out: (t) => (out += t), err: (t) => (err += t), cwd: dir, now: () => new Date('2026-12-07T12:00:00Z') });
        return { code, out, err };
      };
      const first = await run();
      assert.equal(first.code, 0, first.err);
      assert.match(first.out, /3 events read: 3 to add, 0 already in the timeline/);
      assert.equal(timeline(readFileSync(join(dir, 'pm.md'), 'utf8')).filter((l) => l.includes('restarting pod')).length, 3);
      const before = readFileSync(join(dir, 'pm.md'), 'utf8');
      const second = await run();
      assert.match(second.out, /3 events read: 0 to add, 3 already in the timeline \(skipped\)/);
      assert.equal(readFileSync(join(dir, 'pm.md'), 'utf8'), before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
