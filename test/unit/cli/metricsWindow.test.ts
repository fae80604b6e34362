import assert from 'node:assert/strict';
import { buildOnce, runCliWithEnv, workspace } from './harness';

// 05:00 UTC on 6 December is still the 5th in Los Angeles and already the evening of the 6th in Auckland.
const NOW = '2026-12-06T05:00:00Z';
const pm = (id: string, startedAt: string) => `---\ntype: postmortem\nid: ${id}\ntitle: ${id}\nstatus: draft\ntimezone: America/Los_Angeles\nstarted_at: ${startedAt}\nresolved_at: ${startedAt}\n---\n# ${id}\n`;

describe('postmortem metrics --last N: the window starts on the writer\'s calendar and says so as a date', function () {
  this.timeout(60_000);
  before(buildOnce);

  for (const [tz, start, ids] of [
    ['America/Los_Angeles', '2025-12-05', 'PM-5,PM-6'],
    ['Pacific/Auckland', '2025-12-06', 'PM-6'],
    ['UTC', '2025-12-06', 'PM-6'],
  ] as const) {
    it(`TZ=${tz}: from ${start}, printed as that date (not UTC midnight), incidents counted from that day`, () => {
      // PM-5 started on 5 December 2025 in Los Angeles, PM-6 on the 6th.
      const ws = workspace({ 'postmortems/5.md': pm('PM-5', '2025-12-05T19:00:00'), 'postmortems/6.md': pm('PM-6', '2025-12-06T09:00:00'), 'postmortems/old.md': pm('PM-OLD', '2025-11-01T09:00:00') });
      try {
        const text = runCliWithEnv(ws.dir, { TZ: tz }, 'metrics', '--last', '12', '--now', NOW);
        assert.equal(text.code, 0, text.stderr);
        assert.match(text.stdout, new RegExp(`^${ids.split(',').length} incidents? from ${start} to now \\(`, 'm'));
        assert.doesNotMatch(text.stdout, /from \d{4}-\d\d-\d\dT00:00:00Z/);
        const json = JSON.parse(runCliWithEnv(ws.dir, { TZ: tz }, 'metrics', '--last', '12', '--now', NOW, '--format', 'json').stdout) as { since: string; incidents: { id: string }[] };
        assert.equal(json.since, start);
        assert.equal(json.incidents.map((i) => i.id).join(), ids);
      } finally {
        ws.cleanup();
      }
    });
  }
});

// trial17b F6: "2 incidents (since 2025-12-07)" above "7 incidents without id": the missing fields
// counted every post-mortem read, the undated ones and those outside the window too.
describe('postmortem metrics: missing fields count the incidents the figures are about', function () {
  this.timeout(60_000);
  before(buildOnce);
  const noId = (title: string, times: string) => `---\ntype: postmortem\ntitle: ${title}\nstatus: draft\n${times}---\n# ${title}\n`;
  const files = {
    'postmortems/in.md': noId('In the window', 'started_at: 2026-06-01T10:00:00Z\nresolved_at: 2026-06-01T11:00:00Z\n'),
    'postmortems/in-with-id.md': pm('PM-IN', '2026-07-01T10:00:00'),
    'postmortems/old.md': noId('Years ago', 'started_at: 2020-06-01T10:00:00Z\nresolved_at: 2020-06-01T11:00:00Z\n'),
    'postmortems/undated.md': noId('No time at all', ''),
    // A converted template in the post-mortems folder: not a post-mortem for any command.
    'postmortems/team-template.postmortem.md': '---\ntemplate:\n  name: Incident title - DD/MM/YYYY\n  description: Converted\ntype: postmortem\ntitle: Incident title - DD/MM/YYYY\nstatus: draft\n---\n\n# Incident title\n\n## Action items\n\n- [ ] Copy these @lead due:2020-01-01\n',
  };

  it('a window counts only its own incidents as missing a field; all time counts every post-mortem read', () => {
    const ws = workspace(files);
    try {
      const windowed = runCliWithEnv(ws.dir, { TZ: 'UTC' }, 'metrics', '--last', '12', '--now', NOW, '--format', 'json');
      assert.equal(windowed.code, 0, windowed.stderr);
      const w = JSON.parse(windowed.stdout) as { incidentCount: number; undated: string[]; missing: { field: string; count: number; uris: string[] }[] };
      assert.equal(w.incidentCount, 2);
      assert.deepEqual(w.missing.find((f) => f.field === 'id')?.uris, ['postmortems/in.md'], 'the one incident of the window without an id, not the old nor the undated one');
      assert.ok(w.missing.every((f) => f.count <= w.incidentCount), JSON.stringify(w.missing));
      const text = runCliWithEnv(ws.dir, { TZ: 'UTC' }, 'metrics', '--last', '12', '--now', NOW).stdout;
      assert.match(text, /^ {2}1 incident without id$/m);
      assert.match(text, /1 without any incident time/, 'the undated post-mortem is said once, in the header');
      const all = JSON.parse(runCliWithEnv(ws.dir, { TZ: 'UTC' }, 'metrics', '--now', NOW, '--format', 'json').stdout) as typeof w;
      assert.deepEqual(all.missing.find((f) => f.field === 'id')?.uris.sort(), ['postmortems/in.md', 'postmortems/old.md', 'postmortems/undated.md']);
    } finally {
      ws.cleanup();
    }
  });

  it('a template is not a post-mortem for lint, metrics or actions alike: the same count everywhere', () => {
    const ws = workspace(files);
    try {
      const lint = runCliWithEnv(ws.dir, { TZ: 'UTC' }, 'lint', '--now', NOW);
      assert.match(lint.stdout + lint.stderr, /of 4 post-mortems; 1 file skipped \(1 a post-mortem template/);
      const metrics = runCliWithEnv(ws.dir, { TZ: 'UTC' }, 'metrics', '--now', NOW);
      assert.match(metrics.stdout, /\(4 documents read, /);
      const actions = runCliWithEnv(ws.dir, { TZ: 'UTC' }, 'actions', '--now', NOW);
      assert.match(actions.stdout + actions.stderr, /\(4 (post-mortems )?read\)/);
      assert.doesNotMatch(actions.stdout, /Copy these/, "the template's example item is not an action item");
    } finally {
      ws.cleanup();
    }
  });
});
