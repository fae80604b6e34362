import { strict as assert } from 'node:assert';
import { lintText } from '../../../src/core/lint/engine';
import { canonicalZone, pickWriterZone } from '../../../src/core/time/writerZone';

const base = { configuredName: '--zone', howToSet: 'pass --zone' };

describe("the writer's zone", () => {
  it('accepts IANA zones in any case, and refuses offsets and unknown names', () => {
    assert.equal(canonicalZone('europe/berlin'), 'Europe/Berlin');
    assert.equal(canonicalZone(' America/Los_Angeles '), 'America/Los_Angeles');
    assert.equal(canonicalZone('UTC'), 'UTC');
    for (const bad of ['', '+02:00', 'UTC+2', 'Mars/Olympus', '2']) assert.equal(canonicalZone(bad), undefined, bad);
  });

  it('prefers a valid configured zone, and says so when it falls back or the machine is in UTC or nowhere', () => {
    assert.deepEqual(pickWriterZone({ ...base, configured: 'Asia/Tokyo', machine: 'Europe/Berlin' }), { zone: 'Asia/Tokyo', source: '--zone' });
    assert.deepEqual(pickWriterZone({ ...base, machine: 'Europe/Berlin' }), { zone: 'Europe/Berlin', source: "this machine's time zone" });
    const bad = pickWriterZone({ ...base, configured: 'Berlin', machine: 'Europe/Berlin' });
    assert.equal(bad.zone, 'Europe/Berlin');
    assert.match(bad.notice!, /--zone is "Berlin", which is not an IANA time zone .*using this machine's time zone, Europe\/Berlin/);
    const utc = pickWriterZone({ ...base, machine: 'Etc/UTC' });
    assert.equal(utc.zone, 'Etc/UTC');
    assert.match(utc.notice!, /this machine's time zone is Etc\/UTC: times you write without a zone are read as UTC. If you write local times, pass --zone/);
    const none = pickWriterZone({ ...base, machine: undefined });
    assert.equal(none.zone, 'UTC');
    assert.match(none.notice!, /time zone is unknown, so UTC is used/);
  });
});

describe('front-matter time fixes name the zone they read the value in', () => {
  const fm = (extra: string) => `---\ntype: postmortem\ntitle: T\nstatus: draft\n${extra}---\n# T\n`;
  const fixesOf = (text: string, writerZone?: string) =>
    lintText(text, { now: new Date('2026-11-27T00:00:00Z'), ...(writerZone ? { writerZone } : {}) }).diagnostics
      .filter((d) => d.code === 'schema/format').flatMap((d) => (d.fixes ?? []).map((f) => [f.title, f.edits[0].newText, f.isPreferred ?? false]));

  it('reads a zone-less value in the default UTC, and offers the writer\'s zone too (neither preferred)', () => {
    assert.deepEqual(fixesOf(fm('started_at: 2026-11-20 14:09\n')), [['Write as 2026-11-20T14:09:00Z (read as UTC, the default timezone)', '2026-11-20T14:09:00Z', true]]);
    assert.deepEqual(fixesOf(fm('timezone: UTC\nstarted_at: 2026-07-20T14:09\n'), 'Europe/Berlin'), [
      ["Write as 2026-07-20T14:09:00Z (read as UTC, the front matter's timezone)", '2026-07-20T14:09:00Z', false],
      ['Write as 2026-07-20T12:09:00Z (read as Europe/Berlin, your time zone)', '2026-07-20T12:09:00Z', false],
    ]);
  });

  it("reads it in a declared zone (preferred), and converts a zone written on the value, saying so", () => {
    assert.deepEqual(fixesOf(fm('timezone: America/Los_Angeles\nstarted_at: 2026-11-20 14:09\n'), 'Europe/Berlin'), [["Write as 2026-11-20T22:09:00Z (read as America/Los_Angeles, the front matter's timezone)", '2026-11-20T22:09:00Z', true]]);
    assert.deepEqual(fixesOf(fm('started_at: 2026-11-20 14:09 PST\n'), 'Europe/Berlin'), [['Write as 2026-11-20T22:09:00Z (converted from PST, as written)', '2026-11-20T22:09:00Z', true]]);
  });

  it('a zone naming the other season (BST on a London December day): both readings, neither preferred (trial14b F4)', () => {
    assert.deepEqual(fixesOf(fm('timezone: Europe/London\nstarted_at: 2026-11-20 23:30 BST\n')), [
      ['Write as 2026-11-20T22:30:00Z (converted from BST as written, UTC+1; BST was not in force on 2026-11-20 in Europe/London; clocks there showed GMT (UTC+0))', '2026-11-20T22:30:00Z', false],
      ["Write as 2026-11-20T23:30:00Z (Europe/London's clock then, GMT (UTC+0))", '2026-11-20T23:30:00Z', false],
    ]);
  });
});

describe('formatLocalDate (the done: date of Mark done)', () => {
  it("is the writer's calendar day, not UTC's", async () => {
    const { formatLocalDate } = await import('../../../src/core/time/zones');
    const ms = Date.parse('2026-11-26T23:30:00Z');
    assert.equal(formatLocalDate(ms, 'Europe/Berlin'), '2026-11-27');
    assert.equal(formatLocalDate(ms, 'UTC'), '2026-11-26');
    assert.equal(formatLocalDate(Date.parse('2026-11-27T05:00:00Z'), 'America/Los_Angeles'), '2026-11-26');
    assert.equal(formatLocalDate(Date.parse('2026-03-29T00:30:00Z'), 'Europe/Berlin'), '2026-03-29', 'at the DST change');
  });

  it('reads a `timezone:` written as an offset or an abbreviation as the stamps read it (it was UTC\'s day: `postmortem list` dated 20:00Z in +05:30 on the day before)', async () => {
    const { formatLocalDate } = await import('../../../src/core/time/zones');
    const evening = Date.parse('2026-03-01T20:00:00Z');
    assert.equal(formatLocalDate(evening, '+05:30'), '2026-03-02');
    assert.equal(formatLocalDate(evening, 'UTC+5:30'), '2026-03-02');
    assert.equal(formatLocalDate(evening, 'CEST'), '2026-03-01');
    assert.equal(formatLocalDate(Date.parse('2026-03-01T23:00:00Z'), 'CEST'), '2026-03-02', 'CEST is UTC+2 on every date, as stamps read it');
    assert.equal(formatLocalDate(Date.parse('2026-03-01T03:00:00Z'), '-05:00'), '2026-02-28');
  });
});

describe('zone names: the current IANA name, and both spellings as one zone', () => {
  it('writes the current name for the legacy one ICU reports, and keeps a name the person gave', async () => {
    const { currentZoneName, sameZone } = await import('../../../src/core/time/zoneNames');
    const { runtimeZone } = await import('../../../src/core/time/writerZone');
    for (const [legacy, current] of [['Asia/Calcutta', 'Asia/Kolkata'], ['Europe/Kiev', 'Europe/Kyiv'], ['Asia/Katmandu', 'Asia/Kathmandu'], ['Asia/Saigon', 'Asia/Ho_Chi_Minh'], ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires']]) {
      assert.equal(currentZoneName(legacy), current);
      assert.equal(sameZone(legacy, current), true, `${legacy} = ${current}`);
      assert.equal(canonicalZone(current.toLowerCase()), current, 'the spelling is fixed to the current name');
      assert.equal(pickWriterZone({ ...base, machine: current }).zone, current);
    }
    assert.equal(canonicalZone('Asia/Calcutta'), 'Asia/Calcutta', 'a legacy name the person wrote stays as written');
    assert.equal(sameZone('Europe/Berlin', 'Europe/Paris'), false);
    assert.equal(sameZone('Mars/Olympus', 'Mars/Olympus2'), false);
    assert.equal(runtimeZone('Asia/Kolkata'), 'Asia/Kolkata', 'TZ as given');
    assert.equal(runtimeZone(':Europe/Kyiv'), 'Europe/Kyiv', 'POSIX TZ=:Zone');
    // The runtime's own zone is never reported under a legacy name (whatever zone this test runs in).
    const own = runtimeZone();
    if (own) assert.equal(currentZoneName(own), own);
  });

  it('the import offers a zone once, whichever spelling the document and the machine use', async () => {
    const { zoneChoices } = await import('../../../src/vscode/importing/zoneChoices');
    assert.deepEqual(zoneChoices('Asia/Calcutta', 'Asia/Kolkata').map((c) => c.label), ['UTC', 'Asia/Calcutta', 'Other…']);
  });
});

describe('zone abbreviations are not zones (trial F21)', () => {
  it('refuses PST, CET, IST as the writer\'s zone and names the region\'s IANA zone', async () => {
    const { zoneAbbreviationHint } = await import('../../../src/core/time/writerZone');
    for (const abbr of ['PST', 'pst', 'EST', 'CET', 'IST', 'CEST']) assert.equal(canonicalZone(abbr), undefined, abbr);
    for (const utc of ['UTC', 'GMT', 'Etc/UTC']) assert.ok(canonicalZone(utc), utc);
    assert.equal(zoneAbbreviationHint('PST'), 'PST is an abbreviation, a fixed UTC\u22128 all year, not a time zone with daylight saving: for the clocks there write the IANA zone, like America/Los_Angeles');
    assert.match(zoneAbbreviationHint('IST')!, /fixed UTC\+5:30 all year.*like Asia\/Kolkata/);
    const picked = pickWriterZone({ ...base, configured: 'PST', machine: 'Europe/Berlin' });
    assert.equal(picked.zone, 'Europe/Berlin');
    assert.match(picked.notice!, /--zone is "PST", which is not an IANA time zone \(PST is an abbreviation.*America\/Los_Angeles\)/);
  });

  it('`timezone: PST` on July dates: the timeline warning says PDT was in force and PST is read as UTC−8', () => {
    const text = '---\ntype: postmortem\ntitle: T\nstatus: draft\ntimezone: PST\n---\n# T\n\n## Timeline\n\n- 2026-07-10 10:00 [detected] Alert\n- 10:20 [mitigated] Rolled back\n';
    const found = lintText(text, { now: new Date('2026-11-27T00:00:00Z') }).diagnostics.filter((d) => d.code === 'timeline/not-utc');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /in PST time .* like 2026-07-10 18:00Z .*\(PST on 2026-07-10, when PDT \(UTC\u22127\) was in force in America\/Los_Angeles: read as UTC\u22128 as written; check\)/);
    const winter = lintText(text.replace(/2026-07-10/g, '2026-01-10'), { now: new Date('2026-11-27T00:00:00Z') }).diagnostics.find((d) => d.code === 'timeline/not-utc');
    assert.doesNotMatch(winter!.message, /was in force/);
  });
});
