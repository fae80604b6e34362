import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem } from '../../../src/core/import/convert';
import { formatConvertReport } from '../../../src/core/import/convert/report';
import { buildOnce, runCliWithEnv, workspace } from '../cli/harness';

/**
 * An original whose times say `CST`, `BST` or `IST`: three meanings hours apart. The writer's zone
 * (or the original's own `timezone:`) settles it when it is one of the meanings' regions — read so
 * and said as a note; only when nothing settles it is the usual meaning taken and said as a warning
 * (trial13a F24: every Indian post-mortem converted by an Indian user exited 1; an Irish team's "All
 * times IST" was read as India's).
 */
const original = (zone: string) => ['# DB outage', '', '## Timeline', '', `- 2026-11-20 14:05 ${zone} - Alerts fire`, `- 2026-11-20 14:30 ${zone} - Rolled back`, ''].join('\n');
const stated = (zone: string) => ['# Incident: Payment gateway timeouts', '', 'Date: 2026-07-14', '', '## Timeline', '', `All times ${zone}`, '', '- 10:00 Alerts fire', '- 11:05 Resolved', ''].join('\n');
const flags = (text: string, writer = 'UTC') => convertPostmortem(text, { writerZone: writer }).diagnostics.filter((d) => d.code === 'convert/ambiguous-zone');
const instants = (text: string, writer = 'UTC') => parsePostmortem(convertPostmortem(text, { writerZone: writer }).text).timeline.map((e) => new Date(e.instant!).toISOString().slice(0, 16));
const zoneNotes = (text: string, writer: string) => convertPostmortem(text, { writerZone: writer }).notes.filter((n) => /has several meanings/.test(n.message)).map((n) => n.message);

