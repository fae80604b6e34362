/**
 * Trial 11 T1, T13, T8 as a user sees them: `postmortem import-timeline` run as a process on a Slack
 * channel folder copied without users.json (a PagerDuty alert whose text is empty, a join, profiles in
 * the messages) and on an Alertmanager payload whose one alert fired and resolved.
 */
import assert from 'node:assert/strict';
import { buildOnce, runCliWithEnv, workspace } from '../cli/harness';

const ts = (iso: string) => (Date.parse(iso) / 1000).toFixed(4);
const MARIA = { display_name: 'maria', real_name: 'Maria Lopez' };

const POSTMORTEM = `---
type: postmortem
id: PM-20261205-checkout
title: Checkout API 503s after cache eviction storm
status: draft
started_at: 2026-12-06T05:40:00Z
resolved_at: 2026-12-06T09:15:00Z
timezone: America/Los_Angeles
---

# Checkout API 503s after cache eviction storm

## Summary

Checkout returned 503s for two hours.

## Timeline

- 2026-12-06 05:40Z [started] Redis begins evicting keys
- 09:15Z [resolved] all clear

## Root cause analysis

To be written.
`;

const DAY = [
  { type: 'message', user: 'U1', user_profile: MARIA, text: 'ack, looking at <#C1|inc-checkout> :eyes: checkout 5xx', ts: ts('2026-12-06T05:58:00Z') },
  { type: 'message', subtype: 'channel_join', user: 'U2', text: '<@U2> has joined the channel', ts: ts('2026-12-06T06:01:00Z') },
  { type: 'message', user: 'U2', text: 'rolling back cache config', ts: ts('2026-12-06T06:15:30Z') },
  { type: 'message', bot_id: 'B1', username: 'PagerDuty', text: '', attachments: [{ fallback: 'Resolved: checkout-api 5xx' }], ts: ts('2026-12-06T09:14:00Z') },
  { type: 'message', user: 'U1', user_profile: MARIA, text: 'all clear', ts: ts('2026-12-06T09:15:00Z') },
];

const ALERTS = {
  receiver: 'pd', status: 'resolved', alerts: [
    { status: 'resolved', labels: { alertname: 'SearchP99High', severity: 'page', instance: '10.1.2.3:9090' }, annotations: { summary: 'p99 > 2s on search' }, startsAt: '2026-12-06T16:35:00+10:30', endsAt: '2026-12-06T19:20:00+10:30' },
    { status: 'firing', labels: { alertname: 'ReindexLag', instance: '10.1.2.4:9090' }, annotations: { description: 'lag 40m' }, startsAt: '2026-12-06T06:50:00Z', endsAt: '0001-01-01T00:00:00Z' },
  ],
};

describe('import-timeline as trial 11 ran it (spawned CLI)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('imports the PagerDuty alert read from its attachment, counts the join as skipped, and names people from the messages\' profiles', () => {
    const ws = workspace({ 'postmortems/pm.md': POSTMORTEM, 'export/inc-checkout/2026-12-06.json': JSON.stringify(DAY) });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'America/Los_Angeles' }, 'import-timeline', 'postmortems/pm.md', '--from', 'slack', '--input', 'export/inc-checkout');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^\+ - 2026-12-06 09:14Z \(chat\) PagerDuty: Resolved: checkout-api 5xx$/m);
      assert.match(r.stdout, /^\+ - 2026-12-06 05:58Z \(chat\) maria: ack, looking at #inc-checkout :eyes: checkout 5xx$/m);
      assert.match(r.stdout, /^\+ - 2026-12-06 06:15:30Z \(chat\) U2: rolling back cache config$/m);
      // 5 messages: 4 events and 1 skipped, both said.
      assert.match(r.stdout, /^4 events read: 4 to add, 0 already in the timeline, 0 outside the window \S+ – \S+; skipped 1 housekeeping message \(channel_join\)$/m);
      assert.match(r.stdout, /^note: 1 message with empty text read from its attachments \(2026-12-06\.json message 4\)$/m);
      assert.match(r.stdout, /^note: users\.json not found \(looked in inc-checkout\/ and export\/\): 1 person named from the messages' own profiles \(U1 as maria\); 1 person shown by id \(U2\)$/m);
      assert.doesNotMatch(r.stdout, /U1:/);
    } finally {
      ws.cleanup();
    }
  });

  it('names everyone from users.json at the export root and says so, nothing about profiles or ids', () => {
    const users = [{ id: 'U1', name: 'maria', real_name: 'Maria Lopez', profile: { display_name: 'maria' } }, { id: 'U2', name: 'devon', real_name: 'Devon K', profile: { display_name: '' } }];
    const ws = workspace({ 'postmortems/pm.md': POSTMORTEM, 'export/inc-checkout/2026-12-06.json': JSON.stringify(DAY), 'export/users.json': JSON.stringify(users) });
    try {
      const r = runCliWithEnv(ws.dir, {}, 'import-timeline', 'postmortems/pm.md', '--from', 'slack', '--input', 'export/inc-checkout/2026-12-06.json', '--yes');
      assert.equal(r.code, 0, r.stderr);
      assert.match(ws.read('postmortems/pm.md'), /^- 2026-12-06 06:15:30Z \(chat\) Devon K: rolling back cache config$/m);
      assert.match(ws.read('postmortems/pm.md'), /^- 2026-12-06 09:14Z \(chat\) PagerDuty: Resolved: checkout-api 5xx$/m);
      assert.match(r.stdout, /^note: 2 people named from users\.json$/m);
      assert.doesNotMatch(r.stdout, /shown by id|profiles/);
    } finally {
      ws.cleanup();
    }
  });

  it('lists an alert that fired and resolved once in the redaction note, with both values counted', () => {
    const ws = workspace({ 'postmortems/pm.md': POSTMORTEM, 'am.json': JSON.stringify(ALERTS) });
    try {
      const r = runCliWithEnv(ws.dir, {}, 'import-timeline', 'postmortems/pm.md', '--from', 'alertmanager', '--input', 'am.json');
      assert.equal(r.code, 1, `values redacted: exit 1, as tickets create ${r.stderr}`);
      assert.match(r.stdout, /^\+ - 2026-12-06 06:05Z \(alert\) FIRING SearchP99High: p99 > 2s on search \(instance=\[redacted: ip-address\]:9090, severity=page\)$/m);
      assert.match(r.stdout, /^\+ - 2026-12-06 08:50Z \(alert\) RESOLVED SearchP99High/m);
      assert.match(r.stdout, /^Redacted 3 secret or personal values in 3 imported events/m);
      const lines = r.stdout.split('\n').filter((l) => /am\.json alert \d/.test(l));
      assert.deepEqual(lines, ['  am.json alert 1 (firing and resolved): 2 values redacted (ip-address)', '  am.json alert 2 (firing): 1 value redacted (ip-address)']);
    } finally {
      ws.cleanup();
    }
  });
});
