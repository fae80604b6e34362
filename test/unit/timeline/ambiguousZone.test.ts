import { strict as assert } from 'node:assert';
import { parsePostmortem } from '../../../src/core/document/parse';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { fixAll } from '../../../src/core/fix/fixAll';
import { lintText } from '../../../src/core/lint/engine';
import { TIME_RULES } from '../../../src/core/rules/timeRules';

/**
 * `CST` and `BST` inside timeline entries: US Central or China, British summer time or Bangladesh.
 * A writer in Shanghai or Dhaka whose `timezone:` does not say so once got times 14 or 5 hours off
 * without a word; now the reading taken is said on the entry, with a fix per meaning.
 */
const options = { rules: TIME_RULES, now: new Date('2026-11-27T12:00:00Z') };
const doc = (frontMatter: string, body: string) => `---\ntype: postmortem\ntitle: T\n${frontMatter}---\n# T\n\n## Timeline\n\n${body}`;
const said = (text: string) => lintText(text, options).diagnostics.filter((d) => d.code === 'timeline/ambiguous-zone');
const instants = (text: string) => parsePostmortem(text).timeline.map((e) => (e.instant === undefined ? undefined : new Date(e.instant).toISOString().slice(0, 16)));

describe('timeline/ambiguous-zone: CST, BST and IST written on an entry', () => {
  it('says which reading "14:05 CST" took when `timezone:` does not choose, naming China time and the 14 hours between', () => {
    const text = doc('timezone: UTC\n', '- 2026-11-20 14:05 CST Alerts fire\n');
    assert.deepEqual(instants(text), ['2026-11-20T20:05'], 'read as US Central, as before');
    const [d, ...more] = said(text);
    assert.equal(more.length, 0);
    assert.equal(d.severity, 'warning');
    assert.equal(d.range.start.line, 9);
    assert.equal(d.message, 'Expected a zone with one meaning after the time, found "CST": read as US Central Standard Time (UTC−6), its usual meaning (`timezone: UTC` is none of its regions); if China Standard Time (UTC+8) or Australian Central Standard Time (UTC+9:30) is meant, write the offset meant (2026-11-20 14:05 UTC-06:00 or 2026-11-20 14:05 UTC+08:00 or 2026-11-20 14:05 UTC+09:30), or set `timezone` to the zone meant');
    assert.deepEqual(d.fixes!.map((f) => [f.title, f.isPreferred]), [
      ['Write the offset of US Central Standard Time (UTC−6): 2026-11-20 14:05 UTC-06:00', false],
      ['Write the offset of China Standard Time (UTC+8): 2026-11-20 14:05 UTC+08:00', false],
      ['Write the offset of Australian Central Standard Time (UTC+9:30): 2026-11-20 14:05 UTC+09:30', false],
    ]);
    // Each fix settles it: the entry reads at that meaning's instant and nothing is said any more.
    const china = applyEdits(text, d.fixes![1].edits).text;
    assert.match(china, /^- 2026-11-20 14:05 UTC\+08:00 Alerts fire$/m);
    assert.deepEqual(instants(china), ['2026-11-20T06:05']);
    assert.deepEqual(said(china), []);
    const us = applyEdits(text, d.fixes![0].edits).text;
    assert.deepEqual(instants(us), ['2026-11-20T20:05']);
    assert.deepEqual(said(us), []);
  });

  it('leaves a guessed reading out of Fix All: the entry is not converted to UTC on the guess', () => {
    const text = doc('timezone: UTC\n', '- 2026-11-20 14:00Z Deploy\n- 2026-11-20 14:05 CST Alerts fire\n- 2026-11-20 14:10 CET Paged\n');
    const notUtc = lintText(text, options).diagnostics.filter((d) => d.code === 'timeline/not-utc' && d.range.start.line === 10);
    assert.equal(notUtc[0].fixes![0].title, 'Convert from CST, read as US Central Standard Time (UTC−6), to UTC: 2026-11-20 20:05Z');
    assert.equal(notUtc[0].fixes![0].isPreferred, false);
    const fixed = fixAll(text, options).text;
    assert.match(fixed, /^- 2026-11-20 14:05 CST Alerts fire$/m, 'kept as written');
    assert.match(fixed, /^- 2026-11-20 13:10Z Paged$/m, 'a zone with one meaning is still converted');
  });

  it('reads CST as China time, silently, when `timezone:` is in China or has its offset', () => {
    for (const zone of ['Asia/Shanghai', 'Asia/Taipei', '"+08:00"', 'HKT']) {
      const text = doc(`timezone: ${zone}\n`, '- 2026-11-20 14:05 CST Alerts fire\n');
      assert.deepEqual(instants(text), ['2026-11-20T06:05'], zone);
      assert.deepEqual(said(text), [], zone);
    }
    // And as US Central in Chicago, silently too.
    const chicago = doc('timezone: America/Chicago\n', '- 2026-11-20 14:05 CST Alerts fire\n');
    assert.deepEqual(instants(chicago), ['2026-11-20T20:05']);
    assert.deepEqual(said(chicago), []);
  });

  it('reads BST as Bangladesh time in Dhaka, and says the British reading it takes without a `timezone:`, in a table too', () => {
    const dhaka = doc('timezone: Asia/Dhaka\n', '- 2026-07-20 14:05 BST Alerts fire\n');
    assert.deepEqual(instants(dhaka), ['2026-07-20T08:05']);
    assert.deepEqual(said(dhaka), []);
    const table = doc('', '| Time | Event |\n|---|---|\n| 2026-07-20 14:05 (BST) | Alerts fire |\n');
    assert.deepEqual(instants(table), ['2026-07-20T13:05']);
    const [d] = said(table);
    assert.match(d.message, /found "BST": read as British Summer Time \(UTC\+1\), its usual meaning \(the front matter has no `timezone` to say which\); if Bangladesh Standard Time \(UTC\+6\) is meant, the time is 5 hours earlier than read;/);
    const fixed = applyEdits(table, d.fixes![1].edits).text;
    assert.match(fixed, /^\| 2026-07-20 14:05 \(UTC\+06:00\) \| Alerts fire \|$/m);
    assert.deepEqual(instants(fixed), ['2026-07-20T08:05']);
  });

  it('reads BST under `timezone: BST` as the zone-less times are (British; ICU calls BST Dhaka), and says so', () => {
    const text = doc('timezone: BST\n', '- 2026-07-20 14:05 Deploy\n- 2026-07-20 14:05 BST Alerts fire\n');
    assert.deepEqual(instants(text), ['2026-07-20T13:05', '2026-07-20T13:05']);
    assert.match(said(text)[0].message, /read as British Summer Time \(UTC\+1\), as `timezone: BST` is read; if Bangladesh Standard Time \(UTC\+6\) is meant/);
  });

  it('says IST under `timezone: IST` (India, as the zone-less times), naming Ireland and Israel, a fix each', () => {
    const text = doc('timezone: IST\n', '- 2026-07-20 14:05 IST Alerts fire\n');
    assert.deepEqual(instants(text), ['2026-07-20T08:35']);
    const [d] = said(text);
    assert.match(d.message, /read as India Standard Time \(UTC\+5:30\), as `timezone: IST` is read; if Irish Standard Time \(UTC\+1\) or Israel Standard Time \(UTC\+2\) is meant, write the offset meant/);
    assert.equal(d.fixes!.length, 3);
    // IST in Europe/Berlin is still not read at all (no usual meaning): reported by timeline/unparseable.
    assert.equal(parsePostmortem(doc('timezone: Europe/Berlin\n', '- 2026-07-20 14:05 IST x\n')).timeline[0].instant, undefined);
  });

  it('writes the offset on both ends of a range, which then reads as the same range', () => {
    const text = doc('timezone: UTC\n', '- 2026-11-20 14:20 CST-14:30 CST window\n');
    const [d] = said(text);
    const fixed = applyEdits(text, d.fixes![1].edits).text;
    const [entry] = parsePostmortem(fixed).timeline;
    assert.equal(new Date(entry.instant!).toISOString().slice(0, 16), '2026-11-20T06:20');
    assert.equal(new Date(entry.rangeEndInstant!).toISOString().slice(0, 16), '2026-11-20T06:30');
    assert.deepEqual(said(fixed), []);
  });
});