describe('convert: a zone abbreviation with several meanings on the original\'s times', () => {
  it('reads CST as China time when the writer is in Shanghai, says so in a note, and the conversion is complete', () => {
    const text = original('CST');
    const result = convertPostmortem(text, { writerZone: 'Asia/Shanghai' });
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'convert/ambiguous-zone'), []);
    assert.equal(result.report.complete, true);
    assert.deepEqual(instants(text, 'Asia/Shanghai'), ['2026-11-20T06:05', '2026-11-20T06:30']);
    assert.deepEqual(zoneNotes(text, 'Asia/Shanghai'), ['"CST" has several meanings: its times were read as China Standard Time (UTC+8), since your zone, Asia/Shanghai, is its region; as US Central Standard Time (UTC−6) they would be 14 hours later, as Australian Central Standard Time (UTC+9:30) 1 hour 30 minutes earlier']);
    // The front matter names the writer's region, whose clock is the one read.
    assert.match(result.text, /^timezone: Asia\/Shanghai$/m);
  });

  it('reads "All times IST" by the writer\'s region: India in Kolkata, Irish in Dublin, Israel in Jerusalem', () => {
    const text = stated('IST');
    const start = (writer: string) => /^started_at: (\S+)$/m.exec(convertPostmortem(text, { writerZone: writer }).text)?.[1];
    assert.equal(start('Asia/Kolkata'), '2026-07-14T04:30:00Z');
    assert.equal(start('Europe/Dublin'), '2026-07-14T09:00:00Z');
    assert.equal(start('Asia/Jerusalem'), '2026-07-14T08:00:00Z');
    for (const writer of ['Asia/Kolkata', 'Europe/Dublin']) assert.equal(convertPostmortem(text, { writerZone: writer }).report.complete, true, writer);
    // Israel Standard Time in July, when IDT was in force: read as written, an hour in doubt (trial 14a F9).
    assert.deepEqual(convertPostmortem(text, { writerZone: 'Asia/Jerusalem' }).diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code), ['convert/out-of-season']);
    const dublin = convertPostmortem(text, { writerZone: 'Europe/Dublin', writerZoneFrom: 'your zone (TZ)' });
    assert.match(formatConvertReport('s.md', dublin)[0], /times read in IST as Irish Standard Time \(UTC\+1\), by your zone \(TZ\), Europe\/Dublin \(stated in the document\)$/);
    assert.match(zoneNotes(text, 'Europe/Dublin')[0], /read as Irish Standard Time \(UTC\+1\), since your zone, Europe\/Dublin, is its region; as India Standard Time \(UTC\+5:30\) they would be 4 hours 30 minutes earlier, as Israel Standard Time \(UTC\+2\) 1 hour earlier$/);
  });

  it('warns (the conversion is not complete) only when nothing settles it, and says how to settle it', () => {
    const text = original('CST');
    assert.deepEqual(instants(text), ['2026-11-20T20:05', '2026-11-20T20:30']);
    const [flag, ...more] = flags(text, 'Asia/Kolkata');
    assert.equal(more.length, 0, 'once for the document');
    assert.equal(flag.severity, 'warning');
    assert.equal(flag.range.start.line, 4);
    assert.equal(flag.message, '"CST" has several meanings: its times were read as US Central Standard Time (UTC−6), its usual meaning; as China Standard Time (UTC+8) they would be 14 hours earlier, as Australian Central Standard Time (UTC+9:30) 15 hours 30 minutes earlier — if another is meant, write its offset on the original\'s times (such as "14:05 UTC+08:00") and convert again, or convert with your zone set to its region (such as Asia/Shanghai)');
    assert.equal(convertPostmortem(text, { writerZone: 'Europe/Berlin' }).report.complete, false);
    assert.equal(convertPostmortem(text).report.complete, false, 'no writer zone known');
    // Following the advice settles it.
    const settled = original('UTC+08:00');
    assert.deepEqual(flags(settled, 'UTC'), []);
    assert.deepEqual(instants(settled), ['2026-11-20T06:05', '2026-11-20T06:30']);
  });

  it('a writer in the usual meaning\'s region settles it too: a note, no warning', () => {
    assert.deepEqual(flags(original('CST'), 'America/Chicago'), []);
    assert.match(zoneNotes(original('CST'), 'America/Chicago')[0], /read as US Central Standard Time \(UTC−6\), since your zone, America\/Chicago, is its region/);
    assert.deepEqual(instants(original('CST'), 'America/Chicago'), ['2026-11-20T20:05', '2026-11-20T20:30']);
  });

  it('the original\'s own timezone: settles it before the writer\'s zone; letters never do (ICU takes BST for Dhaka)', () => {
    const withZone = ['---', 'timezone: Asia/Kolkata', '---', ...original('IST').split('\n')].join('\n');
    assert.deepEqual(flags(withZone, 'Europe/Dublin'), []);
    assert.deepEqual(instants(withZone, 'Europe/Dublin'), ['2026-11-20T08:35', '2026-11-20T09:00']);
    assert.match(zoneNotes(withZone, 'Europe/Dublin')[0], /since the original's timezone:, Asia\/Kolkata, is its region/);
    const bstZone = ['---', 'timezone: BST', '---', ...original('BST').split('\n')].join('\n');
    assert.equal(flags(bstZone, 'UTC').length, 1, 'timezone: BST is no region');
    // A fixed offset equal to one meaning's settles it (--zone +05:30).
    assert.deepEqual(flags(original('IST'), '+05:30'), []);
  });

  it('settles a Start field and a stated zone at their first use; each abbreviation is said once', () => {
    const bst = ['# DB outage', '', '**Start:** 2026-07-20 14:00 BST', '', '## Timeline (all times BST)', '', '- 2026-07-20 14:05 - Alerts fire', ''].join('\n');
    const dhaka = convertPostmortem(bst, { writerZone: 'Asia/Dhaka' });
    assert.match(dhaka.text, /^started_at: 2026-07-20T08:00:00Z$/m);
    assert.deepEqual(dhaka.notes.filter((n) => /several meanings/.test(n.message)).map((n) => n.line), [2]);
    const [flag, ...more] = flags(bst, 'UTC');
    assert.equal(more.length, 0);
    assert.equal(flag.range.start.line, 2);
    assert.match(flag.message, /^"BST" has several meanings: its times were read as British Summer Time \(UTC\+1\), its usual meaning; as Bangladesh Standard Time \(UTC\+6\) they would be 5 hours earlier —/);
    const both = ['# DB outage', '', '## Timeline', '', '- 2026-07-20 14:05 BST - Alerts fire', '- 2026-07-20 15:05 IST - Paged', '- 2026-07-20 15:10 BST - Rolled back', ''].join('\n');
    assert.deepEqual(flags(both).map((f) => f.message.slice(0, 5)), ['"BST"', '"IST"']);
    assert.deepEqual(flags(original('PST')), []);
    assert.equal(convertPostmortem(original('PST'), { writerZone: 'UTC' }).report.complete, true);
  });
});

