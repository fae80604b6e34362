import { strict as assert } from 'node:assert';
import { parsePostmortem } from '../../../src/core/document/parse';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { fixAll } from '../../../src/core/fix/fixAll';
import { lintText } from '../../../src/core/lint/engine';
import { TIME_RULES } from '../../../src/core/rules/timeRules';
import { ALL_RULES } from '../../../src/core/rules';
import { parseEntryText } from '../../../src/core/timeline/entryGrammar';

/**
 * Trial 16a: times read wrong without a word. F18: real zone abbreviations the tools did not know
 * (`IRST`, `IDT`, `GST`, `AFT`, `AZT`, `BDT`) were taken as text and the time read in the document's
 * zone; F5: a spaced short offset (`10:20 -02`) likewise, and `--fix` left `13:20Z -02`; F8: `--fix`
 * dropped a log's fraction of a second and left `Z,250`; F6: `--fix` copied an out-of-season
 * reading into the front matter while the entry itself waited for the writer's choice.
 */
const options = { rules: TIME_RULES, now: new Date('2027-02-01T12:00:00Z') };
const doc = (zone: string, body: string, extra = '') => `---\ntype: postmortem\ntitle: T\nstatus: draft\ntimezone: ${zone}\n${extra}---\n# T\n\n## Timeline\n\n${body}`;
const found = (text: string, code: string) => lintText(text, options).diagnostics.filter((d) => d.code === code);
const instants = (text: string) => parsePostmortem(text).timeline.map((e) => (e.instant === undefined ? undefined : new Date(e.instant).toISOString().slice(0, 19)));

