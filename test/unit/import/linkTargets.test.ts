/**
 * Trial 13 F13: a Slack import redacted the label of `<tel:+6433050000|+64 3 305 0000>` and kept the
 * number in the link's target. Link targets are redacted as the text is — `tel:`, `sms:`, WhatsApp
 * links, phone numbers and e-mail addresses in query strings (percent-encoded too) and URL paths — in
 * every importer (they all run one check on the event's whole text) and in lint. Run as a user runs
 * them: the built CLI on an export in a temporary folder.
 */
import assert from 'node:assert/strict';
import { buildOnce, runCliWithEnv, workspace } from '../cli/harness';
import { findSensitive, redactText } from '../../../src/core/redaction';

const ts = (iso: string) => (Date.parse(iso) / 1000).toFixed(6);

const POSTMORTEM = `---
type: postmortem
id: PM-20261206-pay
title: Payments stalled
status: draft
started_at: 2026-12-06T10:00:00Z
resolved_at: 2026-12-06T11:30:00Z
timezone: Pacific/Chatham
---

# Payments stalled

## Summary

Payments stalled for 90 minutes.

## Timeline

- 2026-12-06 10:00Z [started] payments queue stops draining
- 11:30Z [resolved] queue drained

## Root cause analysis

To be written.
`;

/** The numbers and addresses planted in the exports below: none may be left in what is written. */
const PERSONAL = ['6433050000', '305 0000', '64211234567', '21 123 4567', '14158675309', 'dana.lee', 'tane.n'];

const SLACK_DAY = [
  { type: 'message', user: 'U2', text: 'call me <tel:+6433050000|+64 3 305 0000> or <tel:+6433050000|my desk>', ts: ts('2026-12-06T10:06:00Z') },
  { type: 'message', user: 'U2', text: '<sms:+64211234567|text Ana>, <https://wa.me/64211234567|WhatsApp> or <mailto:tane.n@acme-pay.co.nz|Tane>', ts: ts('2026-12-06T10:07:00Z') },
  {
    type: 'message', user: 'U3', text: '', ts: ts('2026-12-06T10:08:00Z'),
    blocks: [{ type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'ring ' }, { type: 'link', url: 'tel:+64-21-123-4567', text: 'Ana' }] }] }],
  },
  {
    type: 'message', bot_id: 'B1', username: 'PagerDuty', text: '', ts: ts('2026-12-06T10:09:00Z'),
    attachments: [{
      title: 'Triggered #4411', title_link: 'https://acme.pagerduty.com/i/Q1?email=dana.lee%40acme-pay.co.nz&phone=%2B64211234567',
      fields: [{ title: 'Assigned', value: '<mailto:dana.lee@acme-pay.co.nz|Dana Lee>' }, { title: 'Contact', value: '<tel:+64211234567|+64 21 123 4567>' }, { title: 'Profile', value: '<https://acme.pagerduty.com/u/dana.lee@acme-pay.co.nz|on-call>' }],
    }],
  },
];

const CSV = [
  'Incident ID,Created On,Title,Assigned To,Contact',
  '4411,2026-12-06 23:51:00,"payments-api stalled, see https://api.whatsapp.com/send?phone=64211234567",dana.lee@acme-pay.co.nz,tel:+6433050000',
  '4412,2026-12-06 23:55:00,"sms bridge: https://api.twilio.com/Messages?To=%2B14158675309&From=%2B6433050000",Tane,sms:+64211234567',
].join('\n');

const ALERTS = {
  alerts: [{
    status: 'firing', labels: { alertname: 'PaymentsStalled', service: 'payments' },
    annotations: { summary: 'queue stalled; escalate via https://wa.me/64211234567 or tel:+6433050000, owner https://people.acme/u?email=dana.lee%40acme-pay.co.nz' },
    startsAt: '2026-12-06T10:15:00Z', endsAt: '0001-01-01T00:00:00Z',
  }],
};

function assertNoPersonalData(written: string): void {
  for (const value of PERSONAL) assert.ok(!written.includes(value), `${value} is still in:\n${written}`);
}

