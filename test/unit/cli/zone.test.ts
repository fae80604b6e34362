import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, NOW, runCliWithEnv, workspace } from './harness';

/** A post-mortem from the old template: `timezone: UTC`, with times typed as they were lived. */
const LOCAL_UNDER_UTC = `---
type: postmortem
id: PM-1
title: Checkout errors
status: draft
started_at: 2026-11-20T13:00:00Z
timezone: UTC
---
# Checkout errors

## Summary

Checkout failed.

## Timeline

- 2026-11-20 14:09 [detected] (alert) Pager alert
- 14:21 [mitigated] Rolled back
- 15:10 [resolved] Error rate at baseline
`;

function newFileText(dir: string): string {
  const [name] = readdirSync(join(dir, 'postmortems'));
  return readFileSync(join(dir, 'postmortems', name), 'utf8');
}

describe("the writer's zone in the CLI (spawned, TZ set)", function () {
  this.timeout(60_000);
  before(buildOnce);

  it('`new` writes the process zone (TZ=Europe/Berlin) as timezone, with times in UTC', () => {
    const ws = workspace({});
    try {
      // The start typed as a Berlin local time: read in the process zone, written in UTC, and said.
      const r = runCliWithEnv(ws.dir, { TZ: 'Europe/Berlin' }, 'new', 'DNS outage', '--now', NOW, '--started', '2026-11-27 13:00');
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, 'postmortem new: started_at: 2026-11-27 13:00 Europe/Berlin = 2026-11-27T12:00:00Z\n', 'no zone note: the zone is known and not UTC');
      const text = newFileText(ws.dir);
      assert.match(text, /^timezone: Europe\/Berlin {2}#/m);
      assert.match(text, /^started_at: 2026-11-27T12:00:00Z$/m);
      assert.match(text, /^- 2026-11-27 12:00Z \[started\] Describe what started the incident$/m);
      const lint = runCliWithEnv(ws.dir, { TZ: 'Europe/Berlin' }, 'lint', '--now', NOW);
      assert.match(lint.stdout, /\(0 errors, 0 warnings, /, lint.stdout);
    } finally {
      ws.cleanup();
    }
  });

  it('`new --zone` overrides the process zone, and a zone that is not one is refused (exit 2)', () => {
    const ws = workspace({});
    try {
      const ok = runCliWithEnv(ws.dir, { TZ: 'Europe/Berlin' }, 'new', 'Login errors', '--zone', 'america/los_angeles', '--now', NOW);
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(newFileText(ws.dir), /^timezone: America\/Los_Angeles {2}#/m);
      for (const bad of ['Mars/Olympus', '+02:00', '', 'PST']) {
        const r = runCliWithEnv(ws.dir, {}, 'new', 'Other', '--zone', bad, '--now', NOW);
        assert.equal(r.code, 2, `${bad}: ${r.stderr}`);
        assert.match(r.stderr, /Expected --zone to be an IANA time zone, like Europe\/Berlin/);
        if (bad === 'PST') assert.match(r.stderr, /PST is an abbreviation, a fixed UTC\u22128 all year.* like America\/Los_Angeles/, 'trial F21');
      }
    } finally {
      ws.cleanup();
    }
  });

  it('says so when the process zone is UTC or unknown, and writes timezone: UTC', () => {
    for (const [tz, said] of [['UTC', /this machine's time zone is UTC/], ['Nowhere/Atlantis', /TZ=Nowhere\/Atlantis is not an IANA zone name; times without a zone are read as UTC/]] as const) {
      const ws = workspace({});
      try {
        const r = runCliWithEnv(ws.dir, { TZ: tz }, 'new', 'DNS outage', '--now', NOW);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stderr, said);
        assert.match(r.stderr, /pass --zone/);
        assert.match(newFileText(ws.dir), /^timezone: UTC {2}#/m);
      } finally {
        ws.cleanup();
      }
    }
  });

  it('`lint` under TZ=Europe/Berlin asks whether zone-less times under `timezone: UTC` are UTC or Berlin; fixes neither', () => {
    const ws = workspace({ 'postmortems/a.md': LOCAL_UNDER_UTC });
    try {
      const berlin = runCliWithEnv(ws.dir, { TZ: 'Europe/Berlin' }, 'lint', '--format', 'json', '--now', NOW);
      const found = (JSON.parse(berlin.stdout) as { code: string; line: number; message: string }[]).filter((d) => d.code === 'timeline/utc-or-local');
      assert.equal(found.length, 1, berlin.stdout);
      assert.equal(found[0].line, 15, 'on the Timeline heading');
      assert.match(found[0].message, /3 times have none, so `timezone: UTC` reads them as UTC, while you write in Europe\/Berlin: 2026-11-20 14:09 on line 17 is 14:09Z if UTC, 13:09Z if Europe\/Berlin/);
      const fixed = runCliWithEnv(ws.dir, { TZ: 'Europe/Berlin' }, 'lint', '--fix', '--now', NOW);
      assert.notEqual(fixed.code, null);
      assert.equal(ws.read('postmortems/a.md'), LOCAL_UNDER_UTC, '--fix does not guess which zone the times are in');
      const utc = runCliWithEnv(ws.dir, { TZ: 'UTC' }, 'lint', '--format', 'json', '--now', NOW);
      assert.deepEqual((JSON.parse(utc.stdout) as { code: string }[]).filter((d) => d.code === 'timeline/utc-or-local'), [], 'a writer in UTC has nothing to ask');
      const la = runCliWithEnv(ws.dir, { TZ: 'America/Los_Angeles' }, 'lint', '--format', 'json', '--now', NOW);
      assert.match(la.stdout, /14:09Z if UTC, 22:09Z if America\/Los_Angeles/);
    } finally {
      ws.cleanup();
    }
  });
  it('writes and names the zone as the user gave it: TZ=Asia/Kolkata is Asia/Kolkata, not ICU\'s Asia/Calcutta', () => {
    const ws = workspace({ 'postmortems/a.md': LOCAL_UNDER_UTC });
    try {
      for (const [tz, written] of [['Asia/Kolkata', 'Asia/Kolkata'], ['Europe/Kyiv', 'Europe/Kyiv'], ['Asia/Kathmandu', 'Asia/Kathmandu'], ['Asia/Calcutta', 'Asia/Calcutta']] as const) {
        const r = runCliWithEnv(ws.dir, { TZ: tz }, 'new', `DNS outage ${tz}`, '--dir', 'new', '--now', NOW);
        assert.equal(r.code, 0, r.stderr);
        const file = ws.read(r.stdout.trim());
        assert.match(file, new RegExp(`^timezone: ${written.replace('/', '\\/')} {2}#`, 'm'), `${tz}: ${file.slice(0, 300)}`);
      }
      const lint = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'lint', 'postmortems', '--format', 'json', '--now', NOW);
      const found = (JSON.parse(lint.stdout) as { code: string; message: string }[]).filter((d) => d.code === 'timeline/utc-or-local');
      assert.equal(found.length, 1, lint.stdout);
      assert.match(found[0].message, /while you write in Asia\/Kolkata: .* 08:39Z if Asia\/Kolkata/);
      assert.doesNotMatch(lint.stdout, /Calcutta/);
    } finally {
      ws.cleanup();
    }
  });
});
