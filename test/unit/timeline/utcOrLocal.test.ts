import { strict as assert } from 'node:assert';
import { parsePostmortem } from '../../../src/core/document/parse';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { fixAll } from '../../../src/core/fix/fixAll';
import { lintText } from '../../../src/core/lint/engine';
import { TIME_RULES } from '../../../src/core/rules/timeRules';
import type { Diagnostic } from '../../../src/core/types';

const now = new Date('2026-11-27T12:00:00Z');

function doc(frontMatter: string, body: string): string {
  return `---\ntype: postmortem\ntitle: T\n${frontMatter}---\n# T\n\n## Timeline\n\n${body}`;
}

function trap(text: string, writerZone?: string): Diagnostic[] {
  return lintText(text, { rules: TIME_RULES, now, ...(writerZone ? { writerZone } : {}) }).diagnostics.filter((d) => d.code === 'timeline/utc-or-local');
}

function instants(text: string): (string | undefined)[] {
  return parsePostmortem(text).timeline.map((e) => (e.instant === undefined ? undefined : new Date(e.instant).toISOString().slice(0, 16)));
}

const UTC_FM = 'timezone: UTC\nstarted_at: 2026-11-20T13:00:00Z\n';
const LOCAL = '- 2026-11-20 14:09 [detected] (alert) Pager alert\n- 14:21 [mitigated] Rolled back\n- 23:50 Late check\n- 00:10 After midnight\n- 2026-11-21 09:00Z Written in UTC\n';

