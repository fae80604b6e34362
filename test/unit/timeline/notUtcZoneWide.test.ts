import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parsePostmortem } from '../../../src/core/document/parse';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { fixAll } from '../../../src/core/fix/fixAll';
import { lintText } from '../../../src/core/lint/engine';
import { TIME_RULES } from '../../../src/core/rules/timeRules';
import type { Diagnostic } from '../../../src/core/types';

const options = { rules: TIME_RULES, now: new Date('2026-11-27T12:00:00Z') };

function doc(frontMatter: string, body: string): string {
  return `---\ntype: postmortem\ntitle: T\n${frontMatter}---\n# T\n\n## Timeline\n\n${body}`;
}

function diagnostics(text: string, code: string) {
  return lintText(text, options).diagnostics.filter((d) => d.code === code);
}

const BERLIN = 'timezone: Europe/Berlin\nstarted_at: 2026-10-24T20:00:00Z\n';

describe('timeline/not-utc with `timezone` in the front matter', () => {
  it('gives a long local timeline one warning on its heading, and one fix for all of it', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `- 2026-11-20 ${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} step ${i}`);
    const text = doc(BERLIN, `${lines.join('\n')}\n`);
    const found = diagnostics(text, 'timeline/not-utc');
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, 8, 'on the ## Timeline heading');
    assert.match(found[0].message, /^300 timeline entries are in Europe\/Berlin time \(the front matter's `timezone`\); expected UTC, like 2026-11-20 07:00Z for 2026-11-20 08:00 on line 11$/);
    const fixed = applyEdits(text, found[0].fixes![0].edits).text;
    assert.equal(found[0].fixes![0].title, 'Convert 300 entries from Europe/Berlin to UTC');
    assert.deepEqual(parsePostmortem(fixed).timeline.map((e) => e.instant), parsePostmortem(text).timeline.map((e) => e.instant));
    assert.deepEqual(diagnostics(fixed, 'timeline/not-utc'), []);
  });

  it('keeps a per-entry diagnostic and fix for a zone written on the entry', () => {
    const text = doc(BERLIN, '- 2026-11-20 10:00 local\n- 2026-11-20 10:05 CET written\n- 2026-11-20 10:10+02:00 offset\n');
    const found = diagnostics(text, 'timeline/not-utc');
    assert.deepEqual(found.map((d) => d.range.start.line), [8, 11, 12]);
    assert.equal(found[1].message, 'Expected a UTC time, like 2026-11-20 09:05Z, found 2026-11-20 10:05 CET');
    assert.match(found[0].message, /^1 timeline entry is in Europe\/Berlin time/);
  });

  it('reports DST-skipped and repeated local times, and converts neither unseen: a repeated one gets a fix per reading, none preferred', () => {
    const text = doc(BERLIN, '- 2026-10-25 01:00 before\n- 2026-10-25 02:30 ambiguous time in Berlin\n- 2026-03-29 02:30 skipped\n- 2026-10-25 02:30+02:00 explicit offset\n');
    const ambiguous = diagnostics(text, 'timeline/ambiguous-time');
    assert.deepEqual(ambiguous.map((d) => d.range.start.line), [11, 12]);
    assert.match(ambiguous[0].message, /02:30 on 2026-10-25 happens twice in Europe\/Berlin .*write the UTC time or an explicit offset/);
    assert.match(ambiguous[1].message, /02:30 on 2026-03-29 does not exist in Europe\/Berlin \(clocks went from 02:00 to 03:00\)/);
    assert.deepEqual(ambiguous[0].fixes!.map((f) => [f.title, f.isPreferred]), [
      ['Convert to 2026-10-25 00:30Z — CEST (UTC+2), the first 02:30', false],
      ['Convert to 2026-10-25 01:30Z — CET (UTC+1), the second 02:30', false],
    ]);
    assert.equal(ambiguous[1].fixes, undefined, 'a skipped time: no reading is likelier than a typo');
    const [heading] = diagnostics(text, 'timeline/not-utc').filter((d) => d.range.start.line === 8);
    assert.match(heading.message, /^1 timeline entry is in Europe\/Berlin time.*; 2 entries at a DST change are left for you to write in UTC$/);
    const fixed = fixAll(text, options).text;
    assert.match(fixed, /- 2026-10-24 23:00Z before\n- 2026-10-25 02:30 ambiguous time in Berlin\n- 2026-03-29 02:30 skipped\n- 2026-10-25 00:30Z explicit offset\n/);
  });

  it('reads "am"/"pm" letters at the start of the text as words: the trial file', () => {
    const text = doc(BERLIN, '- 2026-10-25 03:30 ambience\n- 2026-11-01 12:15 Amazon S3 returned errors\n- 14:05 pm2 restarted the workers\n');
    const result = fixAll(text, options);
    assert.match(result.text, /- 2026-10-25 02:30Z ambience\n- 2026-11-01 11:15Z Amazon S3 returned errors\n- 13:05Z pm2 restarted the workers\n/);
    assert.deepEqual(result.fixed, { 'timeline/not-utc': 1 });
  });

  describe('fix-all never changes an entry\'s words or time', () => {
    const word = fc.tuple(
      fc.constantFrom('am', 'Am', 'AM', 'pm', 'Pm', 'PM', 'a.m', 'p.m', 'Z', 'T', 'z', 't', '2', '30', 'x', 'DB'),
      fc.stringMatching(/^[a-z0-9]{1,5}$/),
    ).map(([head, tail]) => head + tail);
    const entry = fc.record({
      minutes: fc.integer({ min: 1, max: 600 }),
      dated: fc.boolean(),
      zone: fc.constantFrom('', '', '', 'Z', ' CET', '+02:00', ' UTC'),
      wrap: fc.constantFrom('', '**'),
      words: fc.array(word, { minLength: 1, maxLength: 3 }),
    });
    const timeline = fc.record({
      zone: fc.constantFrom('Europe/Berlin', 'America/Los_Angeles'),
      start: fc.constantFrom(Date.UTC(2026, 9, 24, 20), Date.UTC(2026, 9, 31, 22), Date.UTC(2026, 2, 28, 20), Date.UTC(2026, 10, 20, 6)),
      entries: fc.array(entry, { minLength: 1, maxLength: 10 }),
    });

    function render(t: { zone: string; start: number; entries: { minutes: number; dated: boolean; zone: string; wrap: string; words: string[] }[] }): string {
      let at = t.start;
      const lines = t.entries.map((e, i) => {
        at += e.minutes * 60000;
        // The wall-clock digits of `at` (as if UTC): read in the entry's zone they are a valid local time, or a DST-ambiguous one.
        const iso = new Date(at).toISOString();
        const stamp = `${i === 0 || e.dated ? `${iso.slice(0, 10)} ` : ''}${iso.slice(11, 16)}${e.zone}`;
        return `- ${e.wrap}${stamp}${e.wrap} ${e.words.join(' ')}`;
      });
      return doc(`timezone: ${t.zone}\nstarted_at: ${new Date(t.start).toISOString().replace('.000', '')}\n`, `${lines.join('\n')}\n`);
    }

    it('with words starting like am/pm, Z, T or digits, across DST changes', () => {
      fc.assert(fc.property(timeline, (t) => {
        const text = render(t);
        const before = parsePostmortem(text).timeline;
        const result = fixAll(text, options);
        const after = parsePostmortem(result.text).timeline;
        assert.deepEqual(after.map((e) => e.description), before.map((e) => e.description), `descriptions:\n${text}\n→\n${result.text}`);
        assert.deepEqual(after.map((e) => e.instant), before.map((e) => e.instant), `instants:\n${text}\n→\n${result.text}`);
        assert.equal(result.looping, undefined, 'no fix loops');
        // Left only: conversions resting on a next-day reading that looks like a typo (timeline/next-day warns there),
        // or on the day of a time after an entry in another zone when that day is in doubt (timeline/carried-date warns).
        const left = diagnostics(result.text, 'timeline/not-utc');
        // Or an abbreviation out of season (`CET` in summer): both readings offered, none chosen.
        const choice = (d: Diagnostic) => / was not in force on /.test(d.message) && d.fixes!.length === 2 && d.fixes!.every((f) => !f.isPreferred);
        assert.ok(left.every((d) => choice(d) || d.fixes?.every((f) => !f.isPreferred && /(the next day|the day of the entry above|after entries written in another zone).*not applied by Fix All/.test(f.title))), `nothing left to convert:\n${result.text}`);
        if (left.some((d) => !choice(d))) assert.ok([...diagnostics(result.text, 'timeline/next-day'), ...diagnostics(result.text, 'timeline/carried-date')].some((d) => d.severity === 'warning'), `the reading held back is warned about:\n${result.text}`);
      }), { numRuns: 200 });
    });
  });

  describe('a table with Date and Time columns (trial C1): fix-all keeps every instant and the row\'s one date', () => {
    const row = fc.record({
      minutes: fc.integer({ min: 1, max: 600 }),
      dated: fc.boolean(),
      zone: fc.constantFrom('', '', '', 'Z', ' CET', '+02:00'),
      pad: fc.constantFrom('', ' ', '      '),
    });
    const table = fc.record({
      zone: fc.constantFrom('Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata'),
      start: fc.constantFrom(Date.UTC(2026, 9, 24, 20), Date.UTC(2026, 9, 31, 22), Date.UTC(2026, 2, 28, 20), Date.UTC(2026, 10, 20, 6)),
      rows: fc.array(row, { minLength: 1, maxLength: 10 }),
    });
    it('reads each row with its Date cell (or the row above\'s), converts it, and leaves no not-utc behind', () => {
      fc.assert(fc.property(table, (t) => {
        let at = t.start;
        const lines = t.rows.map((r, i) => {
          at += r.minutes * 60000;
          const iso = new Date(at).toISOString();
          return `| ${i === 0 || r.dated ? iso.slice(0, 10) : ''}${r.pad} | ${iso.slice(11, 16)}${r.zone}${r.pad} | event ${i} |`;
        });
        const text = doc(`timezone: ${t.zone}\nstarted_at: ${new Date(t.start).toISOString().replace('.000', '')}\n`, `| Date | Time | Event |\n|---|---|---|\n${lines.join('\n')}\n`);
        const before = parsePostmortem(text).timeline;
        assert.equal(before.length, t.rows.length);
        assert.ok(before.every((e) => !e.problem || /exist|twice|DST/i.test(e.problem) || e.localTimeIssue), `every row read:\n${text}\n${before.map((e) => e.problem).join('\n')}`);
        const result = fixAll(text, options);
        const after = parsePostmortem(result.text).timeline;
        assert.deepEqual(after.map((e) => e.instant), before.map((e) => e.instant), `instants:\n${text}\n→\n${result.text}`);
        assert.deepEqual(after.map((e) => e.description), before.map((e) => e.description));
        // A converted row never says two dates: the date is in the Date column only.
        for (const l of result.text.split('\n')) if (/^\| \d{4}-/.test(l) || /^\| +\|/.test(l)) assert.doesNotMatch(l.split('|')[2], /\d{4}-\d{2}-\d{2}/, `date in the Time cell: ${l}`);
        assert.equal(result.looping, undefined, 'no fix loops');
      }), { numRuns: 200 });
    });
  });

  describe('fix-all never changes an entry whose zone it did not read (trial C23, C28)', () => {
    const marker = fc.constantFrom('', '', ' (UTC)', ' utc', ' PT', ' ET', ' CT', ' IST', ' AST', ' SAST', ' Pacific', ' Eastern time', ' Europe/Berln',
      ' US/Pacific', ' UTC\u22123', ' \u221203:00', ' UTC\u20133', '-14:20', '-08:00', '\u201315:00', ' CET/CEST', ' (Europe/Berlin)', ' UTC+15');
    const timeline = fc.record({
      zone: fc.constantFrom('Asia/Kolkata', 'Europe/Berlin', 'America/Los_Angeles', 'UTC'),
      entries: fc.array(fc.record({ hour: fc.integer({ min: 0, max: 23 }), dated: fc.boolean(), marker }), { minLength: 1, maxLength: 8 }),
    });
    it('leaves unread entries byte for byte, keeps every read instant', () => {
      fc.assert(fc.property(timeline, (t) => {
        const lines = t.entries.map((e, i) => `- ${i === 0 || e.dated ? '2026-11-20 ' : ''}${String(e.hour).padStart(2, '0')}:07${e.marker} event ${i}`);
        const text = doc(`timezone: ${t.zone}\n`, `${lines.join('\n')}\n`);
        const before = parsePostmortem(text).timeline;
        const result = fixAll(text, options);
        const after = parsePostmortem(result.text).timeline;
        const afterLines = result.text.split('\n');
        const textLines = text.split('\n');
        for (const [i, e] of before.entries()) {
          if (e.instant === undefined) assert.equal(afterLines[e.line], textLines[e.line], `unread entry changed:\n${text}\n→\n${result.text}`);
          else assert.equal(after[i].instant, e.instant, `instant moved:\n${text}\n→\n${result.text}`);
          if (e.rangeEndInstant !== undefined) assert.equal(after[i].rangeEndInstant, e.rangeEndInstant, `range end moved:\n${text}\n→\n${result.text}`);
        }
      }), { numRuns: 200 });
    });
  });
});
