/**
 * Trial 14a F11 and F33 as a user sees them in `postmortem import-timeline --from alertmanager`:
 * the description and runbook of an alert with a summary were dropped without a word; an alert that
 * ends before it starts was written RESOLVED half an hour before FIRING, without a warning.
 */
import assert from 'node:assert/strict';
import importTimeline from '../../../src/cli/commands/importTimeline';
import { runInProcess } from '../../robustness/inProcess';
import { workspace } from '../cli/harness';

const POSTMORTEM = `---
type: postmortem
id: PM-20261205-pay
title: Payment API latency
status: draft
timezone: Asia/Tokyo
started_at: 2026-12-05T00:00:00Z
resolved_at: 2026-12-05T03:00:00Z
---

# Payment API latency

## Timeline

- 2026-12-05 00:00Z [started] p99 climbs

## Action items

- [ ] Add a canary @kim due:2026-12-20
`;

const payload = (alerts: object[]) => JSON.stringify({ receiver: 'pager', status: 'firing', alerts });

describe('import-timeline --from alertmanager keeps what an alert says and checks its times (trial 14a F11, F33)', () => {
  let ws: ReturnType<typeof workspace>;
  afterEach(() => ws.cleanup());
  const run = (...argv: string[]) => runInProcess(importTimeline, ws.dir, 'postmortems/pm.md', '--from', 'alertmanager', '--input', 'am.json', ...argv);

  it('keeps the description after the summary and the runbook in the parentheses (F11)', async () => {
    ws = workspace({
      'postmortems/pm.md': POSTMORTEM,
      'am.json': payload([{ status: 'firing', labels: { alertname: 'PaymentLatencyHigh', severity: 'critical' }, annotations: { summary: 'p99 > 2s', description: 'Checkout p99 latency is 4.2s on pay-api-3 for 10 minutes', runbook_url: 'https://runbooks.acme.test/pay-latency' }, startsAt: '2026-12-05T00:05:00Z', endsAt: '0001-01-01T00:00:00Z' }]),
    });
    const r = await run('--yes');
    assert.equal(r.code, 0, r.stderr);
    assert.match(ws.read('postmortems/pm.md'), /^- 2026-12-05 00:05Z \(alert\) FIRING PaymentLatencyHigh: p99 > 2s — Checkout p99 latency is 4\.2s on pay-api-3 for 10 minutes \(severity=critical; runbook_url: https:\/\/runbooks\.acme\.test\/pay-latency\)$/m);
  });

  it('a description that only repeats the summary is not written twice', async () => {
    ws = workspace({ 'postmortems/pm.md': POSTMORTEM, 'am.json': payload([{ status: 'firing', labels: { alertname: 'Disk' }, annotations: { summary: 'disk full', description: 'disk full' }, startsAt: '2026-12-05T00:05:00Z' }]) });
    const r = await run('--dry-run');
    assert.match(r.stdout, /^\+ - 2026-12-05 00:05Z \(alert\) FIRING Disk: disk full$/m);
  });

  it('an alert ending before it starts: FIRING imported, RESOLVED left out, both times said (F33)', async () => {
    ws = workspace({ 'postmortems/pm.md': POSTMORTEM, 'am.json': payload([{ status: 'resolved', labels: { alertname: 'Weird' }, annotations: { summary: 'ends before start' }, startsAt: '2026-12-05T01:00:00Z', endsAt: '2026-12-05T00:30:00Z' }]) });
    const r = await run('--dry-run');
    assert.match(r.stdout, /^\+ - 2026-12-05 01:00Z \(alert\) FIRING Weird: ends before start$/m);
    assert.doesNotMatch(r.stdout, /RESOLVED Weird/);
    assert.match(r.stdout, /1 event read: 1 to add.*; skipped 1 resolved time before its alert fired \(see the note\)/);
    assert.match(r.stdout, /note: am\.json alert 1 \(Weird\): endsAt 2026-12-05T00:30:00Z is before startsAt 2026-12-05T01:00:00Z, which cannot be: its FIRING entry is imported, its RESOLVED entry is not/);
  });

  it('a re-fire 30 s later is its own entry, each to the second (F33)', async () => {
    ws = workspace({
      'postmortems/pm.md': POSTMORTEM,
      'am.json': payload([
        { status: 'resolved', labels: { alertname: 'Flap' }, annotations: { summary: 'flapping' }, startsAt: '2026-12-05T00:10:00Z', endsAt: '2026-12-05T00:12:00Z' },
        { status: 'resolved', labels: { alertname: 'Flap' }, annotations: { summary: 'flapping' }, startsAt: '2026-12-05T00:10:30Z', endsAt: '2026-12-05T00:12:40Z' },
      ]),
    });
    const r = await run('--yes');
    assert.equal(r.code, 0, r.stderr);
    const entries = ws.read('postmortems/pm.md').split('\n').filter((l) => l.includes('Flap'));
    assert.deepEqual(entries, [
      '- 2026-12-05 00:10Z (alert) FIRING Flap: flapping',
      '- 2026-12-05 00:10:30Z (alert) FIRING Flap: flapping',
      '- 2026-12-05 00:12Z (alert) RESOLVED Flap: flapping',
      '- 2026-12-05 00:12:40Z (alert) RESOLVED Flap: flapping',
    ]);
    const again = await run('--dry-run');
    assert.match(again.stdout, /Nothing to add/, 'a second import finds all four');
  });
});
