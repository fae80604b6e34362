/**
 * Imports run the redaction check: planted secrets and personal data in an export are replaced by
 * placeholders before the merge, the preview lists what was redacted, and `--no-redact` (the
 * explicit opt-out) keeps the text as exported.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import importTimeline from '../../../src/cli/commands/importTimeline';
import { importerFor, importTimelineEvents, parseAlertmanager, readImportTarget, type ExportSource } from '../../../src/core/import';
import { redactEvents, redactionNote } from '../../../src/core/redaction';
import { resolveConfig } from '../../../src/core/config/resolve';
import { FIXTURES } from './fixtures';

const TOKEN = `ghp_${'Zx9Q'.repeat(9)}`;
const CSV = [
  'created,message',
  `2026-11-20T14:05:00Z,"Deploy bot used ${TOKEN} to roll back"`,
  '2026-11-20T14:07:00Z,"Customer dana.lee@acme-shop.com (CUS-004211) reported failed checkouts from 52.94.236.248"',
  '2026-11-20T14:09:00Z,"Rollback finished"',
].join('\n');

async function run(cwd: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await importTimeline(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, now: () => new Date('2026-11-27T12:00:00Z') });
  return { code, out, err };
}

describe('import redaction', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-import-redact-'));
    copyFileSync(join(FIXTURES, 'postmortem.md'), join(dir, 'pm.md'));
    writeFileSync(join(dir, 'alerts.csv'), CSV);
    writeFileSync(join(dir, '.postmortemrc.json'), JSON.stringify({ redaction: { patterns: [{ name: 'customer-id', pattern: 'CUS-\\d{6}' }] } }));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const args = ['pm.md', '--from', 'csv', '--input', 'alerts.csv', '--time-column', 'created', '--text-column', 'message'];

  it('shows the redacted entries and says what was redacted where; the value is nowhere in the output', async () => {
    const r = await run(dir, args);
    // What the tool changed of what the user gave is said, and the exit tells CI to look (as tickets create and evidence add).
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /\+ - 2026-11-20 14:05Z \(alert\) Deploy bot used \[redacted: github-token\] to roll back/);
    assert.match(r.out, /Customer \[redacted: email\] \(\[redacted: customer-id\]\) reported failed checkouts from \[redacted: ip-address\]/);
    assert.match(r.out, /Redacted 4 secret or personal values in 2 imported events/);
    assert.match(r.out, /row 2: 1 value redacted \(github-token\)/);
    assert.match(r.out, /row 3: 3 values redacted \(email, customer-id, ip-address\)/);
    assert.match(r.out, /run again with --no-redact/);
    for (const secret of [TOKEN, 'dana.lee@acme-shop.com', 'CUS-004211', '52.94.236.248']) assert.ok(!r.out.includes(secret), secret);
  });

  it('writes the redacted text with --yes, and a second import finds them already there', async () => {
    assert.equal((await run(dir, [...args, '--yes'])).code, 1);
    const text = readFileSync(join(dir, 'pm.md'), 'utf8');
    assert.match(text, /Deploy bot used \[redacted: github-token\]/);
    assert.ok(!text.includes(TOKEN));
    const again = await run(dir, args);
    assert.match(again.out, /0 to add, 3 already in the timeline/);
    assert.equal(again.code, 0, 'nothing to add: nothing redacted into the file');
  });

  it('keeps the values as exported with --no-redact', async () => {
    const r = await run(dir, [...args, '--no-redact']);
    assert.equal(r.code, 0, r.err);
    assert.ok(r.out.includes(TOKEN));
    assert.doesNotMatch(r.out, /Redacted \d/);
  });

  it('fails on a team pattern it cannot read instead of importing unredacted', async () => {
    writeFileSync(join(dir, '.postmortemrc.json'), JSON.stringify({ redaction: { patterns: [{ name: 'customer-id', pattern: '(CUS|ORD)-\\d+' }] } }));
    const r = await run(dir, args);
    assert.equal(r.code, 2);
    assert.match(r.err, /redaction\.patterns/);
  });

  it('redacts in the core pipeline both hosts run (Alertmanager annotations too)', async () => {
    const alert = JSON.parse(readFileSync(join(FIXTURES, 'alertmanager.json'), 'utf8'));
    alert.alerts[0].annotations.summary = `Webhook https://hooks.slack.com/services/T024BE7LD/B01ABCD2EFG/abcdEFGHijklMNOPqrstUVWX failed`;
    const source: ExportSource<string> = {
      readText: async () => JSON.stringify(alert), isDirectory: async () => false, isFile: async () => true, list: async () => [],
      child: (f, n) => `${f}/${n}`, parent: (p) => p, baseName: (p) => p,
    };
    const target = readImportTarget(readFileSync(join(FIXTURES, 'postmortem.md'), 'utf8'));
    const { events, redactions } = await importTimelineEvents(target, importerFor('alertmanager')!, { input: 'a.json' }, source, { redaction: resolveConfig().redaction });
    assert.ok(events.some((e) => e.text.includes('[redacted: slack-webhook]')), JSON.stringify(events.map((e) => e.text)));
    assert.ok(events.every((e) => !e.text.includes('hooks.slack.com')));
    assert.ok(redactions.some((r) => r.kinds.includes('slack-webhook')), JSON.stringify(redactions));
    const kept = await importTimelineEvents(target, importerFor('alertmanager')!, { input: 'a.json' }, source, { redact: false });
    assert.ok(kept.events.some((e) => e.text.includes('hooks.slack.com')));
  });

  it('names an alert that fired and resolved once, adding up both events\' values (trial 11 T8)', () => {
    const payload = { alerts: [{ status: 'resolved', labels: { alertname: 'SearchP99High', instance: '10.1.2.3:9090' }, startsAt: '2026-12-06T12:05:00+10:30', endsAt: '2026-12-06T13:20:00+10:30' }] };
    const { redactions } = redactEvents(parseAlertmanager(JSON.stringify(payload), 'am.json'), resolveConfig().redaction);
    assert.equal(redactionNote(redactions, 'run again with --no-redact'), [
      'Redacted 2 secret or personal values in 2 imported events (shown as [redacted: …] in the entries):',
      '  am.json alert 1 (firing and resolved): 2 values redacted (ip-address)',
      'To import them as exported, run again with --no-redact.',
    ].join('\n') + '\n');
  });
});
