import assert from 'node:assert/strict';
import { readSummary } from '../../../src/core/index';
import { entryZoneNote, libraryEntry } from '../../../src/core/library';

/**
 * The Post-mortems tree says what `postmortem list` says under a row (trial F2, now in the editor):
 * a date built on zone-less front-matter times read as UTC while the writer is elsewhere, or not
 * built at all because `timezone:` is unknown.
 */
const entry = (frontMatter: string[]) => {
  const text = ['---', 'type: postmortem', 'title: T', ...frontMatter, '---', '# T', ''].join('\n');
  return libraryEntry('file:///w/pm.md', readSummary(text));
};

describe('the zone note of a library row (entryZoneNote)', () => {
  const zoneless = entry(['started_at: 2026-12-05 21:35', 'resolved_at: 2026-12-05 23:35']);

  it('names zone-less times read as UTC for a writer in Berlin, with both readings', () => {
    const said = entryZoneNote(zoneless, 'Europe/Berlin');
    assert.equal(said?.tag, 'times read as UTC');
    assert.match(said!.note, /started_at and resolved_at have no zone, so with no `timezone:` they are read as UTC, while you write in Europe\/Berlin: started_at is 21:35Z if UTC, 20:35Z if Europe\/Berlin/);
  });

  it('says nothing to a writer in UTC, or when the times have a zone', () => {
    assert.equal(entryZoneNote(zoneless, 'UTC'), undefined);
    assert.equal(entryZoneNote(zoneless, undefined), undefined);
    assert.equal(entryZoneNote(entry(['started_at: 2026-12-05T21:35:00Z']), 'Europe/Berlin'), undefined);
    assert.equal(entryZoneNote(entry(['timezone: Europe/Berlin', 'started_at: 2026-12-05 21:35']), 'Europe/Berlin'), undefined);
  });

  it('names an unknown timezone whose times were not read', () => {
    const said = entryZoneNote(entry(['timezone: Europe/Berln', 'started_at: 2026-12-05 21:35']), 'UTC');
    assert.equal(said?.tag, 'unknown timezone');
    assert.match(said!.note, /Europe\/Berln/);
  });

  it('names a local time a clock change skips as not read, not as an unknown timezone', () => {
    const said = entryZoneNote(entry(['timezone: America/Los_Angeles', 'started_at: 2026-03-08 02:30']), 'America/Los_Angeles');
    assert.equal(said?.tag, 'time not read');
    assert.match(said!.note, /`started_at`: 02:30 on 2026-03-08 does not exist in America\/Los_Angeles/);
  });

  it('says a row without started_at is dated by another time, pointing at the timeline\'s [started] entry (trial16a F4)', () => {
    const text = ['---', 'type: postmortem', 'title: T', 'resolved_at: 2026-11-20T15:10:00Z', '---', '# T', '', '## Timeline', '', '- 2026-11-20 14:02Z [started] Errors rose', ''].join('\n');
    const row = libraryEntry('file:///w/pm.md', readSummary(text));
    assert.equal(row.datedBy, 'resolved_at');
    const said = entryZoneNote(row, 'UTC');
    assert.equal(said?.tag, 'dated by resolved_at');
    assert.match(said!.note, /dated by its resolved_at: the front matter has no started_at, so the date shown is not the start; the timeline's \[started\] entry \(line 10\) has the start/);
    const detectedOnly = entry(['detected_at: 2026-11-20T14:05:00Z']);
    assert.equal(entryZoneNote(detectedOnly, 'UTC')?.tag, 'dated by detected_at');
    assert.match(entryZoneNote(detectedOnly, 'UTC')!.note, /; add started_at$/);
    assert.equal(entry(['started_at: 2026-11-20T14:02:00Z', 'resolved_at: 2026-11-20T15:10:00Z']).datedBy, 'started_at');
    assert.equal(entryZoneNote(entry(['started_at: 2026-11-20T14:02:00Z']), 'UTC'), undefined);
  });
});