describe("timeline/utc-or-local: `timezone: UTC` with zone-less times and a writer elsewhere", () => {
  it('gives one warning on the Timeline heading with two fixes naming the zones (writer in Europe/Berlin)', () => {
    const text = doc(UTC_FM, LOCAL);
    const found = trap(text, 'Europe/Berlin');
    assert.equal(found.length, 1);
    const [d] = found;
    assert.equal(d.severity, 'warning');
    assert.equal(d.range.start.line, 8, 'the ## Timeline heading');
    assert.equal(d.message, 'Expected timeline times with a zone: 4 times have none, so `timezone: UTC` reads them as UTC, while you write in Europe/Berlin: 2026-11-20 14:09 on line 11 is 14:09Z if UTC, 13:09Z if Europe/Berlin. Say which they are');
    assert.deepEqual(d.fixes!.map((f) => [f.title, f.isPreferred ?? false]), [
      ['These are UTC: add Z to the 4 times (14:09, 14:21, 23:50, … UTC)', false],
      ['These are Europe/Berlin: convert 4 to UTC and set timezone: Europe/Berlin; assuming 00:10 on line 14 is the next day, 2026-11-21', false],
    ]);
    // Ctrl+. on each zone-less entry finds the fixes too; not on the entry that has its zone.
    assert.deepEqual(d.fixesAlsoAt!.map((r) => r.start.line), [10, 11, 12, 13]);

    const asUtc = applyEdits(text, d.fixes![0].edits).text;
    assert.match(asUtc, /- 2026-11-20 14:09Z \[detected\] \(alert\) Pager alert\n- 14:21Z \[mitigated\] Rolled back\n- 23:50Z Late check\n- 00:10Z After midnight\n/);
    assert.deepEqual(instants(asUtc), instants(text), 'UTC: the same instants, now written');
    assert.deepEqual(trap(asUtc, 'Europe/Berlin'), []);

    const asBerlin = applyEdits(text, d.fixes![1].edits).text;
    assert.match(asBerlin, /^timezone: Europe\/Berlin$/m);
    assert.deepEqual(instants(asBerlin), ['2026-11-20T13:09', '2026-11-20T13:21', '2026-11-20T22:50', '2026-11-20T23:10', '2026-11-21T09:00']);
    assert.deepEqual(lintText(asBerlin, { rules: TIME_RULES, now, writerZone: 'Europe/Berlin' }).diagnostics.filter((x) => x.code.startsWith('timeline/') && x.severity === 'warning'), []);
  });

  it('converts across the date line for a writer in America/Los_Angeles (evening times are the next UTC day)', () => {
    const text = doc(UTC_FM, LOCAL);
    const [d] = trap(text, 'America/Los_Angeles');
    assert.match(d.message, /14:09Z if UTC, 22:09Z if America\/Los_Angeles/);
    const fixed = applyEdits(text, d.fixes![1].edits).text;
    assert.deepEqual(instants(fixed), ['2026-11-20T22:09', '2026-11-20T22:21', '2026-11-21T07:50', '2026-11-21T08:10', '2026-11-21T09:00']);
    assert.match(fixed, /- 2026-11-21 07:50Z Late check/, 'a new UTC day gets its date');
  });

  it('uses the offset of each date: summer and winter time in Europe/Berlin, and leaves DST-ambiguous times for the writer', () => {
    const text = doc('timezone: UTC\n', '- 2026-03-28 10:00 winter time\n- 2026-03-29 02:30 skipped by the clocks\n- 2026-03-29 10:00 summer time\n- 2026-10-25 02:30 happens twice\n');
    const [d] = trap(text, 'Europe/Berlin');
    assert.equal(d.fixes![1].title, 'These are Europe/Berlin: convert 2 to UTC and set timezone: Europe/Berlin; 2 at a DST change left for you');
    const fixed = applyEdits(text, d.fixes![1].edits).text;
    assert.match(fixed, /- 2026-03-28 09:00Z winter time\n- 2026-03-29 02:30 skipped by the clocks\n- 2026-03-29 08:00Z summer time\n- 2026-10-25 02:30 happens twice\n/);
    // Left as written, they are now read in Berlin, and reported there as the ambiguous times they are.
    const ambiguous = lintText(fixed, { rules: TIME_RULES, now }).diagnostics.filter((x) => x.code === 'timeline/ambiguous-time');
    assert.deepEqual(ambiguous.map((x) => x.range.start.line), [10, 12]);
  });

  it('is silent where there is nothing to ask', () => {
    const text = doc(UTC_FM, LOCAL);
    assert.deepEqual(trap(text), [], 'no writer zone given (a host that does not know)');
    assert.deepEqual(trap(text, 'UTC'), [], 'a writer in UTC');
    assert.deepEqual(trap(text, 'Etc/UTC'), []);
    assert.deepEqual(trap(text, 'Not/AZone'), [], 'an invalid zone is not guessed at');
    assert.deepEqual(trap(doc('timezone: Europe/Berlin\n', LOCAL), 'America/Los_Angeles'), [], 'a declared zone is a statement (timeline/not-utc converts)');
    assert.deepEqual(trap(doc(UTC_FM, '- 2026-11-20 14:09Z a\n- 14:21Z b\n'), 'Europe/Berlin'), [], 'every time has its zone');
    assert.deepEqual(trap(doc('timezone: UTC\n', '- 2026-01-20 14:09 a\n'), 'Europe/London'), [], 'London in winter is UTC');
    assert.equal(trap(doc('timezone: UTC\n', '- 2026-07-20 14:09 a\n'), 'Europe/London').length, 1, 'London in summer is not');
  });

  it('asks the same when the front matter has no `timezone:` (read as UTC by default), and offers to set it', () => {
    const text = doc('', '- 2026-11-20 14:02 [detected] a\n');
    const [d, ...more] = trap(text, 'America/Los_Angeles');
    assert.equal(more.length, 0);
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, 'Expected timeline times with a zone: 1 time has none, so with no `timezone:` it is read as UTC, while you write in America/Los_Angeles: 2026-11-20 14:02 on line 9 is 14:02Z if UTC, 22:02Z if America/Los_Angeles. Say which they are');
    assert.deepEqual(d.fixes!.map((f) => f.title), ['These are UTC: add Z to the 1 time (14:02 UTC)', 'These are America/Los_Angeles: convert 1 to UTC and set timezone: America/Los_Angeles']);
    assert.match(applyEdits(text, d.fixes![0].edits).text, /- 2026-11-20 14:02Z \[detected\] a\n/);
    const local = applyEdits(text, d.fixes![1].edits).text;
    assert.match(local, /^timezone: America\/Los_Angeles\n---$/m);
    assert.match(local, /- 2026-11-20 22:02Z \[detected\] a\n/);
    assert.deepEqual(trap(local, 'America/Los_Angeles'), []);
    // A null `timezone:` says nothing either.
    assert.equal(trap(doc('timezone:\n', '- 2026-11-20 14:02 a\n'), 'Europe/Berlin').length, 1);
  });

  it('asks nothing when the Timeline says UTC in its own words (trial19c F4), but still asks under `timezone: UTC` alone', () => {
    const times = '- 2026-11-03 09:12 (deploy) TTL raised\n- 09:15 [detected] alert\n- 09:31 [mitigated] reverted\n';
    const withHeading = (heading: string, front = '', body = times) => `---\ntype: postmortem\ntitle: T\n${front}---\n# T\n\n${heading}\n\n${body}`;
    for (const front of ['', 'timezone: UTC\n']) {
      const where = front ? 'with timezone: UTC' : 'without timezone:';
      assert.deepEqual(trap(withHeading('## Timeline (UTC)', front), 'America/Denver'), [], `"## Timeline (UTC)" ${where}`);
      assert.deepEqual(trap(withHeading('## Timeline [GMT]', front), 'America/Denver'), [], `"## Timeline [GMT]" ${where}`);
      assert.deepEqual(trap(withHeading('## Timeline - UTC', front), 'America/Denver'), [], `"## Timeline - UTC" ${where}`);
      assert.deepEqual(trap(withHeading('## Timeline', front, `All times UTC.\n\n${times}`), 'America/Denver'), [], `"All times UTC." ${where}`);
      const table = '| Date | Time (UTC) | Event |\n|---|---|---|\n| 2026-11-03 | 09:12 | TTL raised |\n| 2026-11-03 | 09:15 | [detected] alert |\n';
      assert.deepEqual(trap(withHeading('## Timeline', front, table), 'America/Denver'), [], `a Time (UTC) column ${where}`);
      // The trap itself: nothing but the template's `timezone: UTC` (or none) says what the times are.
      assert.equal(trap(withHeading('## Timeline', front), 'America/Denver').length, 1, `no words ${where}`);
      // A heading naming something else is no statement about the zone.
      assert.equal(trap(withHeading('## Timeline (draft)', front), 'America/Denver').length, 1, `"(draft)" ${where}`);
    }
    // A heading naming another zone is offered like a note is, by both rules.
    const pst = lintText(withHeading('## Timeline (PST)'), { rules: TIME_RULES, now, writerZone: 'Europe/Berlin' }).diagnostics;
    assert.deepEqual(pst.find((d) => d.code === 'timeline/zone-note')?.fixes?.map((f) => f.title), ['Set timezone: America/Los_Angeles in the front matter']);
    assert.ok(pst.find((d) => d.code === 'timeline/utc-or-local')?.fixes?.some((f) => f.title.startsWith('These are America/Los_Angeles, as "(PST)" says')));
  });

  it('stays silent without `timezone:` when every time carries its zone, or the writer is in UTC', () => {
    assert.deepEqual(trap(doc('', '- 2026-11-20 14:02Z a\n- 2026-11-20 15:00 +02:00 b\n- 2026-11-20 16:00 UTC c\n'), 'America/Los_Angeles'), []);
    assert.deepEqual(trap(doc('', '- 2026-11-20 14:02 a\n'), 'UTC'), []);
    assert.deepEqual(trap(doc('', '- 2026-11-20 14:02 a\n')), [], 'no writer zone known');
  });

  it('names both readings in a file without front matter, but offers no conversion (no place for `timezone:`)', () => {
    const [d] = trap('# T\n\n## Timeline\n\n- 2026-11-20 14:02 a\n', 'America/Los_Angeles');
    assert.match(d.message, /14:02Z if UTC, 22:02Z if America\/Los_Angeles/);
    assert.deepEqual(d.fixes!.map((f) => f.title), ['These are UTC: add Z to the 1 time (14:02 UTC)']);
  });

  it('is never applied by fix-all or --fix: which zone is right only the writer knows', () => {
    const text = doc(UTC_FM, LOCAL);
    const result = fixAll(text, { rules: TIME_RULES, now, writerZone: 'Europe/Berlin' });
    assert.equal(result.text, text);
  });

  it('keeps table timelines aligned', () => {
    const text = doc(UTC_FM, '| Time | Event |\n|---|---|\n| 2026-11-20 14:09    | Alert |\n| 14:21               | Rollback |\n');
    const [d] = trap(text, 'Europe/Berlin');
    const fixed = applyEdits(text, d.fixes![1].edits).text;
    assert.match(fixed, /\| 2026-11-20 13:09Z   \| Alert \|\n\| 13:21Z              \| Rollback \|/);
  });
});