describe('postmortem convert (CLI): IST/CST read by the writer\'s zone (TZ or --zone)', () => {
  before(buildOnce);
  const files = { 's.md': stated('IST'), 'c.md': stated('CST') };

  it('an Indian writer converts "All times IST": exit 0, a note, the times read at +05:30', () => {
    const ws = workspace(files);
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'convert', 's.md', '--stdout');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /s\.md:9:1 {2}note {2}"IST" has several meanings: its times were read as India Standard Time \(UTC\+5:30\), since your zone \(TZ\), Asia\/Kolkata, is its region/);
      assert.match(r.stdout, /^started_at: 2026-07-14T04:30:00Z$/m);
      assert.match(r.stdout, /^timezone: Asia\/Kolkata$/m);
    } finally {
      ws.cleanup();
    }
  });

  it('"All times are Europe/Dublin" then "00:50 IST": Irish time under TZ=Asia/Kolkata, exit 0 (trial17c F3)', () => {
    const ws = workspace({ 'd.md': ['# EU API errors', '', 'All times are Europe/Dublin.', '', '## Timeline', '', '- Oct 25, 2026 00:50 IST - Investigating', '- Oct 25, 2026 02:10 GMT - Resolved', ''].join('\n') });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'convert', 'd.md', '--stdout');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^started_at: 2026-10-24T23:50:00Z$/m);
      assert.match(r.stderr, /d\.md:7:1 {2}note {2}"IST" has several meanings: its times were read as Irish Standard Time \(UTC\+1\), since the zone the document states, Europe\/Dublin, is its region/);
    } finally {
      ws.cleanup();
    }
  });

  it('an Irish writer gets Irish time; --zone settles it over TZ; a writer in UTC gets the warning and exit 1', () => {
    const ws = workspace(files);
    try {
      const dublin = runCliWithEnv(ws.dir, { TZ: 'Europe/Dublin' }, 'convert', 's.md', '--stdout');
      assert.equal(dublin.code, 0, dublin.stderr);
      assert.match(dublin.stdout, /^started_at: 2026-07-14T09:00:00Z$/m);
      const shanghai = runCliWithEnv(ws.dir, { TZ: 'UTC' }, 'convert', 'c.md', '--stdout', '--zone', 'Asia/Shanghai');
      assert.equal(shanghai.code, 0, shanghai.stderr);
      assert.match(shanghai.stderr, /since your zone \(--zone\), Asia\/Shanghai, is its region/);
      assert.match(shanghai.stdout, /^started_at: 2026-07-14T02:00:00Z$/m);
      const utc = runCliWithEnv(ws.dir, { TZ: 'UTC' }, 'convert', 's.md', '--stdout');
      assert.equal(utc.code, 1);
      assert.match(utc.stderr, /s\.md:9:1 {2}warning {2}"IST" has several meanings: its times were read as India Standard Time \(UTC\+5:30\), its usual meaning;.* convert\/ambiguous-zone/);
    } finally {
      ws.cleanup();
    }
  });
});

