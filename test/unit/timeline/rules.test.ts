import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { resolveConfig } from '../../../src/core/config/resolve';
import { parsePostmortem } from '../../../src/core/document/parse';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { fixAll } from '../../../src/core/fix/fixAll';
import { lintText } from '../../../src/core/lint/engine';
import { TIME_RULES } from '../../../src/core/rules/timeRules';
import { formatUtcDate } from '../../../src/core/time/zones';
import type { Diagnostic } from '../../../src/core/types';

const options = { rules: TIME_RULES, now: new Date('2026-11-27T12:00:00Z') };

function doc(frontMatter: string, body: string): string {
  return `---\ntype: postmortem\ntitle: T\n${frontMatter}---\n# T\n\n## Timeline\n\n${body}`;
}

function diagnostics(text: string, code: string) {
  return lintText(text, options).diagnostics.filter((d) => d.code === code);
}

function instantsOf(text: string): (number | undefined)[] {
  return parsePostmortem(text).timeline.map((e) => e.instant);
}

describe('time and timeline rules', () => {
  it('converts a front-matter offset to UTC and keeps the quotes', () => {
    const text = doc("started_at: '2026-11-20T15:58:00+02:00'\n", '- 2026-11-20 14:00Z a\n');
    const [d] = diagnostics(text, 'time/not-utc');
    assert.equal(d.message, 'Expected `started_at` in UTC, like 2026-11-20T13:58:00Z, found 2026-11-20T15:58:00+02:00 (offset +02:00)');
    assert.match(fixAll(text, options).text, /started_at: '2026-11-20T13:58:00Z'/);
  });

  it('orders the incident times and points at the value out of order with the others, those as related (trial19c F2)', () => {
    const text = doc('started_at: 2026-11-20T14:00:00Z\ndetected_at: 2026-11-20T13:00:00Z\nmitigated_at: 2026-11-20T13:30:00Z\n', '');
    const found = diagnostics(text, 'time/order');
    assert.equal(found.length, 1, 'one wrong value gives one diagnostic');
    assert.equal(found[0].range.start.line, 3, 'started_at is after both detected_at and mitigated_at: it is the one named');
    assert.deepEqual(found[0].related?.map((r) => r.range.start.line), [4, 5]);
    assert.match(found[0].message, /^Expected `started_at` at or before `detected_at` \(2026-11-20T13:00:00Z\) and `mitigated_at` \(2026-11-20T13:30:00Z\), found 2026-11-20T14:00:00Z: it is the value out of order with the others, so list and the metrics leave it out$/);
  });

  it('a plain pair out of order: the later key, the earlier as related, and neither used', () => {
    const text = doc('started_at: 2026-11-20T12:00:00Z\ndetected_at: 2026-11-20T13:00:00Z\nmitigated_at: 2026-11-20T12:30:00Z\n', '');
    const found = diagnostics(text, 'time/order');
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, 5);
    assert.equal(found[0].related?.[0].range.start.line, 4);
    assert.match(found[0].message, /nothing tells which of the two is wrong .*so list and the metrics use neither$/);
  });

  it('keeps a table aligned when it rewrites a time cell', () => {
    const text = doc('', '| Time          | Event |\n|---------------|-------|\n| 2:09 PM PST   | alert |\n| 2026-11-20 23:30 PST | late |\n');
    const fixed = fixAll(`${text}`.replace('title: T\n', 'title: T\nstarted_at: 2026-11-20T22:00:00Z\n'), options).text;
    assert.match(fixed, /\| 22:09Z        \| alert \|/);
    // Wider than the cell was: the stamp is shorter than "2026-11-20 23:30 PST", so it is padded.
    assert.match(fixed, /\| 2026-11-21 07:30Z    \| late \|/);
  });

  it('does not report zones in a UTC document, nor entries written in UTC', () => {
    const text = doc('started_at: 2026-11-20T13:58:00Z\n', '- **16:58 UTC** - a\n- 17:00 b\n- 17:05Z c\n- 17:06 GMT d\n- 17:07 +00:00 e\n');
    assert.deepEqual(diagnostics(text, 'timeline/not-utc'), []);
  });

  it('says once that time-only entries have no date, not once per entry', () => {
    const found = diagnostics(doc('', '- 14:09Z a\n- 14:10Z b\n- 14:11Z c\n'), 'timeline/unparseable');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /2 more time-only entries follow it/);
  });

  it('points at what does not exist: the date 2026-02-30, the seconds of 23:59:60', () => {
    const text = doc('', '- 2026-02-30 10:00Z impossible date\n- 2026-11-01T23:59:60Z leap second\n');
    const found = diagnostics(text, 'timeline/unparseable');
    const lines = text.split('\n');
    const marked = found.map((d) => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character));
    assert.deepEqual(marked, ['2026-02-30', '60']);
    assert.equal(found[0].message, '2026-02-30 does not exist: February 2026 has 28 days');
    assert.match(found[1].message, /^Expected seconds from 00 to 59, found "60"/);
    assert.deepEqual(instantsOf(text), [undefined, undefined], 'not rolled over to March 2');
  });

  it('skips note lists without times, and says once when no entry has a time', () => {
    const mixed = doc('', '- 2026-11-20 10:00Z a\n- no time here\n\n### Contributing factors\n\n* pool too small\n* retries\n');
    assert.deepEqual(diagnostics(mixed, 'timeline/unparseable').map((d) => d.range.start.line), [9]);
    const prose = diagnostics(doc('', '- **Jun 4, 2025**: released\n- **Jun 5, 2025**: reverted\n'), 'timeline/unparseable');
    assert.equal(prose.length, 1);
    assert.match(prose[0].message, /found none in 2 entries/);
  });

  it('asks for `timezone` when the timeline says "All times PST", and only then', () => {
    const noted = doc('started_at: 2026-11-20T22:00:00Z\n', 'All times are in PST.\n\n- 14:00 a\n');
    const [d] = diagnostics(noted, 'timeline/zone-note');
    assert.equal(d.fixes?.[0].isPreferred, undefined);
    const fixed = applyEdits(noted, d.fixes![0].edits).text;
    assert.match(fixed, /timezone: America\/Los_Angeles\n---/);
    assert.equal(formatUtcDate(instantsOf(fixed)[0]!), '2026-11-20');
    assert.deepEqual(diagnostics(fixed, 'timeline/zone-note'), []);
    const prose = doc('started_at: 2026-11-20T22:00:00Z\n', 'We restarted it 3 times in PST business hours.\n\n- 14:00 a\n');
    assert.deepEqual(diagnostics(prose, 'timeline/zone-note'), []);
    const utc = doc('started_at: 2026-11-20T22:00:00Z\n', '**All times UTC**\n\n- 14:00 a\n');
    assert.deepEqual(diagnostics(utc, 'timeline/zone-note'), []);
  });

  it('compares each entry with its neighbour: one mistyped time is one diagnostic', () => {
    const text = doc('', '- 2026-11-20 10:00Z a\n- 2026-11-19 10:05Z typo\n- 2026-11-20 10:10Z b\n- 10:20Z c\n');
    const found = diagnostics(text, 'timeline/out-of-order');
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, 9);
    assert.equal(found[0].message, 'Expected a time at or after 2026-11-20 10:00Z (the entry on line 9), found 2026-11-19 10:05Z');
  });

  it('honours timelineMarginMinutes and is only information', () => {
    const text = doc('started_at: 2026-11-20T12:00:00Z\nresolved_at: 2026-11-20T13:00:00Z\n', '- 2026-11-20 10:30Z deploy\n- 2026-11-20 12:30Z a\n');
    assert.equal(diagnostics(text, 'timeline/outside-window').length, 0);
    const strict = { ...options, config: resolveConfig({ timelineMarginMinutes: 60 }) };
    const found = lintText(text, strict).diagnostics.filter((d) => d.code === 'timeline/outside-window');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'info');
    assert.match(found[0].message, /no more than 1 hour before `started_at`/);
  });

  it('grades a missing milestone by status', () => {
    const body = '- 2026-11-20 10:30Z [detected] [mitigated] a\n';
    const severities = (status: string) => diagnostics(doc(`status: ${status}\n`, body), 'timeline/missing-milestone').map((d) => d.severity);
    assert.deepEqual(severities('draft'), ['info']);
    assert.deepEqual(severities('published'), ['warning']);
  });

  it('offers the front-matter update for a mismatched milestone, but not as a silent fix', () => {
    const text = doc('detected_at: 2026-11-20T10:00:00Z\n', '- 2026-11-20 10:30Z [detected] a\n');
    const [d] = diagnostics(text, 'timeline/milestone-mismatch');
    assert.equal(d.fixes?.[0].isPreferred, undefined);
    assert.equal(applyEdits(text, d.fixes![0].edits).text.includes('detected_at: 2026-11-20T10:30:00Z'), true);
    assert.equal(fixAll(text, options).text, text);
  });

  describe('timeline/not-utc fixes keep every instant', () => {
    const zones = ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Lord_Howe'];
    // Entries a few minutes to ~9 hours apart, some dated, some with written zones, around DST changes.
    const timeline = fc.record({
      zone: fc.constantFrom(...zones),
      start: fc.constantFrom(Date.UTC(2026, 2, 7, 20), Date.UTC(2026, 2, 28, 22), Date.UTC(2026, 9, 31, 23), Date.UTC(2026, 3, 4, 14)),
      steps: fc.array(fc.record({ gap: fc.integer({ min: 1, max: 540 }), dated: fc.boolean(), written: fc.constantFrom(undefined, 'PST', 'CET', '+09:00', 'Z') }), { minLength: 1, maxLength: 12 }),
    });

    function render(t: { zone: string; start: number; steps: { gap: number; dated: boolean; written?: string }[] }): string {
      let at = t.start;
      const lines = t.steps.map((s, i) => {
        at += s.gap * 60000;
        const offset = s.written === undefined ? localOffset(t.zone, at) : ({ PST: -480, CET: 60, '+09:00': 540, Z: 0 } as Record<string, number>)[s.written];
        const local = new Date(at + offset * 60000);
        const hhmm = local.toISOString().slice(11, 16);
        const date = i === 0 || s.dated ? `${formatUtcDate(local.getTime())} ` : '';
        return `- ${date}${hhmm}${s.written ? ` ${s.written}` : ''} entry ${i}`;
      });
      return doc(`timezone: ${t.zone}\nstarted_at: ${new Date(t.start).toISOString().replace('.000', '')}\n`, `${lines.join('\n')}\n`);
    }

    it('with all fixes applied, and with each fix applied alone', () => {
      fc.assert(fc.property(timeline, (t) => {
        const text = render(t);
        const before = instantsOf(text);
        fc.pre(before.every((i) => i !== undefined));
        const found = diagnostics(text, 'timeline/not-utc');
        for (const d of found) {
          assert.deepEqual(instantsOf(applyEdits(text, d.fixes![0].edits).text), before, `fix on line ${d.range.start.line + 1} alone:\n${text}`);
          // `PST` in summer: the other reading (the clock then in force) moves that entry alone, by the hour between them.
          if (d.fixes!.length < 2) continue;
          const other = instantsOf(applyEdits(text, d.fixes![1].edits).text);
          const moved: number[] = other.flatMap((x, i): number[] => (x === before[i] ? [] : [i]));
          assert.equal(moved.length, 1, `the clock's reading on line ${d.range.start.line + 1} moves one entry:\n${text}`);
          assert.equal(Math.abs(other[moved[0]]! - before[moved[0]]!), 3_600_000);
        }
        const fixed = fixAll(text, options).text;
        assert.deepEqual(instantsOf(fixed), before, `all fixes:\n${text}\n→\n${fixed}`);
        // Left only: conversions resting on a next-day reading that looks like a typo (timeline/next-day warns there),
        // or on the day of a time after an entry in another zone when that day is in doubt (timeline/carried-date warns).
        const left = diagnostics(fixed, 'timeline/not-utc');
        // Or an abbreviation out of season (`PST` in summer): both readings offered, none chosen.
        const choice = (d: Diagnostic) => / was not in force on /.test(d.message) && d.fixes!.length === 2 && d.fixes!.every((f) => !f.isPreferred);
        assert.ok(left.every((d) => choice(d) || d.fixes?.every((f) => !f.isPreferred && /(the next day|the day of the entry above|after entries written in another zone).*not applied by Fix All/.test(f.title))), `nothing left to convert:\n${fixed}`);
        if (left.some((d) => !choice(d))) assert.ok([...diagnostics(fixed, 'timeline/next-day'), ...diagnostics(fixed, 'timeline/carried-date')].some((d) => d.severity === 'warning'), `the reading held back is warned about:\n${fixed}`);
      }), { numRuns: 150, seed: 20261127 });
    });
  });
});

function localOffset(zone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(ms));
  const p: Record<string, number> = {};
  for (const x of parts) if (x.type !== 'literal') p[x.type] = Number(x.value);
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(ms / 60000) * 60000) / 60000);
}
