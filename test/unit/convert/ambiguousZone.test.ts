import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem } from '../../../src/core/import/convert';

/**
 * An original whose times say `CST`, `BST` or `IST` is read in the abbreviation's usual meaning (US
 * Central, British summer time, India). Written in Shanghai or Dhaka that is 14 or 5 hours off, and
 * the conversion said nothing: now it says the meaning taken and the others, once per abbreviation.
 */
const original = (zone: string) => ['# DB outage', '', '## Timeline', '', `- 2026-11-20 14:05 ${zone} - Alerts fire`, `- 2026-11-20 14:30 ${zone} - Rolled back`, ''].join('\n');
const flags = (text: string, writer = 'UTC') => convertPostmortem(text, { defaultZone: writer }).diagnostics.filter((d) => d.code === 'convert/ambiguous-zone');
const instants = (text: string) => parsePostmortem(convertPostmortem(text, { defaultZone: 'UTC' }).text).timeline.map((e) => new Date(e.instant!).toISOString().slice(0, 16));

describe('convert: a zone abbreviation with several meanings on the original\'s times', () => {
  it('says CST was read as US Central, where China time would put the times, and that the writer\'s zone is China\'s', () => {
    const text = original('CST');
    assert.deepEqual(instants(text), ['2026-11-20T20:05', '2026-11-20T20:30']);
    const result = convertPostmortem(text, { defaultZone: 'Asia/Shanghai' });
    const [flag, ...more] = result.diagnostics.filter((d) => d.code === 'convert/ambiguous-zone');
    assert.equal(more.length, 0, 'once for the document');
    assert.equal(flag.severity, 'warning');
    assert.equal(flag.range.start.line, 4);
    assert.equal(flag.message, '"CST" has several meanings: its times were read as US Central Standard Time (UTC−6), its usual meaning; as China Standard Time (UTC+8) they would be 14 hours earlier (your zone, Asia/Shanghai, is China Standard Time (UTC+8)\'s) — if another is meant, write its offset on the original\'s times (such as "14:05 UTC+08:00") and convert again');
    assert.equal(result.report.complete, false);
    // Following the advice settles it.
    const settled = original('UTC+08:00');
    assert.deepEqual(flags(settled, 'Asia/Shanghai'), []);
    assert.deepEqual(instants(settled), ['2026-11-20T06:05', '2026-11-20T06:30']);
  });

  it('says BST stated for the whole document at its first use (a Start field), and IST with both other meanings', () => {
    const bst = ['# DB outage', '', '**Start:** 2026-07-20 14:00 BST', '', '## Timeline (all times BST)', '', '- 2026-07-20 14:05 - Alerts fire', ''].join('\n');
    const [flag, ...more] = flags(bst, 'Asia/Dhaka');
    assert.equal(more.length, 0);
    assert.equal(flag.range.start.line, 2);
    assert.match(flag.message, /^"BST" has several meanings: its times were read as British Summer Time \(UTC\+1\), its usual meaning; as Bangladesh Standard Time \(UTC\+6\) they would be 5 hours earlier \(your zone, Asia\/Dhaka, is Bangladesh Standard Time \(UTC\+6\)'s\)/);
    const [ist] = flags(original('IST'));
    assert.match(ist.message, /read as India Standard Time \(UTC\+5:30\), its usual meaning; as Irish Standard Time \(UTC\+1\) they would be 4 hours 30 minutes later, as Israel Standard Time \(UTC\+2\) 3 hours 30 minutes later —/);
  });

  it('says each abbreviation once, and nothing of a zone with one meaning', () => {
    const both = ['# DB outage', '', '## Timeline', '', '- 2026-07-20 14:05 BST - Alerts fire', '- 2026-07-20 15:05 IST - Paged', '- 2026-07-20 15:10 BST - Rolled back', ''].join('\n');
    assert.deepEqual(flags(both).map((f) => f.message.slice(0, 5)), ['"BST"', '"IST"']);
    assert.deepEqual(flags(original('PST')), []);
    assert.equal(convertPostmortem(original('PST'), { defaultZone: 'UTC' }).report.complete, true);
  });
});