describe('link targets are redacted as the text is (trial 13 F13)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('Slack: a tel: link becomes the number as typed, redacted; targets of sms:, WhatsApp, mailto, PagerDuty\'s links and fields lose their numbers and addresses', () => {
    const ws = workspace({ 'pm.md': POSTMORTEM, 'sl/inc/2026-12-06.json': JSON.stringify(SLACK_DAY) });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Pacific/Chatham' }, 'import-timeline', 'pm.md', '--from', 'slack', '--input', 'sl/inc', '--yes');
      assert.equal(r.code, 1, `values redacted: exit 1, as tickets create ${r.stderr}`);
      const text = ws.read('pm.md');
      assert.match(text, /^- 2026-12-06 10:06Z \(chat\) U2: call me \[redacted: phone\] or \[my desk\]\(tel:\[redacted: phone\]\)$/m);
      assert.match(text, /^- 2026-12-06 10:07Z \(chat\) U2: \[text Ana\]\(sms:\[redacted: phone\]\), \[WhatsApp\]\(https:\/\/wa\.me\/\[redacted: phone\]\) or \[Tane\]\(mailto:\[redacted: email\]\)$/m);
      assert.match(text, /^- 2026-12-06 10:08Z \(chat\) U3: ring \[Ana\]\(tel:\[redacted: phone\]\)$/m);
      assert.match(text, /\?email=\[redacted: email\]&phone=\[redacted: phone\]\)/);
      assert.match(text, /Contact: \[redacted: phone\]/);
      assert.match(text, /\[on-call\]\(https:\/\/acme\.pagerduty\.com\/u\/\[redacted: email\]\)$/m);
      assertNoPersonalData(text);
      assertNoPersonalData(r.stdout);
      assert.match(r.stdout, /2026-12-06\.json message 1: 2 values redacted \(phone\)/);
    } finally {
      ws.cleanup();
    }
  });

  it('Slack with --no-redact keeps the number once, as the person typed it', () => {
    const ws = workspace({ 'pm.md': POSTMORTEM, 'sl/inc/2026-12-06.json': JSON.stringify(SLACK_DAY.slice(0, 1)) });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Pacific/Chatham' }, 'import-timeline', 'pm.md', '--from', 'slack', '--input', 'sl/inc', '--no-redact');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^\+ - 2026-12-06 10:06Z \(chat\) U2: call me \+64 3 305 0000 or \[my desk\]\(tel:\+6433050000\)$/m);
    } finally {
      ws.cleanup();
    }
  });

  it('CSV (a PagerDuty export): link targets in the text and in the columns kept after it', () => {
    const ws = workspace({ 'pm.md': POSTMORTEM, 'pd.csv': CSV });
    try {
      const r = runCliWithEnv(ws.dir, {}, 'import-timeline', 'pm.md', '--from', 'csv', '--input', 'pd.csv', '--text-column', 'Title', '--zone', 'Pacific/Chatham', '--yes');
      assert.equal(r.code, 1, `values redacted: exit 1, as tickets create ${r.stderr}`);
      const text = ws.read('pm.md');
      assert.match(text, /payments-api stalled, see https:\/\/api\.whatsapp\.com\/send\?phone=\[redacted: phone\] \(Incident ID: 4411; Assigned To: \[redacted: email\]; Contact: tel:\[redacted: phone\]\)/);
      assert.match(text, /Messages\?To=\[redacted: phone\]&From=\[redacted: phone\] \(Incident ID: 4412; Assigned To: Tane; Contact: sms:\[redacted: phone\]\)/);
      assertNoPersonalData(text);
    } finally {
      ws.cleanup();
    }
  });

  it('Alertmanager: a runbook link\'s WhatsApp number, tel: target and e-mail parameter', () => {
    const ws = workspace({ 'pm.md': POSTMORTEM, 'am.json': JSON.stringify(ALERTS) });
    try {
      const r = runCliWithEnv(ws.dir, {}, 'import-timeline', 'pm.md', '--from', 'alertmanager', '--input', 'am.json', '--yes');
      assert.equal(r.code, 1, `values redacted: exit 1, as tickets create ${r.stderr}`);
      const text = ws.read('pm.md');
      assert.match(text, /escalate via https:\/\/wa\.me\/\[redacted: phone\] or tel:\[redacted: phone\], owner https:\/\/people\.acme\/u\?email=\[redacted: email\]/);
      assertNoPersonalData(text);
      assert.match(r.stdout, /3 values redacted \(phone, email\)/);
    } finally {
      ws.cleanup();
    }
  });

  it('lint reports the number in a Markdown link\'s target and its fix replaces only the number', () => {
    const pm = POSTMORTEM.replace('Payments stalled for 90 minutes.', 'Payments stalled. On-call: [Tane](tel:+6433050000), [WhatsApp](https://wa.me/64211234567), [profile](https://hr.acme/p?e=dana.lee%40acme-pay.co.nz).');
    const ws = workspace({ 'pm.md': pm });
    try {
      const r = runCliWithEnv(ws.dir, {}, 'lint', 'pm.md', '--format', 'json');
      const found = (JSON.parse(r.stdout) as { code: string; line: number; column: number; endColumn: number }[]).filter((p) => p.code.startsWith('redaction/'));
      const lines = pm.split('\n');
      assert.deepEqual(found.map((p) => `${p.code} ${lines[p.line - 1].slice(p.column - 1, p.endColumn - 1)}`), [
        'redaction/phone +6433050000', 'redaction/phone 64211234567', 'redaction/email dana.lee%40acme-pay.co.nz',
      ]);
    } finally {
      ws.cleanup();
    }
  });

  it('leaves what only looks like a phone link alone: hotel:, short codes, words after sms:, a to= without +', () => {
    for (const text of ['hotel:+14158675309', 'dial tel:911 or tel:111', 'sms: 1234567 sent', 'https://x.acme/p?to=12345678&from=2026', 'https://x.acme/?phone=', 'tel:+1415867530912345678']) {
      assert.deepEqual(findSensitive(text).map((f) => text.slice(f.start, f.end)), [], text);
    }
    const text = 'https://x.acme/?email=jane%40example.com&u=security%40acme.com';
    assert.equal(redactText(text, findSensitive(text)), text, 'documentation and role addresses are allowed percent-encoded too');
  });
});
