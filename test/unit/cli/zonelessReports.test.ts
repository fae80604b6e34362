import assert from 'node:assert/strict';
import { buildOnce, runCliWithEnv, workspace } from './harness';

/** After the incident below (the harness's NOW is before it: its times would not have happened yet). */
const NOW = '2026-12-06T12:00:00Z';

/** Trial F2: no `timezone:`, times typed without a zone, a writer in Berlin. */
const FM2 = `---
type: postmortem
id: PM-FM2
title: DNS outage
status: draft
started_at: 2026-12-05 21:35
resolved_at: 2026-12-05 23:35:00
---
# DNS outage
`;
const CLEAN = FM2.replace('PM-FM2', 'PM-OK').replace('started_at: 2026-12-05 21:35', 'started_at: 2026-12-05T21:35:00Z').replace('resolved_at: 2026-12-05 23:35:00', 'resolved_at: 2026-12-05T23:35:00Z');

describe('metrics and list say when times were read as UTC without a zone (spawned, TZ set; trial F2)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('`metrics` names the file under problems in text, JSON and md, and not for a writer in UTC', () => {
    const ws = workspace({ 'fm2/a.md': FM2, 'fm2/b.md': CLEAN });
    try {
      const json = runCliWithEnv(ws.dir, { TZ: 'Europe/Berlin' }, 'metrics', 'fm2', '--format', 'json', '--now', NOW);
      assert.equal(json.code, 0, json.stderr);
      const problems = (JSON.parse(json.stdout) as { problems: { uri: string; message: string }[] }).problems;
      assert.equal(problems.length, 1, json.stdout);
      assert.match(problems[0].uri, /a\.md$/);
      assert.match(problems[0].message, /^started_at and resolved_at have no zone, so with no `timezone:` they are read as UTC, while you write in Europe\/Berlin: started_at is 21:35Z if UTC, 20:35Z if Europe\/Berlin/);
      const text = runCliWithEnv(ws.dir, { TZ: 'Europe/Berlin' }, 'metrics', 'fm2', '--now', NOW);
      assert.match(text.stdout, /^note: fm2\/a\.md: started_at and resolved_at have no zone/m);
      const md = runCliWithEnv(ws.dir, { TZ: 'Europe/Berlin' }, 'metrics', 'fm2', '--format', 'md', '--now', NOW);
      assert.match(md.stdout, /^## Notes\n\n- `fm2\/a\.md`: started\\_at and resolved\\_at have no zone/m);
      const utc = runCliWithEnv(ws.dir, { TZ: 'UTC' }, 'metrics', 'fm2', '--format', 'json', '--now', NOW);
      assert.deepEqual((JSON.parse(utc.stdout) as { problems: unknown[] }).problems, []);
    } finally {
      ws.cleanup();
    }
  });

  it('`list` adds a note to that file in text, JSON and md', () => {
    const ws = workspace({ 'fm2/a.md': FM2, 'fm2/b.md': CLEAN });
    try {
      const text = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'list', 'fm2');
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /fm2\/a\.md\n {4}note: started_at and resolved_at have no zone, .* while you write in Asia\/Kolkata: started_at is 21:35Z if UTC, 16:05Z if Asia\/Kolkata/);
      assert.equal(text.stdout.match(/^ {4}note:/gm)?.length, 1, 'only the file without zones has a note on its row');
      const json = JSON.parse(runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'list', 'fm2', '--format', 'json').stdout) as { postmortems: { id: string; notes: string[] }[] }[];
      const notes = Object.fromEntries(json.flatMap((g) => g.postmortems).map((p) => [p.id, p.notes.length]));
      assert.deepEqual(notes, { 'PM-FM2': 1, 'PM-OK': 0 });
      const md = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'list', 'fm2', '--format', 'md').stdout;
      assert.match(md, /^## Notes\n\n- \[DNS outage\]\(fm2\/a\.md\): started\\_at and resolved\\_at have no zone/m);
      assert.doesNotMatch(runCliWithEnv(ws.dir, { TZ: 'UTC' }, 'list', 'fm2').stdout, /note:/);
    } finally {
      ws.cleanup();
    }
  });
});
