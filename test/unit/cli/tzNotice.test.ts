import assert from 'node:assert/strict';
import { buildOnce, NOW, runCliWithEnv, workspace } from './harness';

/** Trial9 T13: `TZ=UTC+3` was silently UTC (the user's "10:00" was 13:00Z); every command using the writer's zone says so once. */
describe('a TZ the CLI cannot read as a zone is said, once, by each command that uses it (spawned)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('new with TZ=UTC+3 reads --started in the offset the OS reports (UTC−3) and says so; TZ=Garbage/Zone is UTC, said', () => {
    const ws = workspace({ 'postmortems/.keep': '' });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'UTC+3' }, 'new', 'TZ probe', '--now', NOW, '--started', '2026-11-27 08:00');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /postmortem new: note: TZ=UTC\+3 is not an IANA zone name; using the fixed offset this machine reports for it, UTC\u221203:00 \(Etc\/GMT\+3, no daylight saving\) — set TZ=Area\/City or pass --zone/);
      assert.match(r.stderr, /started_at: .*= 2026-11-27T11:00:00Z/);
      assert.equal(r.stderr.match(/TZ=UTC\+3/g)?.length, 1, `said once: ${r.stderr}`);
      const g = runCliWithEnv(ws.dir, { TZ: 'Garbage/Zone' }, 'new', 'TZ probe two', '--now', NOW, '--started', '2026-11-27 10:00');
      assert.equal(g.code, 0, g.stderr);
      assert.match(g.stderr, /postmortem new: note: TZ=Garbage\/Zone is not an IANA zone name; times without a zone are read as UTC — set TZ=Area\/City or pass --zone/);
      assert.match(g.stderr, /= 2026-11-27T10:00:00Z/);
      assert.doesNotMatch(g.stderr, /this machine's time zone is/, 'not the general note as well');
      const named = runCliWithEnv(ws.dir, { TZ: 'Garbage/Zone' }, 'new', 'TZ probe three', '--now', NOW, '--zone', 'Europe/Berlin', '--started', '2026-11-27 10:00');
      assert.doesNotMatch(named.stderr, /TZ=Garbage/, '--zone given: TZ is not used, nothing to say');
    } finally {
      ws.cleanup();
    }
  });

  it('lint, actions, list and metrics each say it once on stderr; stdout stays clean', () => {
    const ws = workspace({ 'postmortems/a.md': '@fixture:clean.md', 'postmortems/b.md': '@fixture:clean.md' });
    try {
      for (const args of [['lint', '--now', NOW], ['actions', '.', '--now', NOW], ['list', '.'], ['metrics', '.', '--now', NOW]]) {
        const r = runCliWithEnv(ws.dir, { TZ: 'Garbage/Zone' }, ...args);
        assert.equal(r.stderr.match(/note: TZ=Garbage\/Zone is not an IANA zone name; times without a zone are read as UTC — set TZ=Area\/City \(like TZ=Europe\/Berlin\)/g)?.length, 1, `${args[0]}: ${r.stderr}`);
        assert.doesNotMatch(r.stdout, /TZ=/);
        const ok = runCliWithEnv(ws.dir, { TZ: 'Europe/Berlin' }, ...args);
        assert.doesNotMatch(ok.stderr, /TZ=/, `${args[0]} with an IANA TZ says nothing`);
      }
    } finally {
      ws.cleanup();
    }
  });

  // trial13a F11: TZ=/usr/share/zoneinfo/Asia/Kolkata was read as UTC (10:00 → 10:00Z, 5 h 30 min late)
  // with a note claiming +05:30 has no IANA zone.
  it('TZ as a path to a zone file (and :Area/City) is read as the zone it names, with nothing to say', () => {
    const ws = workspace({ 'postmortems/.keep': '' });
    try {
      const cases = [['/usr/share/zoneinfo/Asia/Kolkata', '2026-11-26T21:30:00Z'], [':/usr/share/zoneinfo/Asia/Kolkata', '2026-11-26T21:30:00Z'], ['/usr/share/zoneinfo/posix/Pacific/Chatham', '2026-11-26T13:15:00Z'], [':America/Los_Angeles', '2026-11-27T11:00:00Z']] as const;
      cases.forEach(([tz, utc], i) => {
        const r = runCliWithEnv(ws.dir, { TZ: tz }, 'new', `TZ path probe ${i}`, '--now', NOW, '--started', '2026-11-27 03:00');
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stderr, new RegExp(`started_at: .*= ${utc}`), `${tz}: ${r.stderr}`);
        assert.doesNotMatch(r.stderr, /TZ=|not an IANA zone/, `${tz}: nothing to say`);
      });
      const text = ws.read(`postmortems/2026-11-27-tz-path-probe-0.md`);
      assert.match(text, /^timezone: Asia\/Kolkata /m);
      assert.match(text, /^started_at: 2026-11-26T21:30:00Z$/m);
    } finally {
      ws.cleanup();
    }
  });
});