describe('timeline/ambiguous-zone: Australian CST, CDT, EST, EDT (trial 13a F7)', () => {
  const doc = (zone: string, stamp: string) => `---\ntype: postmortem\ntitle: x\nstatus: draft\nstarted_at: 2026-12-05T22:00:00Z\ntimezone: ${zone}\n---\n\n# X\n\n## Timeline\n\n- ${stamp} [detected] alert\n`;
  const instantOf = (text: string) => parsePostmortem(text).timeline[0].instant;
  it('reads them as Australian times in an Australian post-mortem (an Adelaide 09:00 CST was read as Chicago time, 15.5 h off)', () => {
    assert.equal(instantOf(doc('Australia/Adelaide', '2026-12-06 09:00 CST')), Date.UTC(2026, 11, 5, 23, 30));
    assert.equal(instantOf(doc('Australia/Adelaide', '2026-12-06 09:20 CDT')), Date.UTC(2026, 11, 5, 22, 50));
    assert.equal(instantOf(doc('Australia/Sydney', '2026-12-06 09:00 EST')), Date.UTC(2026, 11, 5, 23, 0));
    assert.equal(instantOf(doc('Australia/Sydney', '2026-12-06 09:00 EDT')), Date.UTC(2026, 11, 5, 22, 0));
  });
  it('keeps the US reading, unasked, in a North American post-mortem', () => {
    assert.equal(instantOf(doc('America/New_York', '2026-12-06 09:00 CDT')), Date.UTC(2026, 11, 6, 14, 0));
    const codes = lintText(doc('America/New_York', '2026-12-06 09:00 EST'), { now: new Date('2026-12-07T00:00:00Z') }).diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('timeline/ambiguous-zone'), codes.join(' '));
  });
});
