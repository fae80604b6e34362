/**
 * Trial 12 T7: a CSV import says which column became the entry's text and which gave the time, keeps
 * the other columns (who was paged, the service) after the text instead of dropping them unsaid, and
 * keeps the seconds the export wrote (`23:49:12` is no longer cut to the minute).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import importTimeline from '../../../src/cli/commands/importTimeline';
import { parsePostmortem } from '../../../src/core/document/parse';
import { readCsvTimeline } from '../../../src/core/import';
import { FIXTURES } from './fixtures';

async function run(cwd: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await importTimeline(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, now: () => new Date('2026-11-27T12:00:00Z') });
  return { code, out, err };
}

describe('CSV import: the columns it used and kept, and the seconds (trial 12 T7)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-csvcols-'));
    copyFileSync(join(FIXTURES, 'postmortem.md'), join(dir, 'pm.md'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the other columns after the text, says which column is the text, and writes the seconds the timeline reads back', async () => {
    writeFileSync(join(dir, 'g.csv'), 'time,service,summary,notes\n2026-11-20 23:49:12,checkout-api,5xx > 5%,paged aiko\n2026-11-20 23:55,checkout-api,p99 > 2s,\n');
    const r = await run(dir, ['pm.md', '--from', 'csv', '--input', 'g.csv', '--zone', 'Asia/Tokyo', '--yes']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /note: g\.csv: text from the "summary" column \(found by its name\), time from "time"; the other columns "service", "notes" are kept after it in parentheses, as "\(service: …; notes: …\)"/);
    const text = readFileSync(join(dir, 'pm.md'), 'utf8');
    assert.ok(text.includes('- 2026-11-20 14:49:12Z (alert) 5xx > 5% (service: checkout-api; notes: paged aiko)'), text);
    assert.ok(text.includes('- 2026-11-20 14:55Z (alert) p99 > 2s (service: checkout-api)'), text);
    const entry = parsePostmortem(text).timeline.find((e) => e.description.includes('paged aiko'));
    assert.equal(entry?.instant, Date.parse('2026-11-20T14:49:12Z'));
    // The same export again adds nothing: the kept columns are part of what is compared.
    assert.match((await run(dir, ['pm.md', '--from', 'csv', '--input', 'g.csv', '--zone', 'Asia/Tokyo', '--yes'])).out, /0 to add, 2 already in the timeline/);
  });

  it('names the column given by the user without "found by its name", and says how many rows were cut at the length limit', () => {
    const read = readCsvTimeline(`at,note,extra\n2026-11-20T14:00:00Z,first,${'x'.repeat(400)}\n2026-11-20T14:01:00Z,second,\n`, { timeColumn: 'at', textColumn: 'note', name: 'a.csv' });
    assert.deepEqual(read.notes, [
      'a.csv: text from the "note" column, time from "at"; the other column "extra" is kept after it in parentheses, as "(extra: …)"',
      '1 row was longer than 300 characters and cut (marked …)',
    ]);
    assert.equal(read.events[0].text.length, 300);
    assert.ok(read.events[0].text.startsWith('first (extra: xxx') && read.events[0].text.endsWith('…'));
    assert.equal(read.events[1].text, 'second');
  });
});