describe('convert: the zone the document states settles IST/CST/BST before the writer\'s zone (trial17c F3)', () => {
  // A Dublin status page's log: "IST" is Irish summer time, until the clocks go back at 01:00Z on 2026-10-25.
  const dublin = (statement: string) => ['# Elevated API errors for EU customers', '', statement, '', '## Timeline', '', '- Oct 25, 2026 00:50 IST - Investigating: elevated 5xx error rates', '- Oct 25, 2026 01:20 IST - Identified: failed certificate rotation', '- Oct 25, 2026 02:10 GMT - Resolved', ''].join('\n');
  const utcStated = ['# DB outage', '', 'All times are UTC.', '', '## Timeline', '', '- 2026-11-20 13:50 - Deploy', '- 2026-11-20 14:05 IST - Alerts fire (from the Mumbai on-call)', ''].join('\n');

  for (const statement of ['All times are Europe/Dublin.', 'The status page shows times in Dublin time.']) {
    it(`"${statement}": Irish times whatever the writer's zone, said as a note naming the document's zone`, () => {
      for (const writer of ['Asia/Kolkata', 'America/Los_Angeles', 'Asia/Jerusalem']) {
        const result = convertPostmortem(dublin(statement), { writerZone: writer, writerZoneFrom: 'your zone (TZ)' });
        assert.deepEqual(parsePostmortem(result.text).timeline.map((e) => new Date(e.instant!).toISOString().slice(0, 16)), ['2026-10-24T23:50', '2026-10-25T00:20', '2026-10-25T02:10'], writer);
        assert.match(result.text, /^started_at: 2026-10-24T23:50:00Z$/m, writer);
        assert.deepEqual(result.diagnostics.filter((d) => d.code === 'convert/ambiguous-zone'), [], writer);
        assert.equal(result.report.complete, true, writer);
        assert.match(result.notes.find((n) => /several meanings/.test(n.message))!.message, /read as Irish Standard Time \(UTC\+1\), since the zone the document states, Europe\/Dublin, is its region; as India Standard Time \(UTC\+5:30\) they would be 4 hours 30 minutes earlier/);
      }
    });
  }

  it('a reading only the writer\'s zone settles, in a document that states no zone settling it, is a warning: a guess', () => {
    const result = convertPostmortem(utcStated, { writerZone: 'Asia/Kolkata', writerZoneFrom: 'your zone (TZ)' });
    assert.deepEqual(parsePostmortem(result.text).timeline.map((e) => new Date(e.instant!).toISOString().slice(0, 16)), ['2026-11-20T13:50', '2026-11-20T08:35']);
    const [flag, ...more] = result.diagnostics.filter((d) => d.code === 'convert/ambiguous-zone');
    assert.equal(more.length, 0);
    assert.equal(flag.severity, 'warning');
    assert.equal(flag.range.start.line, 7);
    assert.equal(flag.message, '"IST" has several meanings: its times were read as India Standard Time (UTC+5:30), since your zone (TZ), Asia/Kolkata, is its region — a guess, as the document states no zone that settles it; as Irish Standard Time (UTC+1) they would be 4 hours 30 minutes later, as Israel Standard Time (UTC+2) 3 hours 30 minutes later — if another is meant, write its offset on the original\'s times (such as "14:05 UTC+01:00") or its zone in the text ("All times are Europe/Dublin") and convert again');
    assert.equal(result.report.complete, false);
    // A zone given for the conversion (--zone) is the person's statement about the original: a note.
    const given = convertPostmortem(utcStated, { defaultZone: 'Asia/Kolkata', writerZone: 'Asia/Kolkata', writerZoneFrom: 'your zone (--zone)' });
    assert.deepEqual(given.diagnostics.filter((d) => d.code === 'convert/ambiguous-zone'), []);
    assert.match(given.notes.find((n) => /several meanings/.test(n.message))!.message, /since your zone \(--zone\), Asia\/Kolkata, is its region/);
    // Following the advice settles it: the zone stated in the text, whatever the writer's.
    const stated = convertPostmortem(dublin('All times are Asia/Kolkata.'), { writerZone: 'Europe/Dublin' });
    assert.deepEqual(stated.diagnostics.filter((d) => d.code === 'convert/ambiguous-zone'), []);
    assert.match(stated.text, /^started_at: 2026-10-24T19:20:00Z$/m);
  });
});
