import assert from 'node:assert/strict';
import list from '../../../src/cli/commands/list';
import metrics from '../../../src/cli/commands/metrics';
import type { MetricsResult } from '../../../src/core/metrics';
import { runInProcess } from '../../robustness/inProcess';
import { workspace } from '../cli/harness';

/**
 * Copies of one incident (same `id`, same start: a working copy, a renamed file) were counted as
 * separate incidents by metrics and listed without a word, exit 0 (trial 14a F7).
 */
const pm = (id: string, started: string, severity = 'SEV2') => `---
type: postmortem
id: ${id}
title: Port sensors offline
severity: ${severity}
status: draft
timezone: America/St_Johns
started_at: ${started}
detected_at: 2026-11-30T10:10:00-03:30
resolved_at: 2026-11-30T12:50:00-03:30
---
# Port sensors offline

## Action items

- [ ] Add a sensor heartbeat @ana due:2026-12-20
`;

describe('files sharing an id: metrics counts copies once, list says so (trial 14a F7)', () => {
  let ws: ReturnType<typeof workspace>;
  afterEach(() => ws.cleanup());

  it('metrics: three copies and one other incident are 2 incidents, 1 open item each; the note names the files; exit 1', async () => {
    const copy = pm('PM-20261130-nl', '2026-11-30T10:00:00-03:30');
    ws = workspace({ 'pm2.md': copy, 'pm2f.md': copy, 't.md': copy, 'postmortems/other.md': pm('PM-20261129-x', '2026-11-29T09:00:00Z', 'SEV3') });
    const json = await runInProcess(metrics, ws.dir, '.', '--format', 'json', '--now', '2026-12-07T12:00:00Z');
    assert.equal(json.code, 1, json.stderr);
    const m = JSON.parse(json.stdout) as MetricsResult;
    assert.equal(m.documents, 4);
    assert.equal(m.incidentCount, 2);
    assert.equal(m.durations[0]!.overall.count, 2);
    assert.equal(m.actions.open, 2, 'the copies\' items are not counted again');
    assert.deepEqual(m.sharedIds, [{ id: 'PM-20261130-nl', uris: ['pm2.md', 'pm2f.md', 't.md'], counted: ['pm2.md'], leftOut: ['pm2f.md', 't.md'] }]);

    const text = await runInProcess(metrics, ws.dir, '.', '--now', '2026-12-07T12:00:00Z');
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^2 incidents \(4 documents read/);
    assert.match(text.stdout, /note: 2 post-mortems with the id and start of another are copies of that incident, left out of every count/);
    assert.match(text.stdout, /note: pm2\.md: 3 files carry the id "PM-20261130-nl" \(pm2\.md, pm2f\.md, t\.md\); pm2f\.md, t\.md have the same start as pm2\.md: left out as copies of that incident; counted once, as pm2\.md/);
  });

  it('metrics: two incidents under one id (different starts) both count, and the note says so; exit 1', async () => {
    ws = workspace({ 'a.md': pm('PM-1', '2026-11-30T10:00:00-03:30'), 'b.md': pm('PM-1', '2026-11-30T11:00:00-03:30') });
    const r = await runInProcess(metrics, ws.dir, '.', '--format', 'json', '--now', '2026-12-07T12:00:00Z');
    assert.equal(r.code, 1);
    const m = JSON.parse(r.stdout) as MetricsResult;
    assert.equal(m.incidentCount, 2);
    assert.match(m.problems[0]!.message, /a\.md, b\.md start at different times: counted as 2 incidents/);
  });

  it('metrics without shared ids: exit 0, no note', async () => {
    ws = workspace({ 'a.md': pm('PM-1', '2026-11-30T10:00:00-03:30'), 'b.md': pm('PM-2', '2026-11-30T10:00:00-03:30') });
    const r = await runInProcess(metrics, ws.dir, '.', '--format', 'json', '--now', '2026-12-07T12:00:00Z');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as MetricsResult).sharedIds, []);
  });

  it('list: every file listed, the note names the copies, exit 1 (text on stdout, json on stderr)', async () => {
    const copy = pm('PM-20261130-nl', '2026-11-30T10:00:00-03:30');
    ws = workspace({ 'pm2.md': copy, 't.md': copy });
    const r = await runInProcess(list, ws.dir, '.', '--now', '2026-12-07T12:00:00Z');
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout.match(/PM-20261130-nl · Port sensors offline/g)?.length, 2);
    assert.match(r.stdout, /note: 2 files carry the id "PM-20261130-nl" \(pm2\.md, t\.md\); t\.md has the same start as pm2\.md: a copy of that incident, listed here but counted once by `postmortem metrics`/);
    const json = await runInProcess(list, ws.dir, '.', '--format', 'json', '--now', '2026-12-07T12:00:00Z');
    assert.equal(json.code, 1);
    assert.match(json.stderr, /note: 2 files carry the id "PM-20261130-nl"/);
  });
});
