import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parsePostmortem } from '../../../src/core/document/parse';
import { formatIsoUtc } from '../../../src/core/time/zones';

/** The resolved instants of a document's timeline, as ISO strings (or the problem). */
function instants(frontMatter: string, timeline: string): string[] {
  const doc = parsePostmortem(`---\ntype: postmortem\ntitle: T\n${frontMatter}---\n# T\n\n## Timeline\n\n${timeline}`);
  return doc.timeline.map((e) => (e.instant !== undefined ? formatIsoUtc(e.instant) : `problem: ${e.problem}`));
}

describe('timeline resolution', () => {
  it('carries the date of the previous entry to time-only entries', () => {
    assert.deepEqual(instants('', '- 2026-11-20 14:09Z a\n- 14:30Z b\n'), ['2026-11-20T14:09:00Z', '2026-11-20T14:30:00Z']);
  });

  it('dates leading time-only entries from started_at, in the document zone', () => {
    // 2026-11-21T02:00Z is still the 20th in Los Angeles.
    assert.deepEqual(instants('timezone: America/Los_Angeles\nstarted_at: 2026-11-21T02:00:00Z\n', '- 17:55 a\n'), ['2026-11-21T01:55:00Z']);
  });

  it('says once why time-only entries without any date cannot be placed', () => {
    const r = instants('', '- 14:09Z a\n- 14:30Z b\n');
    assert.match(r[0], /Expected a date on the first timeline entry/);
    assert.match(r[1], /Expected a date on the first timeline entry/);
  });

  it('reads times without a zone in the front matter timezone, across the DST change', () => {
    const r = instants('timezone: America/Los_Angeles\n', '- 2026-03-08 01:30 PST\n- 01:59\n- 03:00 now PDT\n- 2026-11-01 01:30 ambiguous hour\n');
    assert.deepEqual(r.slice(0, 3), ['2026-03-08T09:30:00Z', '2026-03-08T09:59:00Z', '2026-03-08T10:00:00Z']);
    // 01:30 happens twice on the fall-back day; either reading is a real instant, not a crash.
    assert.ok(['2026-11-01T08:30:00Z', '2026-11-01T09:30:00Z'].includes(r[3]), r[3]);
  });

  it('rolls a time-only entry over midnight when it would otherwise go back more than 12 hours', () => {
    const r = instants('', '- 2026-11-20 23:50Z a\n- 00:10Z b\n- 00:30Z c\n');
    assert.deepEqual(r, ['2026-11-20T23:50:00Z', '2026-11-21T00:10:00Z', '2026-11-21T00:30:00Z']);
  });

  it('does not roll a small step back (that is an out-of-order entry) nor a written date', () => {
    assert.deepEqual(instants('', '- 2026-11-20 14:00Z a\n- 13:00Z b\n- 2026-11-20 01:00Z c\n'), [
      '2026-11-20T14:00:00Z', '2026-11-20T13:00:00Z', '2026-11-20T01:00:00Z',
    ]);
  });

  it('starts a new day at a dated sub-heading', () => {
    const r = instants('', '### 2026-11-20\n\n- 22:00Z a\n\n### 2026-11-22\n\n- 08:00Z b\n- 09:00Z c\n');
    assert.deepEqual(r, ['2026-11-20T22:00:00Z', '2026-11-22T08:00:00Z', '2026-11-22T09:00:00Z']);
  });

  it('reads table rows, whatever the column order, and keeps exact stamp columns', () => {
    const text = '---\ntype: postmortem\ntitle: T\n---\n## Timeline\n\n| Event | When (UTC) |\n|---|---|\n| 🚨 alert | 2026-11-20 14:09Z |\n';
    const doc = parsePostmortem(text);
    const [entry] = doc.timeline;
    assert.equal(entry.form, 'table');
    assert.equal(formatIsoUtc(entry.instant!), '2026-11-20T14:09:00Z');
    const line = doc.lines.lineText(entry.line);
    assert.equal(line.slice(entry.stampRange!.start.character, entry.stampRange!.end.character), '2026-11-20 14:09Z');
  });

  it('reports an unknown zone instead of guessing', () => {
    const r = instants('', '- 2026-11-20 14:09 +25:99 a\n');
    assert.deepEqual(r, ['problem: Expected a UTC offset from −12:00 to +14:00 after the time, found "+25:99"']);
  });

  describe('a dateless time carries the day of the previous instant in its own zone (trial 11 T11)', () => {
    /** Written markers with the offset they stand for; `undefined`: a name, its region's clock. */
    const markers: Record<string, number | undefined> = { '': undefined, Z: 0, '+09:00': 540, PST: -480, 'UTC-3': -180, 'Europe/London': undefined };
    const step = fc.record({
      // Under 12 hours apart, so the next-day rule always finds the right day.
      gap: fc.integer({ min: 1, max: 690 }),
      dated: fc.boolean(),
      marker: fc.constantFrom(...Object.keys(markers)),
    });
    const timeline = fc.record({
      zone: fc.constantFrom('America/Los_Angeles', 'Australia/Adelaide', 'Asia/Kolkata', 'Europe/Berlin', 'UTC'),
      // Evenings and mornings in either hemisphere, next to DST changes (March, April, October, November 2026).
      start: fc.constantFrom(Date.UTC(2026, 11, 5, 20), Date.UTC(2026, 11, 6, 5, 30), Date.UTC(2026, 2, 7, 22), Date.UTC(2026, 3, 4, 12), Date.UTC(2026, 9, 3, 14), Date.UTC(2026, 10, 1, 6)),
      steps: fc.array(step, { minLength: 2, maxLength: 10 }),
    });

    it('reads every entry at the instant its clock was written from, whatever zone the entry above was written in', () => {
      fc.assert(fc.property(timeline, (t) => {
        let at = t.start;
        const truth: number[] = [];
        const zones: string[] = [];
        const lines = t.steps.map((s, i) => {
          at += s.gap * 60000;
          truth.push(at);
          const zone = s.marker === '' ? t.zone : s.marker;
          zones.push(zone);
          const wall = new Date(at + offsetOf(zone, at) * 60000).toISOString();
          return `- ${i === 0 || s.dated ? `${wall.slice(0, 10)} ` : ''}${wall.slice(11, 16)}${s.marker && s.marker !== 'Z' ? ' ' : ''}${s.marker} entry ${i}`;
        });
        const text = `---\ntype: postmortem\ntitle: T\ntimezone: ${t.zone}\n---\n# T\n\n## Timeline\n\n${lines.join('\n')}\n`;
        const entries = parsePostmortem(text).timeline;
        // A local time a DST change repeats has two readings: the resolver says so (localTimeIssue) and picks one.
        fc.pre(entries.every((e) => !e.localTimeIssue));
        assert.deepEqual(entries.map((e) => e.instant), truth, text);
        for (const [i, e] of entries.entries()) {
          if (i === 0 || t.steps[i].dated) continue;
          // The day carried is the previous instant's day in this entry's zone; the next day only when the clock went past midnight there.
          const carried = localDay(truth[i - 1], zones[i]);
          assert.equal(e.nextDay !== undefined, localDay(truth[i], zones[i]) !== carried, `next day on entry ${i}:\n${text}`);
          if (e.carriedAcrossZones) assert.notEqual(localDay(truth[i - 1], zones[i - 1]), carried, `a reading across zones only when the written date differs:\n${text}`);
        }
      }), { numRuns: 300 });
    });

    function offsetOf(zone: string, ms: number): number {
      const fixed = markers[zone];
      if (fixed !== undefined) return fixed;
      if (zone === 'UTC') return 0;
      const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(ms));
      const p: Record<string, number> = {};
      for (const x of parts) if (x.type !== 'literal') p[x.type] = Number(x.value);
      return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(ms / 60000) * 60000) / 60000);
    }

    function localDay(ms: number, zone: string): string {
      return new Date(ms + offsetOf(zone, ms) * 60000).toISOString().slice(0, 10);
    }
  });
});
