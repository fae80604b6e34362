import assert from 'node:assert/strict';
import { ImportError, parseAlertmanager, parseCsv, parseCsvTimeline, parseExportTime, parseGitLog, parseSlackExport, parseSlackUsers } from '../../../src/core/import';
import { fixture, slackDayFiles } from './fixtures';

const iso = (ms: number) => new Date(ms).toISOString();
const throwsImport = (fn: () => unknown, message: RegExp) => assert.throws(fn, (e: unknown) => e instanceof ImportError && message.test(e.message));

describe('timeline importers', () => {
  it('reads a Slack channel export: names from users.json, mentions and links resolved, joins skipped', () => {
    const users = parseSlackUsers({ name: 'users.json', text: fixture('slack/users.json') });
    const { events } = parseSlackExport(slackDayFiles(), users);
    assert.deepEqual(events.map((e) => [iso(e.instant), e.source]).slice(0, 2), [['2026-11-19T09:00:00.000Z', 'chat'], ['2026-11-20T14:15:30.000Z', 'chat']]);
    assert.equal(events.length, 5);
    assert.equal(events[2].text, 'Ben Okoro: Connection wait time points at the new cart-line query, see [the DB dashboard](https://grafana.example/d/db) cc @ana');
  });

  it('reads a CSV from a paging tool: quoted fields, doubled quotes, a line break in a cell, CRLF, zone from the option', () => {
    const events = parseCsvTimeline(fixture('pagerduty-alerts.csv'), { zone: 'America/New_York' });
    assert.deepEqual(events.map((e) => iso(e.instant)), ['2026-11-20T14:06:10.000Z', '2026-11-20T14:09:00.000Z', '2026-11-20T14:48:00.000Z', '2026-11-21T14:00:00.000Z']);
    assert.equal(events[1].text, 'Checkout 5xx rate above 5%, paging "checkout-oncall" (Incident ID: 1043; Urgency: high)');
    assert.equal(events[2].text, 'DB connections back under 60% (auto-resolved) (Incident ID: 1044; Urgency: low)');
    assert.equal(events[0].source, 'alert');
  });

  it('picks CSV columns by header name or number when given', () => {
    const csv = 'id,at,note\n1,2026-11-20T14:00:00Z,first\n';
    assert.equal(parseCsvTimeline(csv, { timeColumn: 'AT', textColumn: '3' })[0].text, 'first (id: 1)');
    assert.deepEqual(parseCsv('a,"b,c"\r\n"d ""e""",f'), [{ cells: ['a', 'b,c'], line: 1 }, { cells: ['d "e"', 'f'], line: 2 }]);
  });

  it('reads a semicolon CSV (Excel in Germany, France, the Netherlands) and a TSV by their header; a comma in the header keeps commas', () => {
    const de = '\uFEFFZeit;Meldung;Schwere\r\n2026-11-20 14:06;"Fehlerrate; über 5 %";hoch\r\n2026-11-20 14:40;Entwarnung;niedrig\r\n';
    const events = parseCsvTimeline(de, { timeColumn: 'Zeit', textColumn: 'Meldung', zone: 'Europe/Berlin' });
    assert.deepEqual(events.map((e) => [iso(e.instant), e.text]), [['2026-11-20T13:06:00.000Z', 'Fehlerrate; über 5 % (Schwere: hoch)'], ['2026-11-20T13:40:00.000Z', 'Entwarnung (Schwere: niedrig)']]);
    const tsv = 'time\ttext\n2026-11-20T14:00:00Z\tfirst, with a comma\n';
    assert.deepEqual(parseCsvTimeline(tsv).map((e) => e.text), ['first, with a comma']);
    assert.deepEqual(parseCsvTimeline('time,text\n2026-11-20T14:00:00Z,a; b\n').map((e) => e.text), ['a; b']);
  });

  it('reads Alertmanager webhooks: firing at startsAt, resolved at endsAt, "no end" ignored', () => {
    const events = parseAlertmanager(fixture('alertmanager.json'));
    assert.deepEqual(events.map((e) => [iso(e.instant), e.text]), [
      ['2026-11-20T14:09:00.000Z', 'FIRING CheckoutHighErrorRate: Checkout 5xx rate above 5% for 3 minutes (service=checkout, severity=page)'],
      ['2026-11-20T14:33:12.000Z', 'RESOLVED CheckoutHighErrorRate: Checkout 5xx rate above 5% for 3 minutes (service=checkout, severity=page)'],
      ['2026-11-20T14:06:00.000Z', 'FIRING DBPoolSaturation: Pool usage 95% (service=checkout, severity=warning)'],
    ]);
  });

  it('reads git log lines as deploy events, converting offsets to UTC', () => {
    const events = parseGitLog(fixture('git-log.txt'));
    assert.deepEqual(events.map((e) => [iso(e.instant), e.source, e.text.slice(0, 8)]), [
      ['2026-11-20T13:55:00.000Z', 'deploy', 'a1b2c3d '], ['2026-11-20T14:27:00.000Z', 'deploy', 'e4f5a6b '], ['2026-11-18T10:00:00.000Z', 'deploy', '9c8d7e6 '],
    ]);
  });

  it('reads export times: ISO with zones, abbreviations, epoch seconds and milliseconds', () => {
    assert.equal(iso(parseExportTime('2026-11-20 09:09 EST', 'x')), '2026-11-20T14:09:00.000Z');
    assert.equal(iso(parseExportTime('2026-11-20T15:09:00+0100', 'x')), '2026-11-20T14:09:00.000Z');
    assert.equal(iso(parseExportTime('1763647740', 'x')), '2025-11-20T14:09:00.000Z');
    assert.equal(iso(parseExportTime('1763647740000', 'x')), '2025-11-20T14:09:00.000Z');
    assert.equal(iso(parseExportTime('2026-11-20 14:09', 'x', 'Europe/Berlin')), '2026-11-20T13:09:00.000Z');
  });

  describe('bad input names the row and returns nothing', () => {
    it('unknown or unguessable columns', () => {
      throwsImport(() => parseCsvTimeline(fixture('bad/unknown-columns.csv')), /cannot tell which column holds the text; the header has "when", "what"$/);
      throwsImport(() => parseCsvTimeline(fixture('pagerduty-alerts.csv'), { textColumn: 'Message', zone: 'UTC' }), /no text column "Message"; the header has "Incident ID", "Created On", "Title", "Urgency"/);
    });
    it('unparseable times', () => {
      throwsImport(() => parseCsvTimeline(fixture('bad/bad-time.csv'), { name: 'bad-time.csv' }), /^bad-time.csv row 3: "2026-11-20 25:99" is not a valid date and time$/);
    });
    it('times without a zone and no --zone', () => {
      throwsImport(() => parseCsvTimeline(fixture('bad/no-zone.csv')), /CSV row 2: the time "2026-11-20 14:10:00" has no time zone, so the zone the export was written in is needed \(such as Europe\/Berlin or UTC\)$/);
    });
    it('empty files', () => {
      throwsImport(() => parseCsvTimeline(fixture('bad/empty.csv')), /the file is empty/);
      throwsImport(() => parseAlertmanager(''), /the file is empty/);
      throwsImport(() => parseSlackExport([]), /no day files/);
    });
    it('a Slack message without ts', () => {
      throwsImport(() => parseSlackExport([{ name: 'day.json', text: fixture('bad/slack-no-ts.json') }]), /^day.json message 2: expected "ts" as Slack epoch seconds/);
    });
    it('broken JSON, an alert without startsAt, a line that is not git log', () => {
      throwsImport(() => parseSlackExport([{ name: 'day.json', text: '[{' }]), /^day.json: not valid JSON/);
      throwsImport(() => parseAlertmanager(fixture('bad/alertmanager-no-start.json')), /alert 1: expected "startsAt"/);
      throwsImport(() => parseGitLog(fixture('bad/git-bad.txt')), /git log line 1: expected "hash<TAB>date<TAB>subject"/);
    });
  });
});