describe('zone abbreviations only the time-zone data knows (trial16a F18)', () => {
  it('IRST, IDT, AFT, AZT, BDT under timezone: UTC are read in their zone and said, never read as UTC', () => {
    const text = doc('UTC', '- 2026-11-10 14:30 IRST [detected] b\n- 2026-11-10 15:00 IDT e\n- 2026-11-10 15:10 AFT f\n- 2026-11-10 15:40 AZT i\n- 2026-11-10 14:50 BDT d\n');
    assert.deepEqual(instants(text), ['2026-11-10T11:00:00', '2026-11-10T12:00:00', '2026-11-10T10:40:00', '2026-11-10T11:40:00', '2026-11-10T08:50:00']);
    const said = found(text, 'timeline/not-utc').map((d) => d.message);
    assert.equal(said[0], 'Expected a UTC time, like 2026-11-10 11:00Z, found 2026-11-10 14:30 IRST (IRST read as Iran Standard Time (UTC+3:30), Asia/Tehran\'s clock in the time-zone data (tzdata until 2017))');
    assert.match(said[1], /\(IDT read as Israel Daylight Time \(UTC\+3\), Asia\/Jerusalem's clock/);
    assert.equal(said.length, 5);
    const fixed = fixAll(text, options).text;
    assert.match(fixed, /- 2026-11-10 11:00Z \[detected\] b\n- 2026-11-10 12:00Z e\n/);
    assert.doesNotMatch(fixed, /Z (IRST|IDT|AFT|AZT|BDT)/, 'no zone left beside a converted time');
  });

  it('GST (the Gulf, South Georgia, Guam) is reported with a fix per meaning, none preferred; a Dubai document reads it as UTC+4', () => {
    const text = doc('UTC', '- 2026-11-10 14:40 GST c\n');
    assert.deepEqual(instants(text), [undefined]);
    const [d] = found(text, 'timeline/unparseable');
    assert.match(d.message, /found "GST" \(South Georgia Time \(UTC−2\), Gulf Standard Time \(UTC\+4\) or Chamorro Standard Time \(UTC\+10\)\)/);
    assert.deepEqual(d.fixes!.map((f) => [f.title, f.isPreferred]), [
      ['Write the offset of South Georgia Time (UTC−2): 2026-11-10 14:40 UTC-02:00', false],
      ['Write the offset of Gulf Standard Time (UTC+4): 2026-11-10 14:40 UTC+04:00', false],
      ['Write the offset of Chamorro Standard Time (UTC+10): 2026-11-10 14:40 UTC+10:00', false],
    ]);
    assert.deepEqual(instants(applyEdits(text, d.fixes![1].edits).text), ['2026-11-10T10:40:00']);
    assert.equal(fixAll(text, options).text, text, 'lint --fix chooses none');
    assert.deepEqual(instants(doc('Asia/Dubai', '- 2026-11-10 14:40 GST c\n')), ['2026-11-10T10:40:00']);
  });

  it('IST under timezone: UTC now offers India, Ireland and Israel as fixes (before: said, with no fix)', () => {
    const [d] = found(doc('UTC', '- 2026-11-10 16:00 IST j\n'), 'timeline/unparseable');
    assert.deepEqual(d.fixes!.map((f) => f.title), [
      'Write the offset of India Standard Time (UTC+5:30): 2026-11-10 16:00 UTC+05:30',
      'Write the offset of Irish Standard Time (UTC+1): 2026-11-10 16:00 UTC+01:00',
      'Write the offset of Israel Standard Time (UTC+2): 2026-11-10 16:00 UTC+02:00',
    ]);
  });

  it('a capital zone-shaped word no data names is said "not read as a zone"; GET, ALERT and known names are not', () => {
    const text = doc('UTC', '- 2026-11-10 14:30 XKT [detected] b\n- 14:35 GET /health 500\n- 14:36 ALERT fired\n- 14:40 API down\n- 14:50 IRST x\n');
    const said = found(text, 'timeline/unknown-zone-word');
    assert.equal(said.length, 1);
    assert.equal(said[0].severity, 'info');
    assert.equal(said[0].message, 'Expected a time zone the tools know after the time, found "XKT": not read as a zone, so 2026-11-10 14:30 is read in UTC; if XKT is the zone meant, write the UTC time or an offset (like 2026-11-10 14:30 UTC+03:00)');
    assert.equal(said[0].range.start.character, 19);
  });
});

describe('a spaced short offset after a time (trial16a F5)', () => {
  it('`10:20 -02 [detected]` is read as UTC−2 in São Paulo and under UTC, and --fix leaves no `-02` behind', () => {
    const body = '- 2026-11-10 10:00 [started] x\n- 10:20 -02 [detected] y\n- 10:30 -0200 [mitigated] z\n- 10:40 +05 - w\n';
    for (const zone of ['America/Sao_Paulo', 'UTC']) {
      const text = doc(zone, body);
      assert.deepEqual(instants(text).slice(1), ['2026-11-10T12:20:00', '2026-11-10T12:30:00', '2026-11-10T05:40:00'], zone);
      const fixed = fixAll(text, options).text;
      assert.match(fixed, /- 12:20Z \[detected\] y\n/, zone);
      assert.doesNotMatch(fixed, /Z -02/, zone);
    }
  });

  it('before a word, `-02 nodes` is asked (no time read); `+10 nodes` stays text, as before', () => {
    assert.match(parseEntryText('10:20 -02 nodes down').stampProblem ?? '', /^Expected either a UTC offset or the entry's text after the time, found "-02" before a word: write "UTC-02:00"/);
    const plus = parseEntryText('14:05 +10 nodes');
    assert.equal(plus.stamp?.zone, undefined);
    assert.equal(plus.description, '+10 nodes');
  });
});

describe('fractions of a second (trial16a F8)', () => {
  it('--fix keeps `.512` and turns `,250` into `.250` after the converted time: no `Z,250` debris', () => {
    const text = doc('America/New_York', '- 2026-11-10 14:00 [started] a\n- 14:15:07.512 n\n- 14:16:07,250 o\n- 14:17:00.999Z p\n');
    assert.equal(parseEntryText('14:16:07,250 o').stamp?.fraction, '250');
    assert.equal(parseEntryText('14:16:07,250 o').description, 'o');
    const fixed = fixAll(text, options).text;
    assert.match(fixed, /- 2026-11-10 19:00Z \[started\] a\n- 19:15:07\.512Z n\n- 19:16:07\.250Z o\n- 14:17:00\.999Z p\n/);
    assert.deepEqual(instants(fixed), instants(text), 'every instant kept');
  });
});

describe('--fix and the front matter while an entry\'s reading is open (trial16a F6)', () => {
  it('10:20 BST in a London December: detected_at is offered, named as one reading, and not copied by --fix', () => {
    const text = doc('Europe/London', '- 2026-12-03 09:00Z [started] x\n- 10:20 BST [detected] y\n- 10:40Z [mitigated] z\n');
    const lint = lintText(text, { ...options, rules: ALL_RULES });
    const [info] = lint.diagnostics.filter((d) => d.code === 'timeline/milestone-mismatch' && /detected_at/.test(d.message));
    assert.match(info.message, /; not copied by --fix while the entry's reading is open: BST was not in force on 2026-12-03 in Europe\/London; clocks there showed GMT \(UTC\+0\)/);
    assert.equal(info.fixes![0].isPreferred, undefined);
    assert.match(info.fixes![0].title, /^Set detected_at to 2026-12-03T09:20:00Z .*; as read now, which is one reading: BST was not in force/);
    const fixed = fixAll(text, { ...options, rules: ALL_RULES }).text;
    assert.match(fixed, /\nstarted_at: 2026-12-03T09:00:00Z\n/, 'the others are copied');
    assert.doesNotMatch(fixed, /detected_at/);
  });

  it('CST read as US Central because nothing chose: detected_at is not copied either', () => {
    const text = doc('UTC', '- 2026-12-03 09:00Z [started] x\n- 2026-12-03 10:20 CST [detected] y\n');
    const fixed = fixAll(text, { ...options, rules: ALL_RULES }).text;
    assert.doesNotMatch(fixed, /detected_at/);
    assert.match(fixed, /\nstarted_at: /);
  });
});