describe('timeline/not-utc in a declared zone: the fix is offered on each entry too', () => {
  it('lists every converted entry line in fixesAlsoAt', () => {
    const text = doc('timezone: Europe/Berlin\n', '- 2026-11-20 14:09 a\n- 14:21 b\n- 2026-11-20 14:30Z c\n');
    const [d] = lintText(text, { rules: TIME_RULES, now }).diagnostics.filter((x) => x.code === 'timeline/not-utc');
    assert.equal(d.range.start.line, 7);
    assert.deepEqual(d.fixesAlsoAt!.map((r) => r.start.line), [9, 10]);
  });
});

describe('a timeline table headed with its zone ("Time (PDT)") and no `timezone:`: both rules offer the zone the header names', () => {
  const table = (header: string) => doc('', `| ${header} | Event |\n|---|---|\n| 2026-07-20 19:30 | [detected] Alert fired |\n| 2026-07-20 20:00 | [mitigated] Rolled back |\n`);
  const all = (text: string, writerZone: string) => lintText(text, { rules: TIME_RULES, now, writerZone }).diagnostics;

  for (const writerZone of ['Europe/Berlin', 'America/Los_Angeles', 'Asia/Tokyo']) {
    it(`Time (PDT) with the writer in ${writerZone}: utc-or-local offers America/Los_Angeles, as zone-note does`, () => {
      const text = table('Time (PDT)');
      const found = all(text, writerZone);
      const note = found.find((d) => d.code === 'timeline/zone-note');
      assert.deepEqual(note?.fixes?.map((f) => f.title), ['Set timezone: America/Los_Angeles in the front matter']);
      const [d] = found.filter((x) => x.code === 'timeline/utc-or-local');
      assert.match(d.message, /while you write in [A-Za-z_/]+ \(the time column's header "Time \(PDT\)" says America\/Los_Angeles\)/);
      const titles = d.fixes!.map((f) => f.title);
      const la = d.fixes!.find((f) => f.title.startsWith('These are America/Los_Angeles'));
      assert.ok(la, titles.join(' | '));
      assert.equal(titles.filter((t) => t.startsWith('These are America/Los_Angeles')).length, 1, 'offered once, also when it is the writer\'s zone');
      const fixed = applyEdits(text, la.edits).text;
      assert.match(fixed, /^timezone: America\/Los_Angeles$/m);
      // 19:30 PDT (UTC−7 in July) is 02:30Z the next day.
      assert.deepEqual(instants(fixed), ['2026-07-21T02:30', '2026-07-21T03:00']);
    });
  }

  it('Time (CET) offers Europe/Berlin, and an IANA name in the header is offered as written', () => {
    for (const [header, zone] of [['Time (CET)', 'Europe/Berlin'], ['Time (Asia/Tokyo)', 'Asia/Tokyo']]) {
      const found = all(table(header), 'America/New_York');
      const d = found.find((x) => x.code === 'timeline/utc-or-local')!;
      assert.ok(d.fixes!.some((f) => f.title.startsWith(`These are ${zone}, as "${header}" says: convert 2 to UTC and set timezone: ${zone}`)), d.fixes!.map((f) => f.title).join(' | '));
      assert.deepEqual(found.find((x) => x.code === 'timeline/zone-note')?.fixes?.map((f) => f.title), [`Set timezone: ${zone} in the front matter`]);
    }
  });

  it('Time (IST) is ambiguous: neither rule guesses a zone, both say why', () => {
    const found = all(table('Time (IST)'), 'Europe/Berlin');
    const note = found.find((d) => d.code === 'timeline/zone-note')!;
    assert.equal(note.fixes, undefined);
    assert.match(note.message, /"IST" is used for more than one zone \(Asia\/Kolkata, Europe\/Dublin, Asia\/Jerusalem\), so no fix picks one: set `timezone:` to the one you mean/);
    const d = found.find((x) => x.code === 'timeline/utc-or-local')!;
    assert.match(d.message, /the time column's header "Time \(IST\)" names no one zone: "IST" is used for more than one zone/);
    assert.deepEqual(d.fixes!.map((f) => f.title.split(':')[0]), ['These are UTC', 'These are Europe/Berlin']);
  });
});

describe('a note "(all times in PST/PDT)" in the Timeline', () => {
  it('is quoted without the closing parenthesis, and both rules offer America/Los_Angeles', () => {
    const text = doc('', '_(all times in PST/PDT)_\n\n- 2026-07-20 19:30 [detected] Alert fired\n- 20:00 [mitigated] Rolled back\n');
    const found = lintText(text, { rules: TIME_RULES, now, writerZone: 'Europe/Berlin' }).diagnostics;
    const note = found.find((d) => d.code === 'timeline/zone-note')!;
    assert.match(note.message, /match the note "all times in PST\/PDT", found no `timezone`/);
    assert.deepEqual(note.fixes?.map((f) => f.title), ['Set timezone: America/Los_Angeles in the front matter']);
    const d = found.find((x) => x.code === 'timeline/utc-or-local')!;
    assert.match(d.message, /\(the note "all times in PST\/PDT" says America\/Los_Angeles\)/);
    assert.ok(d.fixes!.some((f) => f.title.startsWith('These are America/Los_Angeles, as "all times in PST/PDT" says: convert 2 to UTC')), d.fixes!.map((f) => f.title).join(' | '));
  });
});

describe('a Timeline note names a zone only by the zone tables\' own entries (hostile words)', () => {
  it('"All times constructor" or "__proto__" is no zone note: both zone rules run (they failed with internal/rule-error) and no fix names Object\'s constructor', () => {
    for (const word of ['constructor', '__proto__']) {
      const text = doc('', `All times ${word}\n\n- 2026-11-01 10:00 [detected] alert\n- 2026-11-01 10:30 [resolved] done\n`);
      const diagnostics = lintText(text, { rules: TIME_RULES, now, writerZone: 'Europe/Berlin' }).diagnostics;
      assert.ok(!diagnostics.some((d) => d.code === 'timeline/zone-note' || d.code.startsWith('internal/')), diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
      assert.ok(diagnostics.some((d) => d.code === 'timeline/utc-or-local'), `${word}: the zone-less times are still asked about`);
      assert.ok(!diagnostics.some((d) => (d.fixes ?? []).some((f) => /function|native code/.test(f.title))), word);
    }
  });

  it('"All times PST" and "All times CET/CEST" still name their zones', () => {
    for (const [note, zone] of [['PST', 'America/Los_Angeles'], ['CET/CEST', 'Europe/Berlin']]) {
      const text = doc('', `All times ${note}\n\n- 2026-11-01 10:00 [detected] alert\n`);
      const noteDiagnostic = lintText(text, { rules: TIME_RULES, now }).diagnostics.find((d) => d.code === 'timeline/zone-note');
      assert.ok(noteDiagnostic?.fixes?.some((f) => f.title === `Set timezone: ${zone} in the front matter`), `${note}: ${noteDiagnostic?.fixes?.map((f) => f.title).join(', ')}`);
    }
  });
});
